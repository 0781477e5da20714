package example;

import java.io.PrintStream;
import java.util.List;
import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.nd4j.linalg.util.FeatureUtil;

/**
 * Trains a 64-32-10 network on the digits with Deeplearning4j (ND4J native backend): Nesterov momentum 0.9,
 * minibatches of 32, the learning rate from {@link WarmupCosine}'s generated schedule.
 */
public final class Train {

    static final int EPOCHS = 10;
    static final int BATCH = 32;
    /** Held out for testing; the other 1,440 images make 45 minibatches, one epoch of the schedule. */
    static final int TEST_IMAGES = 357;

    private Train() {}

    public static void main(String[] args) {
        double accuracy = train(EPOCHS, System.out);
        System.out.printf("test accuracy %.4f%n", accuracy);
    }

    /** Trains for {@code epochs} epochs and returns the test accuracy; {@code listeners} watch every update. */
    static double train(int epochs, PrintStream log, TrainingListener... listeners) {
        Digits digits = Digits.load();
        DataSet test = dataSet(digits.range(0, TEST_IMAGES));
        DataSet train = dataSet(digits.range(TEST_IMAGES, digits.size()));

        MultiLayerConfiguration configuration = new NeuralNetConfiguration.Builder()
                .seed(42)
                .weightInit(WeightInit.RELU)
                .updater(new Nesterovs(WarmupCosineStepLr.INSTANCE, 0.9))
                .list()
                .layer(new DenseLayer.Builder().nIn(Digits.PIXELS).nOut(32).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).nIn(32).nOut(Digits.CLASSES)
                        .activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        EpochLog epochLog = new EpochLog();
        network.addListeners(epochLog);
        network.addListeners(listeners);

        double accuracy = 0;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            train.shuffle(epoch);
            epochLog.reset();
            network.fit(new ExistingDataSetIterator(train.batchBy(BATCH)));
            accuracy = network.evaluate(new ExistingDataSetIterator(List.of(test))).accuracy();
            log.printf("epoch %2d  lr %.6f  train loss %.4f  test accuracy %.4f%n",
                    epoch, epochLog.lastRate, epochLog.lossSum / epochLog.updates, accuracy);
        }
        return accuracy;
    }

    private static DataSet dataSet(Digits digits) {
        return new DataSet(Nd4j.create(digits.pixels(), digits.size(), Digits.PIXELS),
                FeatureUtil.toOutcomeMatrix(digits.labels(), Digits.CLASSES));
    }

    /** The mean minibatch loss of an epoch, and the rate DL4J's updater used for the epoch's last update. */
    private static final class EpochLog extends BaseTrainingListener {
        double lossSum;
        int updates;
        double lastRate;

        void reset() {
            lossSum = 0;
            updates = 0;
        }

        @Override
        public void onGradientCalculation(Model model) {
            lastRate = ((MultiLayerNetwork) model).getLearningRate(0);
        }

        @Override
        public void iterationDone(Model model, int iteration, int epoch) {
            lossSum += model.score();
            updates++;
        }
    }
}
