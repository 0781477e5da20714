package dev.warmup;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * States the lengths of the schedule declared beside it in epochs, as recipes and papers write them ("5 warmup
 * epochs, drops at epochs 30, 60 and 80"), with the updates of an epoch given once. Two ways to run it:
 * <ul>
 *   <li>stepped once an epoch (the default), as recipes that call {@code scheduler.step()} after each epoch do
 *       (ImageNet recipes in PyTorch, timm's default {@code t_in_epochs=True}, ND4J's {@code ScheduleType.EPOCH}):
 *       every update of epoch e uses the rate the schedule gives e, {@code lr(step) = schedule(step / stepsPerEpoch)};
 *   <li>{@link #everyUpdate()}: the processor converts every length to updates (times stepsPerEpoch) and the rate
 *       changes every update, as timm with {@code t_in_epochs=False} and PyTorch's
 *       {@code OneCycleLR(epochs, steps_per_epoch)} do.
 * </ul>
 *
 * <pre>{@code
 * // 5 warmup epochs, drops at epochs 30, 60 and 80, 50 updates an epoch, stepped once an epoch
 * @ChainedSchedule(baseLr = 0.1, factors = {
 *         @Factor(shape = FactorShape.LINEAR, startFactor = 0.1, steps = 5),
 *         @Factor(shape = FactorShape.MULTISTEP, milestones = {30, 60, 80}, gamma = 0.1)})
 * @Epochs(stepsPerEpoch = 50)
 * final class ImageNet {}
 * }</pre>
 *
 * <p>Beside {@link WarmupSchedule}, {@link PhasedSchedule}, {@link OneCycleSchedule}, {@link CyclicSchedule},
 * {@link WarmRestartsSchedule} or {@link ChainedSchedule}, not {@link PlateauSchedule}. Stepped once an epoch, not
 * with {@link UntunedWarmup}, {@link Quantity} or a cycled momentum, whose values change every update; with
 * {@code everyUpdate = true} with any of them (the lengths of a {@link Quantity} are then in epochs too).
 * {@link StepLr#warmupSteps()} is the schedule's, in updates: its warmup epochs times stepsPerEpoch.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface Epochs {

    /**
     * The optimizer updates in an epoch: the number of minibatches of the training set.
     *
     * @return a number of updates {@code > 0}
     */
    long stepsPerEpoch();

    /**
     * Whether the rate changes every update (true: each length converted to updates, {@code epochs * stepsPerEpoch})
     * or once an epoch (false, the default: every update of an epoch at the epoch's rate).
     *
     * @return true for a schedule that moves every update, its lengths stated in epochs
     */
    boolean everyUpdate() default false;
}
