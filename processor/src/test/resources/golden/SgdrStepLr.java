package p;

import dev.warmup.StepLr;
import javax.annotation.processing.Generated;

/**
 * Learning-rate schedule of {@code p.Sgdr}, generated from
 * {@code @WarmRestartsSchedule(baseLr = 0.1, t0 = 10, tMult = 3, etaMin = 0.0 (default), warmupSteps = 5,
 *         startLr = 0.01)}:
 * linear warmup over 5 steps, then cosine annealing with warm restarts (SGDR, PyTorch's CosineAnnealingWarmRestarts): cycle i of 10 * 3^i steps.
 *
 * <pre>{@code
 * step t      lr(t)                                                         computed as
 * 0 <= t < 5  startLr + (baseLr - startLr) * t / W                          START_LR + WARMUP_SLOPE * t
 * t >= 5      etaMin + (baseLr - etaMin) * (1 + cos(pi * T_cur / T_i)) / 2  AMPLITUDE * c^2, c = cos(pi / 2 * T_cur / T_i), or sin(pi / 2 * (T_i - T_cur) / T_i) past half the cycle
 * }</pre>
 *
 * <p>Constants:
 * <pre>{@code
 * constant            value                                     from
 * WARMUP_STEPS        5L                                        warmupSteps: the warmup length W
 * WARMUP_SLOPE        0.018000000000000002                      (baseLr - startLr) / W
 * START_LR            0.01                                      startLr
 * LAST_CYCLE          38L                                       the last cycle that starts by Long.MAX_VALUE
 * CYCLE_STARTS        {0L, 10L, 40L, 130L, 400L, 1210L, 36 ...  t0 * (tMult^i - 1) / (tMult - 1): the step after warmup at which cycle i starts
 * CYCLE_SCALE         0.2                                       (tMult - 1) / t0
 * INVERSE_LOG_T_MULT  0.9102392266268373                        1 / ln(tMult)
 * CYCLE_LENGTHS       {10.0, 30.0, 90.0, 270.0, 810.0, 243 ...  t0 * tMult^i: the steps of cycle i
 * AMPLITUDE           0.1                                       baseLr - etaMin
 * }</pre>
 *
 * <p>Values at key steps:
 * <pre>{@code
 * step  lr
 * 0     0.01
 * 2     0.046000000000000006
 * 4     0.082
 * 5     0.1
 * 10    0.04999999999999999
 * 14    0.0024471741852423214
 * 15    0.1
 * 30    0.04999999999999999
 * 44    2.7390523158633313E-4
 * 45    0.1
 * 90    0.04999999999999999
 * 134   3.0458649045213495E-5
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
     * warmupSteps: the warmup length W.
     */
    private static final long WARMUP_STEPS = 5L;

    /**
     * (baseLr - startLr) / W.
     */
    private static final double WARMUP_SLOPE = 0.018000000000000002;

    /**
     * startLr.
     */
    private static final double START_LR = 0.01;

    /**
     * the last cycle that starts by Long.MAX_VALUE.
     */
    private static final long LAST_CYCLE = 38L;

    /**
     * t0 * (tMult^i - 1) / (tMult - 1): the step after warmup at which cycle i starts.
     */
    private static final long[] CYCLE_STARTS = {0L, 10L, 40L, 130L, 400L, 1210L, 3640L, 10930L, 32800L, 98410L, 295240L, 885730L, 2657200L, 7971610L, 23914840L, 71744530L, 215233600L, 645700810L, 1937102440L, 5811307330L, 17433922000L, 52301766010L, 156905298040L, 470715894130L, 1412147682400L, 4236443047210L, 12709329141640L, 38127987424930L, 114383962274800L, 343151886824410L, 1029455660473240L, 3088366981419730L, 9265100944259200L, 27795302832777610L, 83385908498332840L, 250157725494998530L, 750473176484995600L, 2251419529454986810L, 6754258588364960440L};

    /**
     * (tMult - 1) / t0.
     */
    private static final double CYCLE_SCALE = 0.2;

    /**
     * 1 / ln(tMult).
     */
    private static final double INVERSE_LOG_T_MULT = 0.9102392266268373;

    /**
     * t0 * tMult^i: the steps of cycle i.
     */
    private static final double[] CYCLE_LENGTHS = {10.0, 30.0, 90.0, 270.0, 810.0, 2430.0, 7290.0, 21870.0, 65610.0, 196830.0, 590490.0, 1771470.0, 5314410.0, 1.594323E7, 4.782969E7, 1.4348907E8, 4.3046721E8, 1.29140163E9, 3.87420489E9, 1.162261467E10, 3.486784401E10, 1.0460353203E11, 3.1381059609E11, 9.4143178827E11, 2.82429536481E12, 8.47288609443E12, 2.541865828329E13, 7.625597484987E13, 2.2876792454961E14, 6.8630377364883E14, 2.05891132094649E15, 6.17673396283947E15, 1.853020188851841E16, 5.559060566555523E16, 1.667718169966657E17, 5.0031545098999706E17, 1.5009463529699912E18, 4.5028390589099735E18, 1.3508517176729922E19};

    /**
     * baseLr - etaMin.
     */
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
        double length = CYCLE_LENGTHS[cycle];
        // etaMin + (baseLr - etaMin) * (1 + cos(pi * T_cur / T_i)) / 2
        double fraction = sinceRestart / length;
        double c = fraction < 0.5 ? Math.cos(Math.PI / 2 * fraction)
                : Math.sin(Math.PI / 2 * ((length - sinceRestart) / length));
        return AMPLITUDE * (c * c);
    }

    /**
     * Fills {@code out} with {@code lr(fromStep + i)}: the warmup by its closed form; the cycle of the
     * first step after it found once, as {@code lr} finds it, then advanced step by step, each rate
     * computed as {@code lr} computes it. Every value is {@code lr(fromStep + i)}, bit for bit.
     */
    @Override
    public void fill(double[] out, long fromStep) {
        if (fromStep < 0) {
            throw new IllegalArgumentException("fromStep must be >= 0, was " + fromStep);
        }
        int n = out.length;
        if (n == 0) {
            return;
        }
        Math.addExact(fromStep, n - 1);
        // linear warmup
        int warmupEnd = fromStep >= WARMUP_STEPS ? 0 : (int) Math.min(n, WARMUP_STEPS - fromStep);
        fillWarmup(out, 0, warmupEnd, fromStep);
        if (warmupEnd == n) {
            return;
        }
        long d = fromStep + warmupEnd - WARMUP_STEPS;
        // the cycle by its logarithm, corrected by at most one against the cycle starts
        int cycle = (int) Math.min(Math.log(d * CYCLE_SCALE + 1.0) * INVERSE_LOG_T_MULT, LAST_CYCLE);
        if (d < CYCLE_STARTS[cycle]) {
            cycle--;
        } else if (cycle < LAST_CYCLE && d >= CYCLE_STARTS[cycle + 1]) {
            cycle++;
        }
        long sinceRestart = d - CYCLE_STARTS[cycle];
        double length = CYCLE_LENGTHS[cycle];
        long cycleLength = cycle < LAST_CYCLE ? CYCLE_STARTS[cycle + 1] - CYCLE_STARTS[cycle] : Long.MAX_VALUE;
        // then cycle by cycle: the next starts where this one ends, 3 times as long
        for (int i = warmupEnd; i < n; i++) {
            out[i] = restart(sinceRestart, length);
            if (++sinceRestart == cycleLength) {
                cycle++;
                sinceRestart = 0;
                length = CYCLE_LENGTHS[cycle];
                cycleLength = cycle < LAST_CYCLE ? CYCLE_STARTS[cycle + 1] - CYCLE_STARTS[cycle] : Long.MAX_VALUE;
            }
        }
    }

    private void fillWarmup(double[] out, int from, int to, long firstStep) {
        for (int i = from; i < to; i++) {
            long step = firstStep + (i - from);
            out[i] = START_LR + WARMUP_SLOPE * step;
        }
    }

    /**
     * The rate {@code sinceRestart} steps into a cycle of {@code length} steps, as {@code lr} computes it.
     */
    private static double restart(long sinceRestart, double length) {
        double fraction = sinceRestart / length;
        double c = fraction < 0.5 ? Math.cos(Math.PI / 2 * fraction)
                : Math.sin(Math.PI / 2 * ((length - sinceRestart) / length));
        return AMPLITUDE * (c * c);
    }

    @Override
    public long warmupSteps() {
        return WARMUP_STEPS;
    }

    @Override
    public String toString() {
        return "SgdrStepLr @WarmRestartsSchedule(baseLr = 0.1, t0 = 10, tMult = 3, etaMin = 0.0 (default), warmupSteps = 5, startLr = 0.01)";
    }
}
