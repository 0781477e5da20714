package dev.warmup;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares cosine annealing with warm restarts (SGDR, Loshchilov and Hutter, 2017) with the semantics of PyTorch's
 * {@code CosineAnnealingWarmRestarts} stepped once per step, optionally after a linear warmup; the warmup annotation
 * processor generates, at compile time, a final class implementing {@link StepLr}. Its {@link StepLr#lr(long) lr(step)}
 * finds the cycle in closed form: one division for {@code tMult = 1}, the position of the highest set bit for
 * {@code tMult = 2}, a logarithm corrected against a table of cycle starts otherwise; never a loop over cycles.
 *
 * <pre>{@code
 * @WarmRestartsSchedule(baseLr = 0.1, t0 = 1000, tMult = 2, etaMin = 1e-4)
 * final class Sgdr {}
 * }</pre>
 *
 * <p>For {@code t < W} = {@link #warmupSteps()} the rate rises linearly,
 * {@code lr(t) = startLr + (baseLr - startLr) * t / W}. From W on, with {@code d = t - W}, cycle i lasts
 * {@code T_i = t0 * tMult^i} steps and starts at the sum of the cycles before it; with {@code T_cur} the steps since
 * the last restart, {@code lr(t) = etaMin + (baseLr - etaMin) * (1 + cos(pi * T_cur / T_i)) / 2}. The restarts go on
 * forever. {@link StepLr#warmupSteps()} is W.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface WarmRestartsSchedule {

    /**
     * The rate at every restart, the top of the cosine; PyTorch takes it from the optimiser's {@code lr}.
     *
     * @return a finite rate {@code > 0}
     */
    double baseLr();

    /**
     * The length of the first cycle in steps; PyTorch's {@code T_0}.
     *
     * @return a number of steps {@code > 0}
     */
    long t0();

    /**
     * The factor by which each cycle is longer than the one before; PyTorch's {@code T_mult}.
     *
     * @return a whole factor {@code >= 1}, by default 1 (cycles of equal length)
     */
    int tMult() default 1;

    /**
     * The rate the cosine falls to at the end of each cycle; PyTorch's {@code eta_min}.
     *
     * @return a rate in {@code [0, baseLr]}, by default 0
     */
    double etaMin() default 0.0;

    /**
     * The length W of a linear warmup before the first cycle, in steps.
     *
     * @return W, {@code >= 0}; 0 (the default) means no warmup
     */
    long warmupSteps() default 0;

    /**
     * The rate at step 0, where the warmup starts.
     *
     * @return a rate in {@code [0, baseLr]}, by default 0
     */
    double startLr() default 0.0;

    /**
     * The simple name of the generated class, in the annotated class's package.
     *
     * @return a Java identifier, or "" (the default) for the annotated class's name followed by {@code StepLr}
     */
    String name() default "";
}
