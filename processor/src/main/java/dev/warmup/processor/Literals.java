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
        BigDecimal exact = new BigDecimal(value);
        for (int digits = 1; digits <= 17; digits++) {
            BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (Double.parseDouble(rounded.toString()) == value) {
                return format(rounded.stripTrailingZeros());
            }
        }
        throw new AssertionError("17 significant digits always round-trip: " + value);
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
