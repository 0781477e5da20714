package dev.warmup.frameworks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warmup.Boundary;
import dev.warmup.StepLr;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
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
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Deeplearning4j 1.0.0-M2.1 on ND4J's native backend (CPU), training a 64-32-10 network in double on the digits
 * with a generated schedule.
 */
class Dl4jTrainingTest {

    private static final Digits DIGITS = Digits.load(8);
    private static final Warmup5StepLr SCHEDULE = Warmup5StepLr.INSTANCE;
    private static final OneCycle10StepLr ONE_CYCLE = OneCycle10StepLr.INSTANCE;

    /**
     * Plain SGD, fed by {@code fit(iterator, 2)} over 4 minibatches: 8 updates in 2 epochs. Update k changes every
     * parameter by exactly lr(k - 1) times its gradient (averaged over the minibatch): the rate PyTorch's k-th
     * {@code optimizer.step()} gets; the epoch does not restart the count.
     */
    @Test
    void updateKAppliesTheRateAfterKMinusOneSteps() {
        MultiLayerNetwork network = network(new Sgd(SCHEDULE));
        UpdateRecorder recorder = new UpdateRecorder();
        BoundaryLogger logger = new BoundaryLogger(SCHEDULE);
        network.setListeners(recorder, logger);
        network.fit(new ListDataSetIterator<>(List.of(minibatch(0), minibatch(1), minibatch(2), minibatch(3)), 1), 2);
        // the listener of docs/frameworks.md: each change of regime logged once, at the update that starts it
        System.out.println("DL4J, a TrainingListener logging each boundary: " + logger.lines);
        assertEquals(List.of("update 1: linear warmup, lr 0.01", "update 6: no decay, lr 0.06"), logger.lines);

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

    /**
     * Nesterov momentum with {@link OneCycle10}'s rate and cycled momentum, and, given to each layer's builder, a
     * weight decay on the weights with its cosine {@code weightDecay}, fed by {@code fit(iterator, 2)} over 4
     * minibatches: 8 updates in 2 epochs. Update k is reproduced by hand, in double, from the parameters theta, the
     * gradient and DL4J's Nesterov state v before it, with DL4J's own formulas (libnd4j's {@code nesterovs_updater},
     * then {@code WeightDecay}'s axpy after the updater, {@code applyLR} true) and the values of step k - 1:
     * <pre>
     * mu = momentum(k - 1), lr = lr(k - 1), wd = weightDecay(k - 1), g = gradient / minibatch
     * v' = mu v - lr g;  u = mu v + (-mu - 1) v';  u = (wd lr) theta + u (weights only);  theta' = theta - u
     * </pre>
     * Every parameter after the update, and v after it, is that to the bit. The same reproduction with the momentum or
     * the weight decay of step k or k - 2 misses every update by far.
     */
    @Test
    void nesterovsUpdateKUsesMomentumAndWeightDecayOfStepKMinusOne() {
        reproduceNesterovsWithWeightDecay(false, 1);
    }

    /**
     * The same with the weight decay given to the network's builder, {@code NeuralNetConfiguration.Builder
     * .regularization(List.of(new WeightDecay(...)))}: DL4J 1.0.0-M2.1 puts it in every layer's list twice
     * ({@code LayerValidation.configureBaseLayer} merges the global list into the layer's, which already holds it, and
     * drops duplicates of L1 and L2 only; the builder's {@code weightDecay(coefficient)} does the same), so every
     * update applies {@code weightDecay(k - 1)} twice, two axpys in a row. Reproduced by hand to the bit; a single
     * application misses.
     */
    @Test
    void weightDecayOnTheNetworkBuilderIsAppliedTwiceByDl4j() {
        reproduceNesterovsWithWeightDecay(true, 2);
    }

    private static void reproduceNesterovsWithWeightDecay(boolean onNetworkBuilder, int applications) {
        // The generated methods agree with OneCycleLR's and DINO's formulas worked out by hand, and each quantity
        // differs at every step the test uses or could mistake for it (0..8), so that an off-by-one shows.
        double[] rates = new double[9];
        double[] momenta = new double[9];
        double[] decays = new double[9];
        for (int step = 0; step <= 8; step++) {
            rates[step] = ONE_CYCLE.lr(step);
            momenta[step] = ONE_CYCLE.momentum(step);
            decays[step] = ONE_CYCLE.weightDecay(step);
            assertEquals(OneCycle10.pyTorchRateOfUpdate(step + 1), rates[step], 1e-12 * rates[step], "lr " + step);
            assertEquals(OneCycle10.pyTorchMomentumOfUpdate(step + 1), momenta[step], 1e-12 * momenta[step],
                    "momentum " + step);
            assertEquals(OneCycle10.weightDecayOfUpdate(step + 1), decays[step], 1e-12 * decays[step],
                    "weightDecay " + step);
            assertEquals(momenta[step], OneCycle10StepLr.MomentumSchedule.INSTANCE.valueAt(step, 7), 0.0);
            assertEquals(decays[step], OneCycle10StepLr.WeightDecaySchedule.INSTANCE.valueAt(step, 7), 0.0);
        }
        assertDistinct(rates, "lr");
        assertDistinct(momenta, "momentum");
        assertDistinct(decays, "weightDecay");

        MultiLayerNetwork network = oneCycle10Network(onNetworkBuilder);
        for (int layer = 0; layer < 2; layer++) {
            List<Regularization> weights = ((BaseLayer) network.getLayer(layer).conf().getLayer())
                    .getRegularizationByParam("W");
            assertEquals(Collections.nCopies(applications,
                    new WeightDecay(OneCycle10StepLr.WeightDecaySchedule.INSTANCE, true)), weights);
        }
        boolean[] decayed = weightMask(network);
        UpdateRecorder recorder = new UpdateRecorder();
        network.setListeners(recorder);
        network.fit(new ListDataSetIterator<>(List.of(minibatch(0), minibatch(1), minibatch(2), minibatch(3)), 1), 2);

        assertEquals(8, recorder.after.size());
        System.out.printf("DL4J, Nesterovs(OneCycle10StepLr.INSTANCE, MomentumSchedule.INSTANCE), "
                + "WeightDecay(WeightDecaySchedule.INSTANCE, true) on the weights, given to %s: in each layer's "
                + "list %d time(s); update k reproduced by hand%n",
                onNetworkBuilder ? "the network's builder" : "each layer's builder", applications);
        System.out.println("update  iteration  epoch  lr(k-1)  momentum(k-1)  applied (least squares)  "
                + "weightDecay(k-1)  applied (least squares)  largest difference: params, v  "
                + "miss with momentum(k), (k-2), weightDecay(k), (k-2), " + (applications == 1 ? 2 : 1)
                + " application(s)");
        for (int k = 1; k <= 8; k++) {
            double[] theta = recorder.before.get(k - 1);
            double[] gradient = recorder.gradients.get(k - 1);
            double[] after = recorder.after.get(k - 1);
            double[] v = k == 1 ? new double[theta.length] : recorder.states.get(k - 2);
            double[] vAfter = recorder.states.get(k - 1);
            double lr = rates[k - 1];
            double mu = momenta[k - 1];
            double wd = decays[k - 1];

            double[][] expected = nesterovs(theta, gradient, v, decayed, lr, mu, wd, applications);
            double paramsDifference = largestDifference(expected[0], after);
            double stateDifference = largestDifference(expected[1], vAfter);
            double missMomentumNext = largestDifference(
                    nesterovs(theta, gradient, v, decayed, lr, momenta[k], wd, applications)[0], after);
            double missMomentumPrevious = k < 2 ? Double.NaN : largestDifference(
                    nesterovs(theta, gradient, v, decayed, lr, momenta[k - 2], wd, applications)[0], after);
            double missDecayNext = largestDifference(
                    nesterovs(theta, gradient, v, decayed, lr, mu, decays[k], applications)[0], after);
            double missDecayPrevious = k < 2 ? Double.NaN : largestDifference(
                    nesterovs(theta, gradient, v, decayed, lr, mu, decays[k - 2], applications)[0], after);
            double missApplications = largestDifference(
                    nesterovs(theta, gradient, v, decayed, lr, mu, wd, 3 - applications)[0], after);
            double appliedMomentum = appliedMomentum(theta, gradient, v, after, decayed, lr);
            double appliedDecay = appliedWeightDecay(theta, gradient, v, after, decayed, lr, appliedMomentum);
            System.out.printf("%6d  %9d  %5d  %.5f  %.17f  %.17f  %.17f  %.17f  %s, %s  %.3g, %.3g, %.3g, %.3g, "
                            + "%.3g%n", k, recorder.iterations.get(k - 1), recorder.epochs.get(k - 1), lr, mu,
                    appliedMomentum, wd, appliedDecay, paramsDifference, stateDifference, missMomentumNext,
                    missMomentumPrevious, missDecayNext, missDecayPrevious, missApplications);

            assertEquals(k - 1, recorder.iterations.get(k - 1), "iteration passed with update " + k);
            assertEquals((k - 1) / 4, recorder.epochs.get(k - 1), "epoch of update " + k);
            assertEquals(mu, appliedMomentum, 1e-9, "momentum applied by update " + k);
            assertEquals(applications * wd, appliedDecay, 1e-9, "weight decay applied by update " + k);
            // Exactly DL4J's update with the values of step k - 1, element by element.
            for (int i = 0; i < theta.length; i++) {
                assertEquals(expected[0][i], after[i], 0.0, "update " + k + ", parameter " + i);
                assertEquals(expected[1][i], vAfter[i], 0.0, "update " + k + ", v " + i);
            }
            // A neighbour's momentum or weight decay would have moved the parameters elsewhere.
            assertTrue(missMomentumNext > 1e-6, "momentum(k) indistinguishable at update " + k);
            assertTrue(k < 2 || missMomentumPrevious > 1e-6, "momentum(k - 2) indistinguishable at update " + k);
            assertTrue(missDecayNext > 1e-6, "weightDecay(k) indistinguishable at update " + k);
            assertTrue(k < 2 || missDecayPrevious > 1e-6, "weightDecay(k - 2) indistinguishable at update " + k);
            assertTrue(missApplications > 1e-6, "applications indistinguishable at update " + k);
        }
    }

    /**
     * The configuration with the nested momentum and weight-decay schedules comes back equal from its JSON and from
     * Java serialisation, holding the same instances; the weight decay is on the weights only.
     */
    @Test
    void configurationWithMomentumAndWeightDecaySchedulesComesBackEqual() throws Exception {
        for (boolean onNetworkBuilder : new boolean[] {false, true}) {
            configurationComesBackEqual(oneCycle10Network(onNetworkBuilder).getLayerWiseConfigurations(),
                    onNetworkBuilder ? 2 : 1);
        }
    }

    private static void configurationComesBackEqual(MultiLayerConfiguration configuration, int weightDecays)
            throws Exception {
        assertSchedules(configuration, weightDecays);

        String json = configuration.toJson();
        MultiLayerConfiguration fromJson = MultiLayerConfiguration.fromJson(json);
        System.out.println("DL4J configuration JSON, the schedules: " + json.lines()
                .filter(line -> line.contains("OneCycle10StepLr")).map(String::strip).distinct().toList());
        assertEquals(configuration, fromJson);
        assertEquals(json, fromJson.toJson());
        assertSchedules(fromJson, weightDecays);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(configuration);
        }
        MultiLayerConfiguration deserialised;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            deserialised = (MultiLayerConfiguration) in.readObject();
        }
        assertEquals(configuration, deserialised);
        assertSchedules(deserialised, weightDecays);
    }

    /**
     * A short real training: Nesterov momentum with {@link OneCycleDigits}'s rate, cycled momentum and weight decay,
     * 5 epochs over 1,536 digits in file order (240 updates, the whole cycle): the training loss (mean cross-entropy
     * over the 1,536, worked out here from the network's output) falls from about 2.3 to under a fifth of that, and
     * the 256 digits held out are recognised. (It is not monotone: in the last epoch, with the rate near 0 but the
     * momentum back up to 0.95, it rose a little, 0.179 to 0.191, while the held-out accuracy rose.)
     */
    @Test
    void nesterovsWithCycledMomentumAndWeightDecayTrainsOnTheDigits() {
        Digits digits = Digits.load(OneCycleDigits.BATCHES + 8);
        List<DataSet> train = new ArrayList<>();
        for (int b = 0; b < OneCycleDigits.BATCHES; b++) {
            train.add(minibatch(digits, b));
        }
        List<DataSet> heldOut = new ArrayList<>();
        for (int b = OneCycleDigits.BATCHES; b < OneCycleDigits.BATCHES + 8; b++) {
            heldOut.add(minibatch(digits, b));
        }
        DataSet trainAll = DataSet.merge(train);
        DataSet heldOutAll = DataSet.merge(heldOut);
        OneCycleDigitsStepLr schedule = OneCycleDigitsStepLr.INSTANCE;
        MultiLayerNetwork network = network(
                new Nesterovs(schedule, OneCycleDigitsStepLr.MomentumSchedule.INSTANCE),
                List.of(new WeightDecay(OneCycleDigitsStepLr.WeightDecaySchedule.INSTANCE, true)), false);

        double[] losses = new double[OneCycleDigits.EPOCHS + 1];
        losses[0] = crossEntropy(network, trainAll);
        System.out.println("DL4J, Nesterovs with OneCycleDigitsStepLr's rate, momentum and weight decay: "
                + "1,536 digits, 48 minibatches an epoch");
        System.out.println("epoch  updates  last update's lr, momentum, weightDecay  training loss  held-out accuracy");
        System.out.printf("%5d  %7d  %38s  %13.6f  %17.4f%n", 0, 0, "", losses[0], accuracy(network, heldOutAll));
        ListDataSetIterator<DataSet> iterator = new ListDataSetIterator<>(train, 1);
        for (int epoch = 1; epoch <= OneCycleDigits.EPOCHS; epoch++) {
            network.fit(iterator);
            losses[epoch] = crossEntropy(network, trainAll);
            long last = network.getIterationCount() - 1;
            System.out.printf("%5d  %7d  %10.3e, %.4f, %.3e  %13.6f  %17.4f%n", epoch, network.getIterationCount(),
                    schedule.lr(last), schedule.momentum(last), schedule.weightDecay(last), losses[epoch],
                    accuracy(network, heldOutAll));
        }
        double heldOutAccuracy = accuracy(network, heldOutAll);

        assertEquals(OneCycleDigits.UPDATES, network.getIterationCount());
        for (int epoch = 1; epoch <= OneCycleDigits.EPOCHS; epoch++) {
            assertTrue(losses[epoch] < losses[0] * 0.6, "loss after epoch " + epoch + ": " + losses[epoch]);
        }
        assertTrue(losses[OneCycleDigits.EPOCHS] < losses[0] / 5, "loss " + losses[0] + " -> "
                + losses[OneCycleDigits.EPOCHS]);
        assertTrue(heldOutAccuracy > 0.8, "held-out accuracy " + heldOutAccuracy);
    }

    private static void assertSchedules(MultiLayerConfiguration configuration, int weightDecays) {
        for (int layer = 0; layer < 2; layer++) {
            BaseLayer conf = (BaseLayer) configuration.getConf(layer).getLayer();
            for (String param : List.of("W", "b")) {
                Nesterovs nesterovs = (Nesterovs) conf.getUpdaterByParam(param);
                assertSame(ONE_CYCLE, nesterovs.getLearningRateSchedule());
                assertSame(OneCycle10StepLr.MomentumSchedule.INSTANCE, nesterovs.getMomentumISchedule());
            }
            List<Regularization> weights = conf.getRegularizationByParam("W");
            assertEquals(weightDecays, weights.size());
            for (Regularization weightDecay : weights) {
                assertSame(OneCycle10StepLr.WeightDecaySchedule.INSTANCE, ((WeightDecay) weightDecay).getCoeff());
                assertTrue(((WeightDecay) weightDecay).isApplyLR());
            }
            List<Regularization> biases = conf.getRegularizationByParam("b");
            assertTrue(biases == null || biases.isEmpty(), "regularization on the biases: " + biases);
        }
    }

    /**
     * DL4J's update in double: libnd4j's {@code nesterovs_updater} (per element, {@code prev = mu v; v' = prev -
     * lr g; u = prev + (-mu - 1) v'}), then, on the weights, {@code WeightDecay.apply}'s
     * {@code Axpy(theta, u, u, wd * lr)} ({@code u = (wd lr) theta + u}), {@code applications} times in a row (once a
     * {@code WeightDecay} in the layer's list), then the step {@code theta - u}. The
     * gradient is divided by the minibatch size first, as DL4J's updater does. Returns the parameters and v after.
     */
    static double[][] nesterovs(double[] theta, double[] gradient, double[] v, boolean[] decayed, double lr,
            double mu, double wd, int applications) {
        double[] after = new double[theta.length];
        double[] vAfter = new double[theta.length];
        double momentumT = -mu - 1;
        double decayRate = wd * lr;
        for (int i = 0; i < theta.length; i++) {
            double g = gradient[i] / Digits.BATCH;
            double prev = mu * v[i];
            vAfter[i] = prev - lr * g;
            double u = prev + momentumT * vAfter[i];
            for (int a = 0; decayed[i] && a < applications; a++) {
                u = decayRate * theta[i] + u;
            }
            after[i] = theta[i] - u;
        }
        return new double[][] {after, vAfter};
    }

    /**
     * The momentum that best explains a Nesterov step of the biases (no weight decay), by least squares: their change
     * is {@code -mu^2 v + (1 + mu) lr g}, a quadratic in mu; Newton's method from 0.5.
     */
    static double appliedMomentum(double[] theta, double[] gradient, double[] v, double[] after, boolean[] decayed,
            double lr) {
        double mu = 0.5;
        for (int iteration = 0; iteration < 50; iteration++) {
            double first = 0;
            double second = 0;
            for (int i = 0; i < theta.length; i++) {
                if (decayed[i]) {
                    continue;
                }
                double lrG = lr * gradient[i] / Digits.BATCH;
                double residual = -mu * mu * v[i] + (1 + mu) * lrG - (theta[i] - after[i]);
                double slope = -2 * mu * v[i] + lrG;
                first += residual * slope;
                second += slope * slope - 2 * residual * v[i];
            }
            mu -= first / second;
        }
        return mu;
    }

    /**
     * The weight decay that best explains the step of the weights, given the momentum: what is left of their change
     * after Nesterov's part is {@code wd lr theta} (the sum, if applied more than once); by least squares.
     */
    static double appliedWeightDecay(double[] theta, double[] gradient, double[] v, double[] after, boolean[] decayed,
            double lr, double mu) {
        double numerator = 0;
        double denominator = 0;
        for (int i = 0; i < theta.length; i++) {
            if (!decayed[i]) {
                continue;
            }
            double nesterov = -mu * mu * v[i] + (1 + mu) * lr * gradient[i] / Digits.BATCH;
            numerator += (theta[i] - after[i] - nesterov) * theta[i];
            denominator += lr * theta[i] * theta[i];
        }
        return numerator / denominator;
    }

    /** Which entries of the flattened parameters are weights ({@code W}), in DL4J's order. */
    private static boolean[] weightMask(MultiLayerNetwork network) {
        double[] flat = network.params().toDoubleVector();
        boolean[] weights = new boolean[flat.length];
        int offset = 0;
        for (Map.Entry<String, INDArray> parameter : network.paramTable().entrySet()) {
            int length = (int) parameter.getValue().length();
            assertArrayEquals(Nd4j.toFlattened('f', parameter.getValue()).toDoubleVector(),
                    Arrays.copyOfRange(flat, offset, offset + length), parameter.getKey());
            if (parameter.getKey().endsWith("_W")) {
                Arrays.fill(weights, offset, offset + length, true);
            }
            offset += length;
        }
        assertEquals(weights.length, offset);
        return weights;
    }

    private static void assertDistinct(double[] values, String name) {
        for (int i = 0; i < values.length; i++) {
            for (int j = i + 1; j < values.length; j++) {
                assertTrue(values[i] != values[j], name + " equal at steps " + i + " and " + j);
            }
        }
    }

    /** The mean cross-entropy of the network's softmax over a data set, worked out here. */
    private static double crossEntropy(MultiLayerNetwork network, DataSet data) {
        double[][] probabilities = network.output(data.getFeatures()).toDoubleMatrix();
        double[][] labels = data.getLabels().toDoubleMatrix();
        double sum = 0;
        for (int row = 0; row < labels.length; row++) {
            for (int c = 0; c < Digits.CLASSES; c++) {
                if (labels[row][c] == 1) {
                    sum -= Math.log(probabilities[row][c]);
                }
            }
        }
        return sum / labels.length;
    }

    private static double accuracy(MultiLayerNetwork network, DataSet data) {
        int[] predicted = network.predict(data.getFeatures());
        double[][] labels = data.getLabels().toDoubleMatrix();
        int correct = 0;
        for (int row = 0; row < labels.length; row++) {
            if (labels[row][predicted[row]] == 1) {
                correct++;
            }
        }
        return (double) correct / labels.length;
    }

    private static MultiLayerNetwork network(IUpdater updater) {
        return network(updater, List.of(), false);
    }

    /** Nesterovs with OneCycle10's rate and momentum, and its weight decay on the weights. */
    private static MultiLayerNetwork oneCycle10Network(boolean onNetworkBuilder) {
        return network(new Nesterovs(ONE_CYCLE, OneCycle10StepLr.MomentumSchedule.INSTANCE),
                List.of(new WeightDecay(OneCycle10StepLr.WeightDecaySchedule.INSTANCE, true)), onNetworkBuilder);
    }

    /**
     * The 64-32-10 network, with {@code regularization} on its weights (none on its biases), given to the network's
     * builder or to each layer's.
     */
    private static MultiLayerNetwork network(IUpdater updater, List<Regularization> regularization,
            boolean onNetworkBuilder) {
        NeuralNetConfiguration.Builder builder = new NeuralNetConfiguration.Builder()
                .seed(42)
                .dataType(DataType.DOUBLE)
                .weightInit(WeightInit.XAVIER)
                .updater(updater);
        DenseLayer.Builder hidden = new DenseLayer.Builder().nIn(Digits.PIXELS).nOut(32).activation(Activation.RELU);
        OutputLayer.Builder output = new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(32)
                .nOut(Digits.CLASSES).activation(Activation.SOFTMAX);
        if (!regularization.isEmpty()) {
            if (onNetworkBuilder) {
                builder.regularization(new ArrayList<>(regularization));
            } else {
                hidden.regularization(new ArrayList<>(regularization));
                output.regularization(new ArrayList<>(regularization));
            }
        }
        MultiLayerConfiguration configuration = builder
                .list()
                .layer(hidden.build())
                .layer(output.build())
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        return network;
    }

    private static DataSet minibatch(int b) {
        return minibatch(DIGITS, b);
    }

    private static DataSet minibatch(Digits digits, int b) {
        double[][] features = new double[Digits.BATCH][Digits.PIXELS];
        double[][] labels = new double[Digits.BATCH][Digits.CLASSES];
        for (int row = 0; row < Digits.BATCH; row++) {
            for (int pixel = 0; pixel < Digits.PIXELS; pixel++) {
                features[row][pixel] = digits.features[b][row * Digits.PIXELS + pixel];
            }
            labels[row][digits.labels[b][row]] = 1;
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

    /** Logs each change of regime once: DL4J calls it after each update, with that update's iteration, from 0. */
    private static final class BoundaryLogger extends BaseTrainingListener {
        private final StepLr schedule;
        final List<String> lines = new ArrayList<>();

        BoundaryLogger(StepLr schedule) {
            this.schedule = schedule;
        }

        @Override
        public void iterationDone(Model model, int iteration, int epoch) {
            Boundary part = schedule.part(iteration);
            if (part.step() == iteration) {
                lines.add("update " + (iteration + 1) + ": " + part.what() + ", lr " + part.lr());
            }
        }
    }

    /** Each update: the parameters and the (summed) gradient before it, the parameters after it, and its counts. */
    private static final class UpdateRecorder extends BaseTrainingListener {
        final List<double[]> before = new ArrayList<>();
        final List<double[]> gradients = new ArrayList<>();
        final List<double[]> after = new ArrayList<>();
        final List<Integer> iterations = new ArrayList<>();
        final List<Integer> epochs = new ArrayList<>();
        /** The updater's state after each update (Nesterov's v), empty for an updater without state. */
        final List<double[]> states = new ArrayList<>();

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
            INDArray state = ((MultiLayerNetwork) model).getUpdater().getStateViewArray();
            states.add(state == null ? new double[0] : state.toDoubleVector());
        }
    }
}
