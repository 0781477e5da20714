package dev.warmup.processor;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A real constant c kept to about twice a double's precision, in the parts that a product {@code c * n} needs to be
 * computed to about {@code 2^-75} of itself (the cosine's angle, the exponential's exponent): {@code value}, the double
 * the code multiplies by; {@code high}, its top 26 significant bits, so that {@code high * n} is exact for any n of at
 * most 27 significant bits (a whole number below 2^27, or half of n by {@link #SPLITTER}); {@code rest = value - high},
 * exact; and {@code low}, the double nearest {@code c - value}, from c in decimal.
 */
record SplitDouble(double value, double high, double rest, double low) {

    /** 2^27 + 1, Veltkamp's splitter: {@code n SPLITTER - (n SPLITTER - n)} is n rounded to its top 26 bits. */
    static final double SPLITTER = 134217729.0;

    /** {@link #SPLITTER} as a constant of the generated class. */
    static final NamedConstant SPLITTER_CONSTANT = NamedConstant.ofDouble("SPLITTER", SPLITTER,
            "2^27 + 1: n * SPLITTER - (n * SPLITTER - n) is n to its top 26 bits");

    private static final MathContext DIGITS = new MathContext(50);

    /** c given exactly (to 50 digits or more) and the double {@code value} near it. */
    static SplitDouble of(double value, BigDecimal exact) {
        double high = Double.longBitsToDouble(Double.doubleToRawLongBits(value) & 0xFFFF_FFFF_F800_0000L);
        return new SplitDouble(value, high, value - high, exact.subtract(new BigDecimal(value), DIGITS).doubleValue());
    }

    /** c given exactly, its value the double nearest it. */
    static SplitDouble of(BigDecimal exact) {
        return of(exact.doubleValue(), exact);
    }
}
