package p;

import dev.warmup.Boundary;
import dev.warmup.StepLr;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Learning-rate schedule of {@code p.Cifar10}, generated from
 * {@code @WarmupSchedule(steps = 2500, initLr = 0.1, warmup = Warmup.LINEAR (default),
 *         startLr = 0.0 (default), decay = Decay.EXP, gamma = 0.9999)}:
 * linear warmup over 2500 steps, then exponential decay.
 *
 * <pre>{@code
 * step t         lr(t)                                 computed as
 * 0 <= t < 2500  startLr + (initLr - startLr) * t / W  WARMUP_SLOPE * t
 * t >= 2500      initLr * gamma^(t - W)                INIT_LR * exp(DECAY_LOG_GAMMA * (t - W))
 * }</pre>
 *
 * <p>Constants:
 * <pre>{@code
 * constant         value                   from
 * WARMUP_STEPS     2500L                   steps: the warmup length W
 * WARMUP_SLOPE     4.0E-5                  (initLr - startLr) / W
 * INIT_LR          0.1                     initLr
 * DECAY_LOG_GAMMA  -1.0000500033334732E-4  ln(gamma)
 * }</pre>
 *
 * <p>Values at key steps:
 * <pre>{@code
 * step   lr
 * 0      0.0
 * 1250   0.05
 * 2499   0.09996000000000001
 * 2500   0.1
 * 2501   0.09999000000000001
 * 9431   0.050000626166396556
 * 25525  0.009999699607699104
 * }</pre>
 *
 * <p>The same schedule in PyTorch, also the resource {@code Cifar10StepLr.py} beside this class:
 * <pre>{@code
 * # PyTorch 1.13 twin of p.Cifar10StepLr: the same rate at every step, from torch.optim.lr_scheduler.
 * from torch.optim.lr_scheduler import ExponentialLR, LambdaLR, SequentialLR
 *
 * # optimizer = torch.optim.SGD(params, lr=0.1)
 * warmup = LambdaLR(optimizer, lambda step: step / 2500)
 * decay = ExponentialLR(optimizer, gamma=0.9999)
 * # SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
 * # steps from 0.
 * scheduler = SequentialLR(optimizer, schedulers=[warmup, decay], milestones=[2500])
 * # Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
 * # lr(step) of the generated class.
 * }</pre>
 */
@Generated(
        value = "dev.warmup.processor.WarmupProcessor",
        comments = "from @WarmupSchedule(steps = 2500, initLr = 0.1, decay = Decay.EXP, gamma = 0.9999) on p.Cifar10"
)
public final class Cifar10StepLr implements StepLr {
    /**
     * The schedule; it has no state, so one instance serves every thread.
     */
    public static final Cifar10StepLr INSTANCE = new Cifar10StepLr();

    /**
     * The fingerprint of the schedule's settings, the first 16 hexadecimal digits of the SHA-256 of every
     * attribute of its annotations, defaults included (the name left out): the same in every build, and
     * another for any other setting.
     */
    public static final String FINGERPRINT = "90f353142931f595";

    /**
     * Where each part of the schedule starts, from step 0, with the rate there: what {@code part(step)}
     * searches, for a training loop that logs each change of regime once.
     */
    public static final List<Boundary> BOUNDARIES = List.of(
        new Boundary(0L, "linear warmup", 0.0),
        new Boundary(2500L, "exponential decay", 0.1));

    private static final long WARMUP_STEPS = 2500L;

    private static final double WARMUP_SLOPE = 4.0E-5;

    private static final double INIT_LR = 0.1;

    private static final double DECAY_LOG_GAMMA = -1.0000500033334732E-4;

    private Cifar10StepLr() {
    }

    @Override
    public double lr(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        if (step < WARMUP_STEPS) {
            // linear warmup: startLr + (initLr - startLr) * t / W
            return WARMUP_SLOPE * step;
        }
        // exponential decay: initLr * gamma^(t - W)
        return INIT_LR * Math.exp(DECAY_LOG_GAMMA * (step - WARMUP_STEPS));
    }

    @Override
    public long warmupSteps() {
        return WARMUP_STEPS;
    }

    @Override
    public double peakLr() {
        return 0.1;
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
        return "Cifar10StepLr @WarmupSchedule(steps = 2500, initLr = 0.1, warmup = Warmup.LINEAR (default), startLr = 0.0 (default), decay = Decay.EXP, gamma = 0.9999)";
    }
}
