package dev.warmup.processor;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers as Java source and as text for people. A double is written with the fewest significant digits that parse
 * back to the same double, found with {@link BigDecimal} (exact) and {@link Double#parseDouble} (correctly rounded),
 * so the generated source is the same on every JDK and every literal round-trips exactly.
 */
final class Literals {

    private Literals() {}

    /** A Java literal for a finite double: {@code 0.1}, {@code 4.0E-5}, {@code -0.0}. */
    static String ofDouble(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("no Java literal for " + value);
        }
        if (value == 0) {
            return Double.doubleToRawLongBits(value) == 0 ? "0.0" : "-0.0";
        }
        // The fewest significant digits p whose rounding of the exact value parses back to it. Where the doubles
        // around the value are evenly spaced (all but powers of two), the decimals that parse back to it lie in an
        // interval centred on it, so if p digits do, so do p + 1 (their rounding is no farther), and the fewest is
        // where that starts. The JDK's own Double.toString (the shortest from JDK 19 on, a digit or two more on 17)
        // says where to look first; the result does not depend on it, so it is the same on every JDK. A power of
        // two has half the room below that it has above, where p + 1 digits can miss as p digits do not: there, a
        // bisection over 1 to 17 digits, as always.
        BigDecimal exact = new BigDecimal(value);
        if ((Double.doubleToRawLongBits(value) & SIGNIFICAND_BITS) == 0) {
            return format(shortest(exact, value, 1, 17, round(exact, 17)));
        }
        int guess = Math.min(17, new BigDecimal(Double.toString(value)).stripTrailingZeros().precision());
        BigDecimal atGuess = round(exact, guess);
        if (!roundTrips(atGuess, value)) {
            return format(shortest(exact, value, guess + 1, 17, round(exact, 17)));
        }
        BigDecimal fewer = guess == 1 ? null : round(exact, guess - 1);
        return format(fewer == null || !roundTrips(fewer, value) ? atGuess.stripTrailingZeros()
                : shortest(exact, value, 1, guess - 1, fewer));
    }

    private static final long SIGNIFICAND_BITS = (1L << 52) - 1;

    /** The fewest digits from {@code low} to {@code high} that round-trip, by bisection; {@code atHigh} does. */
    private static BigDecimal shortest(BigDecimal exact, double value, int low, int high, BigDecimal atHigh) {
        BigDecimal shortest = atHigh;
        while (low < high) {
            int middle = (low + high) / 2;
            BigDecimal rounded = round(exact, middle);
            if (roundTrips(rounded, value)) {
                shortest = rounded;
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return shortest.stripTrailingZeros();
    }

    private static boolean roundTrips(BigDecimal decimal, double value) {
        return Double.parseDouble(decimal.toString()) == value;
    }

    private static BigDecimal round(BigDecimal exact, int digits) {
        return exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
    }

    /**
     * A Python literal for a finite double, as Python's {@code repr} writes it: the same shortest digits as
     * {@link #ofDouble}, in Python's format ({@code 0.1}, {@code 4e-05}, {@code 1e+16}, {@code 100.0}), so that the
     * literal parses back to the same double in Python.
     */
    static String ofPython(double value) {
        String java = ofDouble(value);
        if (value == 0) {
            return java;
        }
        return format(new BigDecimal(java).stripTrailingZeros(), -4, 16, "", exponent -> "e"
                + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent));
    }

    /** A double as a user reads or writes it: a literal, or {@code NaN}, {@code Infinity}, {@code -Infinity}. */
    static String show(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        return ofDouble(value);
    }

    /** A long as a user writes it: with an {@code L} where an int literal could not hold it. */
    static String show(long value) {
        return value == (int) value ? Long.toString(value) : value + "L";
    }

    /** A Java literal for a long: {@code 2500L}. */
    static String ofLong(long value) {
        return value + "L";
    }

    /** Plain decimal between 1e-3 and 1e7, scientific outside, as {@link Double#toString} does. */
    private static String format(BigDecimal value) {
        return format(value, -3, 7, ".0", exponent -> "E" + exponent);
    }

    /**
     * Plain decimal from {@code 10^lowestPlain} to below {@code 10^firstScientific}, with a {@code .0} if whole;
     * scientific outside, a one-digit mantissa followed by {@code wholeMantissa}, then {@code exponent}'s text.
     */
    private static String format(BigDecimal value, int lowestPlain, int firstScientific, String wholeMantissa,
            java.util.function.IntFunction<String> exponentText) {
        String sign = value.signum() < 0 ? "-" : "";
        String digits = value.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - value.scale();
        if (exponent >= lowestPlain && exponent < firstScientific) {
            String plain = value.abs().toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.length() == 1 ? digits + wholeMantissa : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + exponentText.apply(exponent);
    }
}
