package dev.warmup.demo;

import java.util.Locale;
import org.apache.commons.statistics.interval.BinomialConfidenceInterval;
import org.apache.commons.statistics.interval.Interval;

/**
 * How many runs of an arm did something (diverged, collapsed), out of how many, with the 95 % Wilson score interval
 * of the rate: where the rate of the arm over all seeds lies, given these seeds. Wilson's interval rather than
 * "p ± 1.96 sd" because it stays inside 0 to 100 % and says something at 0 of n (0 of 10 is 0 to 28 %).
 *
 * @param count the runs that did it
 * @param runs the runs of the arm
 */
record Proportion(int count, int runs) {

    /** One minus the confidence level: a 95 % interval. */
    static final double ALPHA = 0.05;

    Proportion {
        if (runs < 1 || count < 0 || count > runs) {
            throw new IllegalArgumentException(count + " of " + runs + " runs");
        }
    }

    Interval interval() {
        return BinomialConfidenceInterval.WILSON_SCORE.fromErrorRate(runs, count, ALPHA);
    }

    /** "23/100 (16–32 %)": the count, and the interval in whole percent. */
    String format() {
        Interval interval = interval();
        return String.format(Locale.ROOT, "%d/%d (%.0f–%.0f %%)", count, runs, 100 * interval.getLowerBound(),
                100 * interval.getUpperBound());
    }
}
