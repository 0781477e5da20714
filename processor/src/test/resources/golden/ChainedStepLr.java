package p;

import dev.warmup.Boundary;
import dev.warmup.StepLr;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Learning-rate schedule of {@code p.Chained}, generated from
 * {@code @ChainedSchedule(baseLr = 0.1, factors = {
 *         @Factor(shape = FactorShape.LINEAR, startFactor = 0.01, steps = 1000),
 *         @Factor(shape = FactorShape.EXP, gamma = 0.999)})}:
 * baseLr 0.1 times 2 factors, each from step 0 (linear 0.01 -> 1.0 over 1000 steps, then 1.0; exponential, times 0.999 every step).
 *
 * <pre>{@code
 * step t               lr(t)                                            computed as
 * t >= 0               baseLr * f1(t) * f2(t)                           BASE_LR * factor1(t) * factor2(t)
 * factor 1, t < 1000   startFactor + (endFactor - startFactor) * t / N  FACTOR_1_START + FACTOR_1_SLOPE * t
 * factor 1, t >= 1000  1.0                                              FACTOR_1_END
 * factor 2, t >= 0     gamma^t                                          FACTOR_2_START * exp(FACTOR_2_LOG_RATE * t)
 * }</pre>
 *
 * <p>Constants:
 * <pre>{@code
 * constant           value                   from
 * BASE_LR            0.1                     baseLr
 * FACTOR_1_STEPS     1000L                   N, the steps over which factor 1 changes
 * FACTOR_1_SLOPE     9.9E-4                  (endFactor - startFactor) / N
 * FACTOR_1_START     0.01                    startFactor
 * FACTOR_1_END       1.0                     1.0, factor 1 from N on
 * FACTOR_2_START     1.0                     1, the factor at step 0
 * FACTOR_2_LOG_RATE  -0.0010005003335835344  ln(gamma) = ln(0.999)
 * }</pre>
 *
 * <p>Values at key steps:
 * <pre>{@code
 * step  lr
 * 0     0.001
 * 500   0.03062213671548983
 * 999   0.036769910540584635
 * 1000  0.03676954247709637
 * }</pre>
 *
 * <p>The same schedule in PyTorch, also the resource {@code ChainedStepLr.py} beside this class:
 * <pre>{@code
 * # PyTorch 1.13 twin of p.ChainedStepLr: the same rate at every step, from torch.optim.lr_scheduler.
 * from torch.optim.lr_scheduler import ChainedScheduler, ExponentialLR, LinearLR
 *
 * # optimizer = torch.optim.SGD(params, lr=0.1)
 * scheduler = ChainedScheduler([
 *     LinearLR(optimizer, start_factor=0.01, total_iters=1000),
 *     ExponentialLR(optimizer, gamma=0.999)])
 * # Every scheduler of the chain counts from step 0, and their factors multiply.
 * # Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
 * # lr(step) of the generated class.
 * }</pre>
 */
@Generated(
        value = "dev.warmup.processor.WarmupProcessor",
        comments = "from @ChainedSchedule(baseLr = 0.1, factors = {@Factor(shape = FactorShape.LINEAR, startFactor = 0.01, steps = 1000), @Factor(shape = FactorShape.EXP, gamma = 0.999)}) on p.Chained"
)
public final class ChainedStepLr implements StepLr {
    /**
     * The schedule; it has no state, so one instance serves every thread.
     */
    public static final ChainedStepLr INSTANCE = new ChainedStepLr();

    /**
     * The fingerprint of the schedule's settings, the first 16 hexadecimal digits of the SHA-256 of every
     * attribute of its annotations, defaults included (the name left out): the same in every build, and
     * another for any other setting.
     */
    public static final String FINGERPRINT = "78daefbdbe53272e";

    /**
     * Where each part of the schedule starts, from step 0, with the rate there: what {@code part(step)}
     * searches, for a training loop that logs each change of regime once.
     */
    public static final List<Boundary> BOUNDARIES = List.of(
        new Boundary(0L, "baseLr times the factors", 0.001),
        new Boundary(1000L, "factor 1 ends", 0.03676954247709637));

    private static final double BASE_LR = 0.1;

    private static final long FACTOR_1_STEPS = 1000L;

    private static final double FACTOR_1_SLOPE = 9.9E-4;

    private static final double FACTOR_1_START = 0.01;

    private static final double FACTOR_1_END = 1.0;

    private static final double FACTOR_2_START = 1.0;

    private static final double FACTOR_2_LOG_RATE = -0.0010005003335835344;

    private ChainedStepLr() {
    }

    @Override
    public double lr(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        return BASE_LR * factor1(step) * factor2(step);
    }

    /**
     * Factor 1: linear 0.01 -> 1.0 over 1000 steps, then 1.0: {@code startFactor + (endFactor - startFactor) * t / N for t < 1000, then 1.0},
     * computed as {@code FACTOR_1_START + FACTOR_1_SLOPE * t, then FACTOR_1_END}.
     */
    private static double factor1(long step) {
        if (step < FACTOR_1_STEPS) {
            return FACTOR_1_START + FACTOR_1_SLOPE * step;
        }
        return FACTOR_1_END;
    }

    /**
     * Factor 2: exponential, times 0.999 every step: {@code gamma^t},
     * computed as {@code FACTOR_2_START * exp(FACTOR_2_LOG_RATE * t)}.
     */
    private static double factor2(long step) {
        return FACTOR_2_START * Math.exp(FACTOR_2_LOG_RATE * step);
    }

    @Override
    public long warmupSteps() {
        return 1000L;
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
        return "ChainedStepLr @ChainedSchedule(baseLr = 0.1, factors = {@Factor(shape = FactorShape.LINEAR, startFactor = 0.01, steps = 1000), @Factor(shape = FactorShape.EXP, gamma = 0.999)})";
    }
}
