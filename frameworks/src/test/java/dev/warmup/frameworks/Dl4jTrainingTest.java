package dev.warmup.frameworks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Deeplearning4j 1.0.0-M2.1 on ND4J's native backend (CPU), training a 64-32-10 network in double on the digits
 * with a generated schedule.
 */
class Dl4jTrainingTest {

    private static final Digits DIGITS = Digits.load(8);
    private static final Warmup5StepLr SCHEDULE = Warmup5StepLr.INSTANCE;

    /**
     * Plain SGD, fed by {@code fit(iterator, 2)} over 4 minibatches: 8 updates in 2 epochs. Update k changes every
     * parameter by exactly lr(k - 1) times its gradient (averaged over the minibatch): the rate PyTorch's k-th
     * {@code optimizer.step()} gets; the epoch does not restart the count.
     */
    @Test
    void updateKAppliesTheRateAfterKMinusOneSteps() {
        MultiLayerNetwork network = network(new Sgd(SCHEDULE));
        UpdateRecorder recorder = new UpdateRecorder();
        network.setListeners(recorder);
        network.fit(new ListDataSetIterator<>(List.of(minibatch(0), minibatch(1), minibatch(2), minibatch(3)), 1), 2);

        assertEquals(8, recorder.after.size());
        System.out.println("DL4J, Sgd(Warmup5StepLr.INSTANCE): the rate each update applied");
        System.out.println("update  iteration  epoch  applied (least squares)  expected");
        for (int k = 1; k <= 8; k++) {
            double[] before = recorder.before.get(k - 1);
            double[] gradient = recorder.gradients.get(k - 1);
            double[] after = recorder.after.get(k - 1);
            double expected = SCHEDULE.lr(k - 1);
            System.out.printf("%6d  %9d  %5d  %23.17g  %.17g%n", k, recorder.iterations.get(k - 1),
                    recorder.epochs.get(k - 1), appliedRate(before, gradient, after), expected);
            assertEquals(Warmup5.pyTorchRateOfUpdate(k), expected, 1e-12 * expected, "update " + k);
            assertEquals(k - 1, recorder.iterations.get(k - 1), "iteration passed with update " + k);
            assertEquals((k - 1) / 4, recorder.epochs.get(k - 1), "epoch of update " + k);
            // Exactly what an SGD step with rate lr(k - 1) gives, in double, element by element.
            for (int i = 0; i < before.length; i++) {
                double step = gradient[i] / Digits.BATCH * expected;
                assertEquals(before[i] - step, after[i], 0.0, "update " + k + ", parameter " + i);
            }
        }
    }

    /**
     * Adam with the schedule, saved after 3 updates by {@link ModelSerializer}, restored, and trained on: the same
     * parameters and Adam state, to the bit, as a network trained without a break. The restored configuration equals
     * the saved one, its schedule is the one instance, and the updater keeps its one block.
     */
    @Test
    void adamSavedAndRestoredTrainsOnAsIfNeverInterrupted(@TempDir Path directory) throws Exception {
        MultiLayerNetwork straight = network(new Adam(SCHEDULE));
        for (int b = 0; b < 8; b++) {
            straight.fit(minibatch(b));
        }

        MultiLayerNetwork first = network(new Adam(SCHEDULE));
        for (int b = 0; b < 3; b++) {
            first.fit(minibatch(b));
        }
        File saved = directory.resolve("network.zip").toFile();
        ModelSerializer.writeModel(first, saved, true);

        List<MultiLayerNetwork> restoredAll = List.of(ModelSerializer.restoreMultiLayerNetwork(saved, true),
                MultiLayerNetwork.load(saved, true));
        System.out.println("DL4J, Adam(Warmup5StepLr.INSTANCE): saved after 3 updates, restored, 5 more updates");
        for (MultiLayerNetwork restored : restoredAll) {
            // Compared before training on: the configuration holds the iteration count.
            boolean equalConfiguration = first.getLayerWiseConfigurations().equals(
                    restored.getLayerWiseConfigurations());
            int restoredBlocks = updaterBlocks(restored);
            for (int b = 3; b < 8; b++) {
                restored.fit(minibatch(b));
            }
            double[] params = restored.params().toDoubleVector();
            double[] state = restored.getUpdater().getStateViewArray().toDoubleVector();
            System.out.printf("restored: configuration equal to the saved one: %s; updater blocks %d (saved: %d); "
                            + "after 5 more updates %d NaN of %d parameters, %d NaN of %d Adam state values; "
                            + "largest difference from the uninterrupted run: parameters %s, Adam state %s%n",
                    equalConfiguration,
                    restoredBlocks, updaterBlocks(first), nanCount(params), params.length, nanCount(state),
                    state.length, largestDifference(straight.params().toDoubleVector(), params),
                    largestDifference(straight.getUpdater().getStateViewArray().toDoubleVector(), state));

            assertTrue(equalConfiguration);
            assertSame(SCHEDULE, ((Adam) restored.getLayer(0).conf().getLayer().getUpdaterByParam("W"))
                    .getLearningRateSchedule());
            assertSame(SCHEDULE, ((Adam) restored.getLayer(1).conf().getLayer().getUpdaterByParam("b"))
                    .getLearningRateSchedule());
            assertEquals(1, updaterBlocks(first));
            assertEquals(1, restoredBlocks);
            assertEquals(8, restored.getIterationCount());
            // assertArrayEquals would take NaN for equal to NaN: count them first.
            assertEquals(0, nanCount(params));
            assertEquals(0, nanCount(state));
            assertArrayEquals(straight.params().toDoubleVector(), params);
            assertArrayEquals(straight.getUpdater().getStateViewArray().toDoubleVector(), state);
        }
    }

    /** The configuration's JSON, and Java serialisation (how Spark ships it to workers), give it back equal. */
    @Test
    void configurationComesBackEqualFromJsonAndJavaSerialisation() throws Exception {
        MultiLayerConfiguration configuration = network(new Adam(SCHEDULE)).getLayerWiseConfigurations();

        MultiLayerConfiguration fromJson = MultiLayerConfiguration.fromJson(configuration.toJson());
        assertEquals(configuration, fromJson);
        assertSame(SCHEDULE, ((Adam) fromJson.getConf(0).getLayer().getUpdaterByParam("W"))
                .getLearningRateSchedule());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(configuration);
        }
        MultiLayerConfiguration deserialised;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            deserialised = (MultiLayerConfiguration) in.readObject();
        }
        assertEquals(configuration, deserialised);
        assertSame(SCHEDULE, ((Adam) deserialised.getConf(1).getLayer().getUpdaterByParam("W"))
                .getLearningRateSchedule());
    }

    private static MultiLayerNetwork network(IUpdater updater) {
        MultiLayerConfiguration configuration = new NeuralNetConfiguration.Builder()
                .seed(42)
                .dataType(DataType.DOUBLE)
                .weightInit(WeightInit.XAVIER)
                .updater(updater)
                .list()
                .layer(new DenseLayer.Builder().nIn(Digits.PIXELS).nOut(32).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(32).nOut(Digits.CLASSES)
                        .activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        return network;
    }

    private static DataSet minibatch(int b) {
        double[][] features = new double[Digits.BATCH][Digits.PIXELS];
        double[][] labels = new double[Digits.BATCH][Digits.CLASSES];
        for (int row = 0; row < Digits.BATCH; row++) {
            for (int pixel = 0; pixel < Digits.PIXELS; pixel++) {
                features[row][pixel] = DIGITS.features[b][row * Digits.PIXELS + pixel];
            }
            labels[row][DIGITS.labels[b][row]] = 1;
        }
        return new DataSet(Nd4j.create(features), Nd4j.create(labels));
    }

    private static int updaterBlocks(MultiLayerNetwork network) {
        return ((MultiLayerUpdater) network.getUpdater()).getUpdaterBlocks().size();
    }

    /** The rate that best explains a step, by least squares: sum(-delta * g) / sum(g * g), g the mean gradient. */
    static double appliedRate(double[] before, double[] gradient, double[] after) {
        double numerator = 0;
        double denominator = 0;
        for (int i = 0; i < before.length; i++) {
            double g = gradient[i] / Digits.BATCH;
            numerator += (before[i] - after[i]) * g;
            denominator += g * g;
        }
        return numerator / denominator;
    }

    static int nanCount(double[] values) {
        int count = 0;
        for (double value : values) {
            if (Double.isNaN(value)) {
                count++;
            }
        }
        return count;
    }

    static double largestDifference(double[] expected, double[] actual) {
        double largest = 0;
        for (int i = 0; i < expected.length; i++) {
            largest = Math.max(largest, Math.abs(expected[i] - actual[i]));
        }
        return largest;
    }

    /** Each update: the parameters and the (summed) gradient before it, the parameters after it, and its counts. */
    private static final class UpdateRecorder extends BaseTrainingListener {
        final List<double[]> before = new ArrayList<>();
        final List<double[]> gradients = new ArrayList<>();
        final List<double[]> after = new ArrayList<>();
        final List<Integer> iterations = new ArrayList<>();
        final List<Integer> epochs = new ArrayList<>();

        @Override
        public void onGradientCalculation(Model model) {
            before.add(model.params().toDoubleVector());
            gradients.add(((MultiLayerNetwork) model).getGradientsViewArray().toDoubleVector());
        }

        @Override
        public void iterationDone(Model model, int iteration, int epoch) {
            after.add(model.params().toDoubleVector());
            iterations.add(iteration);
            epochs.add(epoch);
        }
    }
}
