package dev.warmup.processor;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.warmup.Decay;
import dev.warmup.WarmupSchedule;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The cosine shape's error, in ulps, against the exact value {@code b + (a - b) * (1 + cos(pi * u / L)) / 2}
 * computed here in 60-digit decimal arithmetic (pi to 50 digits, cos by its Taylor series; a and b the doubles given,
 * exactly), for L from 1 to 1,000,000: a {@code @WarmupSchedule} cosine decay to minLr = 0 and to minLr > 0, and a
 * cosine rising from 0. Every step, or for L over 10,000 the first and last 2,000 steps and every 997th between. The
 * evaluator checked here is the generated {@code lr}, bit for bit ({@code SchedulePropertiesTest}).
 */
class CosineUlpsTest {

    private static final long[] LENGTHS = {1, 2, 3, 7, 100, 10_000, 1_000_000};
    private static final double MAX_ULPS = 4;
    private static final MathContext DIGITS = new MathContext(60);
    private static final BigDecimal PI = new BigDecimal("3.14159265358979323846264338327950288419716939937510");

    @Test
    void cosineDecayToZeroIsWithinFourUlpsAtEveryStep() {
        for (long length : LENGTHS) {
            checkDecay(0.1, 0.0, 0, length);
            checkDecay(0.1, 0.0, 37, length);
        }
    }

    @Test
    void cosineDecayToAPositiveMinLrIsWithinFourUlpsAtEveryStep() {
        for (long length : LENGTHS) {
            checkDecay(0.1, 1e-5, 0, length);
            checkDecay(3e-4, 2.5e-4, 11, length);
        }
    }

    @Test
    void cosineRisingFromZeroIsWithinFourUlpsAtEveryStep() {
        for (long length : LENGTHS) {
            Span span = new Span(Span.Bound.ZERO, Span.Bound.of(NamedConstant.ofLong("END", length, "L"), "L"));
            CosineShape shape = new CosineShape(0.0, 0.1, span,
                    Names.prefixed("PHASE_1", "phase 1", "0.0", "0.1", "t", Long.toString(length)));
            check("rising, L = " + length, 0.0, 0.1, 0, length, shape::at);
        }
    }

    private static void checkDecay(double initLr, double minLr, long warmupSteps, long length) {
        Attributes attributes = TestAttributes.of(WarmupSchedule.class, Map.of("steps", warmupSteps,
                "initLr", initLr, "decay", Decay.COSINE, "totalSteps", warmupSteps + length, "minLr", minLr));
        ScheduleModel model = WarmupModel.validate(attributes, new Reporter() {
            @Override
            public void error(String attribute, String message) {
                fail(attribute + ": " + message);
            }

            @Override
            public void warning(String attribute, String message) {
                fail(attribute + ": " + message);
            }
        }).orElseThrow();
        check("decay " + initLr + " -> " + minLr + ", W = " + warmupSteps + ", L = " + length, initLr, minLr,
                warmupSteps, length, model::at);
    }

    private static void check(String what, double a, double b, long start, long length,
            java.util.function.LongToDoubleFunction lr) {
        LongStream steps = length <= 10_000 ? LongStream.range(0, length)
                : LongStream.concat(LongStream.concat(LongStream.range(0, 2_000),
                        LongStream.iterate(2_000, u -> u < length - 2_000, u -> u + 997)),
                        LongStream.range(length - 2_000, length));
        double[] worst = {0, -1};
        steps.forEach(u -> {
            double ulps = ulps(lr.applyAsDouble(start + u), exact(a, b, u, length));
            if (ulps > worst[0]) {
                worst[0] = ulps;
                worst[1] = u;
            }
        });
        assertTrue(worst[0] <= MAX_ULPS, what + ": " + worst[0] + " ulps at u = " + (long) worst[1]);
    }

    /** {@code b + (a - b) * (1 + cos(pi * u / L)) / 2}, to 60 digits. */
    private static BigDecimal exact(double a, double b, long u, long length) {
        BigDecimal angle = PI.multiply(BigDecimal.valueOf(u)).divide(BigDecimal.valueOf(length), DIGITS);
        BigDecimal half = BigDecimal.ONE.add(cos(angle), DIGITS).divide(BigDecimal.valueOf(2), DIGITS);
        BigDecimal low = new BigDecimal(b);
        return low.add(new BigDecimal(a).subtract(low, DIGITS).multiply(half, DIGITS), DIGITS);
    }

    /** cos(x) for {@code 0 <= x <= pi} by its Taylor series. */
    private static BigDecimal cos(BigDecimal x) {
        BigDecimal x2 = x.multiply(x, DIGITS);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal smallest = BigDecimal.ONE.movePointLeft(65);
        for (int k = 1; term.abs().compareTo(smallest) > 0; k++) {
            term = term.multiply(x2, DIGITS).divide(BigDecimal.valueOf((2L * k - 1) * (2L * k)), DIGITS).negate();
            sum = sum.add(term, DIGITS);
        }
        return sum;
    }

    /** |computed - exact| in ulps of the exact value rounded to double; 0 where both are 0. */
    private static double ulps(double computed, BigDecimal exact) {
        double ulp = Math.ulp(exact.doubleValue());
        return new BigDecimal(computed).subtract(exact).abs().divide(new BigDecimal(ulp), DIGITS).doubleValue();
    }
}
