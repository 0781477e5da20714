package dev.warmup;

/**
 * A learning rate driven by a watched metric: it drops by a factor when the metric stops improving, as PyTorch's
 * {@code ReduceLROnPlateau}, Keras's callback of that name and timm's {@code PlateauLRScheduler} do. Classes generated
 * from {@link PlateauSchedule} implement it with the decision rule compiled in.
 *
 * <p>Unlike {@link StepLr} it has state: one instance per training run, and not thread-safe (as PyTorch's is not).
 * {@link #state()} and {@link #restore} carry the state through checkpoints; a restored schedule goes on exactly as
 * the one it was saved from. No method allocates, except {@link #state()}.
 *
 * <pre>{@code
 * PlateauLr schedule = new ValLossPlateauLr();
 * for (long step = 0; step < steps; step++) {
 *     train(batch(step), schedule.lr(step));
 *     if ((step + 1) % evalEvery == 0) {
 *         schedule.observe(step, validationLoss());
 *     }
 * }
 * }</pre>
 */
public interface PlateauLr {

    /**
     * Returns the rate for an optimiser step: the warmup's for {@code step < W} ({@link #warmupSteps()}), then the
     * current plateau rate, {@link #lr()}.
     *
     * @param step the number of optimiser steps taken before this one, from 0
     * @return the learning rate, finite and {@code >= 0}
     * @throws IllegalArgumentException if {@code step} is negative
     */
    double lr(long step);

    /**
     * Returns the current plateau rate: {@code initLr} until the first reduction.
     *
     * @return the rate, finite and {@code > 0} unless {@code minLr} is 0 and the rate underflowed
     */
    double lr();

    /**
     * Records the metric measured after the update of {@code step} (after {@code step + 1} updates), once per
     * evaluation; ignored while {@code step < W}. PyTorch's order: the improvement test, then the cooldown (during
     * which bad evaluations do not count), then the patience test and the reduction
     * {@code max(lr * factor, minLr)}, applied only when it lowers the rate by more than {@code eps}. A NaN metric
     * never improves.
     *
     * @param step the step after whose update the metric was measured
     * @param metric the watched metric
     * @return whether the rate was reduced (log it, or pass it on: {@code net.setLearningRate(lr())} in DL4J)
     */
    boolean observe(long step, double metric);

    /**
     * Returns a snapshot of the state, to save with a checkpoint.
     *
     * @return the state now
     */
    PlateauState state();

    /**
     * Puts back a snapshot of this schedule's state, as {@link #state()} took it; from then on the schedule goes on as
     * the one it was taken from.
     *
     * @param state a state of this schedule
     * @throws IllegalArgumentException if {@code state} was taken from a schedule of other settings (its
     *     {@link PlateauState#fingerprint()} is not this one's {@link #fingerprint()}), or cannot be one of this
     *     schedule (a rate outside {@code [minLr, initLr]}, a NaN best, counts outside {@code [0, patience]} or
     *     {@code [0, cooldown]})
     * @throws NullPointerException if {@code state} is null
     */
    void restore(PlateauState state);

    /**
     * Returns the fingerprint of the schedule's settings, as {@link StepLr#fingerprint()}: its {@link #state()}
     * carries it, and {@link #restore} refuses a state of another. A state needs one: a class written by hand
     * returns a word of its own, not "".
     *
     * @return 16 hexadecimal digits, the same in every build of the same settings and warmup version
     */
    String fingerprint();

    /**
     * Returns {@code initLr}, the rate before any reduction, to which {@link #factor(long)} is relative.
     *
     * @return the peak rate
     */
    double peakLr();

    /**
     * Returns the rate relative to the peak, {@code lr(step) / peakLr()}, as {@link StepLr#factor(long)}: a parameter
     * group whose peak is p trains with {@code p * factor(step)}.
     *
     * @param step the number of optimiser steps taken before this one, from 0
     * @return the rate divided by the peak rate
     * @throws IllegalArgumentException if {@code step} is negative
     */
    default double factor(long step) {
        return lr(step) / peakLr();
    }

    /**
     * Returns the warmup length W: the plateau rule starts at step W.
     *
     * @return W, or 0 for a schedule without warmup
     */
    long warmupSteps();
}
