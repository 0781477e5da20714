package dev.warmup.frameworks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStreamReader;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.FixedSchedule;

/**
 * Momentum with a rate that changes ({@link Dl4jJump3}: 0.1 for updates 1 to 3, then 1.0), in Deeplearning4j
 * 1.0.0-M2.1, in double: one linear unit {@code w . x + b} (an {@code OutputLayer}, identity activation, mean squared
 * error) trained by {@code fit} on one fixed batch of 4, momentum 0.9. After each update the parameters (and the
 * updater's state) are checked against a rule worked out here in plain double arithmetic, with the gradient of the
 * mean squared error computed here from the parameters before the update:
 * <pre>
 * DL4J Nesterovs:                   m = mu m + lr g;  w = w - (lr g + mu m)      (DL4J's state holds -m)
 * PyTorch SGD, nesterov = false:    b = mu b + g;     w = w - lr b
 * PyTorch SGD, nesterov = true:     b = mu b + g;     w = w - lr (g + mu b)
 * </pre>
 * With a constant rate m = lr b and the first and third are the same; from the change of rate on they part.
 */
class Dl4jMomentumTest {

    private static final Dl4jJump3StepLr SCHEDULE = Dl4jJump3StepLr.INSTANCE;
    private static final double MOMENTUM = 0.9;
    private static final int UPDATES = 6;
    /** The batch, the targets and the parameters before update 1 (w0, w1, b: DL4J's order), as in the script. */
    private static final double[][] X = {{0.2, 0.4}, {0.6, -0.1}, {-0.3, 0.5}, {0.1, 0.1}};
    private static final double[] Y = {0.3, -0.2, 0.4, 0.1};
    private static final double[] START = {0.5, -0.3, 0.1};
    /** Far below the differences between the rules that the tests assert (0.02 and more), above double rounding. */
    private static final double SAME = 1e-13;

    /**
     * DL4J's {@code Nesterovs} with the scheduled rate, and with {@link OneCycle10}'s rate and cycled momentum: each
     * update as its rule, with lr(k - 1) and momentum(k - 1), the state as -m.
     */
    @Test
    void nesterovsKeepsTheRateInsideItsVelocity() {
        assertRule(new Nesterovs(SCHEDULE, MOMENTUM), Rule.DL4J_NESTEROVS, Dl4jMomentumTest::rate, k -> MOMENTUM);
        assertRule(new Nesterovs(OneCycle10StepLr.INSTANCE, OneCycle10StepLr.MomentumSchedule.INSTANCE),
                Rule.DL4J_NESTEROVS, Dl4jMomentumTest::oneCycleRate, Dl4jMomentumTest::oneCycleMomentum);
    }

    /**
     * {@link PyTorchSgdUpdater}, both forms, and the Nesterov form with {@link OneCycle10}'s rate and cycled momentum:
     * each update as PyTorch's rule, the state as b.
     */
    @Test
    void pyTorchSgdUpdaterFollowsPyTorchsRule() {
        assertRule(new PyTorchSgdUpdater(SCHEDULE, MOMENTUM), Rule.PYTORCH, Dl4jMomentumTest::rate, k -> MOMENTUM);
        assertRule(new PyTorchSgdUpdater(SCHEDULE, new FixedSchedule(MOMENTUM), true), Rule.PYTORCH_NESTEROV,
                Dl4jMomentumTest::rate, k -> MOMENTUM);
        assertRule(new PyTorchSgdUpdater(OneCycle10StepLr.INSTANCE, OneCycle10StepLr.MomentumSchedule.INSTANCE, true),
                Rule.PYTORCH_NESTEROV, Dl4jMomentumTest::oneCycleRate, Dl4jMomentumTest::oneCycleMomentum);
    }

    /**
     * PyTorch 1.13's own parameters for the same setting ({@code dl4j-momentum-pytorch.csv}, written by the script
     * beside it), and the rate it used, against {@link PyTorchSgdUpdater}'s after each update; DL4J's
     * {@code Nesterovs} matches PyTorch's {@code nesterov = true} until the rate changes, and not after.
     */
    @Test
    void pyTorchSgdUpdaterMatchesPyTorchAndNesterovsPartsAtTheRateChange() throws Exception {
        List<String[]> rows = pyTorchRows();
        assertEquals(2 * UPDATES, rows.size());
        Run nesterovs = train(new Nesterovs(SCHEDULE, MOMENTUM));
        System.out.println("DL4J, momentum 0.9 with Dl4jJump3StepLr, parameters (w0, w1, b) after each update");
        System.out.println("nesterov  update  lr    PyTorch 1.13                       PyTorchSgdUpdater: largest "
                + "difference  Nesterovs: largest difference");
        for (boolean nesterov : new boolean[] {false, true}) {
            Run run = train(new PyTorchSgdUpdater(SCHEDULE, new FixedSchedule(MOMENTUM), nesterov));
            for (int k = 1; k <= UPDATES; k++) {
                String[] row = rows.get((nesterov ? UPDATES : 0) + k - 1);
                assertEquals(String.valueOf(nesterov), row[0]);
                assertEquals(k, Integer.parseInt(row[1]));
                double[] pyTorch = {Double.parseDouble(row[3]), Double.parseDouble(row[4]), Double.parseDouble(row[5])};
                double ours = Dl4jTrainingTest.largestDifference(pyTorch, run.params.get(k));
                double dl4j = Dl4jTrainingTest.largestDifference(pyTorch, nesterovs.params.get(k));
                System.out.printf("%-8s  %6d  %-4s  %-33s  %.3g  %.3g%n", nesterov, k, row[2],
                        String.join(", ", row[3], row[4], row[5]), ours, dl4j);

                assertEquals(Double.parseDouble(row[2]), SCHEDULE.lr(k - 1), 0.0, "rate of update " + k);
                assertTrue(ours <= SAME, "PyTorchSgdUpdater, nesterov " + nesterov + ", update " + k + ": " + ours);
                if (!nesterov) {
                    assertTrue(dl4j > 0.01, "Nesterovs as heavy-ball momentum at update " + k);
                } else if (k <= 3) {
                    assertTrue(dl4j <= SAME, "Nesterovs before the change of rate, update " + k + ": " + dl4j);
                } else {
                    assertTrue(dl4j > 0.01, "Nesterovs as PyTorch's after the change of rate, update " + k);
                }
            }
        }
    }

    /**
     * The configuration with {@link PyTorchSgdUpdater} comes back equal from DL4J's JSON and from Java serialisation,
     * holding the schedule instance; saved by {@code ModelSerializer} after 3 updates with its velocity, restored and
     * trained on, the network has the parameters and velocity of 6 updates without a break, to the bit.
     */
    @Test
    void pyTorchSgdUpdaterSurvivesJsonJavaSerialisationAndModelSerializer(@TempDir Path directory)
            throws Exception {
        PyTorchSgdUpdater updater = new PyTorchSgdUpdater(SCHEDULE, MOMENTUM);
        MultiLayerConfiguration configuration = network(updater).getLayerWiseConfigurations();
        String json = configuration.toJson();
        MultiLayerConfiguration fromJson = MultiLayerConfiguration.fromJson(json);
        System.out.println("DL4J configuration JSON, the updater: " + json.lines()
                .filter(line -> line.matches(".*(PyTorchSgdUpdater|Schedule|Dl4jJump3).*"))
                .map(String::strip).distinct().toList());
        assertEquals(configuration, fromJson);
        assertEquals(json, fromJson.toJson());
        assertSame(SCHEDULE, ((PyTorchSgdUpdater) fromJson.getConf(0).getLayer().getUpdaterByParam("W"))
                .getLearningRateSchedule());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(configuration);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            MultiLayerConfiguration deserialised = (MultiLayerConfiguration) in.readObject();
            assertEquals(configuration, deserialised);
            assertSame(SCHEDULE, ((PyTorchSgdUpdater) deserialised.getConf(0).getLayer().getUpdaterByParam("b"))
                    .getLearningRateSchedule());
        }

        MultiLayerNetwork straight = network(updater);
        MultiLayerNetwork first = network(updater);
        for (int k = 1; k <= UPDATES; k++) {
            straight.fit(batch());
        }
        for (int k = 1; k <= 3; k++) {
            first.fit(batch());
        }
        File saved = directory.resolve("network.zip").toFile();
        ModelSerializer.writeModel(first, saved, true);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(saved, true);
        for (int k = 4; k <= UPDATES; k++) {
            restored.fit(batch());
        }
        assertEquals(UPDATES, restored.getIterationCount());
        assertArrayEquals(straight.params().toDoubleVector(), restored.params().toDoubleVector());
        assertArrayEquals(straight.getUpdater().getStateViewArray().toDoubleVector(),
                restored.getUpdater().getStateViewArray().toDoubleVector());
    }

    /** The three rules of the class comment; the state each leaves in DL4J's updater state. */
    private enum Rule {
        DL4J_NESTEROVS, PYTORCH, PYTORCH_NESTEROV
    }

    /**
     * Trains with {@code updater} and checks the parameters and the state after each update against {@code rule},
     * worked out here with the rate and momentum of update k.
     */
    private static void assertRule(IUpdater updater, Rule rule, IntToDoubleFunction rateOfUpdate,
            IntToDoubleFunction momentumOfUpdate) {
        Run run = train(updater);
        double[] w = START.clone();
        double[] velocity = new double[w.length];
        for (int k = 1; k <= UPDATES; k++) {
            double lr = rateOfUpdate.applyAsDouble(k);
            double mu = momentumOfUpdate.applyAsDouble(k);
            double[] g = gradient(w);
            double[] state = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                if (rule == Rule.DL4J_NESTEROVS) {
                    velocity[i] = mu * velocity[i] + lr * g[i];
                    w[i] -= lr * g[i] + mu * velocity[i];
                    state[i] = -velocity[i];
                } else {
                    velocity[i] = mu * velocity[i] + g[i];
                    w[i] -= lr * (rule == Rule.PYTORCH_NESTEROV ? g[i] + mu * velocity[i] : velocity[i]);
                    state[i] = velocity[i];
                }
            }
            assertArrayEquals(w, run.params.get(k), SAME, updater + ", update " + k);
            assertArrayEquals(state, run.states.get(k), SAME, updater + ", update " + k + ", state");
        }
    }

    /** The rate of update k, from {@link Dl4jJump3}'s definition; the generated schedule gives it at step k - 1. */
    private static double rate(int k) {
        double lr = Dl4jJump3.pyTorchRateOfUpdate(k);
        assertEquals(lr, SCHEDULE.valueAt(k - 1, 0), 0.0, "update " + k);
        return lr;
    }

    /** {@link OneCycle10}'s rate of update k, as generated, and as worked out from OneCycleLR's definition. */
    private static double oneCycleRate(int k) {
        double lr = OneCycle10StepLr.INSTANCE.valueAt(k - 1, 0);
        assertEquals(OneCycle10.pyTorchRateOfUpdate(k), lr, 1e-12 * lr, "update " + k);
        return lr;
    }

    /** {@link OneCycle10}'s cycled momentum of update k, likewise. */
    private static double oneCycleMomentum(int k) {
        double mu = OneCycle10StepLr.MomentumSchedule.INSTANCE.valueAt(k - 1, 0);
        assertEquals(OneCycle10.pyTorchMomentumOfUpdate(k), mu, 1e-12 * mu, "update " + k);
        return mu;
    }

    /** The gradient of the mean squared error over the batch, (2 / 4) sum (w . x + b - y) (x, 1). */
    private static double[] gradient(double[] w) {
        double[] g = new double[3];
        for (int n = 0; n < X.length; n++) {
            double error = w[0] * X[n][0] + w[1] * X[n][1] + w[2] - Y[n];
            g[0] += 2 * error * X[n][0] / X.length;
            g[1] += 2 * error * X[n][1] / X.length;
            g[2] += 2 * error / X.length;
        }
        return g;
    }

    /** The parameters and the updater's state before update 1 (index 0) and after each update (index k). */
    private record Run(List<double[]> params, List<double[]> states) {}

    private static Run train(IUpdater updater) {
        MultiLayerNetwork network = network(updater);
        Run run = new Run(new ArrayList<>(), new ArrayList<>());
        for (int k = 0; k <= UPDATES; k++) {
            if (k > 0) {
                network.fit(batch());
            }
            run.params.add(network.params().toDoubleVector());
            run.states.add(network.getUpdater().getStateViewArray().toDoubleVector());
        }
        assertArrayEquals(START, run.params.get(0));
        return run;
    }

    private static MultiLayerNetwork network(IUpdater updater) {
        MultiLayerConfiguration configuration = new NeuralNetConfiguration.Builder()
                .dataType(DataType.DOUBLE)
                .updater(updater)
                .list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(2).nOut(1)
                        .activation(Activation.IDENTITY).build())
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        network.setParams(Nd4j.createFromArray(START).reshape(1, START.length));
        return network;
    }

    private static DataSet batch() {
        double[][] targets = new double[Y.length][];
        for (int n = 0; n < Y.length; n++) {
            targets[n] = new double[] {Y[n]};
        }
        return new DataSet(Nd4j.create(X), Nd4j.create(targets));
    }

    /** The rows of {@code dl4j-momentum-pytorch.csv}: nesterov, update, lr, w0, w1, b. */
    private static List<String[]> pyTorchRows() throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Dl4jMomentumTest.class.getResourceAsStream("dl4j-momentum-pytorch.csv"), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.startsWith("#") && !line.startsWith("nesterov")) {
                    rows.add(line.split(","));
                }
            }
        }
        return rows;
    }
}
