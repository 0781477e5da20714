package p;

import dev.warmup.StepLr;
import java.util.Arrays;
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
     * the first step after phase 1, where phase 2 starts.
     */
    private static final long PHASE_1_END = 1000L;

    /**
     * |b - a| / L of phase 1.
     */
    private static final double PHASE_1_SLOPE = 1.0E-6;

    /**
     * the first step after phase 2, where phase 3 starts.
     */
    private static final long PHASE_2_END = 8000L;

    /**
     * b, the rate of phase 2.
     */
    private static final double PHASE_2_LR = 0.001;

    /**
     * the first step after phase 3.
     */
    private static final long PHASE_3_END = 10000L;

    /**
     * |b - a| / L of phase 3.
     */
    private static final double PHASE_3_SLOPE = 5.0E-7;

    /**
     * b of phase 3, held after it.
     */
    private static final double FINAL_LR = 0.0;

    /**
     * Whether this JVM's C2 leaves {@code (double) n} waiting on the last write of its target
     * register (JDK-8318562, before JDK 23): the conversions of steps then take the bits.
     * A constant to C2, which compiles only the branch this JVM takes.
     */
    private static final boolean CVTSI2SD_WAITS = Runtime.version().feature() < 23;

    /**
     * Steps that {@code fill} computes from one anchor; the length of the tables.
     */
    private static final int FILL_BLOCK = 256;

    /**
     * For {@code fill}: {@code FILL_STEPS[k] = k}.
     */
    private static final double[] FILL_STEPS = new double[FILL_BLOCK];

    static {
        for (int k = 0; k < FILL_BLOCK; k++) {
            FILL_STEPS[k] = k;
        }
    }

    private WsdStepLr() {
    }

    @Override
    public double lr(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        if (step < PHASE_1_END) {
            // phase 1: linear 0.0 -> 0.001
            return PHASE_1_SLOPE * smallToDouble(step);
        }
        if (step < PHASE_2_END) {
            // phase 2: constant 0.001
            return PHASE_2_LR;
        }
        if (step < PHASE_3_END) {
            // phase 3: linear 0.001 -> 0.0
            return PHASE_3_SLOPE * smallToDouble(PHASE_3_END - step);
        }
        // after the last phase, its end value holds
        return FINAL_LR;
    }

    /**
     * Fills {@code out} with {@code lr(fromStep + i)}, faster than calling {@code lr}: the range is split into
     * phases once, not per step, and each is filled by its shape's own pattern (closed forms, runs of
     * equal values, one anchor per {@code FILL_BLOCK} steps times tabulated factors). Every value is
     * {@code lr(fromStep + i)}, bit for bit.
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
        // phase 1: linear 0.0 -> 0.001
        int phase1End = fromStep >= PHASE_1_END ? 0 : (int) Math.min(n, PHASE_1_END - fromStep);
        fillPhase1(out, 0, phase1End, fromStep);
        // phase 2: constant 0.001
        int phase2End = fromStep >= PHASE_2_END ? 0 : (int) Math.min(n, PHASE_2_END - fromStep);
        fillPhase2(out, phase1End, phase2End, fromStep + phase1End);
        // phase 3: linear 0.001 -> 0.0
        int phase3End = fromStep >= PHASE_3_END ? 0 : (int) Math.min(n, PHASE_3_END - fromStep);
        fillPhase3(out, phase2End, phase3End, fromStep + phase2End);
        // after the last phase, its end value holds
        Arrays.fill(out, phase3End, n, FINAL_LR);
    }

    private void fillPhase1(double[] out, int from, int to, long firstStep) {
        int i = from;
        while (i < to) {
            int length = Math.min(FILL_BLOCK, to - i);
            long step = firstStep + (i - from);
            double firstDone = smallToDouble(step);
            System.arraycopy(FILL_STEPS, 0, out, i, length);
            for (int j = i; j < i + length; j++) {
                double k = out[j];
                out[j] = PHASE_1_SLOPE * (firstDone + k);
            }
            i += length;
        }
    }

    private void fillPhase2(double[] out, int from, int to, long firstStep) {
        Arrays.fill(out, from, to, PHASE_2_LR);
    }

    private void fillPhase3(double[] out, int from, int to, long firstStep) {
        int i = from;
        while (i < to) {
            int length = Math.min(FILL_BLOCK, to - i);
            long step = firstStep + (i - from);
            double firstLeft = smallToDouble(PHASE_3_END - step);
            System.arraycopy(FILL_STEPS, 0, out, i, length);
            for (int j = i; j < i + length; j++) {
                double k = out[j];
                out[j] = PHASE_3_SLOPE * (firstLeft - k);
            }
            i += length;
        }
    }

    /**
     * {@code (double) n}, the same value, for {@code 0 <= n < 2^52} only (a step of a span that
     * ends below 2^52): where {@code cvtsi2sd} waits ({@code CVTSI2SD_WAITS}), from the bits of
     * 2^52 + n, exactly, with no test of the range.
     */
    private static double smallToDouble(long n) {
        return CVTSI2SD_WAITS ? Double.longBitsToDouble(0x4330_0000_0000_0000L | n) - 0x1p52 : n;
    }

    @Override
    public long warmupSteps() {
        return 1000L;
    }

    @Override
    public String toString() {
        return "WsdStepLr @PhasedSchedule(phases = {@Phase(steps = 1000, shape = PhaseShape.LINEAR, endLr = 0.001), @Phase(steps = 7000, shape = PhaseShape.CONSTANT, endLr = 0.001), @Phase(steps = 2000, shape = PhaseShape.LINEAR, endLr = 0.0)})";
    }
}
