package p;

import dev.warmup.Boundary;
import dev.warmup.StepLr;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Learning-rate schedule of {@code p.Sgdr}, generated from
 * {@code @WarmRestartsSchedule(baseLr = 0.1, t0 = 10, tMult = 3, etaMin = 0.0 (default), warmupSteps = 5,
 *         startLr = 0.01, warmupPrefix = true (default))}:
 * linear warmup over 5 steps, then cosine annealing with warm restarts (SGDR, PyTorch's CosineAnnealingWarmRestarts): cycle i of 10 * 3^i steps.
 *
 * <pre>{@code
 * step t      lr(t)                                                         computed as
 * 0 <= t < 5  startLr + (baseLr - startLr) * t / W                          START_LR + WARMUP_SLOPE * t
 * t >= 5      etaMin + (baseLr - etaMin) * (1 + cos(pi * T_cur / T_i)) / 2  AMPLITUDE * c^2, c = cos(pi / (2 T_i) * T_cur)
 * }</pre>
 *
 * <p>Constants:
 * <pre>{@code
 * constant            value                                      from
 * WARMUP_STEPS        5L                                         warmupSteps: the warmup length W
 * WARMUP_SLOPE        0.018000000000000002                       (baseLr - startLr) / W
 * START_LR            0.01                                       startLr
 * LAST_CYCLE          38L                                        the last cycle that starts by Long.MAX_VALUE
 * CYCLE_STARTS        {0L, 10L, 40L, 130L, 400L, 1210L, 36 ...}  t0 * (tMult^i - 1) / (tMult - 1): the step after warmup at which cycle i starts
 * CYCLE_SCALE         0.2                                        (tMult - 1) / t0
 * INVERSE_LOG_T_MULT  0.9102392266268375                         1 / ln(tMult)
 * CYCLE_HALF_OMEGAS   {0.15707963267948966, 0.052359877559 ...}  pi / (2 T_i): by cycle
 * AMPLITUDE           0.1                                        baseLr - etaMin
 * }</pre>
 *
 * <p>Values at key steps:
 * <pre>{@code
 * step  lr
 * 0     0.01
 * 2     0.046000000000000006
 * 4     0.082
 * 5     0.1
 * 10    0.05000000000000002
 * 14    0.002447174185242323
 * 15    0.1
 * 30    0.05000000000000002
 * 44    2.7390523158633454E-4
 * 45    0.1
 * 90    0.05000000000000002
 * 134   3.04586490452138E-5
 * }</pre>
 *
 * <p>The same schedule in PyTorch, also the resource {@code SgdrStepLr.py} beside this class:
 * <pre>{@code
 * # PyTorch 1.13 twin of p.SgdrStepLr: the same rate at every step, from torch.optim.lr_scheduler.
 * from torch.optim.lr_scheduler import CosineAnnealingWarmRestarts, LinearLR, SequentialLR
 *
 * # optimizer = torch.optim.SGD(params, lr=0.1)
 * warmup = LinearLR(optimizer, start_factor=0.01 / 0.1, total_iters=5)
 * # its cycles from the hand-over at step 5
 * restarts = CosineAnnealingWarmRestarts(optimizer, T_0=10, T_mult=3)
 * # SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
 * # steps from 0.
 * scheduler = SequentialLR(optimizer, schedulers=[warmup, restarts], milestones=[5])
 * # Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
 * # lr(step) of the generated class.
 * }</pre>
 */
@Generated(
        value = "dev.warmup.processor.WarmupProcessor",
        comments = "from @WarmRestartsSchedule(baseLr = 0.1, t0 = 10, tMult = 3, warmupSteps = 5, startLr = 0.01) on p.Sgdr"
)
public final class SgdrStepLr implements StepLr {
    /**
     * The schedule; it has no state, so one instance serves every thread.
     */
    public static final SgdrStepLr INSTANCE = new SgdrStepLr();

    /**
     * The fingerprint of the schedule's settings, the first 16 hexadecimal digits of the SHA-256 of every
     * attribute of its annotations, defaults included (the name left out): the same in every build, and
     * another for any other setting.
     */
    public static final String FINGERPRINT = "a15f193ea25b2860";

    /**
     * Where each part of the schedule starts, from step 0, with the rate there: what {@code part(step)}
     * searches, for a training loop that logs each change of regime once.
     */
    public static final List<Boundary> BOUNDARIES = List.of(
        new Boundary(0L, "linear warmup", 0.01),
        new Boundary(5L, "cycle 1", 0.1),
        new Boundary(15L, "cycle 2", 0.1),
        new Boundary(45L, "cycle 3", 0.1),
        new Boundary(135L, "cycle 4", 0.1),
        new Boundary(405L, "cycle 5", 0.1),
        new Boundary(1215L, "cycle 6", 0.1),
        new Boundary(3645L, "cycle 7", 0.1),
        new Boundary(10935L, "cycle 8", 0.1),
        new Boundary(32805L, "cycle 9", 0.1),
        new Boundary(98415L, "cycle 10", 0.1),
        new Boundary(295245L, "cycle 11", 0.1),
        new Boundary(885735L, "cycle 12", 0.1),
        new Boundary(2657205L, "cycle 13", 0.1),
        new Boundary(7971615L, "cycle 14", 0.1),
        new Boundary(23914845L, "cycle 15", 0.1),
        new Boundary(71744535L, "cycle 16", 0.1),
        new Boundary(215233605L, "cycle 17", 0.1));

    private static final long WARMUP_STEPS = 5L;

    private static final double WARMUP_SLOPE = 0.018000000000000002;

    private static final double START_LR = 0.01;

    private static final long LAST_CYCLE = 38L;

    private static final long[] CYCLE_STARTS = {0L, 10L, 40L, 130L, 400L, 1210L, 3640L, 10930L,
            32800L, 98410L, 295240L, 885730L, 2657200L, 7971610L, 23914840L, 71744530L, 215233600L,
            645700810L, 1937102440L, 5811307330L, 17433922000L, 52301766010L, 156905298040L,
            470715894130L, 1412147682400L, 4236443047210L, 12709329141640L, 38127987424930L,
            114383962274800L, 343151886824410L, 1029455660473240L, 3088366981419730L,
            9265100944259200L, 27795302832777610L, 83385908498332840L, 250157725494998530L,
            750473176484995600L, 2251419529454986810L, 6754258588364960440L};

    private static final double CYCLE_SCALE = 0.2;

    private static final double INVERSE_LOG_T_MULT = 0.9102392266268375;

    private static final double[] CYCLE_HALF_OMEGAS = {0.15707963267948966, 0.05235987755982988,
            0.017453292519943295, 0.005817764173314432, 0.0019392547244381439, 6.464182414793813E-4,
            2.1547274715979378E-4, 7.182424905326459E-5, 2.3941416351088195E-5,
            7.980472117029398E-6, 2.660157372343133E-6, 8.867191241143777E-7, 2.955730413714592E-7,
            9.852434712381974E-8, 3.2841449041273246E-8, 1.0947149680424415E-8,
            3.649049893474805E-9, 1.2163499644916018E-9, 4.054499881638672E-10,
            1.3514999605462242E-10, 4.5049998684874135E-11, 1.5016666228291378E-11,
            5.00555540943046E-12, 1.6685184698101533E-12, 5.561728232700511E-13,
            1.8539094109001701E-13, 6.179698036333901E-14, 2.0598993454446337E-14,
            6.866331151482112E-15, 2.2887770504940374E-15, 7.629256834980124E-16,
            2.5430856116600416E-16, 8.476952038866805E-17, 2.825650679622268E-17,
            9.418835598740894E-18, 3.139611866246965E-18, 1.0465372887489883E-18,
            3.488457629163294E-19, 1.1628192097210981E-19};

    private static final double AMPLITUDE = 0.1;

    private SgdrStepLr() {
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
        long d = step - WARMUP_STEPS;
        // the cycle by its logarithm, corrected by at most one against the cycle starts
        int cycle = (int) Math.min(Math.log(d * CYCLE_SCALE + 1.0) * INVERSE_LOG_T_MULT, LAST_CYCLE);
        if (d < CYCLE_STARTS[cycle]) {
            cycle--;
        } else if (cycle < LAST_CYCLE && d >= CYCLE_STARTS[cycle + 1]) {
            cycle++;
        }
        long sinceRestart = d - CYCLE_STARTS[cycle];
        // etaMin + (baseLr - etaMin) * (1 + cos(pi * T_cur / T_i)) / 2 = etaMin + (baseLr - etaMin) * c^2,
        // c = cos(pi / (2 T_i) * T_cur), T_cur = sinceRestart
        double c = Math.cos(CYCLE_HALF_OMEGAS[cycle] * sinceRestart);
        return AMPLITUDE * (c * c);
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
        return "SgdrStepLr @WarmRestartsSchedule(baseLr = 0.1, t0 = 10, tMult = 3, etaMin = 0.0 (default), warmupSteps = 5, startLr = 0.01, warmupPrefix = true (default))";
    }
}
