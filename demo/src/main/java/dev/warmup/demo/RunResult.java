package dev.warmup.demo;

/**
 * What one training run (one arm, one seed) measured.
 *
 * @param stepLosses the minibatch loss of every step; NaN from the step where the run diverged on
 * @param divergedAtStep the step at which divergence was detected, or -1
 * @param peakLoss the largest minibatch loss of the run (NaN if diverged): how close it came to blowing up
 * @param finalTrainLoss the mean loss over the whole training set after the last step (NaN if diverged)
 * @param testAccuracy the test set accuracy after the last step (NaN if diverged)
 * @param stepsToTarget the first evaluated step count after which test accuracy reached the target, or -1
 */
record RunResult(double[] stepLosses, long divergedAtStep, double peakLoss, double finalTrainLoss, double testAccuracy,
        long stepsToTarget) {

    boolean diverged() {
        return divergedAtStep >= 0;
    }

    /**
     * Whether the run ended without diverging but with a training loss above {@code collapseLoss} (90 % of
     * ln(classes) in the demo, less than 10 % below a uniform guess's), as when every ReLU has died and the network
     * outputs the same logits for every image.
     */
    boolean collapsed(double collapseLoss) {
        return !diverged() && finalTrainLoss > collapseLoss;
    }

    boolean reachedTarget() {
        return stepsToTarget >= 0;
    }
}
