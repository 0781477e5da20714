package p;

import dev.warmup.StepLr;
import java.util.Arrays;
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
 * factor 2, t >= 0     gamma^t                                          (FACTOR_2_START + FACTOR_2_START * yLow) * exp(y), y = FACTOR_2_LOG_RATE * t, yLow its error
 * }</pre>
 *
 * <p>Constants:
 * <pre>{@code
 * constant                value                    from
 * BASE_LR                 0.1                      baseLr
 * FACTOR_1_STEPS          1000L                    N, the steps over which factor 1 changes
 * FACTOR_1_SLOPE          9.9E-4                   (endFactor - startFactor) / N
 * FACTOR_1_START          0.01                     startFactor
 * FACTOR_1_END            1.0                      1.0, factor 1 from N on
 * FACTOR_2_START          1.0                      1, the factor at step 0
 * FACTOR_2_LOG_RATE       -0.0010005003335835344   ln(gamma) = ln(0.999)
 * FACTOR_2_LOG_RATE_HIGH  -0.001000500313239172    ln(gamma) = ln(0.999), its top 26 bits
 * FACTOR_2_LOG_RATE_REST  -2.0344362288189656E-11  ln(gamma) = ln(0.999) less its top 26 bits, from a 60-digit logarithm
 * SPLITTER                1.34217729E8             2^27 + 1: n * SPLITTER - (n * SPLITTER - n) is n to its top 26 bits
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
     * baseLr.
     */
    private static final double BASE_LR = 0.1;

    /**
     * N, the steps over which factor 1 changes.
     */
    private static final long FACTOR_1_STEPS = 1000L;

    /**
     * (endFactor - startFactor) / N.
     */
    private static final double FACTOR_1_SLOPE = 9.9E-4;

    /**
     * startFactor.
     */
    private static final double FACTOR_1_START = 0.01;

    /**
     * 1.0, factor 1 from N on.
     */
    private static final double FACTOR_1_END = 1.0;

    /**
     * 1, the factor at step 0.
     */
    private static final double FACTOR_2_START = 1.0;

    /**
     * ln(gamma) = ln(0.999).
     */
    private static final double FACTOR_2_LOG_RATE = -0.0010005003335835344;

    /**
     * ln(gamma) = ln(0.999), its top 26 bits.
     */
    private static final double FACTOR_2_LOG_RATE_HIGH = -0.001000500313239172;

    /**
     * ln(gamma) = ln(0.999) less its top 26 bits, from a 60-digit logarithm.
     */
    private static final double FACTOR_2_LOG_RATE_REST = -2.0344362288189656E-11;

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
     * For {@code fill}: {@code FACTOR_2_FACTORS[k] = gamma^k}.
     */
    private static final double[] FACTOR_2_FACTORS = new double[FILL_BLOCK];

    static {
        for (int k = 0; k < FILL_BLOCK; k++) {
            FACTOR_2_FACTORS[k] = Math.exp(FACTOR_2_LOG_RATE * k)
                    * (1 + (FACTOR_2_LOG_RATE_HIGH * k - FACTOR_2_LOG_RATE * k + FACTOR_2_LOG_RATE_REST * k));
        }
    }

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
     * Fills {@code out} with {@code lr(fromStep + i)}, faster than calling {@code lr}:
     * {@code BASE_LR} throughout, then each factor multiplied in over the whole range, in the order
     * {@code lr} multiplies, by its own pattern (closed forms, runs of equal values, one anchor per
     * {@code FILL_BLOCK} steps times tabulated factors). Every value is within 36 ulps
     * of {@code lr(fromStep + i)}.
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
        Arrays.fill(out, BASE_LR);
        timesFactor1(out, 0, n, fromStep);
        timesFactor2(out, 0, n, fromStep);
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
     * Factor 1: linear 0.01 -> 1.0 over 1000 steps, then 1.0: {@code startFactor + (endFactor - startFactor) * t / N for t < 1000, then 1.0},
     * computed as {@code FACTOR_1_START + FACTOR_1_SLOPE * t, then FACTOR_1_END}.
     */
    private static double factor1(long step) {
        if (step < FACTOR_1_STEPS) {
            return FACTOR_1_START + FACTOR_1_SLOPE * smallToDouble(step);
        }
        return FACTOR_1_END;
    }

    /**
     * {@code (double) n}, the same value; where {@code cvtsi2sd} waits ({@code CVTSI2SD_WAITS}),
     * below 2^52 from the bits of 2^52 + n, exactly.
     */
    private static double toDouble(long n) {
        return CVTSI2SD_WAITS && n >>> 52 == 0 ? Double.longBitsToDouble(0x4330_0000_0000_0000L | n) - 0x1p52 : n;
    }

    /**
     * Factor 2: exponential, times 0.999 every step: {@code gamma^t},
     * computed as {@code (FACTOR_2_START + FACTOR_2_START * yLow) * exp(y), y = FACTOR_2_LOG_RATE * t, yLow its error}.
     */
    private static double factor2(long step) {
        // u * FACTOR_2_LOG_RATE (to 60 digits) as y + yLow: y the double product, yLow its error
        double u = toDouble(step);
        double y = FACTOR_2_LOG_RATE * u;
        // below 2^27 steps, FACTOR_2_LOG_RATE_HIGH * u is exact as it is
        double yLow;
        if (u < 0x1p27) {
            yLow = FACTOR_2_LOG_RATE_HIGH * u - y + FACTOR_2_LOG_RATE_REST * u;
        } else {
            // uHigh: u to its top 26 bits (Veltkamp's split), so that FACTOR_2_LOG_RATE_HIGH * uHigh is exact
            double split = SPLITTER * u;
            double uHigh = split - (split - u);
            yLow = FACTOR_2_LOG_RATE_HIGH * uHigh - y + FACTOR_2_LOG_RATE_HIGH * (u - uHigh)
                    + FACTOR_2_LOG_RATE_REST * u;
        }
        double scale = FACTOR_2_START + FACTOR_2_START * yLow;
        return scale * Math.exp(y);
    }

    private void timesFactor1(double[] out, int from, int to, long firstStep) {
        int end = firstStep >= FACTOR_1_STEPS ? from
                : from + (int) Math.min(to - from, FACTOR_1_STEPS - firstStep);
        timesFactor1OnSpan(out, from, end, firstStep);
        // from FACTOR_1_STEPS on, the factor is 1: out stays as it is
    }

    private void timesFactor1OnSpan(double[] out, int from, int to, long firstStep) {
        for (int i = from; i < to; i++) {
            long step = firstStep + (i - from);
            out[i] *= FACTOR_1_START + FACTOR_1_SLOPE * smallToDouble(step);
        }
    }

    private void timesFactor2(double[] out, int from, int to, long firstStep) {
        int i = from;
        while (i < to) {
            int length = Math.min(FILL_BLOCK, to - i);
            long step = firstStep + (i - from);
            double anchor = factor2(step);
            for (int k = 0; k < length; k++) {
                out[i + k] *= anchor * FACTOR_2_FACTORS[k];
            }
            i += length;
        }
    }

    @Override
    public long warmupSteps() {
        return 1000L;
    }

    @Override
    public String toString() {
        return "ChainedStepLr @ChainedSchedule(baseLr = 0.1, factors = {@Factor(shape = FactorShape.LINEAR, startFactor = 0.01, steps = 1000), @Factor(shape = FactorShape.EXP, gamma = 0.999)})";
    }
}
