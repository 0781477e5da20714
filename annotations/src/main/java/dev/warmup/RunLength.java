package dev.warmup;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * States how long the run trains, beside a schedule annotation, so that the processor checks the schedule against
 * it at compile time: a milestone, phase or warmup at or past the end, a rate held at its floor for more than a fifth
 * of the run, a warmup longer than a quarter of it, a final rate above half the peak, a cosine or cycle cut before 90 %
 * of it. Each finding is a compiler warning on the attribute at fault; {@code @SuppressWarnings("warmup")} on the class
 * silences them, {@code -Werror} makes them errors. Without {@code @RunLength} one check still runs, against the
 * schedule's own end where it ends at a floor below its peak: a warmup longer than a quarter of it.
 *
 * <pre>{@code
 * @WarmupSchedule(steps = 500, initLr = 0.1, decay = Decay.MULTISTEP, milestones = {30_000, 60_000})
 * @RunLength(90_000)
 * final class ResNet {}
 * }</pre>
 *
 * <p>The length is in the unit of the schedule's own lengths: updates, or epochs with {@link Epochs} (converted to
 * updates with {@code everyUpdate = true}, as the schedule's are). It changes nothing in the generated class but its
 * {@link StepLr#boundaries()}, which list the parts of a schedule that repeats without end up to the run's end.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface RunLength {

    /**
     * The number of optimizer updates the run trains for (epochs, with {@link Epochs}).
     *
     * @return a length {@code > 0}
     */
    long value();
}
