package dev.warmup.demo;

/** Turns the per-step losses of an arm's runs into the curve a chart shows. */
final class LossCurves {

    private LossCurves() {}

    /**
     * The mean minibatch loss at each step over the runs still training at that step: a run that diverged drops out
     * from its divergence on (the charts' legends say how many did). NaN where every run had diverged.
     */
    static double[] meanOverRuns(RunResult[] runs) {
        int steps = runs[0].stepLosses().length;
        double[] mean = new double[steps];
        for (int s = 0; s < steps; s++) {
            double sum = 0;
            int count = 0;
            for (RunResult run : runs) {
                double loss = run.stepLosses()[s];
                if (!Double.isNaN(loss)) {
                    sum += loss;
                    count++;
                }
            }
            mean[s] = count > 0 ? sum / count : Double.NaN;
        }
        return mean;
    }

    /**
     * Averages consecutive groups of {@code width} values, so that a small-batch curve gets one point per as many
     * examples as a large-batch step sees. A group with a NaN is NaN.
     */
    static double[] groupMeans(double[] values, int width) {
        if (width < 1) {
            throw new IllegalArgumentException("width must be >= 1, was " + width);
        }
        double[] means = new double[values.length / width];
        for (int g = 0; g < means.length; g++) {
            double sum = 0;
            for (int k = g * width; k < (g + 1) * width; k++) {
                sum += values[k];
            }
            means[g] = sum / width;
        }
        return means;
    }
}
