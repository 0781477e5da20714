package dev.warmup.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ArmSummaryTest {

    private static final Arm ARM = new Arm("arm", step -> 0.1, 256, 200);

    /** A run that diverged at {@code step}, or ({@code -1}) ended with a training loss of 0.1. */
    private static RunResult run(long step) {
        return step < 0 ? new RunResult(new double[1], -1, 2.5, 0.1, 0.95, 100)
                : new RunResult(new double[1], step, Double.NaN, Double.NaN, Double.NaN, -1);
    }

    private static ArmSummary summary(long... steps) {
        RunResult[] runs = new RunResult[steps.length];
        for (int i = 0; i < steps.length; i++) {
            runs[i] = run(steps[i]);
        }
        return ArmSummary.of(ARM, runs, WarmupExperiment.SETTINGS);
    }

    @Test
    void divergenceStepsAsTheirMedianAndRange() {
        assertEquals("19 (10–83)", summary(83, -1, 10, 19, -1).formatDivergenceSteps());
        assertEquals("40 (32–48)", summary(48, -1, 32).formatDivergenceSteps(),
                "an even count: the mean of the middle two");
        assertEquals("33", summary(-1, 33).formatDivergenceSteps());
        assertEquals("n/a", summary(-1, -1).formatDivergenceSteps());
    }

    @Test
    void countsOutOfAllRuns() {
        ArmSummary summary = summary(83, -1, 10, 19, -1);
        assertEquals(new Proportion(3, 5), summary.diverged());
        assertEquals(new Proportion(0, 5), summary.collapsed());
    }
}
