package p;

import dev.warmup.Boundary;
import dev.warmup.LrRange;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Learning-rate schedule of {@code p.Digits}, generated from
 * {@code @LrRangeTest(startLr = 1.0E-5, endLr = 10.0, steps = 100)}:
 * a learning-rate range test (fastai's lr_find): the rate grows exponentially from 1.0E-5 to 10.0 over 100 steps, then holds 10.0; annotationFor(peakLr) writes the @WarmupSchedule beside it with initLr for that peak.
 *
 * <pre>{@code
 * step t      lr(t)                                computed as
 * 0 <= t < N  startLr * (endLr / startLr)^(t / N)  END_LR * exp(LOG_RATE * (N - t))
 * t >= N      endLr                                END_LR
 * }</pre>
 *
 * <p>Constants:
 * <pre>{@code
 * constant  value                 from
 * STEPS     100L                  steps N: the length of the test; endLr from here on
 * END_LR    10.0                  endLr
 * LOG_RATE  -0.13815510557964275  (ln startLr - ln endLr) / N
 * }</pre>
 *
 * <p>Values at key steps:
 * <pre>{@code
 * step  lr
 * 0     9.999999999999987E-6
 * 50    0.009999999999999993
 * 99    8.709635899560805
 * 100   10.0
 * }</pre>
 *
 * <p>The same schedule in PyTorch, also the resource {@code DigitsLrRange.py} beside this class:
 * <pre>{@code
 * # PyTorch 1.13 twin of p.DigitsLrRange: the same rate at every step, from torch.optim.lr_scheduler.
 * from torch.optim.lr_scheduler import LambdaLR
 *
 * # optimizer = torch.optim.SGD(params, lr=1e-05)
 * # factor(step): fastai's lr_find ramp, startLr * (endLr / startLr)^(step / N) over N = 100 steps, then endLr.
 * def factor(step):
 *     return (10.0 / 1e-05) ** (min(step, 100) / 100)
 * scheduler = LambdaLR(optimizer, lambda step: factor(step))
 * # Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
 * # lr(step) of the generated class.
 * }</pre>
 */
@Generated(
        value = "dev.warmup.processor.WarmupProcessor",
        comments = "from @LrRangeTest(startLr = 1.0E-5, endLr = 10.0, steps = 100) on p.Digits"
)
public final class DigitsLrRange implements LrRange {
    /**
     * The schedule; it has no state, so one instance serves every thread.
     */
    public static final DigitsLrRange INSTANCE = new DigitsLrRange();

    /**
     * The fingerprint of the schedule's settings, the first 16 hexadecimal digits of the SHA-256 of every
     * attribute of its annotations, defaults included (the name left out): the same in every build, and
     * another for any other setting.
     */
    public static final String FINGERPRINT = "cf54e662d0c135c6";

    /**
     * Where each part of the schedule starts, from step 0, with the rate there: what {@code part(step)}
     * searches, for a training loop that logs each change of regime once.
     */
    public static final List<Boundary> BOUNDARIES = List.of(
        new Boundary(0L, "exponential ramp", 9.999999999999987E-6),
        new Boundary(100L, "endLr held", 10.0));

    private static final long STEPS = 100L;

    private static final double END_LR = 10.0;

    private static final double LOG_RATE = -0.13815510557964275;

    private DigitsLrRange() {
    }

    @Override
    public double lr(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        if (step < STEPS) {
            // exponential ramp: startLr * (endLr / startLr)^(t / N)
            return END_LR * Math.exp(LOG_RATE * (STEPS - step));
        }
        // from step N on, endLr holds
        return END_LR;
    }

    @Override
    public long steps() {
        return STEPS;
    }

    /**
     * Returns {@code @WarmupSchedule} as written beside {@code @LrRangeTest}, its {@code initLr} set for a peak of {@code peakLr}.
     */
    @Override
    public String annotationFor(double peakLr) {
        return "@WarmupSchedule(steps = 80, initLr = " + LrRange.literal(peakLr) + ", decay = Decay.MULTISTEP, milestones = {100, 150})";
    }

    @Override
    public long warmupSteps() {
        return 0L;
    }

    @Override
    public double peakLr() {
        return 10.0;
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
        return "DigitsLrRange @LrRangeTest(startLr = 1.0E-5, endLr = 10.0, steps = 100)";
    }
}
