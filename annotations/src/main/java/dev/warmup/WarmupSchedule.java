package dev.warmup;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a learning-rate schedule with warmup; the warmup annotation processor generates, at compile time, a final
 * class implementing {@link StepLr} whose {@link StepLr#lr(long) lr(step)} is a short branch chain over precomputed
 * constants.
 *
 * <pre>{@code
 * @WarmupSchedule(steps = 2500, initLr = 0.1, decay = Decay.EXP, gamma = 0.9999)
 * final class Cifar10 {}
 *
 * double lr = Cifar10StepLr.INSTANCE.lr(step);
 * }</pre>
 *
 * <p>The schedule has two parts. For the first W = {@link #steps()} steps the rate warms up from {@link #startLr()}
 * towards {@link #initLr()} as {@link #warmup()} says; from step W on it starts at {@code initLr} and follows
 * {@link #decay()}. Steps count optimiser updates from 0.
 *
 * <p>For a class {@code p.Cifar10} the generated class is {@code p.Cifar10StepLr}; for a nested class
 * {@code p.Outer.Inner} it is {@code p.Outer_InnerStepLr}; {@link #name()} overrides the simple name. Settings that make
 * no sense are compile errors reported on the attribute, and so are attributes that the chosen warmup and decay do
 * not use: they would have no effect.
 *
 * <p>Other schedules have annotations of their own: {@link PhasedSchedule}, {@link OneCycleSchedule},
 * {@link CyclicSchedule}, {@link WarmRestartsSchedule}, {@link ChainedSchedule} and {@link PlateauSchedule}. A class
 * carries at most one of these annotations.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface WarmupSchedule {

    /**
     * The warmup length W in steps: the step at which the rate reaches {@link #initLr()}.
     *
     * @return W, {@code >= 0}; 0 means no warmup
     */
    long steps();

    /**
     * The preset learning rate, reached at step W (the peak of the schedule), where the decay starts.
     *
     * @return a finite rate {@code > 0}
     */
    double initLr();

    /**
     * For the linear scaling rule (Goyal et al., 2017): the batch size trained with. Set together with
     * {@link #referenceBatchSize()}, it scales {@link #initLr()} (and so every rate derived from it) by
     * {@code batchSize / referenceBatchSize}: the rate used is {@code initLr * batchSize / referenceBatchSize},
     * evaluated left to right in double precision at compile time; with 0.1, 8192 and 256 it is exactly 3.2. The
     * default written here only marks it unset.
     *
     * @return a batch size {@code > 0}
     */
    long batchSize() default 0;

    /**
     * For the linear scaling rule: the batch size that {@link #initLr()} was tuned for (Goyal et al. used 256). Set
     * together with {@link #batchSize()}; the default written here only marks it unset.
     *
     * @return a batch size {@code > 0}
     */
    long referenceBatchSize() default 0;

    /**
     * How the rate rises during warmup.
     *
     * @return the warmup shape, by default {@link Warmup#LINEAR}
     */
    Warmup warmup() default Warmup.LINEAR;

    /**
     * The learning rate at step 0; for {@link Warmup#CONSTANT}, the rate during the whole warmup.
     *
     * @return a rate in {@code [0, initLr]} ({@code > 0} for {@link Warmup#EXPONENTIAL}), by default 0
     */
    double startLr() default 0.0;

    /**
     * What follows the warmup.
     *
     * @return the decay shape, by default {@link Decay#NONE}
     */
    Decay decay() default Decay.NONE;

    /**
     * The factor of {@link Decay#EXP} (per step), {@link Decay#STEP} (per drop) and {@link Decay#MULTISTEP} (per
     * milestone). Left unset, it is 0.9999 for {@code EXP} and 0.1 for {@code STEP} and {@code MULTISTEP}; the
     * default written here only marks it unset. For {@link Decay#INV_TIME} and {@link Decay#INV_TIME_STEP}: the decay
     * rate, Keras's {@code decay_rate} (required), in {@code initLr / (1 + gamma * d / stepSize)}.
     *
     * @return a factor in {@code (0, 1]}; for {@code INV_TIME} and {@code INV_TIME_STEP}, a finite rate {@code > 0}
     */
    double gamma() default Double.NaN;

    /**
     * For {@link Decay#STEP}: the rate is multiplied by {@link #gamma()} every {@code stepSize} steps after warmup,
     * at once (required). For {@link Decay#EXP}: by gamma over every {@code stepSize} steps, continuously,
     * {@code initLr * gamma^(d / stepSize)}, as Keras's {@code ExponentialDecay(decay_steps)} and Optax's
     * {@code exponential_decay(transition_steps)} (optional: unset, gamma is per step, as PyTorch's
     * {@code ExponentialLR}). For {@link Decay#INV_TIME_STEP}: p in {@code initLr / (1 + gamma * p)} grows by 1
     * every {@code stepSize} steps after warmup (required); for {@link Decay#INV_TIME}: continuously,
     * {@code p = d / stepSize} (optional, by default 1), Keras's {@code InverseTimeDecay(decay_steps)}. The default
     * written here only marks it unset.
     *
     * @return a number of steps {@code > 0}
     */
    long stepSize() default 0;

    /**
     * For {@link Decay#MULTISTEP}: the absolute steps at which the rate is multiplied by {@link #gamma()}. Required
     * with {@code MULTISTEP}.
     *
     * @return strictly increasing steps, none before {@link #steps()}
     */
    long[] milestones() default {};

    /**
     * For {@link Decay#COSINE}, {@link Decay#COSINE_RESTARTS}, {@link Decay#LINEAR} and {@link Decay#POLY}: the
     * absolute step T at which the decay ends; the rate at T holds after it (minLr, except for a {@code COSINE} with
     * {@link #cycles()} other than 0.5). For {@link Decay#POLY_CYCLE}: the step at which the rate first reaches minLr;
     * D = T - W is the length the horizon grows by, and the decay goes on after T. Required with those decays; the
     * default written here only marks it unset.
     *
     * @return a step {@code > W}
     */
    long totalSteps() default 0;

    /**
     * For {@link Decay#COSINE}, {@link Decay#COSINE_RESTARTS}, {@link Decay#LINEAR} and {@link Decay#POLY}: the lowest
     * rate of the decay, reached at {@link #totalSteps()} and held after it (a {@code COSINE} with {@link #cycles()}
     * other than 0.5 reaches it at each trough; {@code COSINE_RESTARTS} at the end of each decay, and from T on). For
     * {@link Decay#POLY_CYCLE}: the rate at {@code W + k D} for every {@code k >= 1}. For {@link Decay#EXP} and
     * {@link Decay#STEP}: the floor the decay stops at, {@code max(decay, minLr)}, Optax's {@code end_value} of
     * {@code exponential_decay} (optional).
     *
     * @return a rate in {@code [0, initLr)}, by default 0
     */
    double minLr() default 0.0;

    /**
     * For {@link Decay#COSINE}: the number of cosine waves between W and T, Hugging Face's {@code num_cycles} of
     * {@code get_cosine_schedule_with_warmup}; 0.5 is the usual half wave down to minLr, 1.0 goes down and back up to
     * initLr at T. For {@link Decay#COSINE_RESTARTS}: the number of decays between W and T, HF's {@code num_cycles} of
     * {@code get_cosine_with_hard_restarts_schedule_with_warmup}; 2.5 restarts twice and ends halfway down a third
     * decay. Left unset (the default written here only marks it unset), it is 0.5 for {@code COSINE} and 1 for
     * {@code COSINE_RESTARTS}. A multiple of 1/1024, so that the position in a wave is an exact fraction of two whole
     * numbers and every restart falls on an exact step (0.1 or 1/3 would put restarts between steps).
     *
     * @return a number of cycles {@code > 0}, a multiple of 1/1024, with {@code max(cycles, 1) * 2048 * (T - W)}
     *     below 2^63
     */
    double cycles() default Double.NaN;

    /**
     * For {@link Decay#POLY} and {@link Decay#POLY_CYCLE}: the exponent of the polynomial; for {@link Decay#COSINE}
     * with {@link #cycles()} 0.5: the exponent of the half wave {@code (1 + cos(pi d / D)) / 2}, Optax's
     * {@code exponent}; for {@link Decay#REPEATED_POWER}: the power the rate is raised to every step.
     *
     * @return a finite exponent {@code > 0} ({@code > 1} for {@code REPEATED_POWER}), by default 1
     */
    double power() default 1.0;

    /**
     * The simple name of the generated class, in the annotated class's package.
     *
     * @return a Java identifier, or "" (the default) for the annotated class's name followed by {@code StepLr}
     */
    String name() default "";
}
