package p;

import dev.warmup.StepLr;
import javax.annotation.processing.Generated;

/**
 * Learning-rate schedule of {@code p.Cifar10}, generated from
 * {@code @WarmupSchedule(steps = 2500, initLr = 0.1, warmup = Warmup.LINEAR (default),
 *         startLr = 0.0 (default), decay = Decay.EXP, gamma = 0.9999)}:
 * linear warmup over 2500 steps, then exponential decay.
 *
 * <pre>{@code
 * step t         lr(t)                                 computed as
 * 0 <= t < 2500  startLr + (initLr - startLr) * t / W  WARMUP_SLOPE * t
 * t >= 2500      initLr * gamma^(t - W)                (INIT_LR + INIT_LR * yLow) * exp(y), y = DECAY_LOG_GAMMA * (t - W), yLow its error
 * }</pre>
 *
 * <p>Constants:
 * <pre>{@code
 * constant              value                   from
 * WARMUP_STEPS          2500L                   steps: the warmup length W
 * WARMUP_SLOPE          4.0E-5                  (initLr - startLr) / W
 * INIT_LR               0.1                     initLr
 * DECAY_LOG_GAMMA       -1.0000500033334732E-4  ln(gamma)
 * DECAY_LOG_GAMMA_HIGH  -1.0000499969464727E-4  ln(gamma), its top 26 bits
 * DECAY_LOG_GAMMA_REST  -6.387000533588213E-13  ln(gamma) less its top 26 bits, from a 60-digit logarithm
 * SPLITTER              1.34217729E8            2^27 + 1: n * SPLITTER - (n * SPLITTER - n) is n to its top 26 bits
 * }</pre>
 *
 * <p>Values at key steps:
 * <pre>{@code
 * step   lr
 * 0      0.0
 * 1250   0.05
 * 2499   0.09996000000000001
 * 2500   0.1
 * 2501   0.09999000000000001
 * 9431   0.050000626166396556
 * 25525  0.009999699607699105
 * }</pre>
 */
@Generated(
        value = "dev.warmup.processor.WarmupProcessor",
        comments = "from @WarmupSchedule(steps = 2500, initLr = 0.1, decay = Decay.EXP, gamma = 0.9999) on p.Cifar10"
)
public final class Cifar10StepLr implements StepLr {
    /**
     * The schedule; it has no state, so one instance serves every thread.
     */
    public static final Cifar10StepLr INSTANCE = new Cifar10StepLr();

    /**
     * steps: the warmup length W.
     */
    private static final long WARMUP_STEPS = 2500L;

    /**
     * (initLr - startLr) / W.
     */
    private static final double WARMUP_SLOPE = 4.0E-5;

    /**
     * initLr.
     */
    private static final double INIT_LR = 0.1;

    /**
     * ln(gamma).
     */
    private static final double DECAY_LOG_GAMMA = -1.0000500033334732E-4;

    /**
     * ln(gamma), its top 26 bits.
     */
    private static final double DECAY_LOG_GAMMA_HIGH = -1.0000499969464727E-4;

    /**
     * ln(gamma) less its top 26 bits, from a 60-digit logarithm.
     */
    private static final double DECAY_LOG_GAMMA_REST = -6.387000533588213E-13;

    /**
     * 2^27 + 1: n * SPLITTER - (n * SPLITTER - n) is n to its top 26 bits.
     */
    private static final double SPLITTER = 1.34217729E8;

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

    /**
     * For {@code fill}: {@code DECAY_GAMMA_POWERS[k] = gamma^k}.
     */
    private static final double[] DECAY_GAMMA_POWERS = new double[FILL_BLOCK];

    static {
        for (int k = 0; k < FILL_BLOCK; k++) {
            FILL_STEPS[k] = k;
            DECAY_GAMMA_POWERS[k] = Math.exp(DECAY_LOG_GAMMA * k)
                    * (1 + (DECAY_LOG_GAMMA_HIGH * k - DECAY_LOG_GAMMA * k + DECAY_LOG_GAMMA_REST * k));
        }
    }

    private Cifar10StepLr() {
    }

    @Override
    public double lr(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        if (step < WARMUP_STEPS) {
            // linear warmup: startLr + (initLr - startLr) * t / W
            return WARMUP_SLOPE * smallToDouble(step);
        }
        // exponential decay: initLr * gamma^(t - W)
        // u * DECAY_LOG_GAMMA (to 60 digits) as y + yLow: y the double product, yLow its error
        double u = toDouble(step - WARMUP_STEPS);
        double y = DECAY_LOG_GAMMA * u;
        // below 2^27 steps, DECAY_LOG_GAMMA_HIGH * u is exact as it is
        double yLow;
        if (u < 0x1p27) {
            yLow = DECAY_LOG_GAMMA_HIGH * u - y + DECAY_LOG_GAMMA_REST * u;
        } else {
            // uHigh: u to its top 26 bits (Veltkamp's split), so that DECAY_LOG_GAMMA_HIGH * uHigh is exact
            double split = SPLITTER * u;
            double uHigh = split - (split - u);
            yLow = DECAY_LOG_GAMMA_HIGH * uHigh - y + DECAY_LOG_GAMMA_HIGH * (u - uHigh)
                    + DECAY_LOG_GAMMA_REST * u;
        }
        double scale = INIT_LR + INIT_LR * yLow;
        return scale * Math.exp(y);
    }

    /**
     * Fills {@code out} with {@code lr(fromStep + i)}, faster than calling {@code lr}: closed forms without a
     * transcendental call, runs of equal values, and, for exponential and cosine shapes, one anchor per
     * {@code FILL_BLOCK} steps computed as {@code lr} computes it, times tabulated factors. Every value is
     * within 16 ulps of {@code lr(fromStep + i)}.
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
        int warmupEnd = fromStep >= WARMUP_STEPS ? 0 : (int) Math.min(n, WARMUP_STEPS - fromStep);
        fillWarmup(out, 0, warmupEnd, fromStep);
        fillDecay(out, warmupEnd, n, fromStep + warmupEnd);
    }

    private void fillWarmup(double[] out, int from, int to, long firstStep) {
        int i = from;
        while (i < to) {
            int length = Math.min(FILL_BLOCK, to - i);
            long step = firstStep + (i - from);
            double firstDone = smallToDouble(step);
            System.arraycopy(FILL_STEPS, 0, out, i, length);
            for (int j = i; j < i + length; j++) {
                double k = out[j];
                out[j] = WARMUP_SLOPE * (firstDone + k);
            }
            i += length;
        }
    }

    private void fillDecay(double[] out, int from, int to, long firstStep) {
        int i = from;
        while (i < to) {
            int length = Math.min(FILL_BLOCK, to - i);
            long step = firstStep + (i - from);
            // u * DECAY_LOG_GAMMA (to 60 digits) as y + yLow: y the double product, yLow its error
            double u = toDouble(step - WARMUP_STEPS);
            double y = DECAY_LOG_GAMMA * u;
            // below 2^27 steps, DECAY_LOG_GAMMA_HIGH * u is exact as it is
            double yLow;
            if (u < 0x1p27) {
                yLow = DECAY_LOG_GAMMA_HIGH * u - y + DECAY_LOG_GAMMA_REST * u;
            } else {
                // uHigh: u to its top 26 bits (Veltkamp's split), so that DECAY_LOG_GAMMA_HIGH * uHigh is exact
                double split = SPLITTER * u;
                double uHigh = split - (split - u);
                yLow = DECAY_LOG_GAMMA_HIGH * uHigh - y + DECAY_LOG_GAMMA_HIGH * (u - uHigh)
                        + DECAY_LOG_GAMMA_REST * u;
            }
            double scale = INIT_LR + INIT_LR * yLow;
            double anchor = scale * Math.exp(y);
            for (int k = 0; k < length; k++) {
                out[i + k] = anchor * DECAY_GAMMA_POWERS[k];
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

    /**
     * {@code (double) n}, the same value; where {@code cvtsi2sd} waits ({@code CVTSI2SD_WAITS}),
     * below 2^52 from the bits of 2^52 + n, exactly.
     */
    private static double toDouble(long n) {
        return CVTSI2SD_WAITS && n >>> 52 == 0 ? Double.longBitsToDouble(0x4330_0000_0000_0000L | n) - 0x1p52 : n;
    }

    @Override
    public long warmupSteps() {
        return WARMUP_STEPS;
    }

    @Override
    public String toString() {
        return "Cifar10StepLr @WarmupSchedule(steps = 2500, initLr = 0.1, warmup = Warmup.LINEAR (default), startLr = 0.0 (default), decay = Decay.EXP, gamma = 0.9999)";
    }
}
