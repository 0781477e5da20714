package dev.warmup.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.function.LongFunction;
import java.util.function.LongToDoubleFunction;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The exponential shape's distance from the exact value (as {@link CosineAccuracyTest#distance}, at most 1e-13) computed here in 80-digit decimal arithmetic
 * ({@code a * gamma^u} by exact powers where u is below 10^9, otherwise {@code a * exp(u ln gamma)}, and
 * {@code a * (b / a)^(u / L)} as {@code a * exp(u / L * (ln b - ln a))}; exp by its Taylor series after halving its
 * argument, ln by Newton's iteration on that exp, the doubles given taken exactly): decays by gamma from 0.1 to 1 - 1e-7
 * at every step until they underflow or for 50,000 steps, at steps past 2^27 and 2^31, exponentials from a to b rising
 * and falling over 1 to 10^6 steps and over more than 2^27, and the factor of a {@code @ChainedSchedule}. The
 * evaluator checked here is the generated {@code lr}, bit for bit ({@code SchedulePropertiesTest}). Also
 * {@link ExactLog} against the same Newton logarithm and ln 2's published digits.
 */
class ExponentialAccuracyTest {

    private static final MathContext DIGITS = new MathContext(80);

    @Test
    void decaysByGammaAreWithinTheTargetAtEveryStep() {
        for (double gamma : new double[] {0.1, 0.5, 0.9, 0.95, 0.99, 0.999, 0.9999, 0.99999, 1 - 1e-7}) {
            for (double initLr : new double[] {0.1, 3e-4}) {
                ExponentialShape shape = decay(initLr, gamma);
                // to where the rate underflows, at most 50,000 steps
                int steps = (int) Math.min(50_000, (long) (760 / -Math.log(gamma)));
                // initLr * gamma^t by a running product, each rounded to 80 digits: exact far past what is checked
                BigDecimal[] exact = new BigDecimal[steps];
                exact[0] = new BigDecimal(initLr);
                for (int t = 1; t < steps; t++) {
                    exact[t] = exact[t - 1].multiply(new BigDecimal(gamma), DIGITS);
                }
                check("decay " + initLr + " * " + gamma + "^t", initLr, LongStream.range(0, steps), shape::at,
                        t -> exact[(int) t]);
            }
        }
    }

    @Test
    void decaysByGammaAreWithinTheTargetPastTwoToThe27AndThe31Steps() {
        for (double gamma : new double[] {1 - 1e-6, 1 - 1e-7, 1 - 0x1p-30}) {
            ExponentialShape shape = decay(0.1, gamma);
            for (long around : new long[] {1L << 27, 3L << 27, 1L << 29, 700_000_000L, 1L << 31, 1L << 33}) {
                if (around * -Math.log(gamma) < 740) {
                    check("decay 0.1 * " + gamma + "^t around " + around, 0.1, LongStream.range(around - 500,
                            around + 500), shape::at, t -> power(0.1, gamma, t));
                }
            }
        }
    }

    @Test
    void exponentialsFromAToBAreWithinTheTargetAtEveryStep() {
        for (long length : new long[] {1, 2, 7, 100, 10_000, 1_000_000}) {
            check(1e-4, 0.1, length); // an exponential warmup
            check(0.1, 1e-6, length); // a falling phase
            check(3e-4, 2.5e-4, length);
            check(1e-150, 1e150, length);
        }
    }

    @Test
    void exponentialsFromAToBLongerThanTwoToThe27StepsAreWithinTheTarget() {
        long length = (1L << 28) + 3;
        check(1e-8, 1.0, length);
        check(1.0, 1e-8, length);
    }

    @Test
    void aChainedExponentialFactorIsWithinTheTarget() {
        ExponentialShape factor = new ExponentialShape(1.0, ExponentialShape.logOf(0.999), false,
                Span.from(Span.Bound.ZERO), Names.prefixed("FACTOR_1", "", "1", "0", "t", "N"), "gamma^{u}",
                "ln(gamma)");
        check("factor 0.999^t", 1.0, LongStream.range(0, 100_000), factor::at, t -> power(1.0, 0.999, t));
    }

    @Test
    void aDecayFromDoubleMaxValueIsZeroNotNaNWhereItUnderflows() {
        for (double gamma : new double[] {0.5, 0.9861154569004567, Double.MIN_NORMAL}) {
            ExponentialShape shape = decay(Double.MAX_VALUE, gamma);
            for (long step : new long[] {1L << 40, 1879111392705424219L, Long.MAX_VALUE}) {
                assertEquals(0.0, shape.at(step), () -> gamma + "^" + step);
            }
        }
    }

    @Test
    void exactLogMatchesNewtonsLogarithmAndLnTwosDigits() {
        assertEquals(0, new BigDecimal("0.6931471805599453094172321214581765680755001343602552541206800094933936"
                + "2196969471560586332699641868754200148102057068573368552").round(new MathContext(60))
                .compareTo(ExactLog.ln(2)), () -> "ln 2 = " + ExactLog.ln(2));
        for (double x : new double[] {0.9999, 0.1, 0.75, 1.4999999999999998, 1.5, 1, 3, 1e-300, Double.MIN_VALUE,
                Double.MIN_NORMAL, Double.MAX_VALUE, 1 - 0x1p-53, 1 + 0x1p-52}) {
            BigDecimal expected = ln(new BigDecimal(x));
            BigDecimal error = ExactLog.ln(x).subtract(expected).abs();
            assertTrue(error.compareTo(expected.abs().movePointLeft(58).add(BigDecimal.ONE.movePointLeft(70))) <= 0,
                    () -> "ln " + x + ": " + ExactLog.ln(x) + ", Newton gives " + expected);
        }
    }

    private static ExponentialShape decay(double initLr, double gamma) {
        return ExponentialShape.decaying(initLr, gamma, "gamma", Span.from(Span.Bound.ZERO), WarmupModel.DECAY);
    }

    /** From a to b over {@code length} steps: every step, or the first and last 2,000 and every 997th between. */
    private static void check(double a, double b, long length) {
        Span span = new Span(Span.Bound.ZERO, Span.Bound.of(NamedConstant.ofLong("END", length, "L"), "L"));
        ExponentialShape shape = ExponentialShape.between(a, b, span,
                Names.prefixed("PHASE_1", "phase 1", Double.toString(a), Double.toString(b), "t", "L"));
        LongStream steps = length <= 20_000 ? LongStream.range(0, length)
                : LongStream.concat(LongStream.concat(LongStream.range(0, 2_000),
                        LongStream.iterate(2_000, u -> u < length - 2_000, u -> u + (length >> 10) + 997)),
                        LongStream.range(length - 2_000, length));
        BigDecimal logRatio = ln(new BigDecimal(b)).subtract(ln(new BigDecimal(a)), DIGITS);
        check(a + " -> " + b + " over " + length, Math.max(a, b), steps, shape::at, t -> new BigDecimal(a).multiply(exp(logRatio
                .multiply(BigDecimal.valueOf(t), DIGITS).divide(BigDecimal.valueOf(length), DIGITS)), DIGITS));
    }

    /** Every step within the target of {@code exact}, as for the cosine. */
    private static void check(String what, double peak, LongStream steps, LongToDoubleFunction lr,
            LongFunction<BigDecimal> exact) {
        CosineAccuracyTest.check(what, peak, steps, lr, exact);
    }

    /** {@code a * gamma^t}: an exact power below 10^9, else through exp and ln. */
    static BigDecimal power(double a, double gamma, long t) {
        BigDecimal g = new BigDecimal(gamma);
        BigDecimal power = t < 999_999_999 ? g.pow((int) t, DIGITS)
                : exp(ln(g).multiply(BigDecimal.valueOf(t), DIGITS));
        return new BigDecimal(a).multiply(power, DIGITS);
    }

    /** e^x by its Taylor series at {@code x / 2^k}, {@code |x / 2^k| < 2^-8}, squared k times. */
    static BigDecimal exp(BigDecimal x) {
        int k = 0;
        BigDecimal reduced = x;
        while (reduced.abs().compareTo(new BigDecimal("0.00390625")) >= 0) {
            reduced = reduced.divide(BigDecimal.valueOf(2), DIGITS);
            k++;
        }
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        for (int n = 1; term.abs().compareTo(BigDecimal.ONE.movePointLeft(90)) > 0; n++) {
            term = term.multiply(reduced, DIGITS).divide(BigDecimal.valueOf(n), DIGITS);
            sum = sum.add(term, DIGITS);
        }
        for (int i = 0; i < k; i++) {
            sum = sum.multiply(sum, DIGITS);
        }
        return sum;
    }

    /** ln x for x > 0 by Newton's iteration {@code y += x e^-y - 1} from the double logarithm. */
    static BigDecimal ln(BigDecimal x) {
        BigDecimal y = new BigDecimal(Math.log(x.doubleValue()));
        for (int i = 0; i < 6; i++) {
            y = y.add(x.multiply(exp(y.negate()), DIGITS), DIGITS).subtract(BigDecimal.ONE, DIGITS);
        }
        return y;
    }
}
