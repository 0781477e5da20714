package p;

import dev.warmup.Boundary;
import dev.warmup.StepLr;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Learning-rate schedule of {@code p.AdamCosine}, generated from
 * {@code @WarmupSchedule(steps = 0, initLr = 0.001, decay = Decay.COSINE, totalSteps = 5000,
 *         minLr = 0.0 (default)) @UntunedWarmup(value = UntunedRule.RADAM, beta2 = 0.999 (default))}:
 * cosine decay, times the untuned RAdam warmup factor of beta2 = 0.999 (Ma and Yarats 2019, as pytorch_warmup).
 *
 * <pre>{@code
 * step t            lr(t)                                                                                                                                       computed as
 * t >= 0            schedule(t) * omega(t + 1)                                                                                                                  schedule(t) * untunedWarmup(t)
 * schedule, t >= 0  minLr + (initLr - minLr) * (1 + cos(pi * (t - W) / (T - W))) / 2                                                                            DECAY_AMPLITUDE * c^2, c = cos(DECAY_HALF_OMEGA * t)
 * factor, t >= 0    omega(t + 1) = sqrt((rho - 4)(rho - 2) rho_inf / ((rho_inf - 4)(rho_inf - 2) rho)), rho = rho_inf - 2 s beta2^s / (1 - beta2^s), s = t + 5  sqrt((rho - 4) * (rho - 2) / rho * UNTUNED_SCALE), rho from exp(UNTUNED_LOG_BETA2 * s) and -expm1(UNTUNED_LOG_BETA2 * s)
 * }</pre>
 *
 * <p>Constants:
 * <pre>{@code
 * constant           value                   from
 * TOTAL_STEPS        5000L                   totalSteps T: minLr from here on
 * MIN_LR             0.0                     minLr
 * DECAY_HALF_OMEGA   3.141592653589793E-4    pi / (2 (T - W))
 * DECAY_AMPLITUDE    0.001                   initLr - minLr
 * UNTUNED_OFFSET     5L                      the smallest s >= 1 with rho(s) > 4, by pytorch_warmup's beta2 ** s
 * UNTUNED_LOG_BETA2  -0.0010005003335835344  ln(beta2)
 * UNTUNED_RHO_INF    1998.9999999999982      rho_inf = 2 / (1 - beta2) - 1
 * UNTUNED_SCALE      5.017551389741258E-4    rho_inf / ((rho_inf - 4) * (rho_inf - 2))
 * }</pre>
 *
 * <p>Values at key steps:
 * <pre>{@code
 * step  lr
 * 0     1.731150316637996E-5
 * 1     2.58211102534221E-5
 * 514   4.7220971638904435E-4
 * 1029  5.881367806807703E-4
 * 2500  4.4066120610410873E-4
 * 4999  9.701162228061832E-11
 * 5000  0.0
 * }</pre>
 *
 * <p>The same schedule in PyTorch, also the resource {@code AdamCosineStepLr.py} beside this class:
 * <pre>{@code
 * # PyTorch 1.13 twin of p.AdamCosineStepLr: the same rate at every step, from torch.optim.lr_scheduler.
 * import math
 * from torch.optim.lr_scheduler import LambdaLR
 *
 * # optimizer = torch.optim.Adam(params, lr=0.001, betas=(0.9, 0.999))
 * # @UntunedWarmup: the schedule times pytorch_warmup's RAdamWarmup factor omega(t) for Adam's beta2 = 0.999, at
 * # iteration t = step + 1, written out. With pytorch_warmup itself: warmup =
 * # pytorch_warmup.RAdamWarmup(optimizer), and after each optimizer.step(), `with warmup.dampening():
 * # scheduler.step()` for the scheduler without the factor.
 * def untuned_warmup(t):
 *     rho_inf = 2.0 / (1.0 - 0.999) - 1
 *     s = t - 1 + 5  # the offset: the least s >= 1 with rho(s) > 4
 *     rho = rho_inf - 2 * s * 0.999 ** s / (1 - 0.999 ** s)
 *     return math.sqrt((rho - 4) * (rho - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho))
 *
 * scheduler = LambdaLR(optimizer, lambda step: ((1 + math.cos(math.pi * min(step, 5000) / 5000)) / 2) * untuned_warmup(step + 1))
 * # Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
 * # lr(step) of the generated class.
 * }</pre>
 */
@Generated(
        value = "dev.warmup.processor.WarmupProcessor",
        comments = "from @WarmupSchedule(steps = 0, initLr = 0.001, decay = Decay.COSINE, totalSteps = 5000) @UntunedWarmup(value = UntunedRule.RADAM) on p.AdamCosine"
)
public final class AdamCosineStepLr implements StepLr {
    /**
     * The schedule; it has no state, so one instance serves every thread.
     */
    public static final AdamCosineStepLr INSTANCE = new AdamCosineStepLr();

    /**
     * The fingerprint of the schedule's settings, the first 16 hexadecimal digits of the SHA-256 of every
     * attribute of its annotations, defaults included (the name left out): the same in every build, and
     * another for any other setting.
     */
    public static final String FINGERPRINT = "043f20aada88d575";

    /**
     * Where each part of the schedule starts, from step 0, with the rate there: what {@code part(step)}
     * searches, for a training loop that logs each change of regime once.
     */
    public static final List<Boundary> BOUNDARIES = List.of(
        new Boundary(0L, "cosine decay", 1.731150316637996E-5),
        new Boundary(5000L, "final rate held", 0.0));

    private static final long TOTAL_STEPS = 5000L;

    private static final double MIN_LR = 0.0;

    private static final double DECAY_HALF_OMEGA = 3.141592653589793E-4;

    private static final double DECAY_AMPLITUDE = 0.001;

    private static final long UNTUNED_OFFSET = 5L;

    private static final double UNTUNED_LOG_BETA2 = -0.0010005003335835344;

    private static final double UNTUNED_RHO_INF = 1998.9999999999982;

    private static final double UNTUNED_SCALE = 5.017551389741258E-4;

    private AdamCosineStepLr() {
    }

    @Override
    public double lr(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        return schedule(step) * untunedWarmup(step);
    }

    /**
     * The schedule: cosine decay: {@code @WarmupSchedule(steps = 0, initLr = 0.001, decay = Decay.COSINE, totalSteps = 5000)},
     * computed as {@code the schedule's own code, as without @UntunedWarmup}.
     */
    private static double schedule(long step) {
        // cosine decay: minLr + (initLr - minLr) * (1 + cos(pi * (t - W) / (T - W))) / 2
        if (step >= TOTAL_STEPS) {
            return MIN_LR;
        }
        double c = Math.cos(DECAY_HALF_OMEGA * step);
        return DECAY_AMPLITUDE * (c * c);
    }

    /**
     * Untuned RAdam warmup factor of beta2 = 0.999: {@code omega(t + 1) = sqrt((rho - 4)(rho - 2) rho_inf / ((rho_inf - 4)(rho_inf - 2) rho)), rho = rho_inf - 2 s beta2^s / (1 - beta2^s), s = t + 5},
     * computed as {@code sqrt((rho - 4) * (rho - 2) / rho * UNTUNED_SCALE), rho from exp(UNTUNED_LOG_BETA2 * s) and -expm1(UNTUNED_LOG_BETA2 * s)}.
     */
    private static double untunedWarmup(long step) {
        double s = (double) step + UNTUNED_OFFSET;
        // q = 1 - beta2^s; rho(s) = rho_inf - 2 s beta2^s / (1 - beta2^s)
        double q = -Math.expm1(UNTUNED_LOG_BETA2 * s);
        double rho = UNTUNED_RHO_INF - 2 * s * (1 - q) / q;
        return Math.sqrt(Math.max(0.0, (rho - 4) * (rho - 2) / rho * UNTUNED_SCALE));
    }

    @Override
    public long warmupSteps() {
        return 1029L;
    }

    @Override
    public double peakLr() {
        return 0.001;
    }

    @Override
    public String fingerprint() {
        return FINGERPRINT;
    }

    @Override
    public List<Boundary> boundaries() {
        return BOUNDARIES;
    }

    @Override
    public String toString() {
        return "AdamCosineStepLr @WarmupSchedule(steps = 0, initLr = 0.001, decay = Decay.COSINE, totalSteps = 5000, minLr = 0.0 (default)) @UntunedWarmup(value = UntunedRule.RADAM, beta2 = 0.999 (default))";
    }
}
