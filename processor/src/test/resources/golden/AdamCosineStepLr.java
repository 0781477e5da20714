package p;

import dev.warmup.StepLr;
import java.util.Arrays;
import javax.annotation.processing.Generated;

/**
 * Learning-rate schedule of {@code p.AdamCosine}, generated from
 * {@code @WarmupSchedule(steps = 0, initLr = 0.001, decay = Decay.COSINE, totalSteps = 5000,
 *         minLr = 0.0 (default)) @UntunedWarmup(value = UntunedRule.RADAM, beta2 = 0.999 (default))}:
 * cosine decay, times the untuned RAdam warmup factor of beta2 = 0.999 (Ma and Yarats 2019, as pytorch_warmup).
 *
 * <pre>{@code
 * step t            lr(t)                                                                                                                                       computed as
 * t >= 0            schedule(t) * omega(t + 1)                                                                                                                  schedule(t) * untunedWarmup(t)
 * schedule, t >= 0  minLr + (initLr - minLr) * (1 + cos(pi * (t - W) / (T - W))) / 2                                                                            DECAY_AMPLITUDE * c^2, c = cos(DECAY_HALF_OMEGA * t) where t <= (T - t), else sin(DECAY_HALF_OMEGA * (T - t)) by its Taylor polynomial
 * factor, t >= 0    omega(t + 1) = sqrt((rho - 4)(rho - 2) rho_inf / ((rho_inf - 4)(rho_inf - 2) rho)), rho = rho_inf - 2 s beta2^s / (1 - beta2^s), s = t + 5  sqrt((rho - 4) * (rho - 2) / rho * UNTUNED_SCALE), rho from exp(UNTUNED_LOG_BETA2 * s) and -expm1(UNTUNED_LOG_BETA2 * s)
 * }</pre>
 *
 * <p>Constants:
 * <pre>{@code
 * constant               value                   from
 * TOTAL_STEPS            5000L                   totalSteps T: minLr from here on
 * MIN_LR                 0.0                     minLr
 * DECAY_HALF_OMEGA       3.141592653589793E-4    pi / (2 (T - W))
 * DECAY_HALF_OMEGA_HIGH  3.1415926059708E-4      pi / (2 (T - W)), its top 26 bits
 * DECAY_HALF_OMEGA_REST  4.7618993167034E-12     pi / (2 (T - W)) as a double, less its top 26 bits
 * DECAY_HALF_OMEGA_LOW   1.4848553205438743E-20  pi / (2 (T - W)) less its double, from pi to 50 digits
 * DECAY_AMPLITUDE        0.001                   initLr - minLr
 * SIN_3                  -0.16666666666666666    -1 / 3!, sin's Taylor coefficient of y^3
 * SIN_5                  0.008333333333333333    1 / 5!, sin's Taylor coefficient of y^5
 * SIN_7                  -1.984126984126984E-4   -1 / 7!, sin's Taylor coefficient of y^7
 * SIN_9                  2.7557319223985893E-6   1 / 9!, sin's Taylor coefficient of y^9
 * SIN_11                 -2.505210838544172E-8   -1 / 11!, sin's Taylor coefficient of y^11
 * SIN_13                 1.6059043836821613E-10  1 / 13!, sin's Taylor coefficient of y^13
 * SIN_15                 -7.647163731819816E-13  -1 / 15!, sin's Taylor coefficient of y^15
 * SIN_17                 2.8114572543455206E-15  1 / 17!, sin's Taylor coefficient of y^17
 * UNTUNED_OFFSET         5L                      the smallest s >= 1 with rho(s) > 4, by pytorch_warmup's beta2 ** s
 * UNTUNED_LOG_BETA2      -0.0010005003335835344  ln(beta2)
 * UNTUNED_RHO_INF        1998.9999999999982      rho_inf = 2 / (1 - beta2) - 1
 * UNTUNED_SCALE          5.017551389741258E-4    rho_inf / ((rho_inf - 4) * (rho_inf - 2))
 * UNTUNED_TABLE_FROM     430L                    the first step whose factor fill computes from tables, where 2 s beta2^s / (1 - beta2^s) <= 4.0 (rho - 4)
 * }</pre>
 *
 * <p>Values at key steps:
 * <pre>{@code
 * step  lr
 * 0     1.731150316637996E-5
 * 1     2.58211102534221E-5
 * 514   4.7220971638904435E-4
 * 1029  5.881367806807703E-4
 * 2500  4.4066120610410873E-4
 * 4999  9.701162228053773E-11
 * 5000  0.0
 * }</pre>
 */
@Generated(
        value = "dev.warmup.processor.WarmupProcessor",
        comments = "from @WarmupSchedule(steps = 0, initLr = 0.001, decay = Decay.COSINE, totalSteps = 5000) @UntunedWarmup(value = UntunedRule.RADAM) on p.AdamCosine"
)
public final class AdamCosineStepLr implements StepLr {
    /**
     * The schedule; it has no state, so one instance serves every thread.
     */
    public static final AdamCosineStepLr INSTANCE = new AdamCosineStepLr();

    /**
     * totalSteps T: minLr from here on.
     */
    private static final long TOTAL_STEPS = 5000L;

    /**
     * minLr.
     */
    private static final double MIN_LR = 0.0;

    /**
     * pi / (2 (T - W)).
     */
    private static final double DECAY_HALF_OMEGA = 3.141592653589793E-4;

    /**
     * pi / (2 (T - W)), its top 26 bits.
     */
    private static final double DECAY_HALF_OMEGA_HIGH = 3.1415926059708E-4;

    /**
     * pi / (2 (T - W)) as a double, less its top 26 bits.
     */
    private static final double DECAY_HALF_OMEGA_REST = 4.7618993167034E-12;

    /**
     * pi / (2 (T - W)) less its double, from pi to 50 digits.
     */
    private static final double DECAY_HALF_OMEGA_LOW = 1.4848553205438743E-20;

    /**
     * initLr - minLr.
     */
    private static final double DECAY_AMPLITUDE = 0.001;

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
     * the smallest s >= 1 with rho(s) > 4, by pytorch_warmup's beta2 ** s.
     */
    private static final long UNTUNED_OFFSET = 5L;

    /**
     * ln(beta2).
     */
    private static final double UNTUNED_LOG_BETA2 = -0.0010005003335835344;

    /**
     * rho_inf = 2 / (1 - beta2) - 1.
     */
    private static final double UNTUNED_RHO_INF = 1998.9999999999982;

    /**
     * rho_inf / ((rho_inf - 4) * (rho_inf - 2)).
     */
    private static final double UNTUNED_SCALE = 5.017551389741258E-4;

    /**
     * the first step whose factor fill computes from tables, where 2 s beta2^s / (1 - beta2^s) <= 4.0 (rho - 4).
     */
    private static final long UNTUNED_TABLE_FROM = 430L;

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
     * For {@code fill}: {@code UNTUNED_GROWTH[k] = beta2^-k - 1}.
     */
    private static final double[] UNTUNED_GROWTH = new double[FILL_BLOCK];

    /**
     * For {@code fill}: {@code DECAY_ROTATION_COS[k] = cos(k w)}.
     */
    private static final double[] DECAY_ROTATION_COS = new double[FILL_BLOCK];

    /**
     * For {@code fill}: {@code DECAY_ROTATION_SIN[k] = sin(k w)}.
     */
    private static final double[] DECAY_ROTATION_SIN = new double[FILL_BLOCK];

    static {
        for (int k = 0; k < FILL_BLOCK; k++) {
            UNTUNED_GROWTH[k] = Math.expm1(-UNTUNED_LOG_BETA2 * k);
            DECAY_ROTATION_COS[k] = Math.cos(DECAY_HALF_OMEGA * k);
            DECAY_ROTATION_SIN[k] = Math.sin(DECAY_HALF_OMEGA * k);
        }
    }

    private AdamCosineStepLr() {
    }

    @Override
    public double lr(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        return schedule(step) * untunedWarmup(step);
    }

    /**
     * Fills {@code out} with {@code lr(fromStep + i)}, faster than calling {@code lr}:
     * the schedule's own {@code fill}, then the factor multiplied in over the whole range, in the order
     * {@code lr} multiplies, by its own pattern (closed forms, runs of equal values, one anchor per
     * {@code FILL_BLOCK} steps times tabulated factors). Every value is within 130 ulps
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
        fillSchedule(out, fromStep);
        timesUntunedWarmup(out, 0, n, fromStep);
    }

    /**
     * Fills {@code out} ({@code n > 0} steps) with the schedule's rates, as without {@code @UntunedWarmup}.
     */
    private void fillSchedule(double[] out, long fromStep) {
        int n = out.length;
        int decayEnd = fromStep >= TOTAL_STEPS ? 0 : (int) Math.min(n, TOTAL_STEPS - fromStep);
        fillDecay(out, 0, decayEnd, fromStep);
        Arrays.fill(out, decayEnd, n, MIN_LR);
    }

    private void fillDecay(double[] out, int from, int to, long firstStep) {
        int i = from;
        while (i < to) {
            int length = Math.min(FILL_BLOCK, to - i);
            int last = length - 1;
            // sin(w (T - t)), rotated backward from the block's last step, where it is smallest
            long step = firstStep + (i - from) + last;
            double angle = DECAY_HALF_OMEGA * smallToDouble(TOTAL_STEPS - step);
            double sin = Math.sin(angle);
            double cos = Math.cos(angle);
            for (int k = 0; k < length; k++) {
                double s = sin * DECAY_ROTATION_COS[last - k] + cos * DECAY_ROTATION_SIN[last - k];
                out[i + k] = DECAY_AMPLITUDE * (s * s);
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

    /**
     * The schedule: cosine decay: {@code @WarmupSchedule(steps = 0, initLr = 0.001, decay = Decay.COSINE, totalSteps = 5000)},
     * computed as {@code the schedule's own code, as without @UntunedWarmup}.
     */
    private static double schedule(long step) {
        // cosine decay: minLr + (initLr - minLr) * (1 + cos(pi * (t - W) / (T - W))) / 2
        if (step >= TOTAL_STEPS) {
            return MIN_LR;
        }
        long left = TOTAL_STEPS - step;
        if (step <= left / 2) {
            // far from the low end, m <= n / 2: cos(w m), m the steps from the high end
            double c = Math.cos(DECAY_HALF_OMEGA * smallToDouble(step));
            return DECAY_AMPLITUDE * (c * c);
        }
        // near it: sin(w n), n the steps to the low end, by its Taylor polynomial at w n = y + yLow
        double toLow = smallToDouble(left);
        double high = DECAY_HALF_OMEGA_HIGH * toLow;
        double rest = DECAY_HALF_OMEGA_REST * toLow + DECAY_HALF_OMEGA_LOW * toLow;
        double y = high + rest;
        double s = sine(y, rest - (y - high));
        return DECAY_AMPLITUDE * (s * s);
    }

    /**
     * {@code (double) n}, the same value; where {@code cvtsi2sd} waits ({@code CVTSI2SD_WAITS}),
     * below 2^52 from the bits of 2^52 + n, exactly.
     */
    private static double toDouble(long n) {
        return CVTSI2SD_WAITS && n >>> 52 == 0 ? Double.longBitsToDouble(0x4330_0000_0000_0000L | n) - 0x1p52 : n;
    }

    /**
     * Untuned RAdam warmup factor of beta2 = 0.999: {@code omega(t + 1) = sqrt((rho - 4)(rho - 2) rho_inf / ((rho_inf - 4)(rho_inf - 2) rho)), rho = rho_inf - 2 s beta2^s / (1 - beta2^s), s = t + 5},
     * computed as {@code sqrt((rho - 4) * (rho - 2) / rho * UNTUNED_SCALE), rho from exp(UNTUNED_LOG_BETA2 * s) and -expm1(UNTUNED_LOG_BETA2 * s)}.
     */
    private static double untunedWarmup(long step) {
        double s = toDouble(step) + UNTUNED_OFFSET;
        double e = UNTUNED_LOG_BETA2 * s;
        // rho(s) = rho_inf - 2 s beta2^s / (1 - beta2^s)
        double rho = UNTUNED_RHO_INF - 2 * s * Math.exp(e) / -Math.expm1(e);
        return Math.sqrt(Math.max(0.0, (rho - 4) * (rho - 2) / rho * UNTUNED_SCALE));
    }

    private void timesUntunedWarmup(double[] out, int from, int to, long firstStep) {
        // before UNTUNED_TABLE_FROM, rho - 4 is a small difference of large terms: the method's own values
        int end = firstStep >= UNTUNED_TABLE_FROM ? from
                : from + (int) Math.min(to - from, UNTUNED_TABLE_FROM - firstStep);
        for (int i = from; i < end; i++) {
            out[i] *= untunedWarmup(firstStep + (i - from));
        }
        int i = end;
        while (i < to) {
            int length = Math.min(FILL_BLOCK, to - i);
            long step = firstStep + (i - from);
            double s = toDouble(step) + UNTUNED_OFFSET;
            double e = UNTUNED_LOG_BETA2 * s;
            double p = Math.exp(e);
            double q = -Math.expm1(e);
            // at s + k: beta2^(s + k) / (1 - beta2^(s + k)) = p / (q + (beta2^-k - 1)), two terms >= 0
            for (int k = 0; k < length; k++) {
                double sk = s + k;
                double rho = UNTUNED_RHO_INF - 2 * sk * p / (q + UNTUNED_GROWTH[k]);
                out[i + k] *= Math.sqrt(Math.max(0.0, (rho - 4) * (rho - 2) / rho * UNTUNED_SCALE));
            }
            i += length;
        }
    }

    @Override
    public long warmupSteps() {
        return 1029L;
    }

    @Override
    public String toString() {
        return "AdamCosineStepLr @WarmupSchedule(steps = 0, initLr = 0.001, decay = Decay.COSINE, totalSteps = 5000, minLr = 0.0 (default)) @UntunedWarmup(value = UntunedRule.RADAM, beta2 = 0.999 (default))";
    }
}
