package dev.warmup;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One phase of a {@link PhasedSchedule}: {@link #steps()} steps in which the rate goes from a start value to
 * {@link #endLr()} following {@link #shape()}. Only written inside {@code @PhasedSchedule(phases = {...})}.
 *
 * <pre>{@code
 * @Phase(steps = 2000, shape = PhaseShape.COSINE, endLr = 1e-5)
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target({})
public @interface Phase {

    /**
     * The length L of the phase in steps. The phase covers the steps {@code S, ..., S + L - 1}, where S is the sum
     * of the lengths of the phases before it. Required, except for an {@link PhaseShape#EXPONENTIAL} phase given by
     * its {@link #gamma()}, which lasts until its rate reaches endLr.
     *
     * @return L, {@code > 0}; unset (0, the default written here) only with gamma
     */
    long steps() default 0;

    /**
     * How the rate moves from the start value to {@link #endLr()}.
     *
     * @return the shape of the phase
     */
    PhaseShape shape();

    /**
     * The end value b: the rate the phase reaches at its end, which is where the next phase starts (and, for the last
     * phase, the rate held from then on). For {@link PhaseShape#CONSTANT}, the rate throughout the phase.
     *
     * @return a finite rate {@code >= 0} ({@code > 0} for {@link PhaseShape#EXPONENTIAL} and
     *     {@link PhaseShape#INV_SQRT})
     */
    double endLr();

    /**
     * The start value a, the rate at the phase's first step. Left unset (the default written here only marks it
     * unset), the phase starts where the previous phase ended, so the curve is continuous; the first phase starts at
     * 0. Set it to make the rate jump at the start of the phase. {@link PhaseShape#CONSTANT} does not use it.
     *
     * @return a finite rate {@code >= 0} ({@code > 0} for {@link PhaseShape#EXPONENTIAL}, {@code > endLr} for
     *     {@link PhaseShape#INV_SQRT})
     */
    double startLr() default Double.NaN;

    /**
     * For {@link PhaseShape#POLY}: the exponent of the polynomial. For {@link PhaseShape#COSINE}: the exponent of the
     * half wave {@code (1 + cos(pi * u / L)) / 2}, Optax's {@code exponent}.
     *
     * @return a finite exponent {@code > 0}, by default 1 (a straight line; the plain half wave)
     */
    double power() default 1.0;

    /**
     * For {@link PhaseShape#EXPONENTIAL}, instead of {@link #steps()}: the factor per {@link #stepSize()} steps, as
     * Optax's {@code exponential_decay(decay_rate)} and PyTorch's {@code ExponentialLR(gamma)}. The rate is
     * {@code a * gamma^(u / stepSize)} until it reaches endLr, which the next phase starts from (or which holds, after
     * the last phase): the phase lasts the whole steps before that, {@code ceil(stepSize * ln(b / a) / ln(gamma))},
     * which the processor computes. Above 1 it rises to endLr (Optax's growth to {@code end_value}), below 1 it falls.
     * The default written here only marks it unset.
     *
     * @return a finite factor {@code > 0}, not 1, above 1 for a phase that rises and below 1 for one that falls
     */
    double gamma() default Double.NaN;

    /**
     * With {@link #gamma()}: the steps over which the rate is multiplied by gamma, continuously (Optax's
     * {@code transition_steps}); 1 if unset (0, the default written here).
     *
     * @return a number of steps {@code > 0}
     */
    long stepSize() default 0;
}
