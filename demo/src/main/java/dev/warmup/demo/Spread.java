package dev.warmup.demo;

import java.util.Locale;

/**
 * The mean and the sample standard deviation of a measurement over seeds, and how many seeds it covers.
 *
 * @param count how many values (0 if none: mean and std are then NaN)
 */
record Spread(double mean, double std, int count) {

    /** Summarises the finite values among {@code values}; NaN marks a run that has no such value. */
    static Spread of(double[] values) {
        int count = 0;
        double sum = 0;
        for (double value : values) {
            if (Double.isFinite(value)) {
                count++;
                sum += value;
            }
        }
        if (count == 0) {
            return new Spread(Double.NaN, Double.NaN, 0);
        }
        double mean = sum / count;
        double squares = 0;
        for (double value : values) {
            if (Double.isFinite(value)) {
                squares += (value - mean) * (value - mean);
            }
        }
        double std = count > 1 ? Math.sqrt(squares / (count - 1)) : 0;
        return new Spread(mean, std, count);
    }

    /** The same measurement in other units: mean and std multiplied by {@code factor}. */
    Spread scaled(double factor) {
        return new Spread(mean * factor, std * factor, count);
    }

    /**
     * "mean ± std" with the given {@code String.format} pattern for each; the value alone when there is one (a
     * standard deviation of one value says nothing), "n/a" when there is none.
     */
    String format(String numberPattern) {
        if (count == 0) {
            return "n/a";
        }
        if (count == 1) {
            return String.format(Locale.ROOT, numberPattern, mean);
        }
        return String.format(Locale.ROOT, numberPattern + " ± " + numberPattern, mean, std);
    }
}
