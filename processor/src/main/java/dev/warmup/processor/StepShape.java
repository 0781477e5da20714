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
                .addStatement("long drops = $L", drops(code))
                .addStatement("return $L", expression(code, "drops"))
                .build();
    }

    /** The drops so far, {@code done / STEP_SIZE}. */
    CodeBlock drops(Code code) {
        return CodeBlock.of("$L / $N", span.done(code), code.use(stepSizeConstant()));
    }

    /** The rate after the drops held in the {@code long} variable {@code drops}. */
    CodeBlock expression(Code code, String drops) {
        return CodeBlock.of("$N * $T.pow($N, $L)", code.use(startConstant()), Math.class, code.use(gammaConstant()),
                drops);
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
