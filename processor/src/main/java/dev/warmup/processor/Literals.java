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
        // The fewest significant digits that round-trip. If p digits do, so do p + 1 (the p-digit decimals are
        // among the (p + 1)-digit ones, and rounding picks the nearest), so a binary search finds the fewest.
        BigDecimal exact = new BigDecimal(value);
        int low = 1;
        int high = 17;
        BigDecimal shortest = round(exact, high);
        while (low < high) {
            int middle = (low + high) / 2;
            BigDecimal rounded = round(exact, middle);
            if (Double.parseDouble(rounded.toString()) == value) {
                shortest = rounded;
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return format(shortest.stripTrailingZeros());
    }

    private static BigDecimal round(BigDecimal exact, int digits) {
        return exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
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
        String sign = value.signum() < 0 ? "-" : "";
        String digits = value.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - value.scale();
        if (exponent >= -3 && exponent < 7) {
            String plain = value.abs().toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.length() == 1 ? digits + ".0" : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "E" + exponent;
    }
}
