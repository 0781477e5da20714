package dev.warmup.frameworks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SGD with momentum 0.9 in DJL 0.36.0 on its PyTorch engine, with a rate that jumps from 0.1 to 1.0 after the first
 * update ({@link Jump}): after each update, the parameters against each rule computed here in double.
 *
 * <ul>
 *   <li>DJL's {@code Optimizer.sgd().optMomentum(m)}: {@code v = m v + lr (g + wd w); w = w - v};
 *   <li>{@link PyTorchSgd}: {@code v = m v + g + wd w; w = w - lr v}, as {@code torch.optim.SGD}, and the values
 *       PyTorch itself gives ({@code djl-momentum-pytorch.csv}).
 * </ul>
 *
 * <p>The model is one linear output, {@code p = w . x + b}, on one batch of three examples, with DJL's {@code L2Loss},
 * {@code 0.5 mean((y - p)^2)}: the gradient is {@code mean((p - y) x)} for w and {@code mean(p - y)} for b, computed
 * here from each rule's own parameters, so the references owe nothing to DJL.
 */
class DjlMomentumTest {

    private static final float MOMENTUM = 0.9f;
    private static final int UPDATES = 6;
    private static final double[][] X = {{1, 0.5}, {-0.5, 1}, {0.25, -1}};
    private static final double[] Y = {1, -1, 0.5};
    /** w0, w1, then b. */
    private static final double[] INITIAL = {0.5, -0.25, 0.1};
    /** The loss {@code w . x} itself, whose gradient for w is x. */
    private static final Loss PREDICTION = new Loss("prediction") {
        @Override
        public NDArray evaluate(NDList label, NDList prediction) {
            return prediction.singletonOrThrow().sum();
        }
    };
    /** Float against double over six updates of parameters of size 1. */
    private static final double TOLERANCE = 1e-5;

    /** DJL's own rule: the rate goes into the velocity. */
    @Test
    void djlSgdPutsTheRateInsideTheVelocity() throws Exception {
        for (float weightDecay : new float[] {0, 0.1f}) {
            Optimizer sgd = Optimizer.sgd().setLearningRateTracker(JumpStepLr.INSTANCE).optMomentum(MOMENTUM)
                    .optWeightDecays(weightDecay).build();
            double[][] djl = trainLinear(sgd);
            double[][] rule = reference(weightDecay, true);
            for (int k = 1; k <= UPDATES; k++) {
                assertArrayEquals(rule[k - 1], djl[k - 1], TOLERANCE, "wd " + weightDecay + ", update " + k);
            }
        }
    }

    /** PyTorch's rule: the rate scales the velocity, and PyTorch's own numbers agree. */
    @Test
    void pyTorchSgdScalesTheVelocityByTheRateAsPyTorchDoes() throws Exception {
        List<String[]> pyTorch = pyTorchReference();
        for (float weightDecay : new float[] {0, 0.1f}) {
            Optimizer sgd = PyTorchSgd.builder().setLearningRateTracker(JumpStepLr.INSTANCE).optMomentum(MOMENTUM)
                    .optWeightDecays(weightDecay).build();
            double[][] ours = trainLinear(sgd);
            double[][] rule = reference(weightDecay, false);
            for (int k = 1; k <= UPDATES; k++) {
                String what = "wd " + weightDecay + ", update " + k;
                assertArrayEquals(rule[k - 1], ours[k - 1], TOLERANCE, what);
                String[] row = pyTorch.remove(0);
                assertEquals(weightDecay, Float.parseFloat(row[0]), what);
                assertEquals(k, Integer.parseInt(row[1]), what);
                for (int p = 0; p < 3; p++) {
                    assertEquals(Float.parseFloat(row[2 + p]), ours[k - 1][p], 2e-6, what + ", parameter " + p);
                }
            }
        }
        assertEquals(List.of(), pyTorch);
    }

    /**
     * The issue's numbers: w = 0, gradient 1 at every step (loss {@code w x} with x = 1), lr 0.1 then 1.0. Both rules
     * give w = -0.1 after update 1; after update 2, DJL's {@code -0.1 - (0.9 * 0.1 + 1.0) = -1.19} and PyTorch's
     * {@code -0.1 - 1.0 * (0.9 + 1) = -2.00}.
     */
    @Test
    void afterTheJumpTheRulesPart() throws Exception {
        Optimizer djl = Optimizer.sgd().setLearningRateTracker(JumpStepLr.INSTANCE).optMomentum(MOMENTUM).build();
        Optimizer pyTorch = PyTorchSgd.builder().setLearningRateTracker(JumpStepLr.INSTANCE).optMomentum(MOMENTUM)
                .build();
        double[][] djlW = train(djl, Linear.builder().setUnits(1).optBias(false).build(), new float[] {1}, 1,
                new float[] {0}, new float[] {0}, PREDICTION, 2);
        double[][] pyTorchW = train(pyTorch, Linear.builder().setUnits(1).optBias(false).build(), new float[] {1}, 1,
                new float[] {0}, new float[] {0}, PREDICTION, 2);
        System.out.printf("DJL momentum 0.9, gradient 1, lr 0.1 then 1.0: w1 = %s and %s, w2 = %s (DJL's Sgd) and %s"
                + " (PyTorchSgd)%n", djlW[0][0], pyTorchW[0][0], djlW[1][0], pyTorchW[1][0]);
        assertEquals(-0.1, djlW[0][0], 1e-7);
        assertEquals(-0.1, pyTorchW[0][0], 1e-7);
        assertEquals(-1.19, djlW[1][0], 1e-6);
        assertEquals(-2.00, pyTorchW[1][0], 1e-6);
    }

    /** The one-output linear model of the class, trained {@link #UPDATES} times from {@link #INITIAL}. */
    private static double[][] trainLinear(Optimizer optimizer) throws Exception {
        float[] x = new float[X.length * 2];
        float[] y = new float[X.length];
        for (int i = 0; i < X.length; i++) {
            x[2 * i] = (float) X[i][0];
            x[2 * i + 1] = (float) X[i][1];
            y[i] = (float) Y[i];
        }
        return train(optimizer, Linear.builder().setUnits(1).build(), x, 2, y,
                new float[] {(float) INITIAL[0], (float) INITIAL[1], (float) INITIAL[2]}, Loss.l2Loss(), UPDATES);
    }

    /**
     * Trains {@code block} on one batch ({@code x}: rows of {@code inputs} values; {@code y}: their labels) from the
     * given parameters (in the order of {@code getParameters()}, flattened), {@code updates} times, each a forward
     * and backward pass and {@code trainer.step()}; returns the parameters, flattened, after each update.
     */
    private static double[][] train(Optimizer optimizer, Block block, float[] x, int inputs, float[] y,
            float[] initial, Loss loss, int updates) throws Exception {
        int rows = y.length;
        try (Model model = Model.newInstance("momentum", "PyTorch")) {
            model.setBlock(block);
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(loss).optOptimizer(optimizer))) {
                trainer.initialize(new Shape(rows, inputs));
                int at = 0;
                for (Pair<String, Parameter> parameter : block.getParameters()) {
                    NDArray array = parameter.getValue().getArray();
                    int size = Math.toIntExact(array.size());
                    float[] values = new float[size];
                    System.arraycopy(initial, at, values, 0, size);
                    array.set(values);
                    at += size;
                }
                assertEquals(initial.length, at, "parameter count");
                double[][] after = new double[updates][];
                NDManager manager = trainer.getManager();
                for (int k = 1; k <= updates; k++) {
                    try (NDManager step = manager.newSubManager()) {
                        NDList features = new NDList(step.create(x, new Shape(rows, inputs)));
                        NDList labels = new NDList(step.create(y, new Shape(rows, 1)));
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            collector.backward(trainer.getLoss().evaluate(labels, trainer.forward(features)));
                        }
                        trainer.step();
                    }
                    after[k - 1] = flatten(block);
                }
                return after;
            }
        }
    }

    private static double[] flatten(Block block) {
        List<Double> values = new ArrayList<>();
        for (Pair<String, Parameter> parameter : block.getParameters()) {
            for (float value : parameter.getValue().getArray().toFloatArray()) {
                values.add((double) value);
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The parameters (w0, w1, b) after each update by one rule, in double: DJL's ({@code djl}: {@code v = m v + lr
     * (g + wd w); w = w - v}) or PyTorch's ({@code v = m v + g + wd w; w = w - lr v}), v from 0, lr = 0.1 for update 1
     * and 1.0 after, each gradient from the rule's own parameters.
     */
    private static double[][] reference(double weightDecay, boolean djl) {
        double[] w = INITIAL.clone();
        double[] v = new double[w.length];
        double[][] after = new double[UPDATES][];
        for (int k = 1; k <= UPDATES; k++) {
            double lr = k == 1 ? 0.1 : 1.0;
            assertEquals((float) lr, JumpStepLr.INSTANCE.getNewValue(k), "the tracker's rate for update " + k);
            double[] g = new double[w.length];
            for (int i = 0; i < X.length; i++) {
                double residual = w[0] * X[i][0] + w[1] * X[i][1] + w[2] - Y[i];
                g[0] += residual * X[i][0] / X.length;
                g[1] += residual * X[i][1] / X.length;
                g[2] += residual / X.length;
            }
            for (int p = 0; p < w.length; p++) {
                double decayed = g[p] + weightDecay * w[p];
                if (djl) {
                    v[p] = MOMENTUM * v[p] + lr * decayed;
                    w[p] -= v[p];
                } else {
                    v[p] = MOMENTUM * v[p] + decayed;
                    w[p] -= lr * v[p];
                }
            }
            after[k - 1] = w.clone();
        }
        return after;
    }

    /** The rows of {@code djl-momentum-pytorch.csv}: weight decay, update, w0, w1, b. */
    private static List<String[]> pyTorchReference() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = DjlMomentumTest.class.getResourceAsStream("djl-momentum-pytorch.csv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.startsWith("#") && !line.startsWith("weight_decay")) {
                    rows.add(line.split(","));
                }
            }
        }
        return rows;
    }
}
