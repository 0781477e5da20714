package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Inverse time, Keras's {@code InverseTimeDecay}: from a on, {@code lr = a / (1 + gamma * p)} with
 * {@code p = u / stepSize}, the decay rate gamma applied once per stepSize steps. Continuous, it is computed as
 * {@code a / (1 + ratePerStep * u)} with {@code ratePerStep = gamma / stepSize} rounded once from 60 digits (gamma
 * itself when stepSize is 1); as a staircase, p is the whole number of stepSizes done, {@code floor(u / stepSize)},
 * a {@code long} division, and the rate {@code a / (1 + gamma * p)}. The denominator is at least 1 and grows with the
 * step, so the rate falls from a towards 0 and never overflows: past 2^1024 the denominator is infinite and the rate 0.
 *
 * @param start a, the rate at the span's start
 * @param gamma the decay rate per stepSize steps, finite and {@code > 0}
 * @param stepSize the steps over which gamma applies, {@code > 0}
 * @param staircase whether p is floored to whole stepSizes
 */
record InverseTimeShape(double start, double gamma, long stepSize, boolean staircase, Span span, Names names)
        implements Shape {

    /** gamma / stepSize, the decay rate per step, rounded once. */
    double ratePerStep() {
        return stepSize == 1 ? gamma
                : new BigDecimal(gamma).divide(new BigDecimal(stepSize), new MathContext(60)).doubleValue();
    }

    private NamedConstant startConstant() {
        return NamedConstant.ofDouble(names.name("START_LR"), start, names.startDoc());
    }

    private NamedConstant rateConstant() {
        return staircase ? NamedConstant.ofDouble(names.name("GAMMA"), gamma, "gamma: the decay rate per stepSize steps")
                : NamedConstant.ofDouble(names.name("RATE_PER_STEP"), ratePerStep(), stepSize == 1
                        ? "gamma: the decay rate per step" : "gamma / stepSize: the decay rate per step");
    }

    private NamedConstant stepSizeConstant() {
        return NamedConstant.ofLong(names.name("STEP_SIZE"), stepSize, "stepSize: the steps of one whole p");
    }

    @Override
    public double at(long step) {
        if (staircase) {
            long p = span.doneSteps(step) / stepSize;
            return start / (1 + gamma * p);
        }
        return start / (1 + ratePerStep() * span.done(step));
    }

    @Override
    public CodeBlock code(Code code) {
        if (staircase) {
            return CodeBlock.builder()
                    .addStatement("long p = $L / $N", span.done(code), code.use(stepSizeConstant()))
                    .addStatement("return $N / (1 + $N * p)", code.use(startConstant()), code.use(rateConstant()))
                    .build();
        }
        return CodeBlock.of("return $N / (1 + $N * $L);\n", code.use(startConstant()), code.use(rateConstant()),
                span.done(code));
    }

    @Override
    public String formula() {
        return names.words(staircase ? "{a} / (1 + gamma * floor({u} / stepSize))"
                : stepSize == 1 ? "{a} / (1 + gamma * {u})" : "{a} / (1 + gamma * {u} / stepSize)");
    }

    @Override
    public String computation() {
        return staircase
                ? startConstant().name() + " / (1 + " + rateConstant().name() + " * floor(" + span.doneText() + " / "
                        + stepSizeConstant().name() + "))"
                : startConstant().name() + " / (1 + " + rateConstant().name() + " * " + span.doneText() + ")";
    }

    @Override
    public String kind() {
        return staircase ? "inverse time staircase" : "inverse time";
    }
}
