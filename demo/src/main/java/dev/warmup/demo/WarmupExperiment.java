package dev.warmup.demo;

import static dev.warmup.demo.ExperimentSchedules.LARGE_BATCH;
import static dev.warmup.demo.ExperimentSchedules.LARGE_BATCH_STEPS;
import static dev.warmup.demo.ExperimentSchedules.LARGE_RATE;
import static dev.warmup.demo.ExperimentSchedules.SCALING_FACTOR;
import static dev.warmup.demo.ExperimentSchedules.SMALL_BATCH;
import static dev.warmup.demo.ExperimentSchedules.SMALL_BATCH_STEPS;
import static dev.warmup.demo.ExperimentSchedules.SMALL_RATE;

import java.util.List;
import java.util.Locale;

/**
 * The experiment's design: which arms run, in which comparisons, with which shared settings. The settings are the
 * ones at which the effect of warmup showed clearly in exploratory runs; docs/demo.md has what they give over 100
 * seeds.
 */
final class WarmupExperiment {

    /**
     * Seeds 1..DEFAULT_SEEDS unless the demo is told otherwise; each seed fixes one initial network and one minibatch
     * order, shared by every arm.
     */
    static final int DEFAULT_SEEDS = 10;
    static final long SPLIT_SEED = 2017;
    static final double TEST_FRACTION = 0.2;

    /**
     * Four hidden layers of 64 ReLUs, SGD with momentum 0.9 (as Goyal et al.), test accuracy checked every 1024
     * training examples (4 large or 32 small batches) against a 95 % target. Divergence: a minibatch loss above four
     * times the loss of a uniform guess, 4 ln 10 = 9.2; a network that far off has blown up and, left to run, ends
     * dead (all ReLUs off, loss ln 10) or in NaN. Collapse: a final training loss above 0.9 ln 10 = 2.07.
     */
    static final TrainingSettings SETTINGS = new TrainingSettings(new int[] {64, 64, 64, 64}, 0.9, 1024, 0.95,
            4 * Math.log(DigitsCsv.CLASSES), 0.9 * Math.log(DigitsCsv.CLASSES));

    static final Arm NO_WARMUP = new Arm(format("batch %d, no warmup, lr %s", LARGE_BATCH, LARGE_RATE),
            ExperimentSchedules_NoWarmupStepLr.INSTANCE, LARGE_BATCH, LARGE_BATCH_STEPS);
    static final Arm CONSTANT_WARMUP = new Arm(
            format("batch %d, constant warmup %s → %s", LARGE_BATCH, SMALL_RATE, LARGE_RATE),
            ExperimentSchedules_ConstantWarmupStepLr.INSTANCE, LARGE_BATCH, LARGE_BATCH_STEPS);
    static final Arm GRADUAL_WARMUP = new Arm(format("batch %d, gradual warmup to %s", LARGE_BATCH, LARGE_RATE),
            ExperimentSchedules_GradualWarmupStepLr.INSTANCE, LARGE_BATCH, LARGE_BATCH_STEPS);
    static final Arm SMALL_RATE_BASELINE = new Arm(format("batch %d, small rate %s", LARGE_BATCH, SMALL_RATE),
            ExperimentSchedules_SmallRateStepLr.INSTANCE, LARGE_BATCH, LARGE_BATCH_STEPS);
    static final Arm SMALL_BATCH_REFERENCE = new Arm(format("batch %d, lr %s", SMALL_BATCH, SMALL_RATE),
            ExperimentSchedules_SmallBatchStepLr.INSTANCE, SMALL_BATCH, SMALL_BATCH_STEPS);

    /** Every arm, each once, longest first so that two threads finish together. */
    static final List<Arm> ARMS = List.of(SMALL_BATCH_REFERENCE, GRADUAL_WARMUP, SMALL_RATE_BASELINE,
            CONSTANT_WARMUP, NO_WARMUP);

    /** The two comparisons of the report; an arm may appear in both. */
    static final List<Comparison> COMPARISONS = List.of(
            new Comparison(format("Warmup at a large rate (He et al. 2016, Goyal et al. 2017): batch %d, peak lr %s",
                    LARGE_BATCH, LARGE_RATE),
                    List.of(NO_WARMUP, CONSTANT_WARMUP, GRADUAL_WARMUP, SMALL_RATE_BASELINE)),
            new Comparison(format("Linear scaling rule (Goyal et al. 2017), k = %d: batch %d at lr %s against batch %d"
                    + " at lr %s, same epochs", SCALING_FACTOR, SMALL_BATCH, SMALL_RATE, LARGE_BATCH, LARGE_RATE),
                    List.of(SMALL_BATCH_REFERENCE, NO_WARMUP, GRADUAL_WARMUP)));

    private WarmupExperiment() {}

    /** A titled group of arms that the report shows together. */
    record Comparison(String title, List<Arm> arms) {}

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
