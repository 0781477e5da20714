package dev.warmup;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a schedule whose rate is a product of {@link Factor factors}, as PyTorch's {@code ChainedScheduler}: every
 * factor counts from step 0, and {@code lr(t) = baseLr * f_1(t) * f_2(t) * ...}. Unlike {@link PhasedSchedule}
 * (PyTorch's {@code SequentialLR}), which runs schedules one after another, the factors act at the same time; here a
 * decay runs during the warmup, {@code ChainedScheduler([LinearLR(opt, 0.01, total_iters=1000), ExponentialLR(opt,
 * 0.999)])} on an optimiser at lr 0.1:
 *
 * <pre>{@code
 * @ChainedSchedule(baseLr = 0.1, factors = {
 *         @Factor(shape = FactorShape.LINEAR, startFactor = 0.01, steps = 1000),
 *         @Factor(shape = FactorShape.EXP, gamma = 0.999)})
 * final class Chained {}
 * }</pre>
 *
 * <p>Each factor is in [0, 1] at every step, so every rate is in {@code [0, baseLr]}. The generated class is named as
 * for {@link WarmupSchedule} ({@code <Name>StepLr}, {@code Outer_InnerStepLr}, or {@link #name()}). Its
 * {@link StepLr#warmupSteps()} is the last step at which a factor still rises (the largest {@code steps} of a rising
 * {@link FactorShape#LINEAR} or {@link FactorShape#CONSTANT} factor, 0 if there is none); the peak of the product can
 * come earlier (at step 989 above, where the rising factor's growth per step no longer outweighs the decay's).
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface ChainedSchedule {

    /**
     * The rate the factors multiply, PyTorch's optimiser {@code lr}.
     *
     * @return a finite rate {@code > 0}
     */
    double baseLr();

    /**
     * The factors, multiplied in this order: {@code baseLr * f_1(t) * f_2(t) * ...}.
     *
     * @return between 1 and 16 factors
     */
    Factor[] factors();

    /**
     * The simple name of the generated class, in the annotated class's package.
     *
     * @return a Java identifier, or "" (the default) for the annotated class's name followed by {@code StepLr}
     */
    String name() default "";
}
