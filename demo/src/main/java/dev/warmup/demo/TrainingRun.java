package dev.warmup.demo;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Trains one arm from one seed and measures it: the loop that calls {@link Trainer#step()}, watches for divergence,
 * and checks test accuracy at fixed points. The seed decides the initial weights and the minibatch order, so arms
 * run with the same seed start from the same network and see the same examples in the same order: the arms of one
 * seed differ only by their schedule and batch size.
 */
final class TrainingRun {

    /** Examples per forward pass when measuring a whole data set: the network's buffers hold at least this many. */
    private static final int EVALUATION_CHUNK = 256;

    private TrainingRun() {}

    static RunResult train(Arm arm, Dataset.Split data, TrainingSettings settings, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Mlp network = new Mlp(settings.layerSizes(data.train()), Math.max(arm.batchSize(), EVALUATION_CHUNK));
        network.initialiseHe(random.split());
        Trainer trainer = new Trainer(network, new SgdMomentum(network.parameters(), settings.momentum()),
                data.train(), arm.schedule(), arm.batchSize(), random.split());
        Evaluator test = new Evaluator(network, data.test());
        int evaluateEvery = Math.max(1, settings.evaluateEveryExamples() / arm.batchSize());

        double[] losses = new double[arm.steps()];
        double peakLoss = 0;
        long divergedAt = -1;
        long stepsToTarget = -1;
        for (int s = 0; s < arm.steps(); s++) {
            double loss = trainer.step();
            losses[s] = loss;
            if (!(loss <= settings.divergenceLoss())) { // also true for NaN
                divergedAt = s;
                Arrays.fill(losses, s, losses.length, Double.NaN);
                break;
            }
            peakLoss = Math.max(peakLoss, loss);
            if (stepsToTarget < 0 && (s + 1) % evaluateEvery == 0) {
                test.evaluate();
                if (test.accuracy() >= settings.targetAccuracy()) {
                    stepsToTarget = s + 1;
                }
            }
        }
        if (divergedAt >= 0) {
            return new RunResult(losses, divergedAt, Double.NaN, Double.NaN, Double.NaN, -1);
        }
        Evaluator train = new Evaluator(network, data.train());
        train.evaluate();
        test.evaluate();
        return new RunResult(losses, -1, peakLoss, train.loss(), test.accuracy(), stepsToTarget);
    }
}
