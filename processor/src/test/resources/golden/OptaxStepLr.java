package p;

import dev.warmup.Boundary;
import dev.warmup.StepLr;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Learning-rate schedule of {@code p.Optax}, generated from
 * {@code @WarmupSchedule(steps = 200, initLr = 0.1, warmup = Warmup.CONSTANT, startLr = 0.1,
 *         decay = Decay.EXP, gamma = 0.5, stepSize = 1000, minLr = 0.01)}:
 * constant warmup over 200 steps, then exponential decay to a floor.
 *
 * <pre>{@code
 * step t        lr(t)                                            computed as
 * 0 <= t < 200  startLr                                          START_LR
 * t >= 200      max(initLr * gamma^((t - W) / stepSize), minLr)  max(INIT_LR * exp(DECAY_LOG_GAMMA * (t - W)), MIN_LR)
 * }</pre>
 *
 * <p>Constants:
 * <pre>{@code
 * constant         value                  from
 * WARMUP_STEPS     200L                   steps: the warmup length W
 * START_LR         0.1                    startLr
 * INIT_LR          0.1                    initLr
 * DECAY_LOG_GAMMA  -6.931471805599453E-4  ln(gamma) / stepSize
 * MIN_LR           0.01                   minLr: the floor of the decay
 * }</pre>
 *
 * <p>Values at key steps:
 * <pre>{@code
 * step  lr
 * 0     0.1
 * 100   0.1
 * 199   0.1
 * 200   0.1
 * 201   0.09993070929904525
 * 1200  0.05
 * 3521  0.010006435133203784
 * 3522  0.01
 * }</pre>
 *
 * <p>The same schedule in PyTorch, also the resource {@code OptaxStepLr.py} beside this class:
 * <pre>{@code
 * # PyTorch 1.13 twin of p.OptaxStepLr: the same rate at every step, from torch.optim.lr_scheduler.
 * from torch.optim.lr_scheduler import ConstantLR, LambdaLR, SequentialLR
 *
 * # optimizer = torch.optim.SGD(params, lr=0.1)
 * warmup = ConstantLR(optimizer, factor=1.0, total_iters=200)
 * decay = LambdaLR(optimizer, lambda step: max(0.5 ** (step / 1000), 0.01 / 0.1))
 * # SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
 * # steps from 0.
 * scheduler = SequentialLR(optimizer, schedulers=[warmup, decay], milestones=[200])
 * # Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
 * # lr(step) of the generated class.
 * }</pre>
 */
@Generated(
        value = "dev.warmup.processor.WarmupProcessor",
        comments = "from @WarmupSchedule(steps = 200, initLr = 0.1, warmup = Warmup.CONSTANT, startLr = 0.1, decay = Decay.EXP, gamma = 0.5, stepSize = 1000, minLr = 0.01) on p.Optax"
)
public final class OptaxStepLr implements StepLr {
    /**
     * The schedule; it has no state, so one instance serves every thread.
     */
    public static final OptaxStepLr INSTANCE = new OptaxStepLr();

    /**
     * The fingerprint of the schedule's settings, the first 16 hexadecimal digits of the SHA-256 of every
     * attribute of its annotations, defaults included (the name left out): the same in every build, and
     * another for any other setting.
     */
    public static final String FINGERPRINT = "8eb9f1e5164a09b3";

    /**
     * Where each part of the schedule starts, from step 0, with the rate there: what {@code part(step)}
     * searches, for a training loop that logs each change of regime once.
     */
    public static final List<Boundary> BOUNDARIES = List.of(
        new Boundary(0L, "constant warmup", 0.1),
        new Boundary(200L, "exponential decay to a floor", 0.1),
        new Boundary(3522L, "floor minLr held", 0.01));

    private static final long WARMUP_STEPS = 200L;

    private static final double START_LR = 0.1;

    private static final double INIT_LR = 0.1;

    private static final double DECAY_LOG_GAMMA = -6.931471805599453E-4;

    private static final double MIN_LR = 0.01;

    private OptaxStepLr() {
    }

    @Override
    public double lr(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        if (step < WARMUP_STEPS) {
            // constant warmup: startLr
            return START_LR;
        }
        // exponential decay to a floor: max(initLr * gamma^((t - W) / stepSize), minLr)
        return Math.max(INIT_LR * Math.exp(DECAY_LOG_GAMMA * (step - WARMUP_STEPS)), MIN_LR);
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
        return "OptaxStepLr @WarmupSchedule(steps = 200, initLr = 0.1, warmup = Warmup.CONSTANT, startLr = 0.1, decay = Decay.EXP, gamma = 0.5, stepSize = 1000, minLr = 0.01)";
    }
}
