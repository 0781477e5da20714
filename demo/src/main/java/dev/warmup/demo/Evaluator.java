package dev.warmup.demo;

/**
 * Measures a network on a whole data set (mean loss and accuracy), in chunks of the network's largest batch read
 * straight from the data set's arrays: no copy, no allocation, so it can run inside the training loop.
 */
final class Evaluator {

    private final Mlp network;
    private final Dataset data;
    private double lastLoss;
    private double lastAccuracy;

    Evaluator(Mlp network, Dataset data) {
        if (network.inputSize() != data.featureCount() || network.outputSize() != data.classCount()) {
            throw new IllegalArgumentException("the network's shape does not fit the data");
        }
        this.network = network;
        this.data = data;
    }

    /** Runs the network over every example; read the results with {@link #loss()} and {@link #accuracy()}. */
    void evaluate() {
        double lossSum = 0;
        int correct = 0;
        for (int first = 0; first < data.size(); first += network.maxBatchSize()) {
            int count = Math.min(network.maxBatchSize(), data.size() - first);
            double[][] logits = network.forward(data.features(), first, count);
            lossSum += count * SoftmaxCrossEntropy.loss(logits, data.labels(), first, count, null);
            correct += SoftmaxCrossEntropy.countCorrect(logits, data.labels(), first, count);
        }
        lastLoss = lossSum / data.size();
        lastAccuracy = (double) correct / data.size();
    }

    /** The mean loss over the data set at the last {@link #evaluate()}. */
    double loss() {
        return lastLoss;
    }

    /** The share of examples classified right at the last {@link #evaluate()}. */
    double accuracy() {
        return lastAccuracy;
    }
}
