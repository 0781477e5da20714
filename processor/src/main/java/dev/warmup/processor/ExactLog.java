package dev.warmup.processor;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The natural logarithm of a double, to 60 significant digits, in decimal arithmetic: for the exponential shapes'
 * rate per step, rounded once to the same double on every JDK. {@code x = m * 2^e} with m in [0.75, 1.5), both exact,
 * then {@code ln x = e ln 2 + ln m} and {@code ln m = 2 atanh((m - 1) / (m + 1))} by its series, whose ratio is at most
 * 0.04 (ln 2 the same way, from {@code ln 2 = 2 atanh(1/3)}). The JDK's BigDecimal has no logarithm; big-math
 * ({@code ch.obermuhlner:big-math}) has one, but for this one function the processor takes no dependency onto its
 * users' annotation-processor path.
 */
final class ExactLog {

    private static final MathContext DIGITS = new MathContext(70);

    /** ln 2, once. */
    private static final BigDecimal LN_2 = twiceAtanh(BigDecimal.ONE.divide(BigDecimal.valueOf(3), DIGITS));

    private ExactLog() {}

    /** ln x, for a finite {@code x > 0}, to 60 digits. */
    static BigDecimal ln(double x) {
        if (!(x > 0) || !Double.isFinite(x)) {
            throw new IllegalArgumentException("ln of " + x);
        }
        int scale = 0;
        if (x < Double.MIN_NORMAL) {
            x *= 0x1p54; // a subnormal: made normal, exactly
            scale = -54;
        }
        int exponent = Math.getExponent(x);
        double m = Math.scalb(x, -exponent); // in [1, 2), exact
        if (m >= 1.5) {
            m /= 2;
            exponent++;
        }
        BigDecimal mantissa = new BigDecimal(m);
        BigDecimal z = mantissa.subtract(BigDecimal.ONE).divide(mantissa.add(BigDecimal.ONE), DIGITS);
        return LN_2.multiply(BigDecimal.valueOf(exponent + scale), DIGITS).add(twiceAtanh(z), DIGITS)
                .round(new MathContext(60));
    }

    /** {@code 2 atanh z = 2 (z + z^3/3 + z^5/5 + ...)} for {@code |z| <= 1/3}, to the working precision. */
    private static BigDecimal twiceAtanh(BigDecimal z) {
        BigDecimal z2 = z.multiply(z, DIGITS);
        BigDecimal power = z;
        BigDecimal sum = z;
        BigDecimal negligible = z.abs().movePointLeft(DIGITS.getPrecision());
        for (int k = 3; power.abs().compareTo(negligible) > 0; k += 2) {
            power = power.multiply(z2, DIGITS);
            sum = sum.add(power.divide(BigDecimal.valueOf(k), DIGITS), DIGITS);
        }
        return sum.multiply(BigDecimal.valueOf(2));
    }
}
