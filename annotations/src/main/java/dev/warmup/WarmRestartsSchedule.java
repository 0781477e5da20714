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
 * {@code tMult = 2}, a logarithm corrected against a table of cycle starts for a whole {@code tMult >= 3}, and for a
 * {@code tMult} that is not whole (Keras's {@code t_mul}, timm's {@code cycle_mul}, such as 1.5) a logarithm
 * corrected against the cycle starts computed at run time; never a loop over cycles.
 *
 * <pre>{@code
 * @WarmRestartsSchedule(baseLr = 0.1, t0 = 1000, tMult = 2, etaMin = 1e-4)
 * final class Sgdr {}
 * }</pre>
 *
 * <p>For {@code t < W} = {@link #warmupSteps()} the rate rises linearly,
 * {@code lr(t) = startLr + (baseLr - startLr) * t / W}. From W on, with {@code d = t - W} ({@code d = t} with
 * {@code warmupPrefix = false}), cycle i lasts
 * {@code T_i = t0 * tMult^i} steps and starts at the sum of the cycles before it,
 * {@code S_i = t0 * (tMult^i - 1) / (tMult - 1)}; with {@code T_cur = d - S_i} the steps since the last restart,
 * {@code lr(t) = etaMin + (high_i - etaMin) * (1 + cos(pi * T_cur / T_i)) / 2}, where the restart's
 * rate {@code high_i} is baseLr, or lower by {@link #heightDecay()} (Keras's {@code m_mul}) or {@link #peakDecay()}
 * (timm's {@code cycle_decay}) at each restart. The restarts go on forever, or for {@link #cycles()} cycles (timm's
 * {@code cycle_limit}), after which the rate holds etaMin. {@link StepLr#warmupSteps()} is W. With a {@code tMult}
 * that is not whole, {@code S_i} and {@code T_i} are real numbers, as in Keras and timm: d is in the cycle i with
 * {@code S_i <= d < S_(i+1)}, {@code S_i} computed in double ({@code StrictMath.pow}), so that a start within
 * rounding of a whole step, such as step 21 of {@code t0 = 10, tMult = 1.1}, restarts there as in the peers.
 *
 * <p>Keras's {@code CosineDecayRestarts(initial, first_decay_steps, t_mul, m_mul, alpha)} is
 * {@code baseLr = initial, t0 = first_decay_steps, tMult = t_mul, heightDecay = m_mul, etaMin = alpha * initial};
 * timm's {@code CosineLRScheduler(t_initial, lr_min, cycle_mul, cycle_decay, cycle_limit, k_decay, warmup_t,
 * warmup_lr_init)} stepped per update is {@code t0 = t_initial, etaMin = lr_min, tMult = cycle_mul,
 * peakDecay = cycle_decay, cycles = cycle_limit, kDecay = k_decay, warmupSteps = warmup_t,
 * startLr = warmup_lr_init, warmupPrefix = false} (timm's default {@code warmup_prefix}).
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
     * The factor by which each cycle is longer than the one before: PyTorch's {@code T_mult} (whole), Keras's
     * {@code t_mul} and timm's {@code cycle_mul} (any). A whole factor ({@code tMult = 2}) gives cycles of whole steps,
     * found exactly; one that is not ({@code tMult = 1.5}) gives cycle i a real length {@code t0 * tMult^i} and a real
     * start {@code t0 * (tMult^i - 1) / (tMult - 1)}, the first restart being at the first step at or after it.
     *
     * @return a finite factor {@code >= 1}, by default 1 (cycles of equal length); one that is not whole must be
     *     {@code >= 1.000001}
     */
    double tMult() default 1.0;

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
     * Keras's {@code m_mul}: the factor by which each restart's height above etaMin is lower than the one before, so
     * that cycle i restarts at {@code etaMin + (baseLr - etaMin) * heightDecay^i}: etaMin, Keras's
     * {@code alpha * initial_learning_rate}, is not scaled.
     *
     * @return a factor in {@code (0, 1]}, by default 1 (every restart at baseLr); not with {@link #peakDecay()}
     */
    double heightDecay() default 1.0;

    /**
     * timm's {@code cycle_decay}: the factor by which each restart's rate is lower than the one before, so that cycle
     * i restarts at {@code baseLr * peakDecay^i} and moves to etaMin, which is not scaled (timm lets a restart fall
     * below etaMin, the cosine then rising to it).
     *
     * @return a factor in {@code (0, 1]}, by default 1 (every restart at baseLr); not with {@link #heightDecay()}
     */
    double peakDecay() default 1.0;

    /**
     * timm's {@code cycle_limit}: the number of cycles, after which the rate holds etaMin.
     *
     * @return a number of cycles {@code >= 1}, or 0 (the default) for restarts without end, as PyTorch and Keras
     */
    long cycles() default 0;

    /**
     * timm's {@code k_decay}: the cosine is taken at {@code (T_cur / T_i)^kDecay} of its half period, so that
     * {@code lr = etaMin + (high_i - etaMin) * (1 + cos(pi * T_cur^k / T_i^k)) / 2}: above 1 the rate stays high
     * longer, below 1 it falls sooner.
     *
     * @return a finite exponent {@code > 0}, by default 1 (the plain cosine)
     */
    double kDecay() default 1.0;

    /**
     * timm's {@code warmup_prefix}: whether the cycles start after the warmup (true, the default, as PyTorch's
     * schedulers sequenced after a warmup), or at step 0, the warmup taking the place of the first cycle's first W
     * steps (false, timm's default).
     *
     * @return true for the cycles after the warmup; false for the cycles from step 0
     */
    boolean warmupPrefix() default true;

    /**
     * The simple name of the generated class, in the annotated class's package.
     *
     * @return a Java identifier, or "" (the default) for the annotated class's name followed by {@code StepLr}
     */
    String name() default "";
}
