package dev.warmup.benchmarks;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Ways to evaluate a cosine decay to {@code minLr = 0} over D steps, {@code lr(t) = A (1 + cos(pi t / D)) / 2}, for
 * {@code 0 <= t < D}: research for issue 15, which asks for a form as fast as the textbook one on JDK 17 and 25 and
 * within 4 ulps of the exact value at every step, the last ones included (where the value nears 0 and
 * {@code 1 + cos} cancels). {@link CosineAccuracy} measures each against a 40-digit reference and
 * {@link MathCostBenchmark} times each; the constants are passed as arguments so that, inlined at a call site over
 * {@code static final} constants, they fold as in a generated class. With {@code w = pi / (2D)} (the half angular
 * frequency) and {@code y = w (D - t)}, the distance to the end as an angle: {@code lr(t) = A cos²(w t) = A sin²(y)}.
 */
public enum CosineCandidate {

    /** {@code A * 0.5 * (1 + cos(2w t))}: what a person writes, and what the hand-written baselines are. */
    TEXTBOOK {
        @Override
        double at(double amplitude, long steps, double halfOmega, double halfOmegaLow, long t) {
            return amplitude * 0.5 * (1 + Math.cos(2 * halfOmega * t));
        }
    },

    /** {@code A cos²(w t)}: no cancellation, but near the end cos is taken of an argument close to pi/2. */
    COS_SQUARED {
        @Override
        double at(double amplitude, long steps, double halfOmega, double halfOmegaLow, long t) {
            double c = Math.cos(halfOmega * t);
            return amplitude * (c * c);
        }
    },

    /** {@code A sin²(y)}: the generated code today (exact near the end; Math.sin costs 2.4 cos on JDK 17). */
    SIN_SQUARED {
        @Override
        double at(double amplitude, long steps, double halfOmega, double halfOmegaLow, long t) {
            double s = Math.sin(halfOmega * (steps - t));
            return amplitude * (s * s);
        }
    },

    /** cos² in the first half ({@code w t <= pi/4}), sin² in the second: Math.sin on half the steps. */
    COS_THEN_SIN {
        @Override
        double at(double amplitude, long steps, double halfOmega, double halfOmegaLow, long t) {
            double c = 2 * t <= steps ? Math.cos(halfOmega * t) : Math.sin(halfOmega * (steps - t));
            return amplitude * (c * c);
        }
    },

    /** cos² in the first half, an odd polynomial of degree 17 for sin(y) in the second ({@code y <= pi/4}). */
    COS_THEN_POLY17 {
        @Override
        double at(double amplitude, long steps, double halfOmega, double halfOmegaLow, long t) {
            double c = 2 * t <= steps ? Math.cos(halfOmega * t) : sinPoly17(halfOmega * (steps - t));
            return amplitude * (c * c);
        }
    },

    /** cos² while {@code y > 1/2}, an odd polynomial of degree 13 for sin(y) once {@code y <= 1/2} (the last 32 %). */
    COS_THEN_POLY13 {
        @Override
        double at(double amplitude, long steps, double halfOmega, double halfOmegaLow, long t) {
            double y = halfOmega * (steps - t);
            double c = y > 0.5 ? Math.cos(halfOmega * t) : sinPoly13(y);
            return amplitude * (c * c);
        }
    },

    /**
     * sin²(y) with y computed to about half an ulp: {@code w = W1 + W2 + Wlow}, W1 holding the top 26 bits of the
     * double nearest w (so that {@code W1 * n} is exact for n below 2^27), W2 the rest of it and Wlow the double
     * nearest {@code w - double(w)}; the rounding error of w itself, which the other forms multiply by n, is gone.
     */
    SIN_SQUARED_SPLIT_ANGLE {
        @Override
        double at(double amplitude, long steps, double halfOmega, double halfOmegaLow, long t) {
            double s = Math.sin(splitAngle(halfOmega, halfOmegaLow, steps - t));
            return amplitude * (s * s);
        }
    },

    /** cos² in the first half, the degree-17 polynomial at the split angle in the second. */
    COS_THEN_POLY17_SPLIT_ANGLE {
        @Override
        double at(double amplitude, long steps, double halfOmega, double halfOmegaLow, long t) {
            double c = 2 * t <= steps ? Math.cos(halfOmega * t)
                    : sinPoly17(splitAngle(halfOmega, halfOmegaLow, steps - t));
            return amplitude * (c * c);
        }
    },

    /** cos² while {@code y > 0.1}, an odd polynomial of degree 9 for sin(y) once {@code y <= 0.1} (the last 6 %). */
    COS_THEN_POLY9 {
        @Override
        double at(double amplitude, long steps, double halfOmega, double halfOmegaLow, long t) {
            double y = halfOmega * (steps - t);
            double c = y > 0.1 ? Math.cos(halfOmega * t) : sinPoly9(y);
            return amplitude * (c * c);
        }
    };

    /**
     * {@code lr(t)} for {@code 0 <= t < steps}, with {@code halfOmega} the double nearest {@code pi / (2 steps)} and
     * {@code halfOmegaLow} the double nearest what it leaves out (2 halfOmega is then the double nearest pi / steps).
     */
    abstract double at(double amplitude, long steps, double halfOmega, double halfOmegaLow, long t);

    /** The value at step t of a decay from {@code amplitude} to 0 over {@code steps} steps, constants computed here. */
    double at(double amplitude, long steps, long t) {
        return at(amplitude, steps, halfOmega(steps), halfOmegaLow(steps), t);
    }

    static double halfOmega(long steps) {
        return Math.PI / (2 * steps);
    }

    /** The double nearest {@code pi / (2 steps) - halfOmega(steps)}, from pi to 50 digits. */
    static double halfOmegaLow(long steps) {
        MathContext digits = new MathContext(50);
        BigDecimal exact = new BigDecimal("3.14159265358979323846264338327950288419716939937510")
                .divide(BigDecimal.valueOf(2 * steps), digits);
        return exact.subtract(new BigDecimal(halfOmega(steps)), digits).doubleValue();
    }

    /** {@code w * n} to about half an ulp, for {@code 0 <= n < 2^27}: see {@link #SIN_SQUARED_SPLIT_ANGLE}. */
    static double splitAngle(double halfOmega, double halfOmegaLow, long n) {
        double high = Double.longBitsToDouble(Double.doubleToRawLongBits(halfOmega) & 0xFFFF_FFFF_F800_0000L);
        double rest = halfOmega - high;
        return high * n + (rest * n + halfOmegaLow * n);
    }

    // Taylor coefficients (-1)^k / (2k + 1)!, rounded to double.
    private static final double S3 = -1.0 / 6;
    private static final double S5 = 1.0 / 120;
    private static final double S7 = -1.0 / 5040;
    private static final double S9 = 1.0 / 362880;
    private static final double S11 = -1.0 / 39916800;
    private static final double S13 = 1.0 / 6227020800L;
    private static final double S15 = -1.0 / 1307674368000L;
    private static final double S17 = 1.0 / 355687428096000L;

    /** sin(y) by its Taylor polynomial of degree 9, in Horner form over y²; for |y| up to about 0.1. */
    static double sinPoly9(double y) {
        double z = y * y;
        return y + y * z * (S3 + z * (S5 + z * (S7 + z * S9)));
    }

    /** Degree 13; for |y| up to about 0.5. */
    static double sinPoly13(double y) {
        double z = y * y;
        return y + y * z * (S3 + z * (S5 + z * (S7 + z * (S9 + z * (S11 + z * S13)))));
    }

    /** Degree 17; for |y| up to pi/4. */
    static double sinPoly17(double y) {
        double z = y * y;
        return y + y * z * (S3 + z * (S5 + z * (S7 + z * (S9 + z * (S11 + z * (S13 + z * (S15 + z * S17)))))));
    }
}
