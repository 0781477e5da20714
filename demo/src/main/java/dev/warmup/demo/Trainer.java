package dev.warmup.demo;

import dev.warmup.StepLr;
import java.util.SplittableRandom;

/**
 * The hand-written training loop's body: one minibatch SGD step at the rate the schedule gives for the step's number.
 *
 * <p>Minibatches are drawn without replacement from a shuffle of the training set that is redrawn every epoch (a
 * batch that straddles two epochs takes its last examples from the new shuffle), so every step sees exactly
 * {@code batchSize} examples and every example is seen once an epoch. Every buffer is allocated in the constructor:
 * {@link #step()} allocates nothing, which {@code TrainerTest} measures.
 */
final class Trainer {

    private final Mlp network;
    private final SgdMomentum optimizer;
    private final Dataset train;
    private final StepLr schedule;
    private final int batchSize;
    private final SplittableRandom random;
    private final int[] order;
    private final double[] batchFeatures;
    private final int[] batchLabels;
    private final double[][] logitGradients;
    private int nextInOrder;
    private long step;

    /**
     * @param random draws the minibatches; the caller seeds it so that a run can be repeated
     */
    Trainer(Mlp network, SgdMomentum optimizer, Dataset train, StepLr schedule, int batchSize,
            SplittableRandom random) {
        if (batchSize < 1 || batchSize > train.size() || batchSize > network.maxBatchSize()) {
            throw new IllegalArgumentException("batch size " + batchSize + " does not fit the data or the network");
        }
        if (network.inputSize() != train.featureCount() || network.outputSize() != train.classCount()) {
            throw new IllegalArgumentException("the network's shape does not fit the data");
        }
        this.network = network;
        this.optimizer = optimizer;
        this.train = train;
        this.schedule = schedule;
        this.batchSize = batchSize;
        this.random = random;
        this.order = new int[train.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        this.nextInOrder = order.length; // shuffle before the first batch
        this.batchFeatures = new double[batchSize * train.featureCount()];
        this.batchLabels = new int[batchSize];
        this.logitGradients = new double[batchSize][train.classCount()];
    }

    /**
     * Takes one step: the next minibatch forward, its loss, backward, and an SGD update at {@code schedule.lr(step)}.
     *
     * @return the minibatch's mean loss before the update (NaN or infinite once training has diverged)
     */
    double step() {
        fillNextBatch();
        double[][] logits = network.forward(batchFeatures, 0, batchSize);
        double loss = SoftmaxCrossEntropy.loss(logits, batchLabels, 0, batchSize, logitGradients);
        network.backward(logitGradients);
        optimizer.step(network.parameters(), network.gradients(), schedule.lr(step));
        step++;
        return loss;
    }

    /** Returns the number of steps taken, which is also the number of the next step. */
    long stepsTaken() {
        return step;
    }

    private void fillNextBatch() {
        int width = train.featureCount();
        for (int b = 0; b < batchSize; b++) {
            if (nextInOrder == order.length) {
                Shuffle.inPlace(order, random);
                nextInOrder = 0;
            }
            int example = order[nextInOrder++];
            System.arraycopy(train.features(), example * width, batchFeatures, b * width, width);
            batchLabels[b] = train.labels()[example];
        }
    }
}
