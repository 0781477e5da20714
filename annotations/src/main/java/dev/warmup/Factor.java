package dev.warmup;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One factor of a {@link ChainedSchedule}: one of PyTorch's chainable schedulers, named by {@link #shape()} and
 * written with its parameters under PyTorch's names (see {@link FactorShape} for which each shape uses). It counts
 * from step 0, like every factor of the chain. Only written inside {@code @ChainedSchedule(factors = {...})}.
 *
 * <pre>{@code
 * @Factor(shape = FactorShape.LINEAR, startFactor = 0.01, steps = 1000)
 * }</pre>
 *
 * <p>Attributes whose default is written as {@code NaN} or 0 are unset by default: the shapes that need them
 * require them, and the others warn when they are set.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target({})
public @interface Factor {

    /**
     * Which of PyTorch's schedulers the factor is.
     *
     * @return the shape of the factor
     */
    FactorShape shape();

    /**
     * For {@link FactorShape#CONSTANT}: the factor for the first {@link #steps()} steps, PyTorch's {@code ConstantLR}
     * {@code factor}. Required with it.
     *
     * @return a factor in {@code [0, 1]}
     */
    double factor() default Double.NaN;

    /**
     * For {@link FactorShape#LINEAR}: the factor at step 0, PyTorch's {@code LinearLR} {@code start_factor}. Required
     * with it.
     *
     * @return a factor in {@code (0, 1]}
     */
    double startFactor() default Double.NaN;

    /**
     * For {@link FactorShape#LINEAR}: the factor reached at {@link #steps()} and held after it, {@code end_factor}
     * (1 if unset). For {@link FactorShape#COSINE}: the factor at {@code steps} and after it,
     * {@code eta_min / base_lr} (0 if unset).
     *
     * @return a factor in {@code [0, 1]}
     */
    double endFactor() default Double.NaN;

    /**
     * The length N of the factor's change in steps, PyTorch's {@code total_iters} ({@code T_max} for
     * {@link FactorShape#COSINE}): required with {@code CONSTANT}, {@code LINEAR}, {@code POLY} and {@code COSINE}.
     *
     * @return N, {@code > 0}
     */
    long steps() default 0;

    /**
     * The factor per step of {@link FactorShape#EXP} (required there), or per drop of {@link FactorShape#STEP} and
     * {@link FactorShape#MULTISTEP} (0.1 if unset), PyTorch's {@code gamma}.
     *
     * @return a factor in {@code (0, 1]}
     */
    double gamma() default Double.NaN;

    /**
     * For {@link FactorShape#STEP}: the steps between drops, PyTorch's {@code step_size}. Required with it.
     *
     * @return a number of steps {@code > 0}
     */
    long stepSize() default 0;

    /**
     * For {@link FactorShape#MULTISTEP}: the steps at which the factor is multiplied by {@link #gamma()}, PyTorch's
     * {@code milestones}, counted from step 0 like every factor. Required with it.
     *
     * @return between 1 and 1000 strictly increasing steps {@code >= 0}
     */
    long[] milestones() default {};

    /**
     * For {@link FactorShape#POLY}: the exponent, PyTorch's {@code PolynomialLR} {@code power}.
     *
     * @return a finite exponent {@code > 0}, by default 1
     */
    double power() default 1.0;
}
