package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;

/**
 * Step, PyTorch's {@code StepLR}: from a, times gamma every stepSize steps, {@code lr = a * gamma^k} with
 * {@code k = floor(u / stepSize)} the drops so far, computed as {@code Math.pow(gamma, k)}.
 */
record StepShape(double start, double gamma, long stepSize, Span span, Names names) implements Shape {

    private NamedConstant startConstant() {
        return NamedConstant.ofDouble(names.name("START_LR"), start, names.startDoc());
    }

    private NamedConstant gammaConstant() {
        return NamedConstant.ofDouble(names.name("GAMMA"), gamma, "gamma: the factor of each drop");
    }

    private NamedConstant stepSizeConstant() {
        return NamedConstant.ofLong(names.name("STEP_SIZE"), stepSize, "stepSize: steps between drops");
    }

    @Override
    public double at(long step) {
        long drops = span.doneSteps(step) / stepSize;
        return start * Math.pow(gamma, drops);
    }

    @Override
    public CodeBlock code(Code code) {
        return CodeBlock.builder()
                .addStatement("long drops = $L / $N", span.done(code), code.use(stepSizeConstant()))
                .addStatement("return $N * $T.pow($N, drops)", code.use(startConstant()), Math.class,
                        code.use(gammaConstant()))
                .build();
    }

    @Override
    public String formula() {
        return names.words("{a} * gamma^floor({u} / stepSize)");
    }

    @Override
    public String computation() {
        return startConstant().name() + " * pow(" + gammaConstant().name() + ", floor(" + span.doneText() + " / "
                + stepSizeConstant().name() + "))";
    }

    @Override
    public String kind() {
        return "step";
    }
}
