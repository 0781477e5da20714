package dev.warmup;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Schedules a quantity other than the rate beside a schedule annotation ({@link WarmupSchedule},
 * {@link PhasedSchedule}, {@link OneCycleSchedule}, {@link CyclicSchedule}, {@link WarmRestartsSchedule} or
 * {@link ChainedSchedule}): the generated class gets one more method, named after the quantity, that returns its
 * value for the same step as {@link StepLr#lr(long)}. Repeatable, one annotation a quantity. DINO's three schedules:
 *
 * <pre>{@code
 * @WarmupSchedule(steps = 500, initLr = 5e-4, decay = Decay.COSINE, totalSteps = 5000, minLr = 1e-6)
 * @Quantity(kind = QuantityKind.WEIGHT_DECAY, shape = PhaseShape.COSINE, start = 0.04, end = 0.4, steps = 5000)
 * @Quantity(kind = QuantityKind.MOMENTUM, name = "teacherMomentum", shape = PhaseShape.COSINE, start = 0.996,
 *         end = 1.0, steps = 5000)
 * final class Dino {}
 * }</pre>
 *
 * <p>generates {@code DinoStepLr} with {@code lr(step)}, {@code weightDecay(step)} and {@code teacherMomentum(step)}.
 * The value goes from {@link #start()} at step 0 to {@link #end()} at step {@link #steps()} following
 * {@link #shape()}, rising or falling, with the formulas of {@link PhaseShape}, and holds {@code end} from then on;
 * for {@link PhaseShape#CONSTANT} it is {@code start} before step {@code steps} and {@code end} from it on (a switch,
 * as early or late dropout). A cosine from a to b over L steps is DINO's {@code cosine_scheduler(a, b, ...)} with
 * {@code L = epochs * niter_per_ep}.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
@Repeatable(Quantities.class)
public @interface Quantity {

    /**
     * What the quantity is: the values allowed, and the default name of the method.
     *
     * @return the kind
     */
    QuantityKind kind();

    /**
     * The name of the generated method.
     *
     * @return a Java identifier that is not a method the class has already ({@code lr}, {@code warmupSteps}, ...), or
     *     "" (the default) for the kind's name: {@code momentum}, {@code weightDecay}, {@code dropout}; required for
     *     {@link QuantityKind#OTHER}
     */
    String name() default "";

    /**
     * How the value moves from {@link #start()} to {@link #end()}.
     *
     * @return the shape
     */
    PhaseShape shape();

    /**
     * The value at step 0.
     *
     * @return a value the kind allows ({@code > 0} for {@link PhaseShape#EXPONENTIAL}, {@code > end} for
     *     {@link PhaseShape#INV_SQRT})
     */
    double start();

    /**
     * The value at step {@link #steps()} and after it.
     *
     * @return a value the kind allows ({@code > 0} for {@link PhaseShape#EXPONENTIAL} and
     *     {@link PhaseShape#INV_SQRT})
     */
    double end();

    /**
     * The length L in steps of the move from start to end.
     *
     * @return L, {@code > 0}
     */
    long steps();

    /**
     * For {@link PhaseShape#POLY}: the exponent of the polynomial; for {@link PhaseShape#COSINE}: the power the
     * cosine's {@code (1 + cos(pi * t / steps)) / 2} is raised to.
     *
     * @return a finite exponent {@code > 0}, by default 1 (a straight line; the plain cosine)
     */
    double power() default 1.0;
}
