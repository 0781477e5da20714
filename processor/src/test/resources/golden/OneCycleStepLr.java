package p;

import dev.warmup.Boundary;
import dev.warmup.StepLr;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Learning-rate schedule of {@code p.OneCycle}, generated from
 * {@code @OneCycleSchedule(maxLr = 0.1, totalSteps = 1001, pctStart = 0.25,
 *         annealStrategy = AnnealStrategy.COS (default), divFactor = 25.0 (default),
 *         finalDivFactor = 10000.0 (default), threePhase = true, cycleMomentum = true (default),
 *         baseMomentum = 0.85 (default), maxMomentum = 0.95 (default))}:
 * three-phase one-cycle schedule over 1001 steps, cosine annealing (PyTorch's OneCycleLR), then minLr held.
 *
 * <pre>{@code
 * step t           lr(t)                                                                         computed as
 * 0 <= t <= 249    0.1 + (0.004 - 0.1) * (1 + cos(pi * t / 249.25)) / 2                          PHASE_1_START_LR + PHASE_1_AMPLITUDE * c^2, c = cos(PHASE_1_HALF_OMEGA * (PHASE_1_END - t))
 * 250 <= t <= 498  0.004 + (0.1 - 0.004) * (1 + cos(pi * (t - 249.25) / (498.5 - 249.25))) / 2   PHASE_2_END_LR + PHASE_2_AMPLITUDE * c^2, c = cos(PHASE_2_HALF_OMEGA * (t - PHASE_1_END))
 * 499 <= t < 1000  4.0E-7 + (0.004 - 4.0E-7) * (1 + cos(pi * (t - 498.5) / (1000 - 498.5))) / 2  PHASE_3_END_LR + PHASE_3_AMPLITUDE * c^2, c = cos(PHASE_3_HALF_OMEGA * (t - PHASE_2_END))
 * t >= 1000        minLr = maxLr / divFactor / finalDivFactor                                    MIN_LR
 * }</pre>
 *
 * <p>{@code momentum(t)}: cycled against the rate, cosine from maxMomentum = 0.95 to baseMomentum = 0.85 while the rate rises, back while it falls, maxMomentum in the third phase:
 * <pre>{@code
 * step t           momentum(t)                                                                 computed as
 * 0 <= t <= 249    0.85 + (0.95 - 0.85) * (1 + cos(pi * t / 249.25)) / 2                       PHASE_1_MOMENTUM_END + PHASE_1_MOMENTUM_AMPLITUDE * c^2, c = cos(PHASE_1_HALF_OMEGA * t)
 * 250 <= t <= 498  0.95 + (0.85 - 0.95) * (1 + cos(pi * (t - 249.25) / (498.5 - 249.25))) / 2  PHASE_2_MOMENTUM_START + PHASE_2_MOMENTUM_AMPLITUDE * c^2, c = cos(PHASE_2_HALF_OMEGA * (PHASE_2_END - t))
 * t >= 499         maxMomentum                                                                 MAX_MOMENTUM
 * }</pre>
 *
 * <p>Constants:
 * <pre>{@code
 * constant                    value                  from
 * LAST_STEP                   1000L                  totalSteps - 1: minLr from here on
 * MIN_LR                      4.0E-7                 maxLr / divFactor / finalDivFactor
 * PHASE_1_LAST                249L                   floor(PHASE_1_END): the last step of phase 1
 * PHASE_1_HALF_OMEGA          0.006302091581925362   pi / (2 L) of phase 1
 * PHASE_1_END                 249.25                 pctStart * totalSteps - 1: PyTorch's end of phase 1, where the rate is maxLr
 * PHASE_1_AMPLITUDE           0.096                  |b - a| of phase 1
 * PHASE_1_START_LR            0.004                  a, the rate phase 1 starts at
 * PHASE_2_LAST                498L                   floor(PHASE_2_END): the last step of phase 2
 * PHASE_2_HALF_OMEGA          0.006302091581925362   pi / (2 L) of phase 2
 * PHASE_2_AMPLITUDE           0.096                  |b - a| of phase 2
 * PHASE_2_END_LR              0.004                  b, the rate phase 2 ends at
 * PHASE_3_HALF_OMEGA          0.0031321960653936123  pi / (2 L) of phase 3
 * PHASE_2_END                 498.5                  2 * pctStart * totalSteps - 2: PyTorch's end of phase 2, where the rate is maxLr / divFactor
 * PHASE_3_AMPLITUDE           0.0039996              |b - a| of phase 3
 * PHASE_3_END_LR              4.0E-7                 b, the rate phase 3 ends at
 * PHASE_1_MOMENTUM_AMPLITUDE  0.09999999999999998    |b - a| of phase 1
 * PHASE_1_MOMENTUM_END        0.85                   b, the momentum phase 1 ends at
 * PHASE_2_MOMENTUM_AMPLITUDE  0.09999999999999998    |b - a| of phase 2
 * PHASE_2_MOMENTUM_START      0.85                   a, the momentum phase 2 starts at
 * MAX_MOMENTUM                0.95                   maxMomentum
 * }</pre>
 *
 * <p>Values at key steps:
 * <pre>{@code
 * step  lr                     momentum
 * 0     0.004                  0.95
 * 124   0.05162187841594934    0.9003938766500528
 * 249   0.09999976170204734    0.850000248227034
 * 250   0.09999785533262245    0.8500022340285183
 * 373   0.05252936496150053    0.8994485781651036
 * 498   0.0040009531894445935  0.9499990070943285
 * 499   0.003999990190336894   0.95
 * 749   0.002003331881565544   0.95
 * 999   4.3923855618853266E-7  0.95
 * 1000  4.0E-7                 0.95
 * }</pre>
 *
 * <p>The same schedule in PyTorch, also the resource {@code OneCycleStepLr.py} beside this class:
 * <pre>{@code
 * # PyTorch 1.13 twin of p.OneCycleStepLr: the same rate at every step, from torch.optim.lr_scheduler.
 * from torch.optim.lr_scheduler import OneCycleLR
 *
 * # optimizer = torch.optim.SGD(params, lr=0.1, momentum=0.95)
 * scheduler = OneCycleLR(optimizer, max_lr=0.1, total_steps=1001, pct_start=0.25, three_phase=True)
 * # OneCycleLR sets the rate itself (max_lr / div_factor at step 0), and the momentum of each update (Adam's
 * # betas[0]), the generated momentum(step). Its last step is total_steps - 1 = 1000, at the final rate, which
 * # the generated class holds from there on; a scheduler.step() past total_steps = 1001 raises ValueError.
 * # Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
 * # lr(step) of the generated class.
 * }</pre>
 */
@Generated(
        value = "dev.warmup.processor.WarmupProcessor",
        comments = "from @OneCycleSchedule(maxLr = 0.1, totalSteps = 1001, pctStart = 0.25, threePhase = true) on p.OneCycle"
)
public final class OneCycleStepLr implements StepLr {
    /**
     * The schedule; it has no state, so one instance serves every thread.
     */
    public static final OneCycleStepLr INSTANCE = new OneCycleStepLr();

    /**
     * The fingerprint of the schedule's settings, the first 16 hexadecimal digits of the SHA-256 of every
     * attribute of its annotations, defaults included (the name left out): the same in every build, and
     * another for any other setting.
     */
    public static final String FINGERPRINT = "69e2819af9a50b8e";

    /**
     * Where each part of the schedule starts, from step 0, with the rate there: what {@code part(step)}
     * searches, for a training loop that logs each change of regime once.
     */
    public static final List<Boundary> BOUNDARIES = List.of(
        new Boundary(0L, "phase 1: rising to maxLr", 0.004),
        new Boundary(250L, "phase 2: falling to the starting rate", 0.09999785533262245),
        new Boundary(499L, "phase 3: annealing to the final rate", 0.003999990190336894),
        new Boundary(1001L, "final rate held", 4.0E-7));

    private static final long LAST_STEP = 1000L;

    private static final double MIN_LR = 4.0E-7;

    private static final long PHASE_1_LAST = 249L;

    private static final double PHASE_1_HALF_OMEGA = 0.006302091581925362;

    private static final double PHASE_1_END = 249.25;

    private static final double PHASE_1_AMPLITUDE = 0.096;

    private static final double PHASE_1_START_LR = 0.004;

    private static final long PHASE_2_LAST = 498L;

    private static final double PHASE_2_HALF_OMEGA = 0.006302091581925362;

    private static final double PHASE_2_AMPLITUDE = 0.096;

    private static final double PHASE_2_END_LR = 0.004;

    private static final double PHASE_3_HALF_OMEGA = 0.0031321960653936123;

    private static final double PHASE_2_END = 498.5;

    private static final double PHASE_3_AMPLITUDE = 0.0039996;

    private static final double PHASE_3_END_LR = 4.0E-7;

    private static final double PHASE_1_MOMENTUM_AMPLITUDE = 0.09999999999999998;

    private static final double PHASE_1_MOMENTUM_END = 0.85;

    private static final double PHASE_2_MOMENTUM_AMPLITUDE = 0.09999999999999998;

    private static final double PHASE_2_MOMENTUM_START = 0.85;

    private static final double MAX_MOMENTUM = 0.95;

    private OneCycleStepLr() {
    }

    @Override
    public double lr(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        if (step >= LAST_STEP) {
            return MIN_LR;
        }
        if (step <= PHASE_1_LAST) {
            // phase 1: cosine 0.004 -> 0.1
            double c = Math.cos(PHASE_1_HALF_OMEGA * (PHASE_1_END - step));
            return PHASE_1_START_LR + PHASE_1_AMPLITUDE * (c * c);
        }
        if (step <= PHASE_2_LAST) {
            // phase 2: cosine 0.1 -> 0.004
            double c = Math.cos(PHASE_2_HALF_OMEGA * (step - PHASE_1_END));
            return PHASE_2_END_LR + PHASE_2_AMPLITUDE * (c * c);
        }
        // phase 3: cosine 0.004 -> 4.0E-7
        double c = Math.cos(PHASE_3_HALF_OMEGA * (step - PHASE_2_END));
        return PHASE_3_END_LR + PHASE_3_AMPLITUDE * (c * c);
    }

    /**
     * Returns the {@code momentum} of the update that follows {@code step} earlier updates, the one
     * that uses {@code lr(step)}: cycled against the rate, cosine from maxMomentum = 0.95 to baseMomentum = 0.85 while the rate rises, back while it falls, maxMomentum in the third phase.
     *
     * @param step the number of updates before this one, from 0
     * @return the {@code momentum}
     * @throws IllegalArgumentException if {@code step} is negative
     */
    public double momentum(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        if (step <= PHASE_1_LAST) {
            // phase 1: cosine 0.95 -> 0.85
            double c = Math.cos(PHASE_1_HALF_OMEGA * step);
            return PHASE_1_MOMENTUM_END + PHASE_1_MOMENTUM_AMPLITUDE * (c * c);
        }
        if (step <= PHASE_2_LAST) {
            // phase 2: cosine 0.85 -> 0.95
            double c = Math.cos(PHASE_2_HALF_OMEGA * (PHASE_2_END - step));
            return PHASE_2_MOMENTUM_START + PHASE_2_MOMENTUM_AMPLITUDE * (c * c);
        }
        // phase 3: maxMomentum held
        return MAX_MOMENTUM;
    }

    @Override
    public long warmupSteps() {
        return 250L;
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
        return "OneCycleStepLr @OneCycleSchedule(maxLr = 0.1, totalSteps = 1001, pctStart = 0.25, annealStrategy = AnnealStrategy.COS (default), divFactor = 25.0 (default), finalDivFactor = 10000.0 (default), threePhase = true, cycleMomentum = true (default), baseMomentum = 0.85 (default), maxMomentum = 0.95 (default))";
    }
}
