package dev.warmup;

import java.util.List;

/**
 * A learning-rate schedule: the rate to train with at each optimiser step.
 *
 * <p>Classes generated from {@link WarmupSchedule}, {@link PhasedSchedule}, {@link OneCycleSchedule},
 * {@link CyclicSchedule}, {@link WarmRestartsSchedule} and {@link ChainedSchedule} (with or without
 * {@link UntunedWarmup} beside them) implement this interface with a short branch chain over
 * constants that the annotation processor computed at compile time: {@link #lr(long)} allocates nothing, holds no
 * state and is safe to call from any thread. Each generated class has a {@code public static final INSTANCE}.
 *
 * <p>Being a functional interface, it can also be written as a lambda, for a schedule that has no annotation:
 * {@code StepLr constant = step -> 0.01;}
 */
@FunctionalInterface
public interface StepLr {

    /**
     * Returns the learning rate for an optimiser step.
     *
     * @param step the number of optimiser steps taken before this one, from 0
     * @return the learning rate, finite and {@code >= 0}
     * @throws IllegalArgumentException if {@code step} is negative
     */
    double lr(long step);

    /**
     * Returns {@link #lr(long)} rounded to {@code float}, for frameworks that train in single precision.
     *
     * @param step the number of optimiser steps taken before this one, from 0
     * @return the learning rate rounded to the nearest {@code float}
     * @throws IllegalArgumentException if {@code step} is negative
     */
    default float lrFloat(long step) {
        return (float) lr(step);
    }

    /**
     * Fills {@code out} with the learning rates of consecutive steps: {@code out[i] = lr(fromStep + i)}, one call of
     * {@link #lr(long)} per step, for a chart or a log of the whole run.
     *
     * @param out the array to fill, every element of it
     * @param fromStep the step of {@code out[0]}
     * @throws IllegalArgumentException if {@code fromStep} is negative
     * @throws ArithmeticException if {@code fromStep + out.length - 1} exceeds {@link Long#MAX_VALUE}
     */
    default void fill(double[] out, long fromStep) {
        if (fromStep < 0) {
            throw new IllegalArgumentException("fromStep must be >= 0, was " + fromStep);
        }
        if (out.length > 0) {
            Math.addExact(fromStep, out.length - 1);
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = lr(fromStep + i);
        }
    }

    /**
     * Returns the peak rate the schedule was declared with, to which {@link #factor(long)} is relative:
     * {@code initLr} of {@link WarmupSchedule} (times {@code batchSize / referenceBatchSize} with the linear
     * scaling rule), {@code maxLr} of {@link OneCycleSchedule} and {@link CyclicSchedule},
     * {@code baseLr} of {@link WarmRestartsSchedule} and {@link ChainedSchedule}, the highest rate of a
     * {@link PhasedSchedule}. A schedule written as a lambda has {@code lr(warmupSteps())}.
     *
     * @return the peak rate
     */
    default double peakLr() {
        return lr(warmupSteps());
    }

    /**
     * Returns the rate relative to the peak, {@code lr(step) / peakLr()}: the factor of PyTorch's {@code LambdaLR},
     * which multiplies each parameter group's own base rate. One schedule then serves groups with different base
     * rates (layer-wise rate decay) and a peak chosen at run time: a group whose peak is p trains with
     * {@code p * factor(step)}. It is NaN for a schedule whose peak is 0.
     *
     * @param step the number of optimiser steps taken before this one, from 0
     * @return the rate divided by the peak rate
     * @throws IllegalArgumentException if {@code step} is negative
     */
    default double factor(long step) {
        return lr(step) / peakLr();
    }

    /**
     * Returns the fingerprint of the schedule: 16 hexadecimal digits that identify its settings (every attribute,
     * defaults included, and the annotations beside it), the same in every build of the same warmup version, and
     * different for any other setting. Store it with a checkpoint to check that a resumed run has the schedule it was saved with. A
     * schedule written as a lambda has none: "".
     *
     * @return the fingerprint, or "" for a schedule the processor did not generate
     */
    default String fingerprint() {
        return "";
    }

    /**
     * Returns the steps at which the schedule starts a new part (warmup, decay, each milestone, phase or restart), in
     * ascending order from step 0, each with what starts there and its rate. Of a part that repeats (a restart, a
     * cycle, a drop every {@code stepSize}), a generated class lists those up to the end of its {@link RunLength}
     * (a thousand at most, then the two around the end), or the first 16 without one. A schedule written as a lambda
     * has one part, from step 0.
     *
     * @return the boundaries, immutable, the first at step 0
     */
    default List<Boundary> boundaries() {
        return List.of(new Boundary(0, "the schedule", lr(0)));
    }

    /**
     * Returns the part that {@code step} is in: the last of {@link #boundaries()} at or before it. Its
     * {@link Boundary#step()} equals {@code step} exactly at the first step of a part, for logging each change once.
     * Allocates nothing on a generated class (a binary search of its constant list).
     *
     * @param step the number of optimiser steps taken before this one, from 0
     * @return the boundary that starts the part of {@code step}
     * @throws IllegalArgumentException if {@code step} is negative
     */
    default Boundary part(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        List<Boundary> boundaries = boundaries();
        int low = 0;
        int high = boundaries.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (boundaries.get(middle).step() <= step) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return boundaries.get(low);
    }

    /**
     * Returns the number of warmup steps W: the step at which the schedule reaches its preset (peak) rate.
     *
     * @return W, or 0 for a schedule without warmup
     */
    default long warmupSteps() {
        return 0;
    }
}
