package dev.warmup.demo;

import dev.warmup.LrFinder;
import dev.warmup.LrRange;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo: trains the warmup experiment on the digits data, prints the results table, the replayed simulation of
 * the warmup write-up (the text on warmup that this project summarises) and a learning-rate range test, and writes
 * the charts under
 * {@code target/warmup-demo/} of the working directory.
 */
public final class Main {

    /** Where the charts go, relative to the directory the demo runs in (for exec:java, where mvn was started). */
    static final Path OUTPUT_DIRECTORY = Path.of("target", "warmup-demo");

    /**
     * The schedules charted beside the experiment's, named for a reader who knows the README only. Legend lines of at
     * most about 50 characters: XChart cuts longer ones.
     */
    static final List<Charts.ReferenceSchedule> REFERENCE_SCHEDULES = List.of(
            new Charts.ReferenceSchedule("README's example (Cifar10):\nwarmup 2,500 steps to 0.1, then x0.9999 a step",
                    Schedules_Cifar10StepLr.INSTANCE, 30_000),
            new Charts.ReferenceSchedule("ResNet-110, constant warmup", Schedules_ResNet110StepLr.INSTANCE, 64_000),
            new Charts.ReferenceSchedule("nanoGPT, cosine", Schedules_NanoGptStepLr.INSTANCE, 20_000),
            new Charts.ReferenceSchedule("simulation in the write-up this project summarises:\nwarmup 2,500 steps"
                    + " to 0.1, then lr = lr^1.0001 a step", Schedules_WriteupSimulationStepLr.INSTANCE,
                    WriteupReplay.TOTAL_STEPS - 1));

    /** The seed count of the run whose table docs/demo.md quotes. */
    static final int QUOTED_SEEDS = 100;

    private Main() {}

    /**
     * Runs the demo over {@value WarmupExperiment#DEFAULT_SEEDS} seeds, or as many as {@code --seeds N} says; with
     * the argument {@code peak-band}, measures the band of {@link PeakBand} instead.
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 1 && args[0].equals("peak-band")) {
            PeakBand.main(args);
            return;
        }
        run(seeds(args), System.out);
    }

    /** The seed count of {@code --seeds N}, or the default when there are no arguments. */
    static int seeds(String[] args) {
        if (args.length == 0) {
            return WarmupExperiment.DEFAULT_SEEDS;
        }
        if (args.length == 2 && args[0].equals("--seeds") && args[1].matches("[0-9]{1,6}")
                && Integer.parseInt(args[1]) >= 1) {
            return Integer.parseInt(args[1]);
        }
        throw new IllegalArgumentException("arguments " + Arrays.toString(args) + " are not understood: run with no"
                + " arguments (" + WarmupExperiment.DEFAULT_SEEDS + " seeds), with --seeds N for N seeds (1 to"
                + " 999999), or with peak-band");
    }

    private static void run(int seeds, PrintStream out) throws IOException {
        long start = System.nanoTime();

        Dataset.Split data = DigitsCsv.load().split(WarmupExperiment.TEST_FRACTION, WarmupExperiment.SPLIT_SEED);
        int trainSize = data.train().size();
        TrainingSettings settings = WarmupExperiment.SETTINGS;
        out.printf(Locale.ROOT, "Digits: %d training and %d test images of 8x8 pixels scaled to [0, 1];"
                + " MLP %s with ReLU and He initialisation, SGD with momentum %s; %d seeds per schedule.%n",
                trainSize, data.test().size(), Arrays.toString(settings.layerSizes(data.train())),
                settings.momentum(), seeds);

        long trainingStart = System.nanoTime();
        Map<Arm, RunResult[]> results = ExperimentRunner.runAll(WarmupExperiment.ARMS, data, settings, seeds);
        out.printf(Locale.ROOT, "Trained %d runs in %.1f s.%n", WarmupExperiment.ARMS.size() * seeds,
                (System.nanoTime() - trainingStart) / 1e9);
        Map<Arm, ArmSummary> summaries = new LinkedHashMap<>();
        results.forEach((arm, runs) -> summaries.put(arm, ArmSummary.of(arm, runs, settings)));

        WriteupReplay.print(Schedules_WriteupSimulationStepLr.INSTANCE,
                OUTPUT_DIRECTORY.resolve("writeup-replay.txt").toAbsolutePath(), out);

        LrRange range = ExperimentSchedules_GradualWarmupLrRange.INSTANCE;
        LrFinder finder = RangeTest.run(range, data, settings, ExperimentSchedules.LARGE_BATCH, RangeTest.SEED);
        RangeTest.report(range, finder, ExperimentSchedules.LARGE_BATCH,
                OUTPUT_DIRECTORY.resolve("range-test.txt").toAbsolutePath(), out);

        Charts charts = new Charts(OUTPUT_DIRECTORY.toAbsolutePath(), WarmupExperiment.ARMS, trainSize,
                settings.collapseLoss());
        List<Arm> warmupArms = WarmupExperiment.COMPARISONS.get(0).arms();
        List<Arm> scalingArms = WarmupExperiment.COMPARISONS.get(1).arms();
        Path lr = charts.learningRates(warmupArms, scalingArms, REFERENCE_SCHEDULES);
        Path loss = charts.trainingLoss(warmupArms, scalingArms, results);
        Path rangeChart = charts.rangeTest(finder, PeakBand.BAND_LOW, PeakBand.BAND_HIGH);
        out.println();
        out.println("Charts (PNG, and one SVG per panel beside them):");
        out.println("  " + lr);
        out.println("  " + loss);
        out.println("  " + rangeChart);
        out.printf(Locale.ROOT, "Done in %.1f s.%n", (System.nanoTime() - start) / 1e9);

        // The results last, where the terminal leaves them in view.
        out.println();
        out.printf(Locale.ROOT, "Results over %d seeds. Diverged: a minibatch loss above %.1f or not finite, which"
                + " ends the run; with the step at which it did (steps count from 0). Collapsed: did not diverge but"
                + " ended with a training loss above %.2f, less than 10 %% below a uniform guess's. Both with the 95 %%"
                + " Wilson score interval of their rate. Peak loss (the largest minibatch loss), final training loss"
                + " (whole training set) and test accuracy: mean ± std over the runs that did not diverge. Steps to"
                + " target: over the runs that reached it, test accuracy checked every %d examples.%n%n", seeds,
                settings.divergenceLoss(), settings.collapseLoss(), settings.evaluateEveryExamples());
        ResultTable.print(WarmupExperiment.COMPARISONS, summaries, trainSize, settings, out);
        if (seeds < QUOTED_SEEDS) {
            out.printf(Locale.ROOT, "%nThe intervals narrow with more seeds: docs/demo.md quotes a run over %d"
                    + " (-Dexec.args=\"--seeds %d\").%n", QUOTED_SEEDS, QUOTED_SEEDS);
        }
    }
}
