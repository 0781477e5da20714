package dev.warmup;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a one-cycle learning-rate schedule (Smith and Topin, 2018) with the semantics and parameters of PyTorch's
 * {@code OneCycleLR}; the warmup annotation processor generates, at compile time, a final class implementing
 * {@link StepLr}.
 *
 * <pre>{@code
 * @OneCycleSchedule(maxLr = 0.1, totalSteps = 10000)
 * final class SuperConvergence {}
 * }</pre>
 *
 * <p>With T = {@link #totalSteps()}, {@code initialLr = maxLr / divFactor} and
 * {@code minLr = initialLr / finalDivFactor}, the rate rises from initialLr to maxLr until step
 * {@code pctStart * T - 1}, then falls to minLr at step {@code T - 1}; with {@link #threePhase()}, it first falls back
 * to initialLr at step {@code 2 * pctStart * T - 2}, then to minLr at {@code T - 1}. Phase boundaries are PyTorch's, as
 * doubles (they need not be whole steps); within a phase from a to b that starts at s and ends at e, a step t is at
 * {@code pct = (t - s) / (e - s)} and the rate follows {@link #annealStrategy()}. Unlike PyTorch, which refuses steps
 * past T, the rate holds minLr from step {@code T - 1} on. {@link StepLr#warmupSteps()} is
 * {@code ceil(pctStart * T - 1)}, the first step at or after the peak.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface OneCycleSchedule {

    /**
     * The peak rate, PyTorch's {@code max_lr}.
     *
     * @return a finite rate {@code > 0}
     */
    double maxLr();

    /**
     * The length T of the cycle in steps, PyTorch's {@code total_steps}: the rate reaches minLr at step
     * {@code T - 1}.
     *
     * @return T, with {@code pctStart * T > 1} so that the rising phase has steps
     */
    long totalSteps();

    /**
     * The fraction of the cycle spent rising, PyTorch's {@code pct_start}.
     *
     * @return a fraction in {@code (0, 1)}, by default 0.3 ({@code <= 0.5} with {@link #threePhase()})
     */
    double pctStart() default 0.3;

    /**
     * How the rate moves within a phase, PyTorch's {@code anneal_strategy}.
     *
     * @return cosine ({@link AnnealStrategy#COS}, the default) or linear
     */
    AnnealStrategy annealStrategy() default AnnealStrategy.COS;

    /**
     * The ratio of maxLr to the starting rate, PyTorch's {@code div_factor}: {@code initialLr = maxLr / divFactor}.
     *
     * @return a finite factor {@code > 0}, by default 25
     */
    double divFactor() default 25.0;

    /**
     * The ratio of the starting rate to the final one, PyTorch's {@code final_div_factor}:
     * {@code minLr = initialLr / finalDivFactor}.
     *
     * @return a finite factor {@code > 0}, by default 1e4
     */
    double finalDivFactor() default 1e4;

    /**
     * PyTorch's {@code three_phase}: whether the rate falls back to initialLr, symmetrically to its rise, before it
     * falls to minLr (fast.ai's variant), instead of falling from maxLr straight to minLr.
     *
     * @return true for three phases, false (the default) for two
     */
    boolean threePhase() default false;

    /**
     * PyTorch's {@code cycle_momentum}: whether the generated class also schedules the momentum, against the rate:
     * from maxMomentum down to baseMomentum while the rate rises, back up while it falls (with {@link #threePhase()}, it holds maxMomentum in the third phase). The generated class
     * then has {@code double momentum(long step)}, the momentum of the update that uses {@code lr(step)}: SGD's
     * {@code momentum}, or Adam's beta1 ({@code betas[0]}), as PyTorch cycles it.
     *
     * @return true (the default, as in PyTorch) for {@code momentum(step)}; false for none
     */
    boolean cycleMomentum() default true;

    /**
     * The momentum where the rate is highest, the bottom of the momentum's cycle; PyTorch's {@code base_momentum}.
     *
     * @return a momentum in {@code [0, 1)}, {@code < maxMomentum}, by default 0.85
     */
    double baseMomentum() default 0.85;

    /**
     * The momentum where the rate is lowest, the top of the momentum's cycle; PyTorch's {@code max_momentum}.
     *
     * @return a momentum in {@code [0, 1)}, {@code > baseMomentum}, by default 0.95
     */
    double maxMomentum() default 0.95;

    /**
     * The simple name of the generated class, in the annotated class's package.
     *
     * @return a Java identifier, or "" (the default) for the annotated class's name followed by {@code StepLr}
     */
    String name() default "";
}
