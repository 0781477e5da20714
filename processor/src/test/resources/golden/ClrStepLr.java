package p;

import dev.warmup.Boundary;
import dev.warmup.StepLr;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Learning-rate schedule of {@code p.Clr}, generated from
 * {@code @CyclicSchedule(baseLr = 0.001, maxLr = 0.1, stepSizeUp = 2000 (default),
 *         stepSizeDown = 2000 (default), mode = CyclicMode.EXP_RANGE, gamma = 0.9999,
 *         cycleMomentum = true (default), baseMomentum = 0.8 (default), maxMomentum = 0.9 (default))}:
 * cyclical rate, PyTorch's CyclicLR in mode exp_range: cycles of 4000 steps, 2000 up from baseLr and 2000 down; k = t / 4000 is the cycle, p = t - k * 4000 the step within it.
 *
 * <pre>{@code
 * step t     lr(t)                                                            computed as
 * p <= 2000  baseLr + (maxLr - baseLr) * p / stepSizeUp * gamma^t             BASE_LR + h * exp(LOG_GAMMA * t), h = UP_SLOPE * p
 * p > 2000   baseLr + (maxLr - baseLr) * (4000 - p) / stepSizeDown * gamma^t  BASE_LR + h * exp(LOG_GAMMA * t), h = DOWN_SLOPE * (CYCLE_LENGTH - p)
 * }</pre>
 *
 * <p>{@code momentum(t)}: cycled against the rate, from maxMomentum = 0.9 down to baseMomentum = 0.8 at the peak of the rate, the wave scaled as the rate's:
 * <pre>{@code
 * step t     momentum(t)                                                                       computed as
 * p <= 2000  maxMomentum - (maxMomentum - baseMomentum) * p / stepSizeUp * gamma^t             MAX_MOMENTUM - h * exp(LOG_GAMMA * t), h = MOMENTUM_UP_SLOPE * p
 * p > 2000   maxMomentum - (maxMomentum - baseMomentum) * (4000 - p) / stepSizeDown * gamma^t  MAX_MOMENTUM - h * exp(LOG_GAMMA * t), h = MOMENTUM_DOWN_SLOPE * (CYCLE_LENGTH - p)
 * }</pre>
 *
 * <p>Constants:
 * <pre>{@code
 * constant             value                   from
 * CYCLE_LENGTH         4000L                   stepSizeUp + stepSizeDown: the steps of a cycle
 * STEP_SIZE_UP         2000L                   stepSizeUp: the peak's step within a cycle
 * UP_SLOPE             4.9500000000000004E-5   (maxLr - baseLr) / stepSizeUp
 * DOWN_SLOPE           4.9500000000000004E-5   (maxLr - baseLr) / stepSizeDown
 * BASE_LR              0.001                   baseLr
 * LOG_GAMMA            -1.0000500033334732E-4  ln(gamma)
 * MOMENTUM_UP_SLOPE    4.999999999999999E-5    (maxMomentum - baseMomentum) / stepSizeUp
 * MOMENTUM_DOWN_SLOPE  4.999999999999999E-5    (maxMomentum - baseMomentum) / stepSizeDown
 * MAX_MOMENTUM         0.9                     maxMomentum
 * }</pre>
 *
 * <p>Values at key steps:
 * <pre>{@code
 * step   lr                    momentum
 * 0      0.001                 0.9
 * 1000   0.04578922823114854   0.8547583553220722
 * 2000   0.08205353396128941   0.8181277434734451
 * 4000   0.001                 0.9
 * 5000   0.031022517033426525  0.8696742252187611
 * 6000   0.055330721918532735  0.8451204829105731
 * 8000   0.001                 0.9
 * 9000   0.021124292483243632  0.8796724318351075
 * 10000  0.037418243596864076  0.863213895356703
 * }</pre>
 *
 * <p>The same schedule in PyTorch, also the resource {@code ClrStepLr.py} beside this class:
 * <pre>{@code
 * # PyTorch 1.13 twin of p.ClrStepLr: the same rate at every step, from torch.optim.lr_scheduler.
 * from torch.optim.lr_scheduler import CyclicLR
 *
 * # optimizer = torch.optim.SGD(params, lr=0.1, momentum=0.9)
 * scheduler = CyclicLR(optimizer, base_lr=0.001, max_lr=0.1, mode='exp_range', gamma=0.9999)
 * # CyclicLR sets the rate itself (base_lr at step 0), and the momentum of each update, the generated
 * # momentum(step): SGD's momentum (PyTorch 1.13 refuses Adam with cycle_momentum=True).
 * # Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
 * # lr(step) of the generated class.
 * }</pre>
 */
@Generated(
        value = "dev.warmup.processor.WarmupProcessor",
        comments = "from @CyclicSchedule(baseLr = 0.001, maxLr = 0.1, mode = CyclicMode.EXP_RANGE, gamma = 0.9999) on p.Clr"
)
public final class ClrStepLr implements StepLr {
    /**
     * The schedule; it has no state, so one instance serves every thread.
     */
    public static final ClrStepLr INSTANCE = new ClrStepLr();

    /**
     * The fingerprint of the schedule's settings, the first 16 hexadecimal digits of the SHA-256 of every
     * attribute of its annotations, defaults included (the name left out): the same in every build, and
     * another for any other setting.
     */
    public static final String FINGERPRINT = "141f089f88860856";

    /**
     * Where each part of the schedule starts, from step 0, with the rate there: what {@code part(step)}
     * searches, for a training loop that logs each change of regime once.
     */
    public static final List<Boundary> BOUNDARIES = List.of(
        new Boundary(0L, "cycle 1", 0.001),
        new Boundary(4000L, "cycle 2", 0.001),
        new Boundary(8000L, "cycle 3", 0.001),
        new Boundary(12000L, "cycle 4", 0.001),
        new Boundary(16000L, "cycle 5", 0.001),
        new Boundary(20000L, "cycle 6", 0.001),
        new Boundary(24000L, "cycle 7", 0.001),
        new Boundary(28000L, "cycle 8", 0.001),
        new Boundary(32000L, "cycle 9", 0.001),
        new Boundary(36000L, "cycle 10", 0.001),
        new Boundary(40000L, "cycle 11", 0.001),
        new Boundary(44000L, "cycle 12", 0.001),
        new Boundary(48000L, "cycle 13", 0.001),
        new Boundary(52000L, "cycle 14", 0.001),
        new Boundary(56000L, "cycle 15", 0.001),
        new Boundary(60000L, "cycle 16", 0.001),
        new Boundary(64000L, "cycle 17", 0.001));

    private static final long CYCLE_LENGTH = 4000L;

    private static final long STEP_SIZE_UP = 2000L;

    private static final double UP_SLOPE = 4.9500000000000004E-5;

    private static final double DOWN_SLOPE = 4.9500000000000004E-5;

    private static final double BASE_LR = 0.001;

    private static final double LOG_GAMMA = -1.0000500033334732E-4;

    private static final double MOMENTUM_UP_SLOPE = 4.999999999999999E-5;

    private static final double MOMENTUM_DOWN_SLOPE = 4.999999999999999E-5;

    private static final double MAX_MOMENTUM = 0.9;

    private ClrStepLr() {
    }

    @Override
    public double lr(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        long cycle = step / CYCLE_LENGTH;
        long position = step - cycle * CYCLE_LENGTH;
        double height = position <= STEP_SIZE_UP ? UP_SLOPE * position
                : DOWN_SLOPE * (CYCLE_LENGTH - position);
        return BASE_LR + height * Math.exp(LOG_GAMMA * step);
    }

    /**
     * Returns the {@code momentum} of the update that follows {@code step} earlier updates, the one
     * that uses {@code lr(step)}: cycled against the rate, from maxMomentum = 0.9 down to baseMomentum = 0.8 at the peak of the rate, the wave scaled as the rate's.
     *
     * @param step the number of updates before this one, from 0
     * @return the {@code momentum}
     * @throws IllegalArgumentException if {@code step} is negative
     */
    public double momentum(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        long cycle = step / CYCLE_LENGTH;
        long position = step - cycle * CYCLE_LENGTH;
        double height = position <= STEP_SIZE_UP ? MOMENTUM_UP_SLOPE * position
                : MOMENTUM_DOWN_SLOPE * (CYCLE_LENGTH - position);
        return MAX_MOMENTUM - height * Math.exp(LOG_GAMMA * step);
    }

    @Override
    public long warmupSteps() {
        return 0L;
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
        return "ClrStepLr @CyclicSchedule(baseLr = 0.001, maxLr = 0.1, stepSizeUp = 2000 (default), stepSizeDown = 2000 (default), mode = CyclicMode.EXP_RANGE, gamma = 0.9999, cycleMomentum = true (default), baseMomentum = 0.8 (default), maxMomentum = 0.9 (default))";
    }
}
