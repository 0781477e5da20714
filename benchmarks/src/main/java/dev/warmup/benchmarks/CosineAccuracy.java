package dev.warmup.benchmarks;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Every {@link CosineCandidate}'s error in ulps at every step of a cosine decay from {@code A = 0.1} to 0, against
 * the exact value {@code A (1 + cos(pi t / D)) / 2} computed in 40-digit decimal arithmetic (pi to 50 digits, cos by
 * its Taylor series), for D = 100 and D = 10,000: the worst over all steps, and over the last 1 % (at least one step).
 * {@code java -cp benchmarks/target/benchmarks.jar dev.warmup.benchmarks.CosineAccuracy} prints the table.
 */
public final class CosineAccuracy {

    static final double AMPLITUDE = 0.1;
    private static final MathContext DIGITS = new MathContext(40);
    private static final BigDecimal PI =
            new BigDecimal("3.14159265358979323846264338327950288419716939937510");

    private CosineAccuracy() {}

    public static void main(String[] args) {
        System.out.println("| candidate | worst ulps, D = 100 | last 1 % | worst ulps, D = 10,000 | last 1 % |");
        System.out.println("|---|---:|---:|---:|---:|");
        BigDecimal[] hundred = exactValues(100);
        BigDecimal[] tenThousand = exactValues(10_000);
        for (CosineCandidate candidate : CosineCandidate.values()) {
            double[] small = worstUlps(candidate, hundred);
            double[] large = worstUlps(candidate, tenThousand);
            System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f |%n", candidate, small[0], small[1],
                    large[0], large[1]);
        }
    }

    /** The exact value at every step {@code 0 <= t < steps}. */
    static BigDecimal[] exactValues(int steps) {
        BigDecimal[] values = new BigDecimal[steps];
        BigDecimal amplitude = new BigDecimal(AMPLITUDE); // the double 0.1, exactly: the rate the user wrote, as given
        for (int t = 0; t < steps; t++) {
            BigDecimal angle = PI.multiply(BigDecimal.valueOf(t)).divide(BigDecimal.valueOf(steps), DIGITS);
            values[t] = amplitude.multiply(BigDecimal.ONE.add(cos(angle)), DIGITS).divide(BigDecimal.valueOf(2), DIGITS);
        }
        return values;
    }

    /** {worst over all steps, worst over the last 1 %}, in ulps of the exact value rounded to double. */
    static double[] worstUlps(CosineCandidate candidate, BigDecimal[] exact) {
        int steps = exact.length;
        int lastFrom = steps - Math.max(1, steps / 100);
        double worst = 0;
        double worstLast = 0;
        for (int t = 0; t < steps; t++) {
            double ulps = ulps(candidate.at(AMPLITUDE, steps, t), exact[t]);
            worst = Math.max(worst, ulps);
            if (t >= lastFrom) {
                worstLast = Math.max(worstLast, ulps);
            }
        }
        return new double[] {worst, worstLast};
    }

    /** |computed - exact| in ulps of the exact value rounded to double. */
    static double ulps(double computed, BigDecimal exact) {
        double ulp = Math.ulp(exact.doubleValue());
        return new BigDecimal(computed).subtract(exact).abs().divide(new BigDecimal(ulp), DIGITS).doubleValue();
    }

    /** cos(x) for |x| <= pi by its Taylor series, to 40 digits. */
    static BigDecimal cos(BigDecimal x) {
        BigDecimal x2 = x.multiply(x, DIGITS);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal smallest = BigDecimal.ONE.movePointLeft(45);
        for (int k = 1; term.abs().compareTo(smallest) > 0; k++) {
            term = term.multiply(x2, DIGITS).divide(BigDecimal.valueOf((2L * k - 1) * (2L * k)), DIGITS).negate();
            sum = sum.add(term, DIGITS);
        }
        return sum;
    }
}
