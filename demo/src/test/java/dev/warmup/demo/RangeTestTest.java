package dev.warmup.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warmup.LrFinder;
import dev.warmup.LrRange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The learning-rate range test on the digits, run once as the demo runs it: its suggestion against the band of peaks
 * at which the demo's gradual warmup trains well, which {@link PeakBand} measured (10 seeds a peak; the table is in
 * docs/range-test.md).
 */
class RangeTestTest {

    private static final LrRange RANGE = ExperimentSchedules_GradualWarmupLrRange.INSTANCE;
    private static LrFinder finder;

    @BeforeAll
    static void runTheTest() {
        Dataset.Split data = DigitsCsv.load().split(WarmupExperiment.TEST_FRACTION, WarmupExperiment.SPLIT_SEED);
        finder = RangeTest.run(RANGE, data, WarmupExperiment.SETTINGS, ExperimentSchedules.LARGE_BATCH,
                RangeTest.SEED);
    }

    /** fastai's steep, the rate where the loss falls fastest, is a peak at which the gradual warmup trains well. */
    @Test
    void theSteepestDescentIsInTheBand() {
        double steep = finder.suggest().steep();
        assertTrue(steep >= PeakBand.BAND_LOW && steep <= PeakBand.BAND_HIGH, "steep " + steep + " is outside ["
                + PeakBand.BAND_LOW + ", " + PeakBand.BAND_HIGH + "]");
    }

    /**
     * fastai's default, valley, is far below the band here (docs/range-test.md says so and why): a peak at which the
     * gradual warmup undertrains. Should it move into the band, the docs are to be written again.
     */
    @Test
    void theValleyIsBelowTheBand() {
        double valley = finder.suggest().valley();
        assertTrue(valley < PeakBand.BAND_LOW / 10, "valley " + valley);
    }

    /** The annotation to write is the gradual warmup's, as written, with the valley for initLr. */
    @Test
    void theAnnotationToWriteIsTheGradualWarmupsWithTheSuggestedPeak() {
        assertEquals("@WarmupSchedule(steps = 80, initLr = " + LrRange.literal(finder.suggest().valley())
                + ", decay = Decay.MULTISTEP, milestones = {100, 150})", finder.annotation());
    }

    /** A finder of a 10-step range from 1e-3 up by 10 times a step that recorded {@code losses}, for charts. */
    static LrFinder finderOf(double[] losses) {
        LrRange range = new LrRange() {
            @Override
            public double lr(long step) {
                return 1e-3 * Math.pow(10, step / 2.0);
            }

            @Override
            public long steps() {
                return losses.length;
            }

            @Override
            public String annotationFor(double peakLr) {
                return "";
            }
        };
        LrFinder finder = new LrFinder(range);
        for (int step = 0; step < losses.length && finder.record(step, losses[step]); step++) {
            // recorded
        }
        return finder;
    }

    /** fastai's defaults: 1e-7 to 10 over 100 steps. */
    @Test
    void theRangeIsFastaisDefault() {
        assertEquals(100, RANGE.steps());
        assertEquals(1e-7, RANGE.lr(0), 1e-7 * 1e-14);
        assertEquals(10.0, RANGE.lr(100));
    }
}
