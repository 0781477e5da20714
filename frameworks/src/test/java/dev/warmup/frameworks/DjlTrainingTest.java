package dev.warmup.frameworks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.listener.TrainingListenerAdapter;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import dev.warmup.Boundary;
import dev.warmup.StepLr;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DJL 0.36.0 on its PyTorch engine (libtorch 2.7.1, CPU), training a 64-32-10 network in float on the digits with
 * a generated schedule as the learning-rate tracker of plain SGD (no momentum, no weight decay).
 */
class DjlTrainingTest {

    private static final Digits DIGITS = Digits.load(8);
    private static final Warmup5StepLr SCHEDULE = Warmup5StepLr.INSTANCE;

    /**
     * Update k changes every parameter by exactly {@code (float) lr(k - 1)} times its gradient, in float, as
     * libtorch computes {@code w - g * rate}: the rate PyTorch's k-th {@code optimizer.step()} gets, although DJL
     * numbers that update k.
     */
    @Test
    void updateKAppliesTheRateAfterKMinusOneSteps(@TempDir Path directory) throws Exception {
        Path initial = saveInitialParameters(directory);
        try (Model model = model(initial); Trainer trainer = trainer(model, 0)) {
            List<Update> updates = new ArrayList<>();
            for (int b = 0; b < 8; b++) {
                updates.add(train(trainer, b));
            }
            System.out.println("DJL, Optimizer.sgd().setLearningRateTracker(Warmup5StepLr.INSTANCE): the rate each "
                    + "update applied");
            System.out.println("update  applied (least squares)  expected (float)");
            for (int k = 1; k <= 8; k++) {
                System.out.printf("%6d  %23.9g  %.9g%n", k, updates.get(k - 1).appliedRate(),
                        (float) SCHEDULE.lr(k - 1));
            }
            for (int k = 1; k <= 8; k++) {
                float expected = (float) SCHEDULE.lr(k - 1);
                assertEquals((float) Warmup5.pyTorchRateOfUpdate(k), expected, "update " + k);
                updates.get(k - 1).assertAppliedExactly(expected, "update " + k);
            }
        }
    }

    /**
     * A {@link TrainingListener} that logs each change of regime once, as docs/frameworks.md shows it, on batches
     * that DJL's own {@code EasyTrain.trainBatch} trains (which calls listeners after the backward pass), each
     * followed by {@code trainer.step()} as {@code EasyTrain.fit} does: update 1 starts the warmup, update 6 (after
     * the 5 warmup steps) its end.
     */
    @Test
    void aTrainingListenerLogsEachBoundaryOnce(@TempDir Path directory) throws Exception {
        Path initial = saveInitialParameters(directory);
        BoundaryLogger logger = new BoundaryLogger(SCHEDULE);
        try (Model model = model(initial); Trainer trainer = trainer(model, 0, SCHEDULE, logger)) {
            for (int b = 0; b < 8; b++) {
                try (NDManager step = trainer.getManager().newSubManager()) {
                    NDList[] arrays = arrays(step, b);
                    EasyTrain.trainBatch(trainer, new Batch(step, arrays[0], arrays[1], Digits.BATCH, null, null, b,
                            8));
                    trainer.step();
                }
            }
        }
        System.out.println("DJL, a TrainingListener logging each boundary: " + logger.lines);
        assertEquals(List.of("update 1: linear warmup, lr 0.01", "update 6: no decay, lr 0.06"), logger.lines);
    }

    /** Logs each change of regime once: DJL calls it after a batch's backward pass, before its update. */
    private static final class BoundaryLogger extends TrainingListenerAdapter {
        private final StepLr schedule;
        /** The updates before this batch's: n, on a run resumed with {@code optBeginNumUpdate(n)}. */
        private long step;
        final List<String> lines = new ArrayList<>();

        BoundaryLogger(StepLr schedule) {
            this.schedule = schedule;
        }

        @Override
        public void onTrainingBatch(Trainer trainer, BatchData batchData) {
            Boundary part = schedule.part(step);
            if (part.step() == step) {
                lines.add("update " + (step + 1) + ": " + part.what() + ", lr " + part.lr());
            }
            step++;
        }
    }

    /**
     * Parameters saved after 3 updates by {@code Model.save}, loaded into a new model whose optimizer begins at
     * update 3 ({@code optBeginNumUpdate(3)}), trained on: the first update after the load uses lr(3), and the
     * parameters equal, to the bit, those of a run without a break. (SGD without momentum has no state to save.)
     */
    @Test
    void parametersSavedAndLoadedWithBeginNumUpdateTrainOnAsIfNeverInterrupted(@TempDir Path directory)
            throws Exception {
        Path initial = saveInitialParameters(directory);
        float[] straight;
        try (Model model = model(initial); Trainer trainer = trainer(model, 0)) {
            for (int b = 0; b < 8; b++) {
                train(trainer, b);
            }
            straight = parameters(model);
        }

        Path saved = directory.resolve("after3");
        try (Model model = model(initial); Trainer trainer = trainer(model, 0)) {
            for (int b = 0; b < 3; b++) {
                train(trainer, b);
            }
            model.save(saved, "mlp");
        }
        try (Model model = model(saved); Trainer trainer = trainer(model, 3)) {
            Update fourth = train(trainer, 3);
            for (int b = 4; b < 8; b++) {
                train(trainer, b);
            }
            float[] resumed = parameters(model);
            System.out.printf("DJL, resumed with optBeginNumUpdate(3): update 4 applied %.9g, lr(3) = %.9g; largest "
                            + "difference from the uninterrupted run after 8 updates: %s%n",
                    fourth.appliedRate(), (float) SCHEDULE.lr(3), largestDifference(straight, resumed));
            fourth.assertAppliedExactly((float) SCHEDULE.lr(3), "first update after the load");
            for (float value : resumed) {
                assertEquals(false, Float.isNaN(value));
            }
            assertArrayEquals(straight, resumed);
        }
    }

    /**
     * A generated plateau class as the tracker: DJL's optimizer keeps it, so the rate each update applies follows
     * what {@code observe} did after the update before, exactly {@code (float) lr(k - 1)} for update k.
     */
    @Test
    void plateauTrackerAppliesTheRateItsObservationsSet(@TempDir Path directory) throws Exception {
        Path initial = saveInitialParameters(directory);
        Plateau4PlateauLr plateau = new Plateau4PlateauLr();
        try (Model model = model(initial); Trainer trainer = trainer(model, 0, plateau)) {
            for (int k = 1; k <= Plateau4.RATE_OF_UPDATE.length; k++) {
                Update update = train(trainer, k - 1);
                System.out.printf("DJL, Plateau4PlateauLr: update %d applied %.9g, expected %.9g%n", k,
                        update.appliedRate(), (float) Plateau4.RATE_OF_UPDATE[k - 1]);
                update.assertAppliedExactly((float) Plateau4.RATE_OF_UPDATE[k - 1], "update " + k);
                plateau.observe(k - 1, Plateau4.METRIC_AFTER_UPDATE[k - 1]);
            }
        }
    }

    /** A fresh network's parameters, saved, so that every run of a test starts from the same ones. */
    private static Path saveInitialParameters(Path directory) throws Exception {
        Path initial = directory.resolve("initial");
        Engine.getEngine("PyTorch").setRandomSeed(42);
        try (Model model = Model.newInstance("mlp", "PyTorch")) {
            model.setBlock(network());
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32,
                    new Shape(Digits.BATCH, Digits.PIXELS));
            model.save(initial, "mlp");
        }
        return initial;
    }

    private static SequentialBlock network() {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(32).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(Digits.CLASSES).build());
    }

    private static Model model(Path parameters) throws Exception {
        Model model = Model.newInstance("mlp", "PyTorch");
        model.setBlock(network());
        model.load(parameters, "mlp");
        return model;
    }

    private static Trainer trainer(Model model, int beginNumUpdate) {
        return trainer(model, beginNumUpdate, SCHEDULE);
    }

    private static Trainer trainer(Model model, int beginNumUpdate, ai.djl.training.tracker.Tracker tracker,
            TrainingListener... listeners) {
        Optimizer sgd = Optimizer.sgd()
                .setLearningRateTracker(tracker)
                .optBeginNumUpdate(beginNumUpdate)
                .build();
        Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(sgd).addTrainingListeners(listeners));
        trainer.initialize(new Shape(Digits.BATCH, Digits.PIXELS));
        return trainer;
    }

    /** The features and the labels of minibatch {@code b}. */
    private static NDList[] arrays(NDManager manager, int b) {
        NDArray features = manager.create(DIGITS.features[b], new Shape(Digits.BATCH, Digits.PIXELS));
        float[] digits = new float[Digits.BATCH];
        for (int row = 0; row < Digits.BATCH; row++) {
            digits[row] = DIGITS.labels[b][row];
        }
        return new NDList[] {new NDList(features), new NDList(manager.create(digits, new Shape(Digits.BATCH)))};
    }

    /** One optimizer update on minibatch {@code b}, with the parameters and gradients around it. */
    private static Update train(Trainer trainer, int b) {
        NDManager manager = trainer.getManager();
        try (NDManager step = manager.newSubManager()) {
            NDList[] arrays = arrays(step, b);
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList predictions = trainer.forward(arrays[0]);
                collector.backward(trainer.getLoss().evaluate(arrays[1], predictions));
            }
            List<float[]> before = new ArrayList<>();
            List<float[]> gradients = new ArrayList<>();
            for (Pair<String, Parameter> parameter : trainer.getModel().getBlock().getParameters()) {
                before.add(parameter.getValue().getArray().toFloatArray());
                gradients.add(parameter.getValue().getArray().getGradient().toFloatArray());
            }
            trainer.step();
            List<float[]> after = new ArrayList<>();
            for (Pair<String, Parameter> parameter : trainer.getModel().getBlock().getParameters()) {
                after.add(parameter.getValue().getArray().toFloatArray());
            }
            return new Update(before, gradients, after);
        }
    }

    private static float[] parameters(Model model) {
        List<float[]> arrays = new ArrayList<>();
        int length = 0;
        for (Pair<String, Parameter> parameter : model.getBlock().getParameters()) {
            arrays.add(parameter.getValue().getArray().toFloatArray());
            length += arrays.get(arrays.size() - 1).length;
        }
        float[] all = new float[length];
        int at = 0;
        for (float[] array : arrays) {
            System.arraycopy(array, 0, all, at, array.length);
            at += array.length;
        }
        return all;
    }

    private static double largestDifference(float[] expected, float[] actual) {
        double largest = 0;
        for (int i = 0; i < expected.length; i++) {
            largest = Math.max(largest, Math.abs(expected[i] - actual[i]));
        }
        return largest;
    }

    /** Every parameter array before an update, its gradient, and the array after. */
    private record Update(List<float[]> before, List<float[]> gradients, List<float[]> after) {

        /** The rate that best explains the step, by least squares: sum(-delta * g) / sum(g * g). */
        double appliedRate() {
            double numerator = 0;
            double denominator = 0;
            for (int p = 0; p < before.size(); p++) {
                for (int i = 0; i < before.get(p).length; i++) {
                    double g = gradients.get(p)[i];
                    numerator += ((double) before.get(p)[i] - after.get(p)[i]) * g;
                    denominator += g * g;
                }
            }
            return numerator / denominator;
        }

        /** Each parameter after is exactly {@code before - gradient * rate}, computed in float as libtorch does. */
        void assertAppliedExactly(float rate, String what) {
            for (int p = 0; p < before.size(); p++) {
                for (int i = 0; i < before.get(p).length; i++) {
                    float step = gradients.get(p)[i] * rate;
                    assertEquals(before.get(p)[i] - step, after.get(p)[i], 0f,
                            what + ", parameter array " + p + ", element " + i);
                }
            }
        }
    }
}
