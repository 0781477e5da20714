package dev.warmup;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a learning-rate range test (Smith 2017; fastai's {@code lr_find}, Lightning's {@code Tuner.lr_find}): a
 * short run whose rate grows exponentially from {@link #startLr()} to {@link #endLr()}, to see at which rates the loss
 * falls and where it blows up. The warmup annotation processor generates, at compile time, a final class
 * implementing {@link LrRange}; {@link LrFinder} takes the loss of each step of the run, stops it when the loss
 * diverges, and suggests a peak rate as fastai does.
 *
 * <pre>{@code
 * @WarmupSchedule(steps = 80, initLr = 0.2)
 * @LrRangeTest(startLr = 1e-5, endLr = 10, steps = 100)
 * final class Digits {}
 * }</pre>
 *
 * <p>With N = {@link #steps()}, {@code lr(t) = startLr * (endLr / startLr)^(t / N)} for {@code t < N}, fastai's
 * {@code SchedExp} at {@code pos = t / N}, and endLr from step N on. The test takes steps 0 to {@code N - 1}, as
 * fastai's does: its last rate is {@code endLr * (startLr / endLr)^(1 / N)}, just below endLr. (Lightning's
 * {@code _ExponentialLR} runs the same ramp one step ahead from step 1 on, reaching endLr at step {@code N - 1}.)
 *
 * <p>On a class of its own, the generated class is {@code <Name>LrRange}. Beside a schedule annotation (any but
 * {@link PhasedSchedule}, whose peak is in its phases), both classes are generated, and
 * {@link LrRange#annotationFor(double)} writes that annotation with its peak attribute ({@code initLr},
 * {@code maxLr}, {@code baseLr}) set to a rate found by the test: the annotation to write once the test has run.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface LrRangeTest {

    /**
     * The rate of step 0, fastai's {@code start_lr}.
     *
     * @return a finite rate {@code > 0}, by default 1e-7 (fastai's)
     */
    double startLr() default 1e-7;

    /**
     * The rate the ramp reaches at step {@link #steps()}, after the test's last step; fastai's {@code end_lr}.
     *
     * @return a finite rate {@code > startLr}, by default 10 (fastai's)
     */
    double endLr() default 10.0;

    /**
     * The number of steps N of the test, fastai's {@code num_it}: steps 0 to {@code N - 1}.
     *
     * @return N in {@code [7, 10000]}, by default 100 (fastai's): {@link LrFinder}'s suggestions leave out the first
     *     {@code N / 10} and the last 5 points, as fastai's do, and need 2
     */
    long steps() default 100;

    /**
     * The simple name of the generated class, in the annotated class's package.
     *
     * @return a Java identifier, or "" (the default) for the annotated class's name followed by {@code LrRange}
     */
    String name() default "";
}
