package p;

import dev.warmup.Boundary;
import dev.warmup.StepLr;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Learning-rate schedule of {@code p.Wsd}, generated from
 * {@code @PhasedSchedule(phases = {
 *         @Phase(steps = 1000, shape = PhaseShape.LINEAR, endLr = 0.001),
 *         @Phase(steps = 7000, shape = PhaseShape.CONSTANT, endLr = 0.001),
 *         @Phase(steps = 2000, shape = PhaseShape.LINEAR, endLr = 0.0)})}:
 * 3 phases over 10000 steps (linear, constant, linear), then 0.0 held.
 *
 * <pre>{@code
 * step t             lr(t)                                               computed as
 * 0 <= t < 1000      phase 1: 0.0 + (0.001 - 0.0) * t / 1000             PHASE_1_SLOPE * t
 * 1000 <= t < 8000   phase 2: 0.001                                      PHASE_2_LR
 * 8000 <= t < 10000  phase 3: 0.001 + (0.0 - 0.001) * (t - 8000) / 2000  PHASE_3_SLOPE * (PHASE_3_END - t)
 * t >= 10000         0.0, the end of phase 3                             FINAL_LR
 * }</pre>
 *
 * <p>Constants:
 * <pre>{@code
 * constant       value   from
 * PHASE_1_END    1000L   the first step after phase 1, where phase 2 starts
 * PHASE_1_SLOPE  1.0E-6  |b - a| / L of phase 1
 * PHASE_2_END    8000L   the first step after phase 2, where phase 3 starts
 * PHASE_2_LR     0.001   b, the rate of phase 2
 * PHASE_3_END    10000L  the first step after phase 3
 * PHASE_3_SLOPE  5.0E-7  |b - a| / L of phase 3
 * FINAL_LR       0.0     b of phase 3, held after it
 * }</pre>
 *
 * <p>Values at key steps:
 * <pre>{@code
 * step   lr
 * 0      0.0
 * 500    5.0E-4
 * 999    9.989999999999999E-4
 * 1000   0.001
 * 4500   0.001
 * 7999   0.001
 * 8000   0.001
 * 9000   5.0E-4
 * 9999   5.0E-7
 * 10000  0.0
 * }</pre>
 *
 * <p>The same schedule in PyTorch, also the resource {@code WsdStepLr.py} beside this class:
 * <pre>{@code
 * # PyTorch 1.13 twin of p.WsdStepLr: the same rate at every step, from torch.optim.lr_scheduler.
 * from torch.optim.lr_scheduler import ConstantLR, LambdaLR, LinearLR, SequentialLR
 *
 * # optimizer = torch.optim.SGD(params, lr=0.001)
 * phase1 = LambdaLR(optimizer, lambda step: step / 1000)
 * phase2 = ConstantLR(optimizer, factor=1.0, total_iters=7000)
 * phase3 = LinearLR(optimizer, start_factor=1.0, end_factor=0.0, total_iters=2000)
 * # SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
 * # steps from 0.
 * scheduler = SequentialLR(optimizer, schedulers=[phase1, phase2, phase3], milestones=[1000, 8000])
 * # Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
 * # lr(step) of the generated class.
 * }</pre>
 */
@Generated(
        value = "dev.warmup.processor.WarmupProcessor",
        comments = "from @PhasedSchedule(phases = {@Phase(steps = 1000, shape = PhaseShape.LINEAR, endLr = 0.001), @Phase(steps = 7000, shape = PhaseShape.CONSTANT, endLr = 0.001), @Phase(steps = 2000, shape = PhaseShape.LINEAR, endLr = 0.0)}) on p.Wsd"
)
public final class WsdStepLr implements StepLr {
    /**
     * The schedule; it has no state, so one instance serves every thread.
     */
    public static final WsdStepLr INSTANCE = new WsdStepLr();

    /**
     * The fingerprint of the schedule's settings, the first 16 hexadecimal digits of the SHA-256 of every
     * attribute of its annotations, defaults included (the name left out): the same in every build, and
     * another for any other setting.
     */
    public static final String FINGERPRINT = "8a93aa265d85250d";

    /**
     * Where each part of the schedule starts, from step 0, with the rate there: what {@code part(step)}
     * searches, for a training loop that logs each change of regime once.
     */
    public static final List<Boundary> BOUNDARIES = List.of(
        new Boundary(0L, "phase 1: linear 0.0 -> 0.001", 0.0),
        new Boundary(1000L, "phase 2: constant 0.001", 0.001),
        new Boundary(8000L, "phase 3: linear 0.001 -> 0.0", 0.001),
        new Boundary(10000L, "final rate held", 0.0));

    private static final long PHASE_1_END = 1000L;

    private static final double PHASE_1_SLOPE = 1.0E-6;

    private static final long PHASE_2_END = 8000L;

    private static final double PHASE_2_LR = 0.001;

    private static final long PHASE_3_END = 10000L;

    private static final double PHASE_3_SLOPE = 5.0E-7;

    private static final double FINAL_LR = 0.0;

    private WsdStepLr() {
    }

    @Override
    public double lr(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        if (step < PHASE_1_END) {
            // phase 1: linear 0.0 -> 0.001
            return PHASE_1_SLOPE * step;
        }
        if (step < PHASE_2_END) {
            // phase 2: constant 0.001
            return PHASE_2_LR;
        }
        if (step < PHASE_3_END) {
            // phase 3: linear 0.001 -> 0.0
            return PHASE_3_SLOPE * (PHASE_3_END - step);
        }
        // after the last phase, its end value holds
        return FINAL_LR;
    }

    @Override
    public long warmupSteps() {
        return 1000L;
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
        return "WsdStepLr @PhasedSchedule(phases = {@Phase(steps = 1000, shape = PhaseShape.LINEAR, endLr = 0.001), @Phase(steps = 7000, shape = PhaseShape.CONSTANT, endLr = 0.001), @Phase(steps = 2000, shape = PhaseShape.LINEAR, endLr = 0.0)})";
    }
}
