package dev.warmup.demo;

/**
 * What the runs of one arm measured, over seeds. Losses and accuracy cover the runs that did not diverge (collapsed
 * ones included); steps to
 * target cover the runs that reached it; the counts say how many that is.
 */
record ArmSummary(Arm arm, int runs, int diverged, int collapsed, Spread peakLoss, Spread finalTrainLoss,
        Spread testAccuracy, Spread stepsToTarget) {

    static ArmSummary of(Arm arm, RunResult[] runs, TrainingSettings settings) {
        int diverged = 0;
        int collapsed = 0;
        double[] peaks = new double[runs.length];
        double[] losses = new double[runs.length];
        double[] accuracies = new double[runs.length];
        double[] stepsToTarget = new double[runs.length];
        for (int i = 0; i < runs.length; i++) {
            RunResult run = runs[i];
            if (run.diverged()) {
                diverged++;
            }
            if (run.collapsed(settings.collapseLoss())) {
                collapsed++;
            }
            peaks[i] = run.peakLoss();
            losses[i] = run.finalTrainLoss();
            accuracies[i] = run.testAccuracy();
            stepsToTarget[i] = run.reachedTarget() ? run.stepsToTarget() : Double.NaN;
        }
        return new ArmSummary(arm, runs.length, diverged, collapsed, Spread.of(peaks), Spread.of(losses),
                Spread.of(accuracies),
                Spread.of(stepsToTarget));
    }
}
