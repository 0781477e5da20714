package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;

/**
 * Step, PyTorch's {@code StepLR}: from a, times gamma every stepSize steps, {@code lr = a * gamma^floor(u / stepSize)},
 * computed as {@code a * exp(ln(gamma) * (u / stepSize))} with the quotient in whole steps. {@code fill} writes runs
 * of one value until the next drop.
 */
record StepShape(double start, double gamma, long stepSize, Span span, Names names) implements Shape {

    private NamedConstant startConstant() {
        return NamedConstant.ofDouble(names.name("START_LR"), start, names.startDoc());
    }

    private NamedConstant logGammaConstant() {
        return NamedConstant.ofDouble(names.name("LOG_RATE"), Math.log(gamma), names.doc("ln(gamma)"));
    }

    private NamedConstant stepSizeConstant() {
        return NamedConstant.ofLong(names.name("STEP_SIZE"), stepSize, "stepSize: steps between drops");
    }

    @Override
    public double at(long step) {
        return start * Math.exp(Math.log(gamma) * (span.doneSteps(step) / stepSize));
    }

    @Override
    public CodeBlock code(Code code) {
        return CodeBlock.of("return $N * $T.exp($N * ($L / $N));\n", code.use(startConstant()), Math.class,
                code.use(logGammaConstant()), span.done(code), code.use(stepSizeConstant()));
    }

    @Override
    public CodeBlock fill(Code code) {
        String stepSize = code.use(stepSizeConstant());
        return FillCode.runs(CodeBlock.of(""), CodeBlock.of("$N - $L % $N", stepSize, span.done(code), stepSize));
    }

    @Override
    public String formula() {
        return names.words("{a} * gamma^floor({u} / stepSize)");
    }

    @Override
    public String computation() {
        return startConstant().name() + " * exp(" + logGammaConstant().name() + " * floor(" + span.doneText() + " / "
                + stepSizeConstant().name() + "))";
    }

    @Override
    public String kind() {
        return "step";
    }
}
