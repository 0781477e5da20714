package p;

import dev.warmup.StepLr;
import java.util.Arrays;
import javax.annotation.processing.Generated;

/**
 * Learning-rate schedule of {@code p.OneCycle}, generated from
 * {@code @OneCycleSchedule(maxLr = 0.1, totalSteps = 1001, pctStart = 0.25,
 *         annealStrategy = AnnealStrategy.COS (default), divFactor = 25.0 (default),
 *         finalDivFactor = 10000.0 (default), threePhase = true)}:
 * three-phase one-cycle schedule over 1001 steps, cosine annealing (PyTorch's OneCycleLR), then minLr held.
 *
 * <pre>{@code
 * step t           lr(t)                                                                         computed as
 * 0 <= t <= 249    0.1 + (0.004 - 0.1) * (1 + cos(pi * t / 249.25)) / 2                          PHASE_1_START_LR + PHASE_1_AMPLITUDE * c^2, c = cos(PHASE_1_HALF_OMEGA * (PHASE_1_END - t)) where (PHASE_1_END - t) <= t, else sin(PHASE_1_HALF_OMEGA * t) by its Taylor polynomial
 * 250 <= t <= 498  0.004 + (0.1 - 0.004) * (1 + cos(pi * (t - 249.25) / (498.5 - 249.25))) / 2   PHASE_2_END_LR + PHASE_2_AMPLITUDE * c^2, c = cos(PHASE_2_HALF_OMEGA * (t - PHASE_1_END)) where (t - PHASE_1_END) <= (PHASE_2_END - t), else sin(PHASE_2_HALF_OMEGA * (PHASE_2_END - t)) by its Taylor polynomial
 * 499 <= t < 1000  4.0E-7 + (0.004 - 4.0E-7) * (1 + cos(pi * (t - 498.5) / (1000 - 498.5))) / 2  PHASE_3_END_LR + PHASE_3_AMPLITUDE * c^2, c = cos(PHASE_3_HALF_OMEGA * (t - PHASE_2_END)) where (t - PHASE_2_END) <= (LAST_STEP - t), else sin(PHASE_3_HALF_OMEGA * (LAST_STEP - t)) by its Taylor polynomial
 * t >= 1000        minLr = maxLr / divFactor / finalDivFactor                                    MIN_LR
 * }</pre>
 *
 * <p>Constants:
 * <pre>{@code
 * constant                 value                   from
 * LAST_STEP                1000L                   totalSteps - 1: minLr from here on
 * MIN_LR                   4.0E-7                  maxLr / divFactor / finalDivFactor
 * PHASE_1_LAST             249L                    floor(PHASE_1_END): the last step of phase 1
 * PHASE_1_END              249.25                  pctStart * totalSteps - 1: PyTorch's end of phase 1, where the rate is maxLr
 * PHASE_1_HALF_OMEGA       0.006302091581925362    pi / (2 L) of phase 1
 * PHASE_1_HALF_OMEGA_HIGH  0.006302091525867581    pi / (2 L) of phase 1, its top 26 bits
 * PHASE_1_HALF_OMEGA_REST  5.6057780813134617E-11  pi / (2 L) of phase 1 as a double, less its top 26 bits
 * PHASE_1_HALF_OMEGA_LOW   3.839918517248012E-19   pi / (2 L) of phase 1 less its double, from pi to 50 digits
 * PHASE_1_AMPLITUDE        0.096                   |b - a| of phase 1
 * PHASE_1_START_LR         0.004                   a, the rate phase 1 starts at
 * SIN_3                    -0.16666666666666666    -1 / 3!, sin's Taylor coefficient of y^3
 * SIN_5                    0.008333333333333333    1 / 5!, sin's Taylor coefficient of y^5
 * SIN_7                    -1.984126984126984E-4   -1 / 7!, sin's Taylor coefficient of y^7
 * SIN_9                    2.7557319223985893E-6   1 / 9!, sin's Taylor coefficient of y^9
 * SIN_11                   -2.505210838544172E-8   -1 / 11!, sin's Taylor coefficient of y^11
 * SIN_13                   1.6059043836821613E-10  1 / 13!, sin's Taylor coefficient of y^13
 * SIN_15                   -7.647163731819816E-13  -1 / 15!, sin's Taylor coefficient of y^15
 * SIN_17                   2.8114572543455206E-15  1 / 17!, sin's Taylor coefficient of y^17
 * PHASE_2_LAST             498L                    floor(PHASE_2_END): the last step of phase 2
 * PHASE_2_END              498.5                   2 * pctStart * totalSteps - 2: PyTorch's end of phase 2, where the rate is maxLr / divFactor
 * PHASE_2_HALF_OMEGA       0.006302091581925362    pi / (2 L) of phase 2
 * PHASE_2_HALF_OMEGA_HIGH  0.006302091525867581    pi / (2 L) of phase 2, its top 26 bits
 * PHASE_2_HALF_OMEGA_REST  5.6057780813134617E-11  pi / (2 L) of phase 2 as a double, less its top 26 bits
 * PHASE_2_HALF_OMEGA_LOW   3.839918517248012E-19   pi / (2 L) of phase 2 less its double, from pi to 50 digits
 * PHASE_2_AMPLITUDE        0.096                   |b - a| of phase 2
 * PHASE_2_END_LR           0.004                   b, the rate phase 2 ends at
 * SPLITTER                 1.34217729E8            2^27 + 1: n * SPLITTER - (n * SPLITTER - n) is n to its top 26 bits
 * PHASE_3_HALF_OMEGA       0.0031321960653936123   pi / (2 L) of phase 3
 * PHASE_3_HALF_OMEGA_HIGH  0.003132196026854217    pi / (2 L) of phase 3, its top 26 bits
 * PHASE_3_HALF_OMEGA_REST  3.853939519946059E-11   pi / (2 L) of phase 3 as a double, less its top 26 bits
 * PHASE_3_HALF_OMEGA_LOW   1.4933855898441677E-19  pi / (2 L) of phase 3 less its double, from pi to 50 digits
 * PHASE_3_AMPLITUDE        0.0039996               |b - a| of phase 3
 * PHASE_3_END_LR           4.0E-7                  b, the rate phase 3 ends at
 * }</pre>
 *
 * <p>Values at key steps:
 * <pre>{@code
 * step  lr
 * 0     0.004
 * 124   0.05162187841594934
 * 249   0.09999976170204734
 * 250   0.09999785533262245
 * 373   0.05252936496150053
 * 498   0.0040009531894445935
 * 499   0.003999990190336894
 * 749   0.002003331881565544
 * 999   4.392385561885312E-7
 * 1000  4.0E-7
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
     * totalSteps - 1: minLr from here on.
     */
    private static final long LAST_STEP = 1000L;

    /**
     * maxLr / divFactor / finalDivFactor.
     */
    private static final double MIN_LR = 4.0E-7;

    /**
     * floor(PHASE_1_END): the last step of phase 1.
     */
    private static final long PHASE_1_LAST = 249L;

    /**
     * pctStart * totalSteps - 1: PyTorch's end of phase 1, where the rate is maxLr.
     */
    private static final double PHASE_1_END = 249.25;

    /**
     * pi / (2 L) of phase 1.
     */
    private static final double PHASE_1_HALF_OMEGA = 0.006302091581925362;

    /**
     * pi / (2 L) of phase 1, its top 26 bits.
     */
    private static final double PHASE_1_HALF_OMEGA_HIGH = 0.006302091525867581;

    /**
     * pi / (2 L) of phase 1 as a double, less its top 26 bits.
     */
    private static final double PHASE_1_HALF_OMEGA_REST = 5.6057780813134617E-11;

    /**
     * pi / (2 L) of phase 1 less its double, from pi to 50 digits.
     */
    private static final double PHASE_1_HALF_OMEGA_LOW = 3.839918517248012E-19;

    /**
     * |b - a| of phase 1.
     */
    private static final double PHASE_1_AMPLITUDE = 0.096;

    /**
     * a, the rate phase 1 starts at.
     */
    private static final double PHASE_1_START_LR = 0.004;

    /**
     * -1 / 3!, sin's Taylor coefficient of y^3.
     */
    private static final double SIN_3 = -0.16666666666666666;

    /**
     * 1 / 5!, sin's Taylor coefficient of y^5.
     */
    private static final double SIN_5 = 0.008333333333333333;

    /**
     * -1 / 7!, sin's Taylor coefficient of y^7.
     */
    private static final double SIN_7 = -1.984126984126984E-4;

    /**
     * 1 / 9!, sin's Taylor coefficient of y^9.
     */
    private static final double SIN_9 = 2.7557319223985893E-6;

    /**
     * -1 / 11!, sin's Taylor coefficient of y^11.
     */
    private static final double SIN_11 = -2.505210838544172E-8;

    /**
     * 1 / 13!, sin's Taylor coefficient of y^13.
     */
    private static final double SIN_13 = 1.6059043836821613E-10;

    /**
     * -1 / 15!, sin's Taylor coefficient of y^15.
     */
    private static final double SIN_15 = -7.647163731819816E-13;

    /**
     * 1 / 17!, sin's Taylor coefficient of y^17.
     */
    private static final double SIN_17 = 2.8114572543455206E-15;

    /**
     * floor(PHASE_2_END): the last step of phase 2.
     */
    private static final long PHASE_2_LAST = 498L;

    /**
     * 2 * pctStart * totalSteps - 2: PyTorch's end of phase 2, where the rate is maxLr / divFactor.
     */
    private static final double PHASE_2_END = 498.5;

    /**
     * pi / (2 L) of phase 2.
     */
    private static final double PHASE_2_HALF_OMEGA = 0.006302091581925362;

    /**
     * pi / (2 L) of phase 2, its top 26 bits.
     */
    private static final double PHASE_2_HALF_OMEGA_HIGH = 0.006302091525867581;

    /**
     * pi / (2 L) of phase 2 as a double, less its top 26 bits.
     */
    private static final double PHASE_2_HALF_OMEGA_REST = 5.6057780813134617E-11;

    /**
     * pi / (2 L) of phase 2 less its double, from pi to 50 digits.
     */
    private static final double PHASE_2_HALF_OMEGA_LOW = 3.839918517248012E-19;

    /**
     * |b - a| of phase 2.
     */
    private static final double PHASE_2_AMPLITUDE = 0.096;

    /**
     * b, the rate phase 2 ends at.
     */
    private static final double PHASE_2_END_LR = 0.004;

    /**
     * 2^27 + 1: n * SPLITTER - (n * SPLITTER - n) is n to its top 26 bits.
     */
    private static final double SPLITTER = 1.34217729E8;

    /**
     * pi / (2 L) of phase 3.
     */
    private static final double PHASE_3_HALF_OMEGA = 0.0031321960653936123;

    /**
     * pi / (2 L) of phase 3, its top 26 bits.
     */
    private static final double PHASE_3_HALF_OMEGA_HIGH = 0.003132196026854217;

    /**
     * pi / (2 L) of phase 3 as a double, less its top 26 bits.
     */
    private static final double PHASE_3_HALF_OMEGA_REST = 3.853939519946059E-11;

    /**
     * pi / (2 L) of phase 3 less its double, from pi to 50 digits.
     */
    private static final double PHASE_3_HALF_OMEGA_LOW = 1.4933855898441677E-19;

    /**
     * |b - a| of phase 3.
     */
    private static final double PHASE_3_AMPLITUDE = 0.0039996;

    /**
     * b, the rate phase 3 ends at.
     */
    private static final double PHASE_3_END_LR = 4.0E-7;

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
     * For {@code fill}: {@code PHASE_1_ROTATION_COS[k] = cos(k w)}.
     */
    private static final double[] PHASE_1_ROTATION_COS = new double[FILL_BLOCK];

    /**
     * For {@code fill}: {@code PHASE_1_ROTATION_SIN[k] = sin(k w)}.
     */
    private static final double[] PHASE_1_ROTATION_SIN = new double[FILL_BLOCK];

    /**
     * For {@code fill}: {@code PHASE_2_ROTATION_COS[k] = cos(k w)}.
     */
    private static final double[] PHASE_2_ROTATION_COS = new double[FILL_BLOCK];

    /**
     * For {@code fill}: {@code PHASE_2_ROTATION_SIN[k] = sin(k w)}.
     */
    private static final double[] PHASE_2_ROTATION_SIN = new double[FILL_BLOCK];

    /**
     * For {@code fill}: {@code PHASE_3_ROTATION_COS[k] = cos(k w)}.
     */
    private static final double[] PHASE_3_ROTATION_COS = new double[FILL_BLOCK];

    /**
     * For {@code fill}: {@code PHASE_3_ROTATION_SIN[k] = sin(k w)}.
     */
    private static final double[] PHASE_3_ROTATION_SIN = new double[FILL_BLOCK];

    static {
        for (int k = 0; k < FILL_BLOCK; k++) {
            PHASE_1_ROTATION_COS[k] = Math.cos(PHASE_1_HALF_OMEGA * k);
            PHASE_1_ROTATION_SIN[k] = Math.sin(PHASE_1_HALF_OMEGA * k);
            PHASE_2_ROTATION_COS[k] = Math.cos(PHASE_2_HALF_OMEGA * k);
            PHASE_2_ROTATION_SIN[k] = Math.sin(PHASE_2_HALF_OMEGA * k);
            PHASE_3_ROTATION_COS[k] = Math.cos(PHASE_3_HALF_OMEGA * k);
            PHASE_3_ROTATION_SIN[k] = Math.sin(PHASE_3_HALF_OMEGA * k);
        }
    }

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
            double done = smallToDouble(step);
            double left = (PHASE_1_END - smallToDouble(step));
            if (left <= done / 2) {
                // far from the low end, m <= n / 2: cos(w m), m the steps from the high end
                double c = Math.cos(PHASE_1_HALF_OMEGA * left);
                return PHASE_1_START_LR + PHASE_1_AMPLITUDE * (c * c);
            }
            // near it: sin(w n), n the steps to the low end, by its Taylor polynomial at w n = y + yLow
            double high = PHASE_1_HALF_OMEGA_HIGH * done;
            double rest = PHASE_1_HALF_OMEGA_REST * done + PHASE_1_HALF_OMEGA_LOW * done;
            double y = high + rest;
            double s = sine(y, rest - (y - high));
            return PHASE_1_START_LR + PHASE_1_AMPLITUDE * (s * s);
        }
        if (step <= PHASE_2_LAST) {
            // phase 2: cosine 0.1 -> 0.004
            double done = (smallToDouble(step) - PHASE_1_END);
            double left = (PHASE_2_END - smallToDouble(step));
            if (done <= left / 2) {
                // far from the low end, m <= n / 2: cos(w m), m the steps from the high end
                double c = Math.cos(PHASE_2_HALF_OMEGA * done);
                return PHASE_2_END_LR + PHASE_2_AMPLITUDE * (c * c);
            }
            // near it: sin(w n), n the steps to the low end, by its Taylor polynomial at w n = y + yLow
            // n = nHigh + nLow, halves of 26 bits (Veltkamp's split), so that HIGH * nHigh is exact
            double split = SPLITTER * left;
            double nHigh = split - (split - left);
            double nLow = left - nHigh;
            double high = PHASE_2_HALF_OMEGA_HIGH * nHigh;
            double rest = PHASE_2_HALF_OMEGA_HIGH * nLow + PHASE_2_HALF_OMEGA_REST * left + PHASE_2_HALF_OMEGA_LOW * left;
            double y = high + rest;
            double s = sine(y, rest - (y - high));
            return PHASE_2_END_LR + PHASE_2_AMPLITUDE * (s * s);
        }
        // phase 3: cosine 0.004 -> 4.0E-7
        double done = (smallToDouble(step) - PHASE_2_END);
        double left = smallToDouble(LAST_STEP - step);
        if (done <= left / 2) {
            // far from the low end, m <= n / 2: cos(w m), m the steps from the high end
            double c = Math.cos(PHASE_3_HALF_OMEGA * done);
            return PHASE_3_END_LR + PHASE_3_AMPLITUDE * (c * c);
        }
        // near it: sin(w n), n the steps to the low end, by its Taylor polynomial at w n = y + yLow
        double high = PHASE_3_HALF_OMEGA_HIGH * left;
        double rest = PHASE_3_HALF_OMEGA_REST * left + PHASE_3_HALF_OMEGA_LOW * left;
        double y = high + rest;
        double s = sine(y, rest - (y - high));
        return PHASE_3_END_LR + PHASE_3_AMPLITUDE * (s * s);
    }

    /**
     * Fills {@code out} with {@code lr(fromStep + i)}, faster than calling {@code lr}: the range is split into
     * phases once, not per step, and each is filled by its shape's own pattern (closed forms, runs of
     * equal values, one anchor per {@code FILL_BLOCK} steps times tabulated factors). Every value is
     * within 32 ulps of {@code lr(fromStep + i)}.
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
        // phase 1: cosine 0.004 -> 0.1
        int phase1End = fromStep >= (PHASE_1_LAST + 1) ? 0 : (int) Math.min(n, (PHASE_1_LAST + 1) - fromStep);
        fillPhase1(out, 0, phase1End, fromStep);
        // phase 2: cosine 0.1 -> 0.004
        int phase2End = fromStep >= (PHASE_2_LAST + 1) ? 0 : (int) Math.min(n, (PHASE_2_LAST + 1) - fromStep);
        fillPhase2(out, phase1End, phase2End, fromStep + phase1End);
        // phase 3: cosine 0.004 -> 4.0E-7
        int phase3End = fromStep >= LAST_STEP ? 0 : (int) Math.min(n, LAST_STEP - fromStep);
        fillPhase3(out, phase2End, phase3End, fromStep + phase2End);
        // from the last step on, minLr
        Arrays.fill(out, phase3End, n, MIN_LR);
    }

    private void fillPhase1(double[] out, int from, int to, long firstStep) {
        int i = from;
        while (i < to) {
            int length = Math.min(FILL_BLOCK, to - i);
            // sin(w t), rotated forward from the block's first step, where it is smallest
            long step = firstStep + (i - from);
            double angle = PHASE_1_HALF_OMEGA * smallToDouble(step);
            double sin = Math.sin(angle);
            double cos = Math.cos(angle);
            for (int k = 0; k < length; k++) {
                double s = sin * PHASE_1_ROTATION_COS[k] + cos * PHASE_1_ROTATION_SIN[k];
                out[i + k] = PHASE_1_START_LR + PHASE_1_AMPLITUDE * (s * s);
            }
            i += length;
        }
    }

    private void fillPhase2(double[] out, int from, int to, long firstStep) {
        int i = from;
        while (i < to) {
            int length = Math.min(FILL_BLOCK, to - i);
            int last = length - 1;
            // sin(w (PHASE_2_END - t)), rotated backward from the block's last step, where it is smallest
            long step = firstStep + (i - from) + last;
            double angle = PHASE_2_HALF_OMEGA * (PHASE_2_END - smallToDouble(step));
            double sin = Math.sin(angle);
            double cos = Math.cos(angle);
            for (int k = 0; k < length; k++) {
                double s = sin * PHASE_2_ROTATION_COS[last - k] + cos * PHASE_2_ROTATION_SIN[last - k];
                out[i + k] = PHASE_2_END_LR + PHASE_2_AMPLITUDE * (s * s);
            }
            i += length;
        }
    }

    private void fillPhase3(double[] out, int from, int to, long firstStep) {
        int i = from;
        while (i < to) {
            int length = Math.min(FILL_BLOCK, to - i);
            int last = length - 1;
            // sin(w (LAST_STEP - t)), rotated backward from the block's last step, where it is smallest
            long step = firstStep + (i - from) + last;
            double angle = PHASE_3_HALF_OMEGA * smallToDouble(LAST_STEP - step);
            double sin = Math.sin(angle);
            double cos = Math.cos(angle);
            for (int k = 0; k < length; k++) {
                double s = sin * PHASE_3_ROTATION_COS[last - k] + cos * PHASE_3_ROTATION_SIN[last - k];
                out[i + k] = PHASE_3_END_LR + PHASE_3_AMPLITUDE * (s * s);
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
     * {@code sin(y + yLow)} for {@code 0 <= y <= pi / 3} and {@code yLow} below an ulp of y:
     * {@code y + yLow + y^3 (SIN_3 + SIN_5 y^2 + ... + SIN_17 y^14)}, the Taylor polynomial
     * of degree 17, in Horner form.
     */
    private static double sine(double y, double yLow) {
        double z = y * y;
        double p = SIN_3 + z * (SIN_5 + z * (SIN_7 + z * (SIN_9
                + z * (SIN_11 + z * (SIN_13 + z * (SIN_15 + z * SIN_17))))));
        return y + (yLow + y * z * p);
    }

    @Override
    public long warmupSteps() {
        return 250L;
    }

    @Override
    public String toString() {
        return "OneCycleStepLr @OneCycleSchedule(maxLr = 0.1, totalSteps = 1001, pctStart = 0.25, annealStrategy = AnnealStrategy.COS (default), divFactor = 25.0 (default), finalDivFactor = 10000.0 (default), threePhase = true)";
    }
}
