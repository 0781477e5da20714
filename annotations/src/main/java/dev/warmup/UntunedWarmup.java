package dev.warmup;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Multiplies the schedule declared beside it by an untuned warmup factor derived from Adam's second-moment decay
 * beta2 (Ma and Yarats 2019, "On the adequacy of untuned warmup for adaptive optimization"; the {@code pytorch_warmup}
 * package): {@code lr(t) = schedule(t) * omega(t + 1)}. As in {@code pytorch_warmup}, step 0 already uses the factor of
 * iteration 1 (its warmup dampens the rate when it is created).
 *
 * <pre>{@code
 * @WarmupSchedule(steps = 0, initLr = 1e-3, decay = Decay.COSINE, totalSteps = 5000)
 * @UntunedWarmup(UntunedRule.RADAM)
 * final class AdamCosine {}
 * }</pre>
 *
 * <p>Beside {@link WarmupSchedule}, {@link PhasedSchedule}, {@link OneCycleSchedule}, {@link CyclicSchedule},
 * {@link WarmRestartsSchedule} or {@link ChainedSchedule}; alone it is an error. {@link StepLr#warmupSteps()} becomes
 * the larger of the schedule's and the factor's warmup period: {@code tau - 1} for {@link UntunedRule#LINEAR}, where
 * the factor reaches 1; the paper's effective warmup period {@code sum(1 - omega)}, rounded, for
 * {@link UntunedRule#EXPONENTIAL} and {@link UntunedRule#RADAM} (999 and 1029 for beta2 = 0.999).
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface UntunedWarmup {

    /**
     * Which warmup factor.
     *
     * @return the rule
     */
    UntunedRule value();

    /**
     * Adam's beta2, PyTorch's {@code betas[1]}.
     *
     * @return a factor in {@code [0, 1)} ({@code (0.6, 1)} for {@link UntunedRule#RADAM}), by default 0.999 (Adam's)
     */
    double beta2() default 0.999;
}
