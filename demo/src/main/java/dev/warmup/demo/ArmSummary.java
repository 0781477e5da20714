package dev.warmup.demo;

import java.util.Arrays;
import java.util.Locale;

/**
 * What the runs of one arm measured, over seeds. Losses and accuracy cover the runs that did not diverge (collapsed
 * ones included); steps to target cover the runs that reached it; the counts say how many that is.
 *
 * @param divergenceSteps the step at which each diverged run diverged, in increasing order
 */
record ArmSummary(Arm arm, Proportion diverged, Proportion collapsed, long[] divergenceSteps, Spread peakLoss,
        Spread finalTrainLoss, Spread testAccuracy, Spread stepsToTarget) {

    static ArmSummary of(Arm arm, RunResult[] runs, TrainingSettings settings) {
        int collapsed = 0;
        double[] peaks = new double[runs.length];
        double[] losses = new double[runs.length];
        double[] accuracies = new double[runs.length];
        double[] stepsToTarget = new double[runs.length];
        for (int i = 0; i < runs.length; i++) {
            RunResult run = runs[i];
            if (run.collapsed(settings.collapseLoss())) {
                collapsed++;
            }
            peaks[i] = run.peakLoss();
            losses[i] = run.finalTrainLoss();
            accuracies[i] = run.testAccuracy();
            stepsToTarget[i] = run.reachedTarget() ? run.stepsToTarget() : Double.NaN;
        }
        long[] divergenceSteps = Arrays.stream(runs).filter(RunResult::diverged).mapToLong(RunResult::divergedAtStep)
                .sorted().toArray();
        return new ArmSummary(arm, new Proportion(divergenceSteps.length, runs.length),
                new Proportion(collapsed, runs.length), divergenceSteps, Spread.of(peaks), Spread.of(losses),
                Spread.of(accuracies), Spread.of(stepsToTarget));
    }

    /** "14 (9–33)": the median step at which runs diverged and the first and last; "n/a" if none did. */
    String formatDivergenceSteps() {
        int n = divergenceSteps.length;
        if (n == 0) {
            return "n/a";
        }
        if (n == 1) {
            return Long.toString(divergenceSteps[0]);
        }
        double median = (divergenceSteps[(n - 1) / 2] + divergenceSteps[n / 2]) / 2.0;
        return String.format(Locale.ROOT, "%.0f (%d–%d)", median, divergenceSteps[0], divergenceSteps[n - 1]);
    }
}
