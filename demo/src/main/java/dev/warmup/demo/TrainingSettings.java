package dev.warmup.demo;

import java.util.Arrays;

/**
 * What every arm of the experiment shares: the network's shape, the optimiser, and how runs are judged.
 *
 * @param hiddenLayers the widths of the hidden layers
 * @param momentum SGD momentum (0 for plain SGD)
 * @param evaluateEveryExamples how often test accuracy is measured, in training examples seen, so that arms with
 *     different batch sizes are measured at the same points of training
 * @param targetAccuracy the test accuracy whose first crossing gives "steps to target"
 * @param divergenceLoss a minibatch loss above this (or not finite) counts as divergence and ends the run
 * @param collapseLoss a run that ends with a training loss above this has collapsed: it learned (next to) nothing
 */
record TrainingSettings(int[] hiddenLayers, double momentum, int evaluateEveryExamples, double targetAccuracy,
        double divergenceLoss, double collapseLoss) {

    TrainingSettings {
        hiddenLayers = hiddenLayers.clone();
    }

    @Override
    public int[] hiddenLayers() {
        return hiddenLayers.clone();
    }

    /** Returns the layer sizes of the network for {@code data}: its features, the hidden layers, its classes. */
    int[] layerSizes(Dataset data) {
        int[] sizes = new int[hiddenLayers.length + 2];
        sizes[0] = data.featureCount();
        System.arraycopy(hiddenLayers, 0, sizes, 1, hiddenLayers.length);
        sizes[sizes.length - 1] = data.classCount();
        return sizes;
    }

    @Override
    public String toString() {
        return "hidden layers " + Arrays.toString(hiddenLayers) + ", momentum " + momentum;
    }
}
