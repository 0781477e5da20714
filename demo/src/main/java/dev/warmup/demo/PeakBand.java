package dev.warmup.demo;

import dev.warmup.StepLr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the band of peak rates at which the demo's gradual warmup trains well on the digits: the schedule of
 * {@code ExperimentSchedules.GradualWarmup} scaled to each peak ({@code peak * factor(step)}: the same warmup length
 * and milestones), 10 seeds each, as the experiment runs its arms. The range test's suggestion is checked against
 * the band this prints ({@code RangeTestTest}). Run with:
 *
 * <pre>{@code
 * mvn -q -DskipTests -pl processor,demo -am package exec:java -Dexec.args=peak-band
 * }</pre>
 */
final class PeakBand {

    /**
     * The band as measured: the lowest and the highest of {@link #PEAKS} at which no run of 10 diverged or collapsed
     * and the mean test accuracy was at least 95 % (docs/range-test.md has the table).
     */
    static final double BAND_LOW = 0.05;
    static final double BAND_HIGH = 0.2;

    /** The peaks tried, about 1.6 times apart. */
    static final double[] PEAKS = {0.005, 0.01, 0.02, 0.03, 0.05, 0.08, 0.1, 0.15, 0.2, 0.3, 0.5, 0.8, 1.2};

    private PeakBand() {}

    public static void main(String[] args) {
        Dataset.Split data = DigitsCsv.load().split(WarmupExperiment.TEST_FRACTION, WarmupExperiment.SPLIT_SEED);
        TrainingSettings settings = WarmupExperiment.SETTINGS;
        StepLr gradual = ExperimentSchedules_GradualWarmupStepLr.INSTANCE;
        List<Arm> arms = new ArrayList<>();
        for (double peak : PEAKS) {
            arms.add(new Arm(String.format(Locale.ROOT, "gradual warmup to %s", peak),
                    step -> peak * gradual.factor(step), ExperimentSchedules.LARGE_BATCH,
                    ExperimentSchedules.LARGE_BATCH_STEPS));
        }
        Map<Arm, RunResult[]> results = ExperimentRunner.runAll(arms, data, settings, WarmupExperiment.DEFAULT_SEEDS);
        System.out.printf(Locale.ROOT, "%-26s  %8s  %9s  %15s  %12s%n", "schedule", "diverged", "collapsed",
                "test accuracy %", "runs >= 95 %");
        for (Arm arm : arms) {
            RunResult[] runs = results.get(arm);
            ArmSummary summary = ArmSummary.of(arm, runs, settings);
            long reached = java.util.Arrays.stream(runs).filter(r -> r.testAccuracy() >= 0.95).count();
            System.out.printf(Locale.ROOT, "%-26s  %5d/%d  %6d/%d  %15s  %9d/%d%n", arm.name(),
                    summary.diverged().count(), runs.length, summary.collapsed().count(), runs.length,
                    summary.testAccuracy().scaled(100).format("%.1f"), reached, runs.length);
        }
    }
}
