package dev.warmup.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warmup.LrFinder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The charts render without a display and are written as PNG and SVG, diverged runs included. */
class ChartsTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G'};

    @Test
    void writesPngAndSvgHeadless(@TempDir Path directory) throws IOException {
        Arm large = WarmupExperiment.GRADUAL_WARMUP;
        Arm small = WarmupExperiment.SMALL_BATCH_REFERENCE;
        Map<Arm, RunResult[]> results = Map.of(large, new RunResult[] {run(large.steps(), -1), run(large.steps(), 3)},
                small, new RunResult[] {run(small.steps(), -1)});
        Charts charts = new Charts(directory, List.of(small, large), 1438, 2.07);

        Path lr = charts.learningRates(List.of(large), List.of(small, large), List.of(
                new Charts.ReferenceSchedule("README's example", Schedules_Cifar10StepLr.INSTANCE, 30_000)));
        Path loss = charts.trainingLoss(List.of(large), List.of(small, large), results);

        LrFinder finder = RangeTestTest.finderOf(new double[] {3, 2.9, 2.7, 2.4, 2.0, 1.7, 1.6, 1.8, 2.5, 4, 9});
        Path range = charts.rangeTest(finder, 0.05, 0.2);

        for (Path png : List.of(lr, loss, range)) {
            assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(Files.readAllBytes(png), 4), png.toString());
        }
        for (String svg : List.of("demo-lr-warmup.svg", "demo-lr-literature.svg", "demo-loss-scaling.svg",
            "range-test-curve.svg")) {
            assertTrue(Files.readString(directory.resolve(svg)).contains("<svg"), svg);
        }
    }

    @Test
    void legendSaysWhichRunsTheMeanAveragesAfterDivergence() {
        Arm arm = WarmupExperiment.CONSTANT_WARMUP;
        RunResult[] runs = {run(arm.steps(), 83), run(arm.steps(), -1), run(arm.steps(), 81), run(arm.steps(), -1),
            run(arm.steps(), 82)};
        assertEquals(arm.name() + "\n(3/5 diverged by step 83;\nfrom then on, the mean of the 2 left)",
                Charts.legend(arm, runs, 2.07));
        assertEquals(arm.name() + "\n(1/1 diverged by step 5)", Charts.legend(arm, new RunResult[] {run(10, 5)}, 2.07));
        assertEquals(arm.name(), Charts.legend(arm, new RunResult[] {run(10, -1)}, 2.07));
    }

    /** A run whose loss falls as 1 / (step + 1), diverged from {@code divergedAt} on if that is >= 0. */
    private static RunResult run(int steps, int divergedAt) {
        double[] losses = new double[steps];
        for (int s = 0; s < steps; s++) {
            losses[s] = divergedAt >= 0 && s >= divergedAt ? Double.NaN : 1.0 / (s + 1);
        }
        return divergedAt >= 0
                ? new RunResult(losses, divergedAt, Double.NaN, Double.NaN, Double.NaN, -1)
                : new RunResult(losses, -1, 1, 0.01, 0.97, 50);
    }
}
