package dev.warmup;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Steps the schedule declared beside it once an epoch, as recipes that call {@code scheduler.step()} after each epoch
 * do (ImageNet recipes in PyTorch, timm's default {@code t_in_epochs=True}): the lengths of that annotation count
 * epochs, and every update of epoch e uses the rate the schedule gives e,
 * {@code lr(step) = schedule(step / stepsPerEpoch)}.
 *
 * <pre>{@code
 * // 5 warmup epochs, drops at epochs 30, 60 and 80, 50 updates an epoch
 * @ChainedSchedule(baseLr = 0.1, factors = {
 *         @Factor(shape = FactorShape.LINEAR, startFactor = 0.1, steps = 5),
 *         @Factor(shape = FactorShape.MULTISTEP, milestones = {30, 60, 80}, gamma = 0.1)})
 * @Epochs(stepsPerEpoch = 50)
 * final class ImageNet {}
 * }</pre>
 *
 * <p>Beside {@link WarmupSchedule}, {@link PhasedSchedule}, {@link OneCycleSchedule} and {@link CyclicSchedule}
 * (with {@code cycleMomentum = false}), {@link WarmRestartsSchedule} or {@link ChainedSchedule}; not with
 * {@link UntunedWarmup} or {@link Quantity}, whose values change every update, nor with {@link PlateauSchedule}. {@link StepLr#warmupSteps()} is the
 * schedule's, in updates: its warmup epochs times stepsPerEpoch.
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
}
