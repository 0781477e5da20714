package dev.warmup;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a learning rate that drops when a watched metric stops improving, with the semantics of PyTorch's
 * {@code ReduceLROnPlateau}, optionally after a linear warmup; the warmup annotation processor generates, at compile
 * time, a final class {@code <Name>PlateauLr} implementing {@link PlateauLr}, with the decision rule compiled in.
 *
 * <pre>{@code
 * @PlateauSchedule(initLr = 0.1, factor = 0.5, patience = 3, cooldown = 2, minLr = 1e-4)
 * final class ValLoss {}
 *
 * PlateauLr schedule = new ValLossPlateauLr();      // one per training run
 * double rate = schedule.lr(step);                  // every step
 * schedule.observe(step, validationLoss);           // after each evaluation
 * }</pre>
 *
 * <p>The rule, in PyTorch's order, at each {@link PlateauLr#observe observe} from step W = {@link #warmupSteps()} on:
 * the metric improves if it beats the best so far by the threshold ({@link ThresholdMode}); otherwise the evaluation
 * is bad. During cooldown the bad count is zeroed. When more than {@link #patience()} evaluations in a row were bad,
 * the rate becomes {@code max(lr * factor, minLr)} (unless that lowers it by {@code eps} or less), the bad count is
 * zeroed and a cooldown of {@link #cooldown()} evaluations starts. For {@code t < W} the rate rises linearly,
 * {@code lr(t) = startLr + (initLr - startLr) * t / W}, and observations are ignored.
 *
 * <p>Unlike the other schedule annotations, the generated class has state: it has a public constructor and a
 * {@code public static final PlateauState INITIAL_STATE}, not an {@code INSTANCE}. With {@link Adapters}, only
 * {@link Framework#DJL} is allowed: ND4J's schedules must hold no state.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface PlateauSchedule {

    /**
     * The rate before the first reduction (and at the end of warmup); PyTorch takes it from the optimiser's
     * {@code lr}.
     *
     * @return a finite rate {@code > 0}
     */
    double initLr();

    /**
     * Which way the metric improves; PyTorch's {@code mode}.
     *
     * @return {@link PlateauMode#MIN} (the default: a loss) or {@link PlateauMode#MAX} (an accuracy)
     */
    PlateauMode mode() default PlateauMode.MIN;

    /**
     * What each reduction multiplies the rate by; PyTorch's {@code factor}.
     *
     * @return a factor in {@code (0, 1)}, by default 0.1
     */
    double factor() default 0.1;

    /**
     * How many evaluations in a row without improvement are tolerated: the rate drops at the next one
     * ({@code patience + 1} bad evaluations); PyTorch's {@code patience}.
     *
     * @return a count {@code >= 0}, by default 10
     */
    int patience() default 10;

    /**
     * How much better than the best so far a metric must be to count as an improvement, as {@link #thresholdMode()}
     * measures it; PyTorch's {@code threshold}.
     *
     * @return a finite value {@code >= 0}, below 1 in {@link PlateauMode#MIN} mode with {@link ThresholdMode#REL}; by
     *     default 1e-4
     */
    double threshold() default 1e-4;

    /**
     * Whether {@link #threshold()} is relative or absolute; PyTorch's {@code threshold_mode}.
     *
     * @return {@link ThresholdMode#REL} (the default) or {@link ThresholdMode#ABS}
     */
    ThresholdMode thresholdMode() default ThresholdMode.REL;

    /**
     * How many evaluations after a reduction do not count as bad; PyTorch's {@code cooldown}.
     *
     * @return a count {@code >= 0}, by default 0
     */
    int cooldown() default 0;

    /**
     * The rate no reduction goes below; PyTorch's {@code min_lr}.
     *
     * @return a rate in {@code [0, initLr]}, by default 0
     */
    double minLr() default 0.0;

    /**
     * The smallest change of rate applied: a reduction that would lower the rate by {@code eps} or less is skipped;
     * PyTorch's {@code eps}.
     *
     * @return a finite value {@code >= 0}, by default 1e-8
     */
    double eps() default 1e-8;

    /**
     * The length W of a linear warmup before the plateau rule starts, in steps (timm's {@code warmup_t}, in steps).
     *
     * @return W, {@code >= 0}; 0 (the default) means no warmup
     */
    long warmupSteps() default 0;

    /**
     * The rate at step 0, where the warmup starts (timm's {@code warmup_lr_init}).
     *
     * @return a rate in {@code [0, initLr]}, by default 0
     */
    double startLr() default 0.0;

    /**
     * The simple name of the generated class, in the annotated class's package.
     *
     * @return a Java identifier, or "" (the default) for the annotated class's name followed by {@code PlateauLr}
     */
    String name() default "";
}
