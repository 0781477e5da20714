package example;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.PrintStream;

/**
 * Trains a 64-32-10 network on the digits with DJL (PyTorch engine): SGD with momentum 0.9, minibatches of 32,
 * the learning rate from {@link WarmupCosine}'s generated tracker.
 */
public final class Train {

    static final int EPOCHS = 10;
    static final int BATCH = 32;
    /** Held out for testing; the other 1,440 images make 45 minibatches, one epoch of the schedule. */
    static final int TEST_IMAGES = 357;

    private Train() {}

    public static void main(String[] args) throws Exception {
        double accuracy = train(WarmupCosineStepLr.INSTANCE, EPOCHS, System.out);
        System.out.printf("test accuracy %.4f%n", accuracy);
    }

    /** Trains for {@code epochs} epochs at the rates {@code learningRate} gives, and returns the test accuracy. */
    static double train(Tracker learningRate, int epochs, PrintStream log)
            throws IOException, TranslateException {
        Digits digits = Digits.load();
        Digits test = digits.range(0, TEST_IMAGES);
        Digits train = digits.range(TEST_IMAGES, digits.size());
        Engine.getEngine("PyTorch").setRandomSeed(42);

        Optimizer sgd = Optimizer.sgd().setLearningRateTracker(learningRate).optMomentum(0.9f).build();
        try (Model model = Model.newInstance("mlp", "PyTorch");
                NDManager manager = NDManager.newBaseManager("PyTorch")) {
            model.setBlock(new SequentialBlock()
                    .add(Linear.builder().setUnits(32).build())
                    .add(Activation::relu)
                    .add(Linear.builder().setUnits(Digits.CLASSES).build()));
            ArrayDataset trainSet = new ArrayDataset.Builder()
                    .setData(images(manager, train))
                    .optLabels(labels(manager, train))
                    .setSampling(BATCH, true)
                    .build();
            try (Trainer trainer = model.newTrainer(
                    new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(sgd))) {
                trainer.initialize(new Shape(BATCH, Digits.PIXELS));
                int updates = 0;
                double accuracy = 0;
                for (int epoch = 1; epoch <= epochs; epoch++) {
                    double lossSum = 0;
                    int batches = 0;
                    for (Batch batch : trainer.iterateDataset(trainSet)) {
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            NDArray loss = trainer.getLoss().evaluate(batch.getLabels(),
                                    trainer.forward(batch.getData()));
                            collector.backward(loss);
                            lossSum += loss.getFloat();
                        }
                        trainer.step();
                        batch.close();
                        updates++;
                        batches++;
                    }
                    accuracy = accuracy(trainer, manager, test);
                    // DJL numbers its updates from 1 and asks the tracker for update k's rate with k.
                    float lastRate = learningRate.getNewValue(updates);
                    log.printf("epoch %2d  lr %.6f  train loss %.4f  test accuracy %.4f%n",
                            epoch, lastRate, lossSum / batches, accuracy);
                }
                return accuracy;
            }
        }
    }

    private static double accuracy(Trainer trainer, NDManager manager, Digits test) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray predicted = trainer.evaluate(new NDList(images(scope, test))).singletonOrThrow().argMax(1);
            long correct = predicted.toType(DataType.FLOAT32, false).eq(labels(scope, test)).countNonzero()
                    .getLong();
            return (double) correct / test.size();
        }
    }

    private static NDArray images(NDManager manager, Digits digits) {
        return manager.create(digits.pixels(), new Shape(digits.size(), Digits.PIXELS));
    }

    private static NDArray labels(NDManager manager, Digits digits) {
        float[] labels = new float[digits.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = digits.labels()[i];
        }
        return manager.create(labels);
    }
}
