package dev.warmup;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a cyclical learning-rate schedule (Smith, 2017) with the semantics and parameters of PyTorch's
 * {@code CyclicLR}; the warmup annotation processor generates, at compile time, a final class implementing
 * {@link StepLr} whose {@link StepLr#lr(long) lr(step)} finds the cycle by one division.
 *
 * <pre>{@code
 * @CyclicSchedule(baseLr = 0.001, maxLr = 0.1, stepSizeUp = 500, mode = CyclicMode.TRIANGULAR2)
 * final class Clr {}
 * }</pre>
 *
 * <p>A cycle lasts {@code C = stepSizeUp + stepSizeDown} steps: the rate rises from baseLr for {@link #stepSizeUp()}
 * steps, then falls back for {@link #stepSizeDown()} steps. With {@code k = floor(t / C)} the cycle and
 * {@code p = t - k * C} the step within it, the triangle wave is {@code h(t) = p / stepSizeUp} for
 * {@code p <= stepSizeUp} and {@code (C - p) / stepSizeDown} after, and
 * {@code lr(t) = baseLr + (maxLr - baseLr) * h(t) * scale}, the scale given by {@link #mode()}. The cycles go on
 * forever. {@link StepLr#warmupSteps()} is 0.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface CyclicSchedule {

    /**
     * The rate at the start of every cycle, the bottom of the wave; PyTorch's {@code base_lr}.
     *
     * @return a finite rate {@code >= 0}
     */
    double baseLr();

    /**
     * The rate at the peak of the first cycle; PyTorch's {@code max_lr}.
     *
     * @return a finite rate {@code >= baseLr}
     */
    double maxLr();

    /**
     * The steps from the start of a cycle to its peak; PyTorch's {@code step_size_up}.
     *
     * @return a number of steps {@code > 0}, by default 2000
     */
    long stepSizeUp() default 2000;

    /**
     * The steps from the peak of a cycle to the start of the next; PyTorch's {@code step_size_down}. Left unset (the
     * default written here only marks it unset), it is {@link #stepSizeUp()}, a symmetric wave.
     *
     * @return a number of steps {@code > 0}
     */
    long stepSizeDown() default 0;

    /**
     * How the height of the cycles changes; PyTorch's {@code mode}.
     *
     * @return the mode, by default {@link CyclicMode#TRIANGULAR}
     */
    CyclicMode mode() default CyclicMode.TRIANGULAR;

    /**
     * For {@link CyclicMode#EXP_RANGE}: the factor the height is multiplied by every step; PyTorch's {@code gamma}.
     *
     * @return a factor in {@code (0, 1]}, by default 1
     */
    double gamma() default 1.0;

    /**
     * PyTorch's {@code cycle_momentum}: whether the generated class also schedules the momentum, against the rate:
     * from maxMomentum down to baseMomentum while the rate rises, back up while it falls, its swing scaled by the
     * {@link #mode()} as the rate's is: {@code momentum(t) = maxMomentum - (maxMomentum - baseMomentum) * h(t) *
     * scale}. The generated class
     * then has {@code double momentum(long step)}, the momentum of the update that uses {@code lr(step)}: SGD's
     * {@code momentum}, or Adam's beta1 ({@code betas[0]}), as PyTorch cycles it.
     *
     * @return true (the default, as in PyTorch) for {@code momentum(step)}; false for none
     */
    boolean cycleMomentum() default true;

    /**
     * The momentum where the rate is highest, the bottom of the momentum's cycle; PyTorch's {@code base_momentum}.
     *
     * @return a momentum in {@code [0, 1)}, {@code < maxMomentum}, by default 0.8
     */
    double baseMomentum() default 0.8;

    /**
     * The momentum where the rate is lowest, the top of the momentum's cycle; PyTorch's {@code max_momentum}.
     *
     * @return a momentum in {@code [0, 1)}, {@code > baseMomentum}, by default 0.9
     */
    double maxMomentum() default 0.9;

    /**
     * The simple name of the generated class, in the annotated class's package.
     *
     * @return a Java identifier, or "" (the default) for the annotated class's name followed by {@code StepLr}
     */
    String name() default "";
}
