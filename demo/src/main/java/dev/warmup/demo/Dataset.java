package dev.warmup.demo;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Labelled examples as flat arrays, the layout the network reads without copying: example {@code e} is
 * {@code features[e * featureCount .. (e + 1) * featureCount)} with class {@code labels[e]}.
 *
 * @param features row-major features, {@code size() * featureCount} values
 * @param labels one class in {@code [0, classCount)} per example
 * @param featureCount values per example
 * @param classCount number of classes
 */
record Dataset(double[] features, int[] labels, int featureCount, int classCount) {

    Dataset {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(labels, "labels");
        if (featureCount <= 0 || classCount <= 1) {
            throw new IllegalArgumentException("featureCount " + featureCount + ", classCount " + classCount);
        }
        if (features.length != labels.length * featureCount) {
            throw new IllegalArgumentException(
                    features.length + " feature values for " + labels.length + " examples of " + featureCount);
        }
        for (int label : labels) {
            if (label < 0 || label >= classCount) {
                throw new IllegalArgumentException("label " + label + " outside [0, " + classCount + ")");
            }
        }
    }

    /** Returns the number of examples. */
    int size() {
        return labels.length;
    }

    /**
     * Splits into a training and a test set by a shuffle drawn from {@code seed}, so that every run of the demo, on
     * every machine, trains and tests on the same examples.
     *
     * @param testFraction the share of examples held out for testing, in (0, 1)
     */
    Split split(double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1), was " + testFraction);
        }
        int[] order = new int[size()];
        Arrays.setAll(order, i -> i);
        Shuffle.inPlace(order, new SplittableRandom(seed));
        int testSize = (int) Math.round(size() * testFraction);
        return new Split(select(order, testSize, size()), select(order, 0, testSize));
    }

    private Dataset select(int[] order, int from, int to) {
        double[] selectedFeatures = new double[(to - from) * featureCount];
        int[] selectedLabels = new int[to - from];
        for (int i = from; i < to; i++) {
            System.arraycopy(features, order[i] * featureCount, selectedFeatures, (i - from) * featureCount,
                    featureCount);
            selectedLabels[i - from] = labels[order[i]];
        }
        return new Dataset(selectedFeatures, selectedLabels, featureCount, classCount);
    }

    /** Returns a copy with every feature value multiplied by {@code factor}. */
    Dataset scaled(double factor) {
        double[] scaledFeatures = features.clone();
        for (int i = 0; i < scaledFeatures.length; i++) {
            scaledFeatures[i] *= factor;
        }
        return new Dataset(scaledFeatures, labels, featureCount, classCount);
    }

    /** A training set and the test set held out from it. */
    record Split(Dataset train, Dataset test) {}
}
