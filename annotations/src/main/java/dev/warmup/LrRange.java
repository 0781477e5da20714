package dev.warmup;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The schedule of a learning-rate range test, generated from {@link LrRangeTest}: the exponential ramp of
 * {@link #lr(long)} over {@link #steps()} steps, and the schedule annotation beside it, to be written with the rate
 * the test suggests. {@link LrFinder} runs the test over it.
 */
public interface LrRange extends StepLr {

    /**
     * Returns the number of steps N of the test: {@link LrRangeTest#steps()}.
     *
     * @return N; the test takes steps 0 to {@code N - 1}
     */
    long steps();

    /**
     * Returns the schedule annotation beside {@link LrRangeTest}, as written, with its peak attribute
     * ({@code initLr}, {@code maxLr}, {@code baseLr}) set for a peak rate of {@code peakLr}, rounded by
     * {@link #literal(double)}: {@code @WarmupSchedule(steps = 80, initLr = 0.0631)}. With the linear scaling rule of
     * {@link WarmupSchedule}, {@code initLr} is {@code peakLr * referenceBatchSize / batchSize}, the rate whose scaled
     * value is {@code peakLr}.
     *
     * @param peakLr the peak rate, for a run at the batch size of the test
     * @return the annotation, or "" if {@link LrRangeTest} has no schedule annotation beside it
     */
    String annotationFor(double peakLr);

    /**
     * Returns a rate as a Java literal rounded to 3 significant digits (half even): {@code 0.0631}, {@code 1.26E-4}.
     * A suggestion of the range test is one rate of a grid whose steps are {@code (endLr / startLr)^(1 / N)} apart
     * (20 % for fastai's defaults), a choice within a band: more digits would claim a precision it does not have.
     * Plain decimal from 1e-3 to below 1e7, scientific notation outside, as {@link Double#toString(double)}; the same
     * text on every JDK.
     *
     * @param rate a finite rate {@code > 0}
     * @return the rounded rate as a Java {@code double} literal
     * @throws IllegalArgumentException if {@code rate} is not finite and {@code > 0}
     */
    static String literal(double rate) {
        if (!(rate > 0 && rate < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("a rate must be finite and > 0, was " + rate);
        }
        BigDecimal rounded = new BigDecimal(rate).round(new MathContext(3, RoundingMode.HALF_EVEN))
                .stripTrailingZeros();
        String digits = rounded.unscaledValue().toString();
        int exponent = digits.length() - 1 - rounded.scale();
        if (exponent >= -3 && exponent < 7) {
            String plain = rounded.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        String mantissa = digits.length() == 1 ? digits + ".0" : digits.charAt(0) + "." + digits.substring(1);
        return mantissa + "E" + exponent;
    }
}
