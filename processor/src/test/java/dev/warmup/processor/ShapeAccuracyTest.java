package dev.warmup.processor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warmup.AnnealStrategy;
import dev.warmup.CyclicMode;
import dev.warmup.CyclicSchedule;
import dev.warmup.Decay;
import dev.warmup.FactorShape;
import dev.warmup.OneCycleSchedule;
import dev.warmup.PhaseShape;
import dev.warmup.UntunedRule;
import dev.warmup.UntunedWarmup;
import dev.warmup.Warmup;
import dev.warmup.WarmupSchedule;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongFunction;
import java.util.function.LongToDoubleFunction;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Every shape's distance from the exact value ({@link CosineAccuracyTest#distance}, at most
 * {@link CosineAccuracyTest#TARGET}: 1e-13 relative, or 1e-15 of the schedule's peak where the rate nears 0), for the
 * shapes that {@link CosineAccuracyTest} (cosines) and {@link ExponentialAccuracyTest} (exponentials) do not measure:
 * {@code @WarmupSchedule}'s linear and constant warmups and its decays {@code LINEAR}, {@code POLY}, {@code INV_SQRT},
 * {@code STEP}, {@code MULTISTEP}, {@code REPEATED_POWER}, {@code COSINE} with {@code cycles = 1} and
 * {@code COSINE_RESTARTS} with {@code cycles = 2.5}; {@code @PhasedSchedule}'s {@code LINEAR}, {@code POLY},
 * {@code INV_SQRT} and {@code ONE_MINUS_SQRT} phases, rising and falling; {@code @OneCycleSchedule} with
 * {@code LINEAR} annealing; {@code @CyclicSchedule}'s three modes; a {@code @ChainedSchedule} of a linear and an
 * exponential factor; and {@code @UntunedWarmup}'s three rules over a constant schedule. Each line printed names the
 * shape, so together they read as a table.
 *
 * <p>The rates checked are the processor's evaluator ({@code model.at}), which the generated {@code lr} matches bit
 * for bit ({@code SchedulePropertiesTest}); nothing is compiled here. The exact values are the annotations' definitions
 * (the docs', PyTorch's, Hugging Face's and pytorch_warmup's formulas), written here independently of the processor's
 * forms, in decimal arithmetic of 50 digits or more (60 for RAdam's factor and the cosines' rotations), with every
 * double given taken exactly; where a definition computes a constant in double (OneCycleLR's phase ends,
 * pytorch_warmup's tau), that double as given. To stay fast, each is a constant computed once to 60 digits times
 * a whole number of the step where the definition allows ({@code a + (b - a) / L * u},
 * {@code (a - b) / L^2 * (L - u)^2}, exact products and sums), a running product where the steps follow one another
 * (powers {@code g^n}; cosines by rotating (cos, sin) through the angle between two steps), and e^x, ln x only where
 * there is neither ({@code POLY} with a power other than 1, 2 or 0.5; {@code REPEATED_POWER}).
 *
 * <p>Steps: every step of spans up to 10,000; of longer spans the first and last 2,000 and every 997th between; of
 * shapes without an end ({@code INV_SQRT}, {@code REPEATED_POWER}, the untuned factors), every step of the first 500
 * to 2,000, then every 997th to 6 * 10^4 or 10^5, and for {@code INV_SQRT} and the untuned factors steps up to
 * {@code Long.MAX_VALUE}; and the boundaries (W - 1, W, T - 1, T, T + 1, milestones, restarts, phase ends, the ends
 * and peaks of far cycles). Each shape's main settings run over spans of 1 to 10^6 steps (one setting per shape and
 * direction: the linear phase's long span is the linear warmup's, the same shape), the reference cases (Hugging Face's
 * and PyTorch's) at their own lengths, the other settings over spans up to 1,000; the class takes about 3.5 s, most of
 * it in {@link CosineAccuracyTest#distance} and the JIT's warm-up of BigDecimal.
 *
 * <p>Compiles nothing, so the ECJ execution of the processor's tests leaves it out, as the other accuracy tests.
 */
class ShapeAccuracyTest {

    private static final Reporter FAIL = CosineAccuracyTest.FAIL;

    /** The exact values, where they are rounded at every step: 50 significant digits. */
    private static final MathContext DIGITS = new MathContext(50);
    /** Constants computed once, RAdam's factor ({@code rho - 4} cancels about 4 digits), the cosines' rotations. */
    private static final MathContext WIDE = new MathContext(60);
    /** The cosines' and sines' Taylor series: 70 digits. */
    private static final MathContext SERIES = new MathContext(70);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal FOUR = BigDecimal.valueOf(4);
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal PI = new BigDecimal(
            "3.1415926535897932384626433832795028841971693993751058209749445923078164062862089986280348253421170679");
    private static final BigDecimal LN2 = new BigDecimal(
            "0.6931471805599453094172321214581765680755001343602552541206800094933936219696947156058633269964186875");
    /** The spans of a shape's main settings: every step of the short ones, the long one sampled. */
    private static final long[] LENGTHS = {1, 7, 100, 1_000, 1_000_000};
    /** The spans of its other settings. */
    private static final long[] SHORT = {1, 7, 100, 1_000};

    // ------------------------------------------------------------------------------------- @WarmupSchedule warmups

    @Test
    void linearWarmupIsWithinTheTarget() {
        for (long w : new long[] {1, 2, 7, 100, 1_000, 1_000_000}) {
            checkWarmup(Warmup.LINEAR, 0.0, 0.1, w);
        }
        for (long w : new long[] {7, 100}) {
            checkWarmup(Warmup.LINEAR, 1e-4, 0.1, w);
        }
        checkWarmup(Warmup.LINEAR, 2.5e-4, 3e-4, 997);
        checkWarmup(Warmup.LINEAR, 6e-7, 6e-4, 2000); // nanoGPT's
    }

    @Test
    void constantWarmupIsWithinTheTarget() {
        checkWarmup(Warmup.CONSTANT, 0.01, 0.1, 400); // ResNet-110's
        checkWarmup(Warmup.CONSTANT, 1e-3, 3e-3, 1);
        checkWarmup(Warmup.CONSTANT, 0.0125, 0.1, 1_000);
    }

    /**
     * {@code startLr + (initLr - startLr) * t / W} ({@code LINEAR}) or {@code startLr} ({@code CONSTANT}), then
     * initLr.
     */
    private static void checkWarmup(Warmup warmup, double startLr, double initLr, long w) {
        ScheduleModel model = warmupModel(settings("steps", w, "initLr", initLr, "warmup", warmup, "startLr", startLr));
        LongFunction<BigDecimal> rise = warmup == Warmup.CONSTANT ? t -> exact(startLr)
                : line(exact(startLr), exact(initLr), w);
        check("warmup " + warmup + " " + startLr + " -> " + initLr + ", W = " + w, initLr,
                steps(0, w, w, w + 1, w + 2), model::at, t -> t >= w ? exact(initLr) : rise.apply(t));
    }

    // -------------------------------------------------------------------------------------- @WarmupSchedule decays

    @Test
    void linearDecayIsWithinTheTarget() {
        for (long span : LENGTHS) {
            linearDecay(0.1, 0.0, 0, span);
        }
        for (long span : SHORT) {
            linearDecay(0.1, 1e-5, 37, span);
        }
        linearDecay(3e-4, 2.5e-4, 11, 100);
    }

    /** {@code initLr + (minLr - initLr) * d / D}, minLr from T on. */
    private static void linearDecay(double initLr, double minLr, long w, long span) {
        long total = w + span;
        LongFunction<BigDecimal> line = line(exact(initLr), exact(minLr), span);
        checkDecay("decay LINEAR " + initLr + " -> " + minLr + ", W = " + w + ", D = " + span,
                settings("steps", w, "initLr", initLr, "decay", Decay.LINEAR, "totalSteps", total, "minLr", minLr),
                w, initLr, steps(w, total, w - 1, total, total + 1),
                d -> d >= span ? exact(minLr) : line.apply(d));
    }

    @Test
    void polynomialDecayIsWithinTheTarget() {
        for (double power : new double[] {2.0, 0.5}) {
            for (long span : LENGTHS) {
                polyDecay(0.1, 0.0, 0, span, power);
            }
            for (long span : new long[] {1, 7, 100}) {
                polyDecay(0.1, 1e-5, 37, span, power);
            }
        }
        for (long span : SHORT) { // e^(power ln f) at every step: the slowest of the exact values
            polyDecay(0.1, 0.0, 0, span, 1.7);
        }
        for (long span : new long[] {1, 7, 100}) {
            polyDecay(0.1, 1e-5, 37, span, 1.7);
        }
    }

    /** {@code (initLr - minLr) * (1 - d / D)^power + minLr}, minLr from T on. */
    private static void polyDecay(double initLr, double minLr, long w, long span, double power) {
        long total = w + span;
        LongFunction<BigDecimal> poly = poly(exact(initLr), exact(minLr), span, power);
        checkDecay("decay POLY power " + power + " " + initLr + " -> " + minLr + ", W = " + w + ", D = " + span,
                settings("steps", w, "initLr", initLr, "decay", Decay.POLY, "totalSteps", total, "minLr", minLr,
                        "power", power),
                w, initLr, steps(w, total, w - 1, total, total + 1),
                d -> d >= span ? exact(minLr) : poly.apply(d));
    }

    @Test
    void inverseSquareRootDecayIsWithinTheTarget() {
        invSqrtDecay(0.1, 1);
        invSqrtDecay(7e-4, 4000); // the Transformer's
        invSqrtDecay(0.1, 1_000_000);
    }

    /**
     * {@code initLr * sqrt(W / t)}, as {@code (initLr sqrt(W)) / sqrt(t)}: every step to W + 1,000, every 997th to
     * W + 10^5, and steps up to Long.MAX_VALUE.
     */
    private static void invSqrtDecay(double initLr, long w) {
        BigDecimal scale = exact(initLr).multiply(big(w).sqrt(WIDE), WIDE);
        checkDecay("decay INV_SQRT " + initLr + ", W = " + w, settings("steps", w, "initLr", initLr, "decay",
                Decay.INV_SQRT), w, initLr, unbounded(w - 1, w + 1_000, w + 100_000, w + 1_000_000,
                        w + 10_000_000, 1L << 31, 1L << 40, (1L << 53) + 1, Long.MAX_VALUE - 1, Long.MAX_VALUE),
                d -> scale.divide(big(w).add(big(d)).sqrt(DIGITS), DIGITS));
    }

    @Test
    void inverseTimeDecayIsWithinTheTarget() {
        inverseTime(0.1, 0.5, 1000, 0, false);
        inverseTime(0.1, 0.5, 1000, 37, true);
        inverseTime(3e-4, 2.0, 1, 5, false);
        inverseTime(0.1, 1e-3, 7, 0, true);
        inverseTime(0.1, 0.96, 3, 0, false); // gamma / stepSize is not a double: rounded once
    }

    /** Keras's {@code initLr / (1 + gamma * p)}, {@code p = d / stepSize}, floored for the staircase. */
    private static void inverseTime(double initLr, double gamma, long stepSize, long w, boolean staircase) {
        BigDecimal a = exact(initLr);
        BigDecimal g = exact(gamma);
        checkDecay("decay INV_TIME" + (staircase ? "_STEP " : " ") + initLr + " / (1 + " + gamma + " * "
                        + (staircase ? "floor(d / " + stepSize + ")" : "d / " + stepSize) + "), W = " + w,
                settings("steps", w, "initLr", initLr, "decay", staircase ? Decay.INV_TIME_STEP : Decay.INV_TIME,
                        "gamma", gamma, "stepSize", stepSize),
                w, initLr, unbounded(w - 1, w + 1_000, w + 100_000, w + stepSize - 1, w + stepSize,
                        w + 1_000 * stepSize, 1L << 31, (1L << 53) + 1, Long.MAX_VALUE - 1, Long.MAX_VALUE),
                d -> a.divide(BigDecimal.ONE.add(g.multiply(staircase ? big(d / stepSize)
                        : big(d).divide(big(stepSize), WIDE), WIDE)), DIGITS));
    }

    @Test
    void polynomialCycleDecayIsWithinTheTarget() {
        for (double power : new double[] {1.0, 2.0, 0.5}) {
            polyCycle(0.1, 0.0, 0, 100, power);
            polyCycle(0.1, 1e-4, 37, 7, power);
        }
        polyCycle(0.1, 1e-4, 0, 100, 1.7); // e^(power ln f) at every step: the slowest of the exact values
        polyCycle(0.1, 1e-5, 0, 10_000, 2.0);
    }

    /**
     * Keras's {@code PolynomialDecay(cycle=True)}: {@code (initLr - minLr) * (1 - d / H)^power + minLr} with the horizon
     * {@code H = D * max(1, ceil(d / D))}, so minLr at each multiple of D: over its first 20 horizons, and far out.
     */
    private static void polyCycle(double initLr, double minLr, long w, long span, double power) {
        BigDecimal b = exact(minLr);
        BigDecimal height = exact(initLr).subtract(b);
        BigInteger d0 = BigInteger.valueOf(span);
        checkDecay("decay POLY_CYCLE power " + power + " " + initLr + " -> " + minLr + ", W = " + w + ", D = " + span,
                settings("steps", w, "initLr", initLr, "decay", Decay.POLY_CYCLE, "totalSteps", w + span, "minLr",
                        minLr, "power", power),
                w, initLr, steps(w, w + 20 * span, w - 1, w + span - 1, w + span, w + span + 1, 1L << 40,
                        Long.MAX_VALUE - 1, Long.MAX_VALUE),
                d -> {
                    BigInteger[] qr = BigInteger.valueOf(d).divideAndRemainder(d0);
                    BigInteger k = qr[0].add(qr[1].signum() > 0 ? BigInteger.ONE : BigInteger.ZERO).max(
                            BigInteger.ONE);
                    BigDecimal horizon = new BigDecimal(k.multiply(d0));
                    BigDecimal left = horizon.subtract(big(d));
                    if (left.signum() == 0) {
                        return b;
                    }
                    BigDecimal fraction = left.divide(horizon, WIDE);
                    return b.add(height.multiply(raised(fraction, power), DIGITS));
                });
    }

    /** {@code x^power} for x in (0, 1]: exact products and square roots for 1, 2, 0.5 and 1.5, else e^(power ln x). */
    private static BigDecimal raised(BigDecimal x, double power) {
        if (power == 1) {
            return x;
        }
        if (power == 2) {
            return x.multiply(x, WIDE);
        }
        if (power == 0.5 || power == 1.5) {
            BigDecimal root = x.sqrt(WIDE);
            return power == 0.5 ? root : x.multiply(root, WIDE);
        }
        return exp(exact(power).multiply(ln(x), WIDE));
    }

    @Test
    void cosinePowerDecayIsWithinTheTarget() {
        for (double power : new double[] {2.0, 1.5, 0.5}) {
            cosinePower(0.1, 1e-3, 0, 1_000, power);
            cosinePower(0.1, 0.0, 37, 100, power);
        }
    }

    /** Optax's exponent: {@code minLr + (initLr - minLr) * ((1 + cos(pi * d / D)) / 2)^power}, minLr from T on. */
    private static void cosinePower(double initLr, double minLr, long w, long span, double power) {
        BigDecimal m = exact(minLr);
        BigDecimal height = exact(initLr).subtract(m);
        Cosines cosines = new Cosines(PI.divide(big(span), WIDE));
        checkDecay("decay COSINE power " + power + " " + initLr + " -> " + minLr + ", W = " + w + ", D = " + span,
                settings("steps", w, "initLr", initLr, "decay", Decay.COSINE, "totalSteps", w + span, "minLr", minLr,
                        "power", power),
                w, initLr, steps(w, w + span, w - 1, w + span, w + span + 1),
                d -> {
                    if (d >= span) {
                        return m;
                    }
                    BigDecimal half = BigDecimal.ONE.add(cosines.cos(d)).multiply(HALF);
                    return m.add(height.multiply(raised(half, power), DIGITS));
                });
    }

    @Test
    void decayToAFloorIsWithinTheTarget() {
        floored(Decay.EXP, 0.1, 0.5, 1000, 200, 0.01);
        floored(Decay.STEP, 0.1, 0.5, 1000, 0, 0.01);
        floored(Decay.EXP, 1.0, 0.9999, 1, 0, 1e-3);
    }

    /** Optax's {@code end_value}: {@code max(initLr * gamma^(d / stepSize), minLr)}, floored for STEP. */
    private static void floored(Decay decay, double initLr, double gamma, long stepSize, long w, double floor) {
        BigDecimal a = exact(initLr);
        BigDecimal lnGamma = ln(exact(gamma));
        BigDecimal m = exact(floor);
        checkDecay("decay " + decay + " to the floor " + floor + ", " + initLr + " * " + gamma + "^(d / " + stepSize
                        + "), W = " + w,
                settings("steps", w, "initLr", initLr, "decay", decay, "gamma", gamma, "stepSize", stepSize,
                        "minLr", floor),
                w, initLr, unbounded(w - 1, w + 300, w + 100_000, w + stepSize, 1L << 31, Long.MAX_VALUE),
                d -> {
                    BigDecimal p = decay == Decay.STEP ? big(d / stepSize) : big(d).divide(big(stepSize), WIDE);
                    return a.multiply(exp(lnGamma.multiply(p, WIDE)), DIGITS).max(m);
                });
    }

    @Test
    void stepDecayIsWithinTheTarget() {
        stepDecay(0.1, 0.1, 7, 0, 40);
        stepDecay(0.1, 0.5, 100, 100, 12);
        stepDecay(3e-4, 0.9, 30, 5, 40);
        stepDecay(0.1, 0.95, 1, 0, 1_000);
    }

    /** {@code initLr * gamma^floor(d / stepSize)}, over {@code drops} drops. */
    private static void stepDecay(double initLr, double gamma, long stepSize, long w, long drops) {
        BigDecimal a = exact(initLr);
        Powers powers = new Powers(exact(gamma), DIGITS);
        long[] boundaries = LongStream.rangeClosed(0, drops).flatMap(k -> LongStream.of(w + k * stepSize - 1,
                w + k * stepSize)).toArray();
        checkDecay("decay STEP " + initLr + " * " + gamma + "^floor(d / " + stepSize + "), W = " + w,
                settings("steps", w, "initLr", initLr, "decay", Decay.STEP, "gamma", gamma, "stepSize", stepSize),
                w, initLr, steps(w, w + drops * stepSize, LongStream.concat(LongStream.of(boundaries),
                        LongStream.of(w - 1, w + drops * stepSize, w + drops * stepSize + 1)).toArray()),
                d -> a.multiply(powers.at(d / stepSize), DIGITS));
    }

    @Test
    void multiStepDecayIsWithinTheTarget() {
        multiStepDecay(0.1, 0.1, 100, new long[] {100, 150, 300, 301, 2_000, 3_000}, 3_500);
        multiStepDecay(3e-4, 0.5, 0, new long[] {1, 2, 3, 10, 1_000}, 1_200);
    }

    /** {@code initLr * gamma^k}, k the number of milestones {@code <= t}. */
    private static void multiStepDecay(double initLr, double gamma, long w, long[] milestones, long end) {
        BigDecimal a = exact(initLr);
        Powers powers = new Powers(exact(gamma), DIGITS);
        long[] boundaries = Arrays.stream(milestones).flatMap(m -> LongStream.of(m - 1, m, m + 1)).toArray();
        checkDecay("decay MULTISTEP " + initLr + " * " + gamma + "^k, milestones " + Arrays.toString(milestones)
                        + ", W = " + w,
                settings("steps", w, "initLr", initLr, "decay", Decay.MULTISTEP, "gamma", gamma, "milestones",
                        milestones),
                w, initLr, steps(w, end, LongStream.concat(LongStream.of(boundaries), LongStream.of(w - 1)).toArray()),
                d -> a.multiply(powers.at(Arrays.stream(milestones).filter(m -> m <= w + d).count()), DIGITS));
    }

    @Test
    void repeatedPowerDecayIsWithinTheTarget() {
        repeatedPower(0.1, 1.0001, 0, 60_000); // the write-up's; the rate rounds to 0 from about d = 57,800
        repeatedPower(0.5, 1.01, 100, 800); // rounds to 0 from about d = 700
    }

    /**
     * {@code initLr^(power^d)}, as {@code exp(power^d ln(initLr))}: ln once (ExponentialAccuracyTest's, 80
     * digits), power^d a running product, exp each step; every step to W + 2,000, then every 997th to W + span.
     */
    private static void repeatedPower(double initLr, double power, long w, long span) {
        BigDecimal lnA = ExponentialAccuracyTest.ln(exact(initLr)).round(WIDE);
        Powers powers = new Powers(exact(power), DIGITS);
        checkDecay("decay REPEATED_POWER " + initLr + "^(" + power + "^d), W = " + w,
                settings("steps", w, "initLr", initLr, "decay", Decay.REPEATED_POWER, "power", power),
                w, initLr, unbounded(w - 1, w + 2_000, w + span), d -> exp(powers.at(d).multiply(lnA, DIGITS)));
    }

    @Test
    void cosineFullCycleDecayIsWithinTheTarget() {
        cosineCycles(5e-5, 0.0, 500, 7_500); // Hugging Face's get_cosine_schedule_with_warmup(500, 8000, 1.0)
        for (long span : new long[] {1, 2, 7, 100, 1_000, 1_000_000}) {
            cosineCycles(0.1, 0.0, 0, span);
        }
        for (long span : new long[] {1, 2, 7, 100}) {
            cosineCycles(0.1, 1e-5, 37, span);
        }
    }

    /**
     * {@code minLr + (initLr - minLr) * (1 + cos(2 pi c d / D)) / 2} with c = 1, the value at T held after it. The
     * angle is k pi / (1024 D) with k = 2 * 1024 c d, by rotation.
     */
    private static void cosineCycles(double initLr, double minLr, long w, long span) {
        double cycles = 1.0;
        long units = (long) (cycles * 1024);
        long total = w + span;
        BigDecimal m = exact(minLr);
        BigDecimal halfHeight = exact(initLr).subtract(m).multiply(HALF);
        Cosines cosines = new Cosines(PI.divide(big(1024 * span), WIDE));
        checkDecay("decay COSINE cycles " + cycles + " " + initLr + " -> " + minLr + ", W = " + w + ", D = " + span,
                settings("steps", w, "initLr", initLr, "decay", Decay.COSINE, "totalSteps", total, "minLr", minLr,
                        "cycles", cycles),
                w, initLr, steps(w, total, w - 1, total, total + 1, w + span / 2 - 1, w + span / 2,
                        w + span / 2 + 1),
                d -> m.add(halfHeight.multiply(BigDecimal.ONE.add(cosines.cos(2 * units * Math.min(d, span))), WIDE)));
    }

    @Test
    void cosineWithHardRestartsDecayIsWithinTheTarget() {
        // Hugging Face's get_cosine_with_hard_restarts_schedule_with_warmup(1000, 11000, num_cycles=2.5)
        cosineRestarts(1e-3, 0.0, 1_000, 10_000);
        for (long span : new long[] {2, 7, 100, 1_000, 1_000_000}) {
            cosineRestarts(0.1, 0.0, 0, span);
        }
        for (long span : new long[] {2, 7, 100}) {
            cosineRestarts(0.1, 1e-5, 37, span);
        }
    }

    /**
     * {@code minLr + (initLr - minLr) * (1 + cos(pi * frac(c d / D))) / 2} with c = 2.5, minLr from T on. The angle is
     * k pi / (1024 D) with k = (1024 c d) mod (1024 D), by rotation.
     */
    private static void cosineRestarts(double initLr, double minLr, long w, long span) {
        double cycles = 2.5;
        long units = (long) (cycles * 1024);
        long total = w + span;
        BigDecimal m = exact(minLr);
        BigDecimal halfHeight = exact(initLr).subtract(m).multiply(HALF);
        Cosines cosines = new Cosines(PI.divide(big(1024 * span), WIDE));
        Set<Long> boundaries = new TreeSet<>(List.of(w - 1, w, total - 1, total, total + 1));
        for (long j = 1; j <= cycles; j++) { // the restarts, at c d / D = j
            long restart = w + (j * 1024 * span + units - 1) / units;
            boundaries.addAll(List.of(restart - 2, restart - 1, restart, restart + 1));
        }
        checkDecay("decay COSINE_RESTARTS cycles " + cycles + " " + initLr + " -> " + minLr + ", W = " + w + ", D = "
                        + span,
                settings("steps", w, "initLr", initLr, "decay", Decay.COSINE_RESTARTS, "totalSteps", total, "minLr",
                        minLr, "cycles", cycles),
                w, initLr, steps(w, total, boundaries.stream().mapToLong(Long::longValue).toArray()),
                d -> d >= span ? m : m.add(halfHeight.multiply(BigDecimal.ONE.add(cosines.cos(units * d
                        % (1024 * span))), WIDE)));
    }

    /** A {@code @WarmupSchedule} whose warmup, if any, is linear from 0, then the decay given as a function of d. */
    private static void checkDecay(String what, Map<String, Object> settings, long w, double initLr, LongStream steps,
            LongFunction<BigDecimal> decay) {
        ScheduleModel model = warmupModel(settings);
        LongFunction<BigDecimal> warmup = w > 0 ? line(BigDecimal.ZERO, exact(initLr), w) : null;
        check(what, initLr, steps, model::at, t -> t < w ? warmup.apply(t) : decay.apply(t - w));
    }

    private static ScheduleModel warmupModel(Map<String, Object> settings) {
        return WarmupValidation.validate(TestAttributes.of(WarmupSchedule.class, settings), FAIL).orElseThrow();
    }

    // ---------------------------------------------------------------------------------------- @PhasedSchedule phases

    @Test
    void linearPhasesAreWithinTheTarget() {
        for (long length : SHORT) { // over 10^6 steps: the linear warmup and decay, the same shape
            checkPhase(PhaseShape.LINEAR, 1.0, 0.0, 0.1, 0, length); // rising from 0, the first phase
            checkPhase(PhaseShape.LINEAR, 1.0, 0.1, 0.0, 3, length); // falling to 0
        }
        for (long length : new long[] {7, 100}) {
            checkPhase(PhaseShape.LINEAR, 1.0, 1e-4, 0.1, 3, length);
            checkPhase(PhaseShape.LINEAR, 1.0, 0.1, 1e-5, 0, length);
            checkPhase(PhaseShape.LINEAR, 1.0, 3e-4, 2.5e-4, 3, length);
        }
    }

    @Test
    void polynomialPhasesAreWithinTheTarget() {
        for (double power : new double[] {2.0, 0.5}) {
            for (long length : power == 2 ? LENGTHS : SHORT) {
                checkPhase(PhaseShape.POLY, power, 0.0, 0.1, 0, length);
            }
            for (long length : new long[] {1, 7, 100}) {
                checkPhase(PhaseShape.POLY, power, 0.1, 1e-5, 3, length);
            }
            checkPhase(PhaseShape.POLY, power, 1e-4, 0.1, 3, 100);
            checkPhase(PhaseShape.POLY, power, 0.1, 0.0, 0, 100);
        }
        for (long length : SHORT) {
            checkPhase(PhaseShape.POLY, 1.7, 0.0, 0.1, 0, length);
        }
        for (long length : new long[] {1, 7, 100}) {
            checkPhase(PhaseShape.POLY, 1.7, 0.1, 1e-5, 3, length);
        }
        checkPhase(PhaseShape.POLY, 1.7, 1e-4, 0.1, 3, 100);
        checkPhase(PhaseShape.POLY, 1.7, 0.1, 0.0, 0, 100);
    }

    @Test
    void inverseSquareRootPhasesAreWithinTheTarget() {
        for (long length : LENGTHS) {
            checkPhase(PhaseShape.INV_SQRT, 1.0, 0.1, 0.05, 3, length);
        }
        checkPhase(PhaseShape.INV_SQRT, 1.0, 0.1, 1e-5, 3, 1_000);
        checkPhase(PhaseShape.INV_SQRT, 1.0, 1e-3, 9.99e-4, 3, 1_000);
        // after a linear warmup of W = 100 steps to 1e-3, b = a * sqrt(W / (W + L)) gives tau = W
        double a = 1e-3;
        double b = a * Math.sqrt(100.0 / 1_000.0);
        checkPhased("phase INV_SQRT falling " + a + " -> " + b + " after a LINEAR warmup, S = 100, L = 900", a,
                List.of(new Piece(phase(100, PhaseShape.LINEAR, Double.NaN, a, 1.0), line(BigDecimal.ZERO, exact(a),
                                100)),
                        new Piece(phase(900, PhaseShape.INV_SQRT, Double.NaN, b, 1.0), invSqrt(a, b, 900))));
    }

    @Test
    void oneMinusSqrtPhasesAreWithinTheTarget() {
        for (long length : LENGTHS) {
            checkPhase(PhaseShape.ONE_MINUS_SQRT, 1.0, 0.1, 0.0, 3, length); // falling
        }
        for (long length : SHORT) {
            checkPhase(PhaseShape.ONE_MINUS_SQRT, 1.0, 0.0, 0.1, 0, length); // rising
        }
        checkPhase(PhaseShape.ONE_MINUS_SQRT, 1.0, 1e-3, 0.0, 3, 2_000); // the decay of Hugging Face's WSD, 1-sqrt
        for (long length : new long[] {7, 49}) {
            checkPhase(PhaseShape.ONE_MINUS_SQRT, 1.0, 0.3, 0.002, 3, length);
            checkPhase(PhaseShape.ONE_MINUS_SQRT, 1.0, 0.01, 0.2, 3, length);
        }
    }

    /**
     * A {@code @PhasedSchedule} of one phase of {@code shape} from a to b over L steps, after {@code lead} steps of a
     * {@code CONSTANT} phase at a, from which it starts; with no lead, the first phase, starting at a (set as startLr
     * unless 0).
     */
    private static void checkPhase(PhaseShape shape, double power, double a, double b, long lead, long length) {
        List<Piece> pieces = new ArrayList<>();
        if (lead > 0) {
            pieces.add(new Piece(phase(lead, PhaseShape.CONSTANT, Double.NaN, a, 1.0), u -> exact(a)));
        }
        pieces.add(new Piece(phase(length, shape, lead == 0 && a != 0 ? a : Double.NaN, b, power),
                definition(shape, power, a, b, length)));
        checkPhased("phase " + shape + (shape == PhaseShape.POLY ? " power " + power : "")
                + (a < b ? " rising " : " falling ") + a + " -> " + b + ", S = " + lead + ", L = " + length,
                Math.max(a, b), pieces);
    }

    /** A phase's definition (docs/phased-schedule.md) at u, the steps into it. */
    private static LongFunction<BigDecimal> definition(PhaseShape shape, double power, double a, double b,
            long length) {
        return switch (shape) {
            // a + (b - a) * u / L
            case LINEAR -> line(exact(a), exact(b), length);
            // b + (a - b) * (1 - u / L)^power
            case POLY -> poly(exact(a), exact(b), length, power);
            // a * sqrt(tau / (tau + u)), tau = L * b^2 / (a^2 - b^2)
            case INV_SQRT -> invSqrt(a, b, length);
            // falling: b + (a - b) * (1 - sqrt(u / L)) = a - (a - b) / sqrt(L) * sqrt(u);
            // rising: a + (b - a) * (1 - sqrt(1 - u / L)) = b - (b - a) / sqrt(L) * sqrt(L - u)
            case ONE_MINUS_SQRT -> {
                BigDecimal high = exact(Math.max(a, b));
                BigDecimal perRoot = high.subtract(exact(Math.min(a, b))).divide(big(length).sqrt(WIDE), WIDE);
                yield a > b ? u -> high.subtract(perRoot.multiply(big(u).sqrt(WIDE), WIDE))
                        : u -> high.subtract(perRoot.multiply(big(length - u).sqrt(WIDE), WIDE));
            }
            default -> throw new AssertionError(shape);
        };
    }

    /**
     * {@code a * sqrt(tau / (tau + u))}, {@code tau = L * b^2 / (a^2 - b^2)}, as {@code a sqrt(tau) / sqrt(tau + u)}.
     */
    private static LongFunction<BigDecimal> invSqrt(double a, double b, long length) {
        BigDecimal start = exact(a);
        BigDecimal end = exact(b);
        BigDecimal tau = big(length).multiply(end.pow(2)).divide(start.pow(2).subtract(end.pow(2)), WIDE);
        BigDecimal scale = start.multiply(tau.sqrt(WIDE), WIDE);
        return u -> scale.divide(tau.add(big(u)).sqrt(DIGITS), DIGITS);
    }

    /** One {@code @Phase} of a test and its definition, u (the steps into the phase) to the rate. */
    private record Piece(TestAttributes.Phase phase, LongFunction<BigDecimal> curve) {
        long length() {
            return (Long) phase.explicit().get("steps");
        }

        double endLr() {
            return (Double) phase.explicit().get("endLr");
        }
    }

    private static TestAttributes.Phase phase(long steps, PhaseShape shape, double startLr, double endLr,
            double power) {
        Map<String, Object> explicit = settings("steps", steps, "shape", shape, "endLr", endLr);
        if (!Double.isNaN(startLr)) {
            explicit.put("startLr", startLr);
        }
        if (shape == PhaseShape.POLY) {
            explicit.put("power", power);
        }
        return new TestAttributes.Phase(explicit);
    }

    /** The phases one after the other, the last one's end value held after it; every phase sampled, and its ends. */
    private static void checkPhased(String what, double peak, List<Piece> pieces) {
        ScheduleModel model = PhasedModel.validate(TestAttributes.phased(pieces.stream().map(Piece::phase).toList()),
                FAIL).orElseThrow();
        long[] starts = new long[pieces.size() + 1];
        TreeSet<Long> steps = new TreeSet<>();
        for (int i = 0; i < pieces.size(); i++) {
            starts[i + 1] = starts[i] + pieces.get(i).length();
            sample(steps, starts[i], starts[i + 1]);
            for (long t = starts[i + 1] - 2; t <= starts[i + 1] + 2; t++) {
                steps.add(Math.max(0, t));
            }
        }
        BigDecimal finalLr = exact(pieces.get(pieces.size() - 1).endLr());
        check(what, peak, steps.stream().mapToLong(Long::longValue), model::at, t -> {
            for (int i = 0; i < pieces.size(); i++) {
                if (t < starts[i + 1]) {
                    return pieces.get(i).curve().apply(t - starts[i]);
                }
            }
            return finalLr;
        });
    }

    // --------------------------------------------------------------------------------------------- @OneCycleSchedule

    @Test
    void oneCycleLinearIsWithinTheTarget() {
        checkOneCycle(0.1, 10_000, 0.3, true, 25, 1e4); // PyTorch's case onecycle_linear_3phase
        checkOneCycle(0.1, 1_000, 0.3, false, 25, 1e4);
        checkOneCycle(0.1, 1001, 0.25, true, 25, 1e4);
        checkOneCycle(0.01, 100, 0.33, false, 25, 1e4);
        checkOneCycle(0.01, 997, 0.2718, true, 10, 1e3);
        checkOneCycle(0.1, 7, 0.5, false, 25, 1e4);
        checkOneCycle(1.0, 100_003, 0.1234567, false, 25, 1e4);
    }

    /**
     * PyTorch's OneCycleLR with {@code anneal_strategy = 'linear'}: in a phase from a to b over PyTorch's double
     * boundaries s and e, {@code a + (b - a) * (t - s) / (e - s)}; minLr from T - 1 on.
     */
    private static void checkOneCycle(double maxLr, long totalSteps, double pctStart, boolean threePhase,
            double divFactor, double finalDivFactor) {
        ScheduleModel model = OneCycleModel.validate(TestAttributes.of(OneCycleSchedule.class, Map.of("maxLr", maxLr,
                "totalSteps", totalSteps, "pctStart", pctStart, "threePhase", threePhase, "divFactor", divFactor,
                "finalDivFactor", finalDivFactor, "annealStrategy", AnnealStrategy.LINEAR)), FAIL).orElseThrow();
        /* PyTorch's phases, as its OneCycleLR builds them; its floats are doubles. */
        double initial = maxLr / divFactor;
        double min = initial / finalDivFactor;
        double end1 = pctStart * totalSteps - 1;
        double end2 = 2 * pctStart * totalSteps - 2;
        List<double[]> phases = threePhase
                ? List.of(new double[] {0, end1, initial, maxLr}, new double[] {end1, end2, maxLr, initial},
                        new double[] {end2, totalSteps - 1, initial, min})
                : List.of(new double[] {0, end1, initial, maxLr}, new double[] {end1, totalSteps - 1, maxLr, min});
        /* Each phase's slope (b - a) / (e - s), to 60 digits. */
        BigDecimal[] slopes = phases.stream().map(p -> exact(p[3]).subtract(exact(p[2])).divide(exact(p[1])
                .subtract(exact(p[0])), WIDE)).toArray(BigDecimal[]::new);
        String what = "one-cycle LINEAR " + maxLr + ", T = " + totalSteps + ", pctStart = " + pctStart
                + (threePhase ? ", three phases" : ", two phases");
        long[] boundaries = {(long) Math.floor(end1), (long) Math.ceil(end1), (long) Math.ceil(end1) + 1,
            totalSteps - 2, totalSteps - 1, totalSteps, totalSteps + 1, (long) Math.floor(end2), (long) Math.ceil(end2),
            (long) Math.ceil(end2) + 1};
        check(what, maxLr, steps(0, totalSteps, threePhase ? boundaries : Arrays.copyOfRange(boundaries, 0, 7)),
                model::at, t -> {
                    if (t >= totalSteps - 1) {
                        return exact(min);
                    }
                    for (int i = 0; i < phases.size(); i++) {
                        double[] phase = phases.get(i);
                        if (t <= phase[1]) {
                            return exact(phase[2]).add(slopes[i].multiply(big(t).subtract(exact(phase[0]))));
                        }
                    }
                    throw new AssertionError(t);
                });
    }

    // ----------------------------------------------------------------------------------------------- @CyclicSchedule

    @Test
    void cyclicTriangularIsWithinTheTarget() {
        checkCyclic(0.001, 0.1, 500, 500, CyclicMode.TRIANGULAR, 1.0, 3_000);
        checkCyclic(1e-4, 3e-3, 7, 3, CyclicMode.TRIANGULAR, 1.0, 200);
        checkCyclic(0.0, 0.1, 2_000, 1_000, CyclicMode.TRIANGULAR, 1.0, 3_000);
    }

    @Test
    void cyclicTriangular2IsWithinTheTarget() {
        checkCyclic(0.001, 0.1, 500, 500, CyclicMode.TRIANGULAR2, 1.0, 3_000); // as PyTorch's cyclic_triangular2
        checkCyclic(1e-4, 3e-3, 7, 3, CyclicMode.TRIANGULAR2, 1.0, 200);
        checkCyclic(0.0, 0.1, 2_000, 1_000, CyclicMode.TRIANGULAR2, 1.0, 3_000);
    }

    @Test
    void cyclicExpRangeIsWithinTheTarget() {
        checkCyclic(0.001, 0.1, 500, 500, CyclicMode.EXP_RANGE, 0.9999, 3_000);
        checkCyclic(1e-4, 3e-3, 7, 3, CyclicMode.EXP_RANGE, 0.99, 1_000);
        checkCyclic(0.0, 0.1, 2_000, 1_000, CyclicMode.EXP_RANGE, 0.99999, 3_000);
    }

    /**
     * PyTorch's CyclicLR: with {@code C = up + down}, {@code k = floor(t / C)}, {@code p = t - k C},
     * {@code h = p / up} for {@code p <= up}, else {@code (C - p) / down}:
     * {@code baseLr + (maxLr - baseLr) * h * scale}, scale 1, {@code 2^-k} or {@code gamma^t}. Steps of [0, end), and
     * the ends and peaks of cycles up to 2^40.
     */
    private static void checkCyclic(double baseLr, double maxLr, long up, long down, CyclicMode mode, double gamma,
            long end) {
        Map<String, Object> settings = settings("baseLr", baseLr, "maxLr", maxLr, "stepSizeUp", up, "stepSizeDown",
                down, "mode", mode);
        if (mode == CyclicMode.EXP_RANGE) {
            settings.put("gamma", gamma);
        }
        ScheduleModel model = CyclicModel.validate(TestAttributes.of(CyclicSchedule.class, settings), FAIL)
                .orElseThrow();
        long cycle = up + down;
        List<Long> boundaries = new ArrayList<>();
        for (long k : new long[] {1, 2, 10, 1_000, 1_000_000, (1L << 31) / cycle, (1L << 40) / cycle}) {
            for (long t : new long[] {k * cycle - 1, k * cycle, k * cycle + 1, k * cycle + up - 1, k * cycle + up,
                k * cycle + up + 1}) {
                boundaries.add(t);
            }
        }
        BigDecimal base = exact(baseLr);
        BigDecimal height = exact(maxLr).subtract(base);
        BigDecimal perStepUp = height.divide(big(up), WIDE);
        BigDecimal perStepDown = height.divide(big(down), WIDE);
        Powers halves = new Powers(HALF, DIGITS);
        Powers powers = new Powers(exact(gamma), DIGITS);
        String what = "cyclic " + mode + " " + baseLr + " -> " + maxLr + ", up " + up + ", down " + down
                + (mode == CyclicMode.EXP_RANGE ? ", gamma " + gamma : "");
        check(what, maxLr, steps(0, end, boundaries.stream().mapToLong(Long::longValue).toArray()), model::at, t -> {
            long k = t / cycle;
            long p = t - k * cycle;
            BigDecimal above = p <= up ? perStepUp.multiply(big(p)) : perStepDown.multiply(big(cycle - p));
            return base.add(switch (mode) {
                case TRIANGULAR -> above;
                case TRIANGULAR2 -> k > 4_000 ? BigDecimal.ZERO : above.multiply(halves.at(k)); // 2^-4000: no double
                case EXP_RANGE -> above.multiply(powers.at(t), DIGITS);
            });
        });
    }

    // ---------------------------------------------------------------------------------------------- @ChainedSchedule

    @Test
    void chainedLinearTimesExponentialIsWithinTheTarget() {
        checkChained(0.1, 0.01, 1_000, 0.999, 40_000); // PyTorch's case chained_linear_exp_1k
        checkChained(1.0, 0.25, 7, 0.5, 1_200);
    }

    /**
     * PyTorch's ChainedScheduler of LinearLR and ExponentialLR: {@code baseLr * (s + (1 - s) min(t, N) / N) * gamma^t}.
     */
    private static void checkChained(double baseLr, double startFactor, long n, double gamma, long end) {
        ScheduleModel model = ChainedModel.validate(TestAttributes.chained(baseLr, List.of(
                new TestAttributes.Factor(Map.of("shape", FactorShape.LINEAR, "startFactor", startFactor, "steps", n)),
                new TestAttributes.Factor(Map.of("shape", FactorShape.EXP, "gamma", gamma)))), FAIL).orElseThrow();
        double peak = 0;
        for (long t = 0; t <= n; t++) { // the product's peak, for the floor
            peak = Math.max(peak, baseLr * (startFactor + (1 - startFactor) * t / n) * Math.pow(gamma, t));
        }
        BigDecimal base = exact(baseLr);
        LongFunction<BigDecimal> factor = line(exact(startFactor), BigDecimal.ONE, n);
        Powers powers = new Powers(exact(gamma), DIGITS);
        check("chained LINEAR " + startFactor + " -> 1.0 over " + n + " x EXP " + gamma + "^t, baseLr " + baseLr,
                peak, steps(0, end, n - 1, n, n + 1), model::at, t -> base.multiply(factor.apply(Math.min(t, n)))
                        .multiply(powers.at(t), DIGITS));
    }

    // ------------------------------------------------------------------------------------------------ @UntunedWarmup

    @Test
    void untunedLinearWarmupIsWithinTheTarget() {
        for (double beta2 : new double[] {0.999, 0.99}) {
            long tau = (long) (2.0 / (1.0 - beta2)); // pytorch_warmup's int(2.0 / (1.0 - beta2)), in double
            BigDecimal perStep = BigDecimal.ONE.divide(big(tau), WIDE);
            checkUntuned(UntunedRule.LINEAR, beta2, tau, step -> perStep.multiply(big(Math.min(step + 1, tau))));
        }
    }

    @Test
    void untunedExponentialWarmupIsWithinTheTarget() {
        for (double beta2 : new double[] {0.999, 0.99}) {
            long tau = (long) (1.0 / (1.0 - beta2)); // pytorch_warmup's int(1.0 / (1.0 - beta2)), in double
            Powers powers = new Powers(exp(BigDecimal.ONE.divide(big(tau), WIDE).negate()), DIGITS);
            checkUntuned(UntunedRule.EXPONENTIAL, beta2, tau, step -> BigDecimal.ONE.subtract(powers.at(step + 1)));
        }
    }

    /**
     * RAdam's factor in 60 digits: {@code rho_inf = 2 / (1 - beta2) - 1} (beta2 the double given, exactly),
     * {@code rho(s) = rho_inf - 2 s beta2^s / (1 - beta2^s)}, delta the smallest s {@code >= 1} with
     * {@code rho(s) > 4}, and at step t, {@code rho = rho(t + delta)} and
     * {@code omega = sqrt((rho - 4)(rho - 2) rho_inf / ((rho_inf - 4)(rho_inf - 2) rho))}.
     */
    @Test
    void untunedRAdamWarmupIsWithinTheTarget() {
        for (double beta2 : new double[] {0.999, 0.99}) {
            BigDecimal b = exact(beta2);
            BigDecimal rhoInf = TWO.divide(BigDecimal.ONE.subtract(b), WIDE).subtract(BigDecimal.ONE);
            BigDecimal denominator = rhoInf.subtract(FOUR).multiply(rhoInf.subtract(TWO), WIDE);
            long delta = 1;
            while (rho(rhoInf, delta, b.pow((int) delta, WIDE)).compareTo(FOUR) <= 0) {
                delta++;
            }
            long offset = delta;
            Powers powers = new Powers(b, WIDE);
            checkUntuned(UntunedRule.RADAM, beta2, 0, step -> {
                BigDecimal rho = rho(rhoInf, step + offset, powers.at(step + offset));
                return rho.subtract(FOUR).multiply(rho.subtract(TWO), WIDE).multiply(rhoInf, WIDE)
                        .divide(denominator.multiply(rho, WIDE), WIDE).sqrt(WIDE);
            });
        }
    }

    private static BigDecimal rho(BigDecimal rhoInf, long s, BigDecimal power) {
        return rhoInf.subtract(TWO.multiply(big(s)).multiply(power).divide(BigDecimal.ONE.subtract(power), WIDE), WIDE);
    }

    /**
     * {@code @UntunedWarmup} beside {@code @WarmupSchedule(steps = 0, initLr = 1e-3)}: {@code 1e-3 * omega(t + 1)},
     * omega given at the step; every step to 2,000 (beta2 = 0.999; the linear factor reaches 1 at step 1998) or 500
     * (0.99), every 997th to 10^5, and steps up to Long.MAX_VALUE.
     */
    private static void checkUntuned(UntunedRule rule, double beta2, long tau, LongFunction<BigDecimal> omega) {
        double initLr = 1e-3;
        ScheduleModel model = UntunedModel.validate(TestAttributes.of(UntunedWarmup.class, Map.of("value", rule,
                "beta2", beta2)), FAIL, WarmupValidation.validate(TestAttributes.of(WarmupSchedule.class,
                        Map.of("steps", 0L, "initLr", initLr)), FAIL)).orElseThrow();
        BigDecimal a = exact(initLr);
        check("untuned " + rule + " beta2 " + beta2 + " x constant " + initLr, initLr,
                unbounded(0, beta2 == 0.999 ? 2_000 : 500, 100_000, tau - 2, tau - 1, tau, tau + 1, 1_000_000,
                        10_000_000, 1L << 31, 1L << 40, Long.MAX_VALUE - 10),
                model::at, t -> a.multiply(omega.apply(t), DIGITS));
    }

    // ------------------------------------------------------------------------------------ the arithmetic used above

    @Test
    void theExactArithmeticAgreesWithExponentialAccuracyTestsAndKnownValues() {
        for (String x : new String[] {"-700.5", "-23.02585092994045684", "-1", "-0.001", "0", "1e-30", "0.5", "2.25",
            "40"}) {
            BigDecimal expected = ExponentialAccuracyTest.exp(new BigDecimal(x));
            BigDecimal ours = exp(new BigDecimal(x));
            assertTrue(ours.subtract(expected).abs().compareTo(expected.movePointLeft(47)) <= 0,
                    () -> "e^" + x + ": " + ours + ", ExponentialAccuracyTest gives " + expected);
        }
        for (double x : new double[] {1e-6, 0.001, 0.1, 0.5, 1 - 1e-7, 1, 1.0001, 3, 1e10}) {
            BigDecimal expected = ExponentialAccuracyTest.ln(new BigDecimal(x));
            BigDecimal ours = ln(new BigDecimal(x));
            assertTrue(ours.subtract(expected).abs().compareTo(BigDecimal.ONE.movePointLeft(44)) <= 0,
                    () -> "ln " + x + ": " + ours + ", ExponentialAccuracyTest gives " + expected);
        }
        // cos(pi / 3) = 1/2, cos(pi / 2) = 0, and a rotation through 2048 * 999 steps of pi / (1024 * 999) ends where
        // it began, through every other and through jumps
        assertTrue(cosSin(PI.divide(BigDecimal.valueOf(3), SERIES))[0].subtract(HALF).abs()
                .compareTo(BigDecimal.ONE.movePointLeft(65)) <= 0);
        assertTrue(cosSin(PI.divide(TWO, SERIES))[0].abs().compareTo(BigDecimal.ONE.movePointLeft(65)) <= 0);
        Cosines cosines = new Cosines(PI.divide(BigDecimal.valueOf(1024 * 999), WIDE));
        for (long k = 0; k <= 2048 * 999; k += k % 5 == 0 ? 1 : 997) {
            cosines.cos(k);
        }
        BigDecimal atPi = cosines.cos(1024 * 999);
        assertTrue(atPi.add(BigDecimal.ONE).abs().compareTo(BigDecimal.ONE.movePointLeft(50)) <= 0,
                () -> "cos(pi) = " + atPi);
        BigDecimal atTwoPi = cosines.cos(2048 * 999);
        assertTrue(atTwoPi.subtract(BigDecimal.ONE).abs().compareTo(BigDecimal.ONE.movePointLeft(50)) <= 0,
                () -> "cos(2 pi) = " + atTwoPi);
        // the lines and polynomials by constants times whole numbers, against the plain formulas
        BigDecimal a = exact(0.1);
        BigDecimal b = exact(1e-5);
        for (long u : new long[] {0, 1, 500, 999}) {
            BigDecimal f = big(1_000 - u).divide(big(1_000), WIDE);
            assertTrue(line(a, b, 1_000).apply(u).subtract(a.add(b.subtract(a).multiply(big(u)).divide(big(1_000),
                    WIDE))).abs().compareTo(BigDecimal.ONE.movePointLeft(55)) <= 0);
            for (double power : new double[] {2.0, 0.5, 1.7}) {
                BigDecimal plain = b.add(a.subtract(b).multiply(power == 2 ? f.pow(2) : power == 0.5 ? f.sqrt(WIDE)
                        : ExponentialAccuracyTest.exp(exact(power).multiply(ExponentialAccuracyTest.ln(f)))));
                BigDecimal ours = poly(a, b, 1_000, power).apply(u);
                assertTrue(ours.subtract(plain).abs().compareTo(BigDecimal.ONE.movePointLeft(45)) <= 0,
                        () -> "power " + power + " at " + u + ": " + ours + ", plainly " + plain);
            }
        }
    }

    /** Every step's distance from {@code exact} within the target, printed, as in CosineAccuracyTest. */
    private static void check(String what, double peak, LongStream steps, LongToDoubleFunction lr,
            LongFunction<BigDecimal> exact) {
        CosineAccuracyTest.check(what, peak, steps, lr, exact);
    }

    /**
     * The steps of the span [from, to) (from 0 at least): every one if there are at most 10,000, else the first and
     * last 2,000 and every 997th between. The steps just outside it are the callers' extra steps.
     */
    private static void sample(Set<Long> steps, long from, long to) {
        long first = Math.max(0, from);
        if (to - first <= 10_000) {
            for (long t = first; t < to; t++) {
                steps.add(t);
            }
            return;
        }
        for (long t = first; t < first + 2_000; t++) {
            steps.add(t);
        }
        for (long t = first + 2_000; t < to - 2_000; t += 997) {
            steps.add(t);
        }
        for (long t = to - 2_000; t < to; t++) {
            steps.add(t);
        }
    }

    /**
     * For a shape without an end: every step of [from, every), every 997th of [every, to), and the extra steps given
     * that are {@code >= 0}, ascending.
     */
    private static LongStream unbounded(long from, long every, long to, long... extra) {
        TreeSet<Long> steps = new TreeSet<>();
        sample(steps, from, every);
        for (long t = every; t < to; t += 997) {
            steps.add(t);
        }
        for (long t : extra) {
            if (t >= 0) {
                steps.add(t);
            }
        }
        return steps.stream().mapToLong(Long::longValue);
    }

    /** {@link #sample} of [from, to) and the extra steps given that are {@code >= 0}, ascending. */
    private static LongStream steps(long from, long to, long... extra) {
        TreeSet<Long> steps = new TreeSet<>();
        sample(steps, from, to);
        for (long t : extra) {
            if (t >= 0) {
                steps.add(t);
            }
        }
        return steps.stream().mapToLong(Long::longValue);
    }

    private static Map<String, Object> settings(Object... keysAndValues) {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            settings.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return settings;
    }

    private static BigDecimal exact(double x) {
        return new BigDecimal(x);
    }

    private static BigDecimal big(long n) {
        return BigDecimal.valueOf(n);
    }

    /**
     * From a to b over L steps, {@code a + (b - a) * x / L} at x, as {@code a + ((b - a) / L) * x}: the quotient to 60
     * digits once, the product and the sum exact.
     */
    private static LongFunction<BigDecimal> line(BigDecimal a, BigDecimal b, long length) {
        BigDecimal slope = b.subtract(a).divide(big(length), WIDE);
        return x -> a.add(slope.multiply(big(x)));
    }

    /**
     * {@code b + (a - b) * (1 - u / L)^power} at u: for power 2, {@code b + ((a - b) / L^2) * (L - u)^2}, the quotient
     * to 60 digits once, the rest exact; for 0.5, {@code b + ((a - b) / sqrt(L)) * sqrt(L - u)}; otherwise
     * {@code b + (a - b) * e^(power ln((L - u) / L))}, power the double given.
     */
    private static LongFunction<BigDecimal> poly(BigDecimal a, BigDecimal b, long length, double power) {
        BigDecimal height = a.subtract(b);
        if (power == 2) {
            BigDecimal perSquare = height.divide(big(length).pow(2), WIDE);
            return u -> b.add(perSquare.multiply(big(length - u).pow(2)));
        }
        if (power == 0.5) {
            BigDecimal perRoot = height.divide(big(length).sqrt(WIDE), WIDE);
            return u -> b.add(perRoot.multiply(big(length - u).sqrt(DIGITS), DIGITS));
        }
        return u -> u == length ? b : b.add(height.multiply(exp(exact(power).multiply(ln(big(length - u)
                .divide(big(length), WIDE)), WIDE)), DIGITS));
    }

    /** Binary fixed point for {@link #exp}: a BigInteger X stands for X / 2^200 (200 bits: about 60 digits). */
    private static final int FRACTION = 200;
    private static final BigInteger UNIT = BigInteger.ONE.shiftLeft(FRACTION);
    private static final BigInteger LN2_FIXED = LN2.multiply(new BigDecimal(UNIT)).toBigInteger();
    private static final BigDecimal EXP_ZERO_BELOW = BigDecimal.valueOf(-1_000_000);

    /**
     * e^x to 50 digits: {@code x = n ln 2 + r}, e^(r / 256) by its Taylor series in binary fixed point of 200 bits
     * (each term a BigInteger product and shift, its error 2^-200), squared 8 times, times 2^n; 0 below x = -10^6
     * (e^-10^6 is 10^-434,294, far below every double and every floor).
     */
    static BigDecimal exp(BigDecimal x) {
        if (x.compareTo(EXP_ZERO_BELOW) < 0) {
            return BigDecimal.ZERO;
        }
        long n = Math.round(x.doubleValue() / 0.6931471805599453);
        BigInteger r = x.multiply(new BigDecimal(UNIT)).setScale(0, RoundingMode.HALF_EVEN).unscaledValue()
                .subtract(LN2_FIXED.multiply(BigInteger.valueOf(n))).shiftRight(8);
        BigInteger term = UNIT;
        BigInteger sum = UNIT;
        for (int k = 1; term.signum() != 0; k++) {
            term = term.multiply(r).shiftRight(FRACTION).divide(BigInteger.valueOf(k));
            sum = sum.add(term);
        }
        for (int i = 0; i < 8; i++) {
            sum = sum.multiply(sum).shiftRight(FRACTION);
        }
        return new BigDecimal(sum).multiply(TWO.pow(Math.toIntExact(n - FRACTION), WIDE), DIGITS);
    }

    /**
     * ln x for x in the range of doubles, by one Halley step {@code y += 2 (x - e^y) / (x + e^y)} from the double
     * logarithm: it cubes the error, from about 1e-15 to about 1e-45.
     */
    static BigDecimal ln(BigDecimal x) {
        BigDecimal y = new BigDecimal(Math.log(x.doubleValue()));
        BigDecimal e = exp(y);
        return y.add(TWO.multiply(x.subtract(e)).divide(x.add(e), DIGITS), DIGITS);
    }

    /** cos x and sin x by their Taylor series, after taking whole turns off x. */
    static BigDecimal[] cosSin(BigDecimal x) {
        BigDecimal turn = PI.multiply(TWO);
        BigDecimal y = x.subtract(turn.multiply(x.divide(turn, 0, RoundingMode.HALF_EVEN)), SERIES);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal cos = BigDecimal.ONE;
        BigDecimal sin = BigDecimal.ZERO;
        BigDecimal smallest = BigDecimal.ONE.movePointLeft(75);
        for (int n = 1; n < 4 || term.abs().compareTo(smallest) > 0; n++) {
            term = term.multiply(y, SERIES).divide(big(n), SERIES);
            switch (n % 4) {
                case 1 -> sin = sin.add(term, SERIES);
                case 2 -> cos = cos.subtract(term, SERIES);
                case 3 -> sin = sin.subtract(term, SERIES);
                default -> cos = cos.add(term, SERIES);
            }
        }
        return new BigDecimal[] {cos, sin};
    }

    /**
     * {@code g^n} for the n asked for, in ascending order: one multiplication from the last n when n is the next,
     * otherwise {@link BigDecimal#pow(int, MathContext)} (or, past 999,999,999, {@code e^(n ln g)}).
     */
    private static final class Powers {
        private final BigDecimal base;
        private final MathContext digits;
        private long n;
        private BigDecimal value = BigDecimal.ONE;

        Powers(BigDecimal base, MathContext digits) {
            this.base = base;
            this.digits = digits;
        }

        BigDecimal at(long k) {
            if (k == n + 1) {
                value = value.multiply(base, digits);
            } else if (k != n) {
                value = k <= 999_999_999 ? base.pow((int) k, digits) : exp(ln(base).multiply(big(k), DIGITS));
            }
            n = k;
            return value;
        }
    }

    /**
     * {@code cos(k theta)} for the whole k asked for, each from the last by a rotation of (cos, sin) through
     * {@code (k - last) theta}, whose cosine and sine ({@link #cosSin}) are kept for the next step as far: four
     * multiplications a step, 60 digits, the roundings adding up to about 1e-54 over 10^6 steps.
     */
    private static final class Cosines {
        private final BigDecimal theta;
        private final Map<Long, BigDecimal[]> rotations = new HashMap<>();
        private long k;
        private BigDecimal cos = BigDecimal.ONE;
        private BigDecimal sin = BigDecimal.ZERO;

        Cosines(BigDecimal theta) {
            this.theta = theta;
        }

        BigDecimal cos(long target) {
            if (target != k) {
                BigDecimal[] r = rotations.computeIfAbsent(target - k, d -> cosSin(theta.multiply(big(d))));
                BigDecimal c = cos.multiply(r[0], WIDE).subtract(sin.multiply(r[1], WIDE), WIDE);
                sin = sin.multiply(r[0], WIDE).add(cos.multiply(r[1], WIDE), WIDE);
                cos = c;
                k = target;
            }
            return cos;
        }
    }
}
