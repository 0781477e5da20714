package dev.warmup.processor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warmup.Decay;
import dev.warmup.OneCycleSchedule;
import dev.warmup.WarmRestartsSchedule;
import dev.warmup.WarmupSchedule;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.function.LongToDoubleFunction;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The cosine shape's distance from the exact value ({@link #distance}, at most {@link #TARGET}) {@code b + (a - b) * (1 + cos(pi * u / L)) / 2}
 * computed here in 60-digit decimal arithmetic (pi to 50 digits, cos by its Taylor series; a and b the doubles given,
 * exactly), for L from 1 to 1,000,000: a {@code @WarmupSchedule} cosine decay to minLr = 0 and to minLr > 0, and a
 * cosine rising from 0. Every step, or for L over 10,000 the first and last 2,000 steps and every 997th between. The
 * evaluator checked here is the generated {@code lr}, bit for bit ({@code SchedulePropertiesTest}).
 *
 * <p>The same for the cosines whose span is fractional or known only at run time: {@code @OneCycleSchedule} with
 * {@code COS} (PyTorch's phase ends {@code pctStart * T - 1} are doubles; the exact value takes them as given) at every
 * step, and {@code @WarmRestartsSchedule} ({@code tMult} 1, 2, 3) at every step of its first cycles and at the first
 * and last steps of cycles longer than 2^27 steps.
 */
class CosineAccuracyTest {

    private static final long[] LENGTHS = {1, 2, 3, 7, 100, 10_000, 1_000_000};
    /**
     * The accuracy target: within 1e-13 of the exact value, relative to it, where the rate is at least a hundredth
     * of the schedule's peak; below that, within 1e-15 times the peak.
     */
    static final double TARGET = 1e-13;
    private static final MathContext DIGITS = new MathContext(60);
    private static final BigDecimal PI = new BigDecimal("3.14159265358979323846264338327950288419716939937510");

    @Test
    void cosineDecayToZeroIsWithinTheTargetAtEveryStep() {
        for (long length : LENGTHS) {
            checkDecay(0.1, 0.0, 0, length);
            checkDecay(0.1, 0.0, 37, length);
        }
    }

    @Test
    void cosineDecayToAPositiveMinLrIsWithinTheTargetAtEveryStep() {
        for (long length : LENGTHS) {
            checkDecay(0.1, 1e-5, 0, length);
            checkDecay(3e-4, 2.5e-4, 11, length);
        }
    }

    @Test
    void cosineRisingFromZeroIsWithinTheTargetAtEveryStep() {
        for (long length : LENGTHS) {
            Span span = new Span(Span.Bound.ZERO, Span.Bound.of(NamedConstant.ofLong("END", length, "L"), "L"));
            CosineShape shape = new CosineShape(0.0, 0.1, span,
                    Names.prefixed("PHASE_1", "phase 1", "0.0", "0.1", "t", Long.toString(length)));
            check("rising, L = " + length, 0.0, 0.1, 0, length, shape::at);
        }
    }

    @Test
    void oneCycleCosineIsWithinTheTargetAtEveryStep() {
        checkOneCycle(0.1, 10_000, 0.3, false, 25, 1e4);
        checkOneCycle(0.1, 1001, 0.25, true, 25, 1e4);
        checkOneCycle(0.01, 100, 0.33, false, 25, 1e4);
        checkOneCycle(0.01, 997, 0.2718, true, 10, 1e3);
        checkOneCycle(1.0, 100_003, 0.1234567, false, 25, 1e4);
    }

    @Test
    void warmRestartsAreWithinTheTargetAtEveryStepOfTheFirstCycles() {
        for (double etaMin : new double[] {0, 1e-4}) {
            checkRestarts(0.1, etaMin, 1000, 1, 0, LongStream.range(0, 3_000));
            checkRestarts(0.1, etaMin, 7, 1, 5, LongStream.range(0, 100));
            checkRestarts(0.1, etaMin, 1000, 2, 0, LongStream.range(0, 15_000));
            checkRestarts(0.1, etaMin, 3, 2, 10, LongStream.range(0, 20_000));
            checkRestarts(0.1, etaMin, 10, 3, 0, LongStream.range(0, 12_000));
            checkRestarts(0.1, etaMin, 1, 5, 3, LongStream.range(0, 20_000));
        }
    }

    @Test
    void warmRestartsAreWithinTheTargetInCyclesLongerThanTwoToThe27() {
        long t0 = (1L << 28) + 3;
        checkRestarts(0.1, 0, t0, 1, 0, LongStream.concat(LongStream.range(t0 - 2_000, t0 + 2_000),
                LongStream.range(t0 / 2 - 1_000, t0 / 2 + 1_000)));
        long start = 3 * ((1L << 30) - 1); // cycle 30 of t0 = 3, tMult = 2: 3 * 2^30 steps
        long end = start + 3 * (1L << 30);
        checkRestarts(0.1, 1e-4, 3, 2, 0, LongStream.concat(LongStream.range(start - 1_000, start + 1_000),
                LongStream.range(end - 2_000, end + 10)));
        long third = 10 * ((long) Math.pow(3, 20) - 1) / 2; // cycle 20 of t0 = 10, tMult = 3
        long thirdEnd = third + 10 * (long) Math.pow(3, 20);
        checkRestarts(0.1, 0, 10, 3, 0, LongStream.concat(LongStream.range(third - 1_000, third + 1_000),
                LongStream.range(thirdEnd - 2_000, thirdEnd + 10)));
    }

    private static void checkOneCycle(double maxLr, long totalSteps, double pctStart, boolean threePhase,
            double divFactor, double finalDivFactor) {
        ScheduleModel model = OneCycleModel.validate(TestAttributes.of(OneCycleSchedule.class, Map.of("maxLr", maxLr,
                "totalSteps", totalSteps, "pctStart", pctStart, "threePhase", threePhase, "divFactor", divFactor,
                "finalDivFactor", finalDivFactor)), FAIL).orElseThrow();
        /* PyTorch's phases, as its OneCycleLR builds them; its floats are doubles. */
        double initial = maxLr / divFactor;
        double min = initial / finalDivFactor;
        List<double[]> phases = threePhase
                ? List.of(new double[] {0, pctStart * totalSteps - 1, initial, maxLr},
                        new double[] {pctStart * totalSteps - 1, 2 * pctStart * totalSteps - 2, maxLr, initial},
                        new double[] {2 * pctStart * totalSteps - 2, totalSteps - 1, initial, min})
                : List.of(new double[] {0, pctStart * totalSteps - 1, initial, maxLr},
                        new double[] {pctStart * totalSteps - 1, totalSteps - 1, maxLr, min});
        String what = "one-cycle " + maxLr + ", T = " + totalSteps + ", pctStart = " + pctStart
                + (threePhase ? ", three phases" : "");
        check(what, maxLr, LongStream.range(0, totalSteps + 2), model::at, t -> {
            if (t >= totalSteps - 1) {
                return new BigDecimal(min);
            }
            for (double[] phase : phases) {
                if (t <= phase[1]) {
                    BigDecimal start = new BigDecimal(phase[0]);
                    return exact(phase[2], phase[3], BigDecimal.valueOf(t).subtract(start),
                            new BigDecimal(phase[1]).subtract(start));
                }
            }
            throw new AssertionError(t);
        });
    }

    private static void checkRestarts(double baseLr, double etaMin, long t0, long tMult, long warmupSteps,
            LongStream steps) {
        Map<String, Object> settings = new java.util.HashMap<>(Map.of("baseLr", baseLr, "etaMin", etaMin, "t0", t0,
                "tMult", (double) tMult, "warmupSteps", warmupSteps));
        ScheduleModel model = WarmRestartsModel.validate(TestAttributes.of(WarmRestartsSchedule.class, settings),
                FAIL).orElseThrow();
        String what = "restarts " + baseLr + " -> " + etaMin + ", t0 = " + t0 + ", tMult = " + tMult + ", W = "
                + warmupSteps;
        check(what, baseLr, steps.map(t -> t + warmupSteps), model::at, t -> {
            if (t < warmupSteps) {
                return new BigDecimal(model.at(t)); // the warmup is not a cosine
            }
            /* PyTorch's cycle, by a loop over whole cycles, exact in BigDecimal. */
            BigDecimal d = BigDecimal.valueOf(t - warmupSteps);
            BigDecimal length = BigDecimal.valueOf(t0);
            while (d.compareTo(length) >= 0) {
                d = d.subtract(length);
                length = length.multiply(BigDecimal.valueOf(tMult));
            }
            return exact(baseLr, etaMin, d, length);
        });
    }

    /** Fails the test on any message: the settings the accuracy tests take are valid. */
    static final Reporter FAIL = FailingReporter.ANY;

    /**
     * Every step's distance from {@code exact}, the worst at most {@link #TARGET}, and printed (also for
     * ExponentialAccuracyTest).
     */
    static void check(String what, double peak, LongStream steps, LongToDoubleFunction lr,
            java.util.function.LongFunction<BigDecimal> exact) {
        double[] worst = {0, -1};
        steps.forEach(t -> {
            double distance = distance(lr.applyAsDouble(t), exact.apply(t), peak);
            if (distance > worst[0]) {
                worst[0] = distance;
                worst[1] = t;
            }
        });
        System.out.printf("worst distance from exact: %.2e at step %d: %s%n", worst[0], (long) worst[1], what);
        assertTrue(worst[0] <= TARGET, what + ": " + worst[0] + " from exact at step " + (long) worst[1]);
    }

    private static void checkDecay(double initLr, double minLr, long warmupSteps, long length) {
        Attributes attributes = TestAttributes.of(WarmupSchedule.class, Map.of("steps", warmupSteps,
                "initLr", initLr, "decay", Decay.COSINE, "totalSteps", warmupSteps + length, "minLr", minLr));
        ScheduleModel model = WarmupValidation.validate(attributes, FAIL).orElseThrow();
        check("decay " + initLr + " -> " + minLr + ", W = " + warmupSteps + ", L = " + length, initLr, minLr,
                warmupSteps, length, model::at);
    }

    private static void check(String what, double a, double b, long start, long length,
            java.util.function.LongToDoubleFunction lr) {
        LongStream steps = length <= 10_000 ? LongStream.range(0, length)
                : LongStream.concat(LongStream.concat(LongStream.range(0, 2_000),
                        LongStream.iterate(2_000, u -> u < length - 2_000, u -> u + 997)),
                        LongStream.range(length - 2_000, length));
        check(what, Math.max(a, b), steps.map(u -> start + u), lr, t -> exact(a, b, t - start, length));
    }

    /** {@code b + (a - b) * (1 + cos(pi * u / L)) / 2}, to 60 digits. */
    private static BigDecimal exact(double a, double b, long u, long length) {
        return exact(a, b, BigDecimal.valueOf(u), BigDecimal.valueOf(length));
    }

    private static BigDecimal exact(double a, double b, BigDecimal u, BigDecimal length) {
        BigDecimal angle = PI.multiply(u).divide(length, DIGITS);
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

    /**
     * {@code |computed - exact| / max(|exact|, peak / 100)}: the relative distance where the rate is at least a
     * hundredth of the peak, and below that the distance as a fraction of the peak, times 100; so a distance within
     * {@link #TARGET} is 1e-13 relative, or 1e-15 of the peak where the rate nears 0.
     */
    static double distance(double computed, BigDecimal exact, double peak) {
        BigDecimal scale = exact.abs().max(new BigDecimal(peak / 100));
        return new BigDecimal(computed).subtract(exact).abs().divide(scale, DIGITS).doubleValue();
    }
}
