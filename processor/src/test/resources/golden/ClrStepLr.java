package p;

import dev.warmup.StepLr;
import javax.annotation.processing.Generated;

/**
 * Learning-rate schedule of {@code p.Clr}, generated from
 * {@code @CyclicSchedule(baseLr = 0.001, maxLr = 0.1, stepSizeUp = 2000 (default),
 *         stepSizeDown = 2000 (default), mode = CyclicMode.EXP_RANGE, gamma = 0.9999)}:
 * cyclical rate, PyTorch's CyclicLR in mode exp_range: cycles of 4000 steps, 2000 up from baseLr and 2000 down; k = t / 4000 is the cycle, p = t - k * 4000 the step within it.
 *
 * <pre>{@code
 * step t     lr(t)                                                            computed as
 * p <= 2000  baseLr + (maxLr - baseLr) * p / stepSizeUp * gamma^t             BASE_LR + h * exp(LOG_GAMMA * t), h = UP_SLOPE * p
 * p > 2000   baseLr + (maxLr - baseLr) * (4000 - p) / stepSizeDown * gamma^t  BASE_LR + h * exp(LOG_GAMMA * t), h = DOWN_SLOPE * (CYCLE_LENGTH - p)
 * }</pre>
 *
 * <p>Constants:
 * <pre>{@code
 * constant      value                   from
 * CYCLE_LENGTH  4000L                   stepSizeUp + stepSizeDown: the steps of a cycle
 * STEP_SIZE_UP  2000L                   stepSizeUp: the peak's step within a cycle
 * UP_SLOPE      4.9500000000000004E-5   (maxLr - baseLr) / stepSizeUp
 * DOWN_SLOPE    4.9500000000000004E-5   (maxLr - baseLr) / stepSizeDown
 * BASE_LR       0.001                   baseLr
 * LOG_GAMMA     -1.0000500033334732E-4  ln(gamma)
 * }</pre>
 *
 * <p>Values at key steps:
 * <pre>{@code
 * step   lr
 * 0      0.001
 * 1000   0.04578922823114854
 * 2000   0.08205353396128941
 * 4000   0.001
 * 5000   0.031022517033426525
 * 6000   0.055330721918532735
 * 8000   0.001
 * 9000   0.021124292483243632
 * 10000  0.037418243596864076
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
     * stepSizeUp + stepSizeDown: the steps of a cycle.
     */
    private static final long CYCLE_LENGTH = 4000L;

    /**
     * stepSizeUp: the peak's step within a cycle.
     */
    private static final long STEP_SIZE_UP = 2000L;

    /**
     * (maxLr - baseLr) / stepSizeUp.
     */
    private static final double UP_SLOPE = 4.9500000000000004E-5;

    /**
     * (maxLr - baseLr) / stepSizeDown.
     */
    private static final double DOWN_SLOPE = 4.9500000000000004E-5;

    /**
     * baseLr.
     */
    private static final double BASE_LR = 0.001;

    /**
     * ln(gamma).
     */
    private static final double LOG_GAMMA = -1.0000500033334732E-4;

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
     * For {@code fill}: {@code GAMMA_POWERS[k] = gamma^k}.
     */
    private static final double[] GAMMA_POWERS = new double[FILL_BLOCK];

    /**
     * For {@code fill}: {@code FILL_STEPS[k] = k}.
     */
    private static final double[] FILL_STEPS = new double[FILL_BLOCK];

    static {
        for (int k = 0; k < FILL_BLOCK; k++) {
            GAMMA_POWERS[k] = Math.exp(LOG_GAMMA * k);
            FILL_STEPS[k] = k;
        }
    }

    private ClrStepLr() {
    }

    @Override
    public double lr(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        long cycle = step / CYCLE_LENGTH;
        long position = step - cycle * CYCLE_LENGTH;
        double height = position <= STEP_SIZE_UP ? UP_SLOPE * smallToDouble(position)
                : DOWN_SLOPE * smallToDouble(CYCLE_LENGTH - position);
        return BASE_LR + height * Math.exp(LOG_GAMMA * step);
    }

    /**
     * Fills {@code out} with {@code lr(fromStep + i)}, faster than calling {@code lr}: the range is split into
     * half-cycles once, not per step, and each is filled by its shape's own pattern (closed forms, runs of
     * equal values, one anchor per {@code FILL_BLOCK} steps times tabulated factors). Every value is
     * within 2048 ulps of {@code lr(fromStep + i)}.
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
        long cycle = fromStep / CYCLE_LENGTH;
        long position = fromStep - cycle * CYCLE_LENGTH;
        int i = 0;
        while (i < n) {
            // the rest of this half-cycle: rising while position <= STEP_SIZE_UP, then falling to the cycle's end
            boolean rising = position <= STEP_SIZE_UP;
            long left = (rising ? STEP_SIZE_UP + 1 : CYCLE_LENGTH) - position;
            int end = left >= n - i ? n : i + (int) left;
            if (rising) {
                fillRise(out, i, end, position);
            } else {
                fillFall(out, i, end, position);
            }
            position += end - i;
            if (position == CYCLE_LENGTH) {
                cycle++;
                position = 0;
            }
            i = end;
        }
        // times gamma^t: per block, exp(LOG_GAMMA * t) at its first step, times GAMMA_POWERS[k]
        i = 0;
        while (i < n) {
            int length = Math.min(FILL_BLOCK, n - i);
            double anchor = Math.exp(LOG_GAMMA * (fromStep + i));
            for (int k = 0; k < length; k++) {
                out[i + k] = BASE_LR + out[i + k] * (anchor * GAMMA_POWERS[k]);
            }
            i += length;
        }
    }

    private void fillRise(double[] out, int from, int to, long firstStep) {
        int i = from;
        while (i < to) {
            int length = Math.min(FILL_BLOCK, to - i);
            long position = firstStep + (i - from);
            double firstDone = smallToDouble(position);
            System.arraycopy(FILL_STEPS, 0, out, i, length);
            for (int j = i; j < i + length; j++) {
                double k = out[j];
                out[j] = UP_SLOPE * (firstDone + k);
            }
            i += length;
        }
    }

    private void fillFall(double[] out, int from, int to, long firstStep) {
        int i = from;
        while (i < to) {
            int length = Math.min(FILL_BLOCK, to - i);
            long position = firstStep + (i - from);
            double firstLeft = smallToDouble(CYCLE_LENGTH - position);
            System.arraycopy(FILL_STEPS, 0, out, i, length);
            for (int j = i; j < i + length; j++) {
                double k = out[j];
                out[j] = DOWN_SLOPE * (firstLeft - k);
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
        return 0L;
    }

    @Override
    public String toString() {
        return "ClrStepLr @CyclicSchedule(baseLr = 0.001, maxLr = 0.1, stepSizeUp = 2000 (default), stepSizeDown = 2000 (default), mode = CyclicMode.EXP_RANGE, gamma = 0.9999)";
    }
}
