package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;

/**
 * Repeated power: from a, raised to {@code power} every step, {@code lr(u + 1) = lr(u)^power}; in closed form
 * {@code a^(power^u)}, computed as {@code a * exp(ln(a) * (exp(ln(power) * u) - 1))}, that is
 * {@code a * a^(power^u - 1)}: exactly a at the start.
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
        return start * Math.exp(StrictMath.log(start) * (Math.exp(StrictMath.log(power) * span.done(step)) - 1));
    }

    @Override
    public CodeBlock expression(Code code) {
        return CodeBlock.of("$N * $T.exp($N * ($T.exp($N * $L) - 1))", code.use(startConstant()), Math.class,
                code.use(logStartConstant()), Math.class, code.use(logPowerConstant()), span.done(code));
    }

    @Override
    public String formula() {
        return names.words("{a}^(power^{u})");
    }

    @Override
    public String computation() {
        return startConstant().name() + " * exp(" + logStartConstant().name() + " * (exp(" + logPowerConstant().name()
                + " * " + span.doneText() + ") - 1))";
    }

    @Override
    public String kind() {
        return "repeated power";
    }
}
