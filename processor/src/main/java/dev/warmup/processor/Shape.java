package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;

/**
 * One shape of learning-rate curve, the unit every schedule is composed of (as Optax composes its schedules of small
 * pure functions). Each shape is one class holding, in one place: its formula (in its Javadoc), its evaluator
 * {@link #at(long)} and the code it emits into the generated {@code lr(step)} ({@link #code(Code)}). The evaluator
 * and the emitted code perform the same operations in the same order on the same constants, so they agree to the bit;
 * {@code SchedulePropertiesTest} (random steps) and {@code ShapeBoundaryTest} (every phase's first and end steps)
 * compare their raw bits.
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

    /** The formula in the words of {@link Names}: {@code startLr + (initLr - startLr) * t / W}. */
    String formula();

    /** The formula as the emitted code computes it, in the constants' names and {@code t}. */
    String computation();

    /** What the shape is called: {@code linear}, {@code cosine}. */
    String kind();
}
