package dev.warmup.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A run detects divergence and reports it instead of crashing, and a seed fixes a run completely. */
class TrainingRunTest {

    private static Dataset.Split data;

    @BeforeAll
    static void load() {
        data = DigitsCsv.load().split(WarmupExperiment.TEST_FRACTION, WarmupExperiment.SPLIT_SEED);
    }

    @Test
    void absurdRateDivergesAndIsReported() {
        Arm absurd = new Arm("lr 1000", step -> 1000, 64, 100);
        RunResult run = TrainingRun.train(absurd, data, WarmupExperiment.SETTINGS, 1);
        assertTrue(run.diverged());
        assertTrue(run.divergedAtStep() < 10, "diverged at " + run.divergedAtStep());
        assertTrue(Double.isNaN(run.stepLosses()[99]), "losses after divergence are NaN");
        assertTrue(Double.isNaN(run.testAccuracy()));
        assertFalse(run.reachedTarget());
        ArmSummary summary = ArmSummary.of(absurd, new RunResult[] {run, run}, WarmupExperiment.SETTINGS);
        assertEquals(new Proportion(2, 2), summary.diverged());
        assertEquals(new Proportion(0, 2), summary.collapsed(), "a diverged run is not also counted as collapsed");
        assertEquals(run.divergedAtStep() + " (" + run.divergedAtStep() + "–" + run.divergedAtStep() + ")",
                summary.formatDivergenceSteps());
        assertEquals("n/a", summary.testAccuracy().format("%.1f"));
    }

    @Test
    void aRunThatEndsAtChanceHasCollapsed() {
        double collapseLoss = WarmupExperiment.SETTINGS.collapseLoss();
        assertTrue(new RunResult(new double[1], -1, 2.6, Math.log(10), 0.1, -1).collapsed(collapseLoss));
        assertFalse(new RunResult(new double[1], -1, 2.6, 0.05, 0.95, 80).collapsed(collapseLoss));
    }

    @Test
    void sameSeedSameRun() {
        Arm arm = new Arm("small", ExperimentSchedules_SmallRateStepLr.INSTANCE, 64, 60);
        RunResult first = TrainingRun.train(arm, data, WarmupExperiment.SETTINGS, 7);
        RunResult second = TrainingRun.train(arm, data, WarmupExperiment.SETTINGS, 7);
        RunResult other = TrainingRun.train(arm, data, WarmupExperiment.SETTINGS, 8);
        assertFalse(first.diverged());
        assertArrayEquals(first.stepLosses(), second.stepLosses(), 0);
        assertEquals(first.testAccuracy(), second.testAccuracy());
        assertFalse(first.stepLosses()[0] == other.stepLosses()[0], "another seed, another network");
    }
}
