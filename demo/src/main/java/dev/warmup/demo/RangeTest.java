package dev.warmup.demo;

import dev.warmup.LrFinder;
import dev.warmup.LrRange;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The learning-rate range test on the digits, as a user runs it before choosing a peak: the gradual warmup's network
 * and batch (seed {@value #SEED}'s initial network and minibatch order, SGD with momentum), trained at the rates of
 * {@code ExperimentSchedules_GradualWarmupLrRange} (the {@code @LrRangeTest} beside {@code @WarmupSchedule} on
 * {@code ExperimentSchedules.GradualWarmup}) until {@link LrFinder} stops it. The network is thrown away after: the
 * test ends by blowing it up.
 */
final class RangeTest {

    /** The seed of the network and the minibatch order: the experiment's first. */
    static final long SEED = 1;

    private RangeTest() {}

    /** Runs the test from seed {@code seed}'s network and minibatches; the finder holds its curve. */
    static LrFinder run(LrRange range, Dataset.Split data, TrainingSettings settings, int batchSize, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        // the same draws as TrainingRun's: the network of the experiment's runs of this seed, their minibatches
        Mlp network = new Mlp(settings.layerSizes(data.train()), batchSize);
        network.initialiseHe(random.split());
        Trainer trainer = new Trainer(network, new SgdMomentum(network.parameters(), settings.momentum()),
                data.train(), range, batchSize, random.split());
        LrFinder finder = new LrFinder(range);
        for (long step = 0; finder.record(step, trainer.step()); step++) {
            // the finder says when to stop
        }
        return finder;
    }

    /**
     * Writes the curve (step, rate, smoothed loss) to {@code curveFile}, and prints what the test found: the
     * suggestions, where they fall against the band of {@link PeakBand}, and the annotation to write for each.
     */
    static void report(LrRange range, LrFinder finder, int batchSize, Path curveFile, PrintStream out)
            throws IOException {
        StringBuilder curve = new StringBuilder("step  lr          smoothed loss\n");
        for (int i = 0; i < finder.recorded(); i++) {
            curve.append(String.format(Locale.ROOT, "%4d  %-10.4g  %.4f%n", i, finder.lr(i), finder.smoothedLoss(i)));
        }
        Files.createDirectories(curveFile.getParent());
        Files.writeString(curveFile, curve);
        LrFinder.Suggestion suggestion = finder.suggest();
        out.printf(Locale.ROOT, "Learning-rate range test, %s, at batch %d from seed %d's network: %d of %d steps%s;"
                + " its curve is in %s.%n", range, batchSize, SEED, finder.recorded(), range.steps(),
                finder.diverged() ? " (stopped when the smoothed loss passed 4 times its lowest)" : "", curveFile);
        out.printf(Locale.ROOT, "Suggested peaks (fastai's lr_find): %s. The gradual warmup trains well at peaks %s"
                + " to %s (PeakBand): %s; %s.%n", suggestion, PeakBand.BAND_LOW, PeakBand.BAND_HIGH,
                against("steep", suggestion.steep()), against("valley", suggestion.valley()));
        out.println("  valley (fastai's default): " + finder.annotation());
        out.println("  steep:                     " + range.annotationFor(suggestion.steep()));
    }

    /** Where a suggestion falls against the band: {@code steep is inside}, {@code valley is 29 times below}. */
    private static String against(String name, double rate) {
        if (rate < PeakBand.BAND_LOW) {
            return String.format(Locale.ROOT, "%s is %.0f times below", name, PeakBand.BAND_LOW / rate);
        }
        if (rate > PeakBand.BAND_HIGH) {
            return String.format(Locale.ROOT, "%s is %.1f times above", name, rate / PeakBand.BAND_HIGH);
        }
        return name + " is inside";
    }
}
