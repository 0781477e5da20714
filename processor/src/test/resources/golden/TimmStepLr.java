package p;

import dev.warmup.Boundary;
import dev.warmup.StepLr;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Learning-rate schedule of {@code p.Timm}, generated from
 * {@code @WarmRestartsSchedule(baseLr = 0.1, t0 = 100, tMult = 1 (default), etaMin = 1.0E-5, warmupSteps = 5,
 *         startLr = 1.0E-4, peakDecay = 0.5, cycles = 3, warmupPrefix = false)}:
 * linear warmup over 5 steps, then cosine annealing with warm restarts (SGDR, PyTorch's CosineAnnealingWarmRestarts): cycles of 100 steps from step 0 (the warmup takes the first cycle's first steps), each restart's rate times 0.5 the one before (timm's cycle_decay), 3 cycles, then etaMin.
 *
 * <pre>{@code
 * step t           lr(t)                                                                       computed as
 * 0 <= t < 5       startLr + (baseLr - startLr) * t / W                                        START_LR + WARMUP_SLOPE * t
 * t >= 5, t < 300  etaMin + (baseLr * peakDecay^i - etaMin) * (1 + cos(pi * T_cur / T_i)) / 2  ETA_MIN + height * c^2, c = cos(pi / (2 T_i) * T_cur), height = BASE_LR * PEAK_DECAY^i - ETA_MIN
 * t >= 300         etaMin (after 3 cycles)                                                     ETA_MIN
 * }</pre>
 *
 * <p>Constants:
 * <pre>{@code
 * constant      value                 from
 * WARMUP_STEPS  5L                    warmupSteps: the warmup length W
 * WARMUP_SLOPE  0.01998               (baseLr - startLr) / W
 * START_LR      1.0E-4                startLr
 * CYCLES_END    300L                  the sum of the cycles' lengths: etaMin from here on (cycles = 3)
 * ETA_MIN       1.0E-5                etaMin
 * FIRST_CYCLE   100L                  t0: the length of the first cycle
 * HALF_OMEGA    0.015707963267948967  pi / (2 t0)
 * PEAK_DECAY    0.5                   peakDecay: cycle i restarts at baseLr * PEAK_DECAY^i
 * BASE_LR       0.1                   baseLr
 * }</pre>
 *
 * <p>Values at key steps:
 * <pre>{@code
 * step  lr
 * 0     1.0E-4
 * 2     0.040060000000000005
 * 4     0.08002000000000001
 * 50    0.050004999999999994
 * 99    3.466951451525072E-5
 * 100   0.05
 * 150   0.025004999999999993
 * 199   2.233352365853969E-5
 * 200   0.025
 * 250   0.012504999999999997
 * 299   1.6165528230184174E-5
 * 300   1.0E-5
 * }</pre>
 *
 * <p>The same schedule in PyTorch, also the resource {@code TimmStepLr.py} beside this class:
 * <pre>{@code
 * # PyTorch 1.13 twin of p.TimmStepLr: the same rate at every step, from torch.optim.lr_scheduler.
 * import math
 * from torch.optim.lr_scheduler import LambdaLR
 *
 * # optimizer = torch.optim.SGD(params, lr=0.1)
 * # rate(step): the rate of cycle i, its restart lower by timm's cycle_decay; the warmup in place of the first
 * # cycle's first steps (timm's warmup_prefix=False).
 * def rate(step):
 *     if step < 5:
 *         return 0.0001 + (0.1 - 0.0001) * step / 5
 *     d = step
 *     i = d // 100  # the cycle
 *     start, length = i * 100, 100
 *     if i >= 3:  # after the last cycle (timm's cycle_limit)
 *         return 1e-05
 *     return 1e-05 + (0.1 * 0.5 ** i - 1e-05) * (1 + math.cos(math.pi * (d - start) / length)) / 2
 * scheduler = LambdaLR(optimizer, lambda step: rate(step) / 0.1)
 * # Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
 * # lr(step) of the generated class.
 * }</pre>
 */
@Generated(
        value = "dev.warmup.processor.WarmupProcessor",
        comments = "from @WarmRestartsSchedule(baseLr = 0.1, t0 = 100, etaMin = 1.0E-5, warmupSteps = 5, startLr = 1.0E-4, peakDecay = 0.5, cycles = 3, warmupPrefix = false) on p.Timm"
)
public final class TimmStepLr implements StepLr {
    /**
     * The schedule; it has no state, so one instance serves every thread.
     */
    public static final TimmStepLr INSTANCE = new TimmStepLr();

    /**
     * The fingerprint of the schedule's settings, the first 16 hexadecimal digits of the SHA-256 of every
     * attribute of its annotations, defaults included (the name left out): the same in every build, and
     * another for any other setting.
     */
    public static final String FINGERPRINT = "006784e94b597a22";

    /**
     * Where each part of the schedule starts, from step 0, with the rate there: what {@code part(step)}
     * searches, for a training loop that logs each change of regime once.
     */
    public static final List<Boundary> BOUNDARIES = List.of(
        new Boundary(0L, "linear warmup", 1.0E-4),
        new Boundary(5L, "cycle 1 from the end of warmup", 0.09938447858805392),
        new Boundary(100L, "cycle 2", 0.05),
        new Boundary(200L, "cycle 3", 0.025),
        new Boundary(300L, "etaMin held after 3 cycles", 1.0E-5));

    private static final long WARMUP_STEPS = 5L;

    private static final double WARMUP_SLOPE = 0.01998;

    private static final double START_LR = 1.0E-4;

    private static final long CYCLES_END = 300L;

    private static final double ETA_MIN = 1.0E-5;

    private static final long FIRST_CYCLE = 100L;

    private static final double HALF_OMEGA = 0.015707963267948967;

    private static final double PEAK_DECAY = 0.5;

    private static final double BASE_LR = 0.1;

    private TimmStepLr() {
    }

    @Override
    public double lr(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        if (step < WARMUP_STEPS) {
            // linear warmup: startLr + (baseLr - startLr) * t / W
            return START_LR + WARMUP_SLOPE * step;
        }
        long d = step;
        if (d >= CYCLES_END) {
            return ETA_MIN;
        }
        // cycles of equal length
        long cycle = d / FIRST_CYCLE;
        long sinceRestart = d - cycle * FIRST_CYCLE;
        // timm's cycle_decay: cycle i restarts at baseLr * PEAK_DECAY^i
        double height = BASE_LR * Math.pow(PEAK_DECAY, cycle) - ETA_MIN;
        // etaMin + height * (1 + cos(pi * T_cur / T_i)) / 2 = etaMin + height * c^2,
        // c = cos(pi / (2 T_i) * T_cur), T_cur = sinceRestart
        double c = Math.cos(HALF_OMEGA * sinceRestart);
        return ETA_MIN + height * (c * c);
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
        return "TimmStepLr @WarmRestartsSchedule(baseLr = 0.1, t0 = 100, tMult = 1 (default), etaMin = 1.0E-5, warmupSteps = 5, startLr = 1.0E-4, peakDecay = 0.5, cycles = 3, warmupPrefix = false)";
    }
}
