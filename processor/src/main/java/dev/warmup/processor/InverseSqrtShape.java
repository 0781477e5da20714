package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;

/**
 * Inverse square root, from a: {@code lr = a * sqrt(tau / (tau + u))}, tau the time scale. As the decay after a warmup
 * of W steps, {@code tau = W}, so {@code lr(t) = initLr * sqrt(W / t)}; as a phase from a to b over L steps,
 * {@code tau = L * b^2 / (a^2 - b^2)}, computed as {@code L / ((a / b - 1) (a / b + 1))}. The quotient is at most 1,
 * so the rate never exceeds a.
 */
record InverseSqrtShape(double start, double tau, String tauDoc, String formulaText, Span span, Names names)
        implements ClosedFormShape {

    /** The time scale that reaches b from a over L steps; positive and finite only for {@code a > b > 0}. */
    static double tau(double start, double end, double length) {
        double ratio = start / end;
        return length / ((ratio - 1) * (ratio + 1));
    }

    /** From a to b over the span. */
    static InverseSqrtShape between(double start, double end, Span span, Names names) {
        return new InverseSqrtShape(start, tau(start, end, span.length()), "{L} * {b}^2 / ({a}^2 - {b}^2)",
                "{a} * sqrt(tau / (tau + {u})), tau = {L} * {b}^2 / ({a}^2 - {b}^2)", span, names);
    }

    /** After a warmup of W steps, from its end on: {@code tau = W}, so {@code lr(t) = a * sqrt(W / t)}. */
    static InverseSqrtShape afterWarmup(double start, long warmupSteps, Span span, Names names) {
        return new InverseSqrtShape(start, warmupSteps, "W", "{a} * sqrt(W / t)", span, names);
    }

    private NamedConstant startConstant() {
        return NamedConstant.ofDouble(names.name("START_LR"), start, names.startDoc());
    }

    private NamedConstant tauConstant() {
        return NamedConstant.ofDouble(names.name("TAU"), tau, names.doc(tauDoc, ", its time scale"));
    }

    @Override
    public double at(long step) {
        return start * Math.sqrt(tau / (tau + span.done(step)));
    }

    @Override
    public CodeBlock expression(Code code) {
        String tau = code.use(tauConstant());
        return CodeBlock.of("$N * $T.sqrt($N / ($N + $L))", code.use(startConstant()), Math.class, tau, tau,
                span.done(code));
    }

    @Override
    public String formula() {
        return names.words(formulaText);
    }

    @Override
    public String computation() {
        return startConstant().name() + " * sqrt(" + tauConstant().name() + " / (" + tauConstant().name() + " + "
                + span.doneText() + "))";
    }

    @Override
    public String kind() {
        return "inverse square root";
    }
}
