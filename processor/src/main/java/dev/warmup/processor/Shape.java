package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;

/**
 * One shape of learning-rate curve, the unit every schedule is composed of (as Optax composes its schedules of small
 * pure functions). Each shape is one class holding, in one place: its formula (in its Javadoc), its evaluator
 * {@link #at(long)}, the code it emits into the generated {@code lr(step)} ({@link #code(Code)}), and the code of the
 * generated {@code fill} ({@link #fill(Code)}). The evaluator and the emitted code perform the same operations in the
 * same order on the same constants, so they agree to the bit; {@code SchedulePropertiesTest} (random steps) and
 * {@code ShapeBoundaryTest} (every phase's first and end steps) compare their raw bits.
 *
 * <p>A shape lies on a {@link Span} of steps and is told its constants' names and its formula's words by
 * {@link Names}, so the same shape serves as a warmup, a decay, a phase or a part of a cycle. Adding a shape is one
 * new class implementing this interface, and its tests.
 */
interface Shape {

    /** The rate at {@code step}, a step of the shape's span, exactly as {@link #code(Code)} computes it. */
    double at(long step);

    /** Statements that return the rate for a {@code step} of the span; constants are named through {@code code}. */
    CodeBlock code(Code code);

    /**
     * Statements that fill {@code out[from, to)} with the rates of steps {@code firstStep, firstStep + 1, ...}, all of
     * the span ({@code out}, {@code from}, {@code to} and {@code firstStep} in scope). By default, each through
     * {@code lr}.
     */
    default CodeBlock fill(Code code) {
        return FillCode.viaRate(code, FillCode.Into.SET);
    }

    /**
     * Statements that multiply {@code out[from, to)} by the rates of steps {@code firstStep, firstStep + 1, ...},
     * all of the span, in the scope of {@link #fill}: the shape as a factor of a {@link ProductShape}, whose method
     * is {@link Code#rate}. Within {@link #fillUlps()} of that method's values, as {@code fill} is of {@code lr}'s.
     * By default, each step by a call of the method.
     */
    default CodeBlock fillTimes(Code code) {
        return FillCode.viaRate(code, FillCode.Into.TIMES);
    }

    /**
     * How far the generated {@code fill} may be from {@code lr}, in ulps of {@code lr}, as measured by
     * {@code SchedulePropertiesTest} (0: the same bits).
     */
    default int fillUlps() {
        return 0;
    }

    /** The formula in the words of {@link Names}: {@code startLr + (initLr - startLr) * t / W}. */
    String formula();

    /** The formula as the emitted code computes it, in the constants' names and {@code t}. */
    String computation();

    /** What the shape is called: {@code linear}, {@code cosine}. */
    String kind();
}
