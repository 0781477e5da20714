package dev.warmup;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks that the class generated from the schedule annotation beside it also implement the schedule interfaces of
 * training frameworks, so that its {@code INSTANCE} plugs into them directly:
 *
 * <pre>{@code
 * @WarmupSchedule(steps = 2500, initLr = 0.1, decay = Decay.EXP)
 * @Adapters(Framework.DJL)
 * final class Cifar10 {}
 *
 * Optimizer sgd = Optimizer.sgd().setLearningRateTracker(Cifar10StepLr.INSTANCE).build();
 * }</pre>
 *
 * <p>Every adapter keeps one step convention, counted by the framework's own update counter: the framework's k-th
 * optimizer update (k = 1, 2, ...) uses {@code lr(k - 1)}, as PyTorch's k-th {@code optimizer.step()} does.
 *
 * <p>Nothing of a framework is needed unless it is asked for; asking for one that is not on the compile class path is
 * a compile error on this annotation.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface Adapters {

    /**
     * The frameworks whose interfaces the generated class implements.
     *
     * @return the frameworks, none by default
     */
    Framework[] value() default {};
}
