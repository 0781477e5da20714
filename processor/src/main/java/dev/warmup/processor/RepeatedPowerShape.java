package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;

/**
 * Repeated power: from a, raised to {@code power} every step, {@code lr(u + 1) = lr(u)^power}; in closed form
 * {@code a^(power^u)}, computed as {@code a * exp(ln(a) * expm1(ln(power) * u))}, that is
 * {@code a * a^(power^u - 1)}: exactly a at the start, and without the rounding of {@code exp(ln(a))} just after it.
 */
record RepeatedPowerShape(double start, double power, Span span, Names names) implements ClosedFormShape {

    private NamedConstant startConstant() {
        return NamedConstant.ofDouble(names.name("START_LR"), start, names.startDoc());
    }

    private NamedConstant logStartConstant() {
        return NamedConstant.ofDouble(names.name("LOG_START_LR"), StrictMath.log(start), names.doc("ln({a})"));
    }

    private NamedConstant logPowerConstant() {
        return NamedConstant.ofDouble(names.name("LOG_POWER"), StrictMath.log(power), names.doc("ln(power)"));
    }

    @Override
    public double at(long step) {
        return start * Math.exp(StrictMath.log(start) * Math.expm1(StrictMath.log(power) * span.done(step)));
    }

    @Override
    public CodeBlock expression(Code code) {
        return CodeBlock.of("$N * $T.exp($N * $T.expm1($N * $L))", code.use(startConstant()), Math.class,
                code.use(logStartConstant()), Math.class, code.use(logPowerConstant()), span.done(code));
    }

    @Override
    public String formula() {
        return names.words("{a}^(power^{u})");
    }

    @Override
    public String computation() {
        return startConstant().name() + " * exp(" + logStartConstant().name() + " * expm1(" + logPowerConstant().name()
                + " * " + span.doneText() + "))";
    }

    @Override
    public String kind() {
        return "repeated power";
    }
}
