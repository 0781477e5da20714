package dev.warmup.frameworks;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.apache.commons.statistics.interval.BinomialConfidenceInterval;
import org.apache.commons.statistics.interval.Interval;

/**
 * The demo's warmup comparison at batch 256 (docs/demo.md, "Settings") trained in DJL 0.36.0 on its PyTorch engine,
 * in float, each arm once with {@link PyTorchSgd} (the demo's update, PyTorch's) and once with DJL's own {@code Sgd}
 * (the rate inside the velocity): the digits split 80/20 by seed 2017, pixels / 16; an MLP 64-64-64-64-64-10 with
 * ReLU, He initialisation, softmax cross-entropy; momentum 0.9; 200 steps of batch 256; the schedules of {@link
 * DigitsWarmupSchedules}. A run diverges when a minibatch loss exceeds 4 ln 10 or is not finite (it stops there), and
 * collapses when it ends, not diverged, with a training loss above 0.9 ln 10.
 *
 * <p>Seed s draws, as the demo's {@code TrainingRun} does, from {@code new SplittableRandom(s)}: its first split
 * gives the initial network (the demo's He draw, rounded to float; DJL's own initialiser is not used), its second the
 * minibatch order (a shuffle of the training set each epoch). Every arm and optimizer of a seed starts from that
 * network and sees that order. Run: {@code mvn -pl annotations,processor,frameworks test-compile exec:java
 * -Dexec.args=100} for 100 seeds (10 without).
 */
public final class DjlWarmupComparison {

    private static final int[] LAYERS = {Digits.PIXELS, 64, 64, 64, 64, Digits.CLASSES};
    private static final int BATCH = 256;
    private static final float MOMENTUM = 0.9f;
    private static final double DIVERGED = 4 * Math.log(Digits.CLASSES);
    private static final double COLLAPSED = 0.9 * Math.log(Digits.CLASSES);

    private record Arm(String name, Tracker schedule) {}

    private record Form(String name, Function<Tracker, Optimizer> optimizer) {}

    /** One run: diverged, or its final training loss and test accuracy. */
    private record Run(boolean diverged, double trainingLoss, double testAccuracy) {

        boolean collapsed() {
            return !diverged && !(trainingLoss <= COLLAPSED);
        }

        String outcome() {
            return diverged ? "diverged" : collapsed() ? "collapsed" : "trained";
        }
    }

    private static final List<Arm> ARMS = List.of(
            new Arm("no warmup, lr 0.2", DigitsWarmupSchedules_NoWarmupStepLr.INSTANCE),
            new Arm("constant warmup 0.025 → 0.2", DigitsWarmupSchedules_ConstantWarmupStepLr.INSTANCE),
            new Arm("gradual warmup to 0.2", DigitsWarmupSchedules_GradualWarmupStepLr.INSTANCE));

    private static final List<Form> FORMS = List.of(
            new Form("PyTorchSgd", tracker -> PyTorchSgd.builder().setLearningRateTracker(tracker)
                    .optMomentum(MOMENTUM).build()),
            new Form("DJL Sgd", tracker -> Optimizer.sgd().setLearningRateTracker(tracker).optMomentum(MOMENTUM)
                    .build()));

    private DjlWarmupComparison() {}

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        long start = System.nanoTime();
        Digits.Images all = Digits.images(Digits.IMAGES);
        int[] order = identity(Digits.IMAGES);
        shuffle(order, new SplittableRandom(2017));
        int testSize = (int) Math.round(Digits.IMAGES * 0.2);
        Digits.Images test = select(all, Arrays.copyOfRange(order, 0, testSize));
        Digits.Images train = select(all, Arrays.copyOfRange(order, testSize, order.length));

        Run[][][] runs = new Run[ARMS.size()][FORMS.size()][seeds];
        for (int s = 1; s <= seeds; s++) {
            SplittableRandom random = new SplittableRandom(s);
            float[][] initial = heInitialisation(random.split());
            int[][] batches = minibatches(train.labels().length, random.split());
            for (int a = 0; a < ARMS.size(); a++) {
                for (int f = 0; f < FORMS.size(); f++) {
                    runs[a][f][s - 1] = train(FORMS.get(f).optimizer().apply(ARMS.get(a).schedule()), initial,
                            batches, train, test);
                }
            }
            System.err.printf("seed %d of %d, %.0f s%n", s, seeds, (System.nanoTime() - start) / 1e9);
        }
        printTable(runs, seeds);
        System.out.printf(Locale.ROOT, "%n%d seeds, %d runs, %.0f s%n", seeds, ARMS.size() * FORMS.size() * seeds,
                (System.nanoTime() - start) / 1e9);
    }

    private static Run train(Optimizer optimizer, float[][] initial, int[][] batches, Digits.Images train,
            Digits.Images test) {
        SequentialBlock network = new SequentialBlock();
        for (int l = 1; l < LAYERS.length; l++) {
            network.add(Linear.builder().setUnits(LAYERS[l]).build());
            if (l < LAYERS.length - 1) {
                network.add(Activation::relu);
            }
        }
        try (Model model = Model.newInstance("mlp", "PyTorch")) {
            model.setBlock(network);
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(optimizer))) {
                trainer.initialize(new Shape(BATCH, Digits.PIXELS));
                int p = 0;
                for (Pair<String, Parameter> parameter : network.getParameters()) { // weight, bias, weight, ...
                    parameter.getValue().getArray().set(initial[p++]);
                }
                for (int[] batch : batches) {
                    try (NDManager step = trainer.getManager().newSubManager()) {
                        NDList[] arrays = arrays(step, select(train, batch));
                        float loss;
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            NDArray value = trainer.getLoss().evaluate(arrays[1], trainer.forward(arrays[0]));
                            collector.backward(value);
                            loss = value.getFloat();
                        }
                        trainer.step();
                        if (!(loss <= DIVERGED)) {
                            return new Run(true, Double.NaN, Double.NaN);
                        }
                    }
                }
                try (NDManager scope = trainer.getManager().newSubManager()) {
                    NDList[] trainArrays = arrays(scope, train);
                    double trainingLoss = trainer.getLoss()
                            .evaluate(trainArrays[1], trainer.evaluate(trainArrays[0])).getFloat();
                    NDList[] testArrays = arrays(scope, test);
                    long[] predicted = trainer.evaluate(testArrays[0]).singletonOrThrow().argMax(1).toLongArray();
                    int correct = 0;
                    for (int i = 0; i < predicted.length; i++) {
                        correct += predicted[i] == test.labels()[i] ? 1 : 0;
                    }
                    return new Run(false, trainingLoss, (double) correct / predicted.length);
                }
            }
        }
    }

    /** The demo's He initialisation: weights of layer l drawn from N(0, 2 / fan-in) input by input, biases 0. */
    private static float[][] heInitialisation(SplittableRandom random) {
        float[][] parameters = new float[2 * (LAYERS.length - 1)][];
        for (int l = 0; l < LAYERS.length - 1; l++) {
            int in = LAYERS[l];
            int out = LAYERS[l + 1];
            double std = Math.sqrt(2.0 / in);
            float[] weight = new float[out * in]; // DJL's Linear: out rows of in
            for (int i = 0; i < in; i++) {
                for (int j = 0; j < out; j++) {
                    double uniform = 1 - random.nextDouble(); // a standard normal by Box-Muller, as the demo's
                    double normal = StrictMath.sqrt(-2 * StrictMath.log(uniform))
                            * StrictMath.cos(2 * Math.PI * random.nextDouble());
                    weight[j * in + i] = (float) (std * normal);
                }
            }
            parameters[2 * l] = weight;
            parameters[2 * l + 1] = new float[out];
        }
        return parameters;
    }

    /** The demo's minibatches: the training set shuffled anew each epoch, taken {@value #BATCH} at a time. */
    private static int[][] minibatches(int examples, SplittableRandom random) {
        int[] order = identity(examples);
        int next = examples;
        int[][] batches = new int[DigitsWarmupSchedules.STEPS][BATCH];
        for (int[] batch : batches) {
            for (int b = 0; b < BATCH; b++) {
                if (next == examples) {
                    shuffle(order, random);
                    next = 0;
                }
                batch[b] = order[next++];
            }
        }
        return batches;
    }

    private static int[] identity(int length) {
        int[] values = new int[length];
        Arrays.setAll(values, i -> i);
        return values;
    }

    /** Fisher-Yates, drawing as the demo's {@code Shuffle} does. */
    private static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swapped = values[i];
            values[i] = values[j];
            values[j] = swapped;
        }
    }

    private static Digits.Images select(Digits.Images images, int[] indices) {
        float[] features = new float[indices.length * Digits.PIXELS];
        int[] labels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(images.features(), indices[i] * Digits.PIXELS, features, i * Digits.PIXELS,
                    Digits.PIXELS);
            labels[i] = images.labels()[indices[i]];
        }
        return new Digits.Images(features, labels);
    }

    private static NDList[] arrays(NDManager manager, Digits.Images images) {
        int count = images.labels().length;
        float[] labels = new float[count];
        for (int i = 0; i < count; i++) {
            labels[i] = images.labels()[i];
        }
        return new NDList[] {new NDList(manager.create(images.features(), new Shape(count, Digits.PIXELS))),
                new NDList(manager.create(labels, new Shape(count)))};
    }

    private static void printTable(Run[][][] runs, int seeds) {
        System.out.printf("%nDJL 0.36.0 (PyTorch engine, CPU, float), digits, batch %d, momentum %s, %d seeds; counts"
                + " with the 95 %% Wilson interval of their rate; test accuracy: mean ± std over the runs that did not"
                + " diverge%n%n", BATCH, MOMENTUM, seeds);
        System.out.println("| schedule | optimizer | diverged | collapsed | test accuracy % (runs) |");
        System.out.println("| --- | --- | ---: | ---: | ---: |");
        for (int a = 0; a < ARMS.size(); a++) {
            for (int f = 0; f < FORMS.size(); f++) {
                Run[] arm = runs[a][f];
                int diverged = (int) Arrays.stream(arm).filter(Run::diverged).count();
                int collapsed = (int) Arrays.stream(arm).filter(Run::collapsed).count();
                double[] accuracy = Arrays.stream(arm).filter(run -> !run.diverged())
                        .mapToDouble(run -> 100 * run.testAccuracy()).toArray();
                System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s %s (%d) |%n", ARMS.get(a).name(),
                        FORMS.get(f).name(), count(diverged, seeds), count(collapsed, seeds), mean(accuracy),
                        deviation(accuracy), accuracy.length);
            }
        }
        System.out.println();
        System.out.println("Seeds whose run ends differently with the two optimizers (PyTorchSgd/DJL Sgd):");
        for (int a = 0; a < ARMS.size(); a++) {
            List<String> differ = new ArrayList<>();
            int[] divergedWithOneOnly = new int[2];
            for (int s = 0; s < seeds; s++) {
                Run pyTorch = runs[a][0][s];
                Run djl = runs[a][1][s];
                if (!pyTorch.outcome().equals(djl.outcome())) {
                    differ.add((s + 1) + " " + pyTorch.outcome() + "/" + djl.outcome());
                }
                if (pyTorch.diverged() != djl.diverged()) {
                    divergedWithOneOnly[pyTorch.diverged() ? 0 : 1]++;
                }
            }
            System.out.printf("- %s: %d of %d seeds; diverged with PyTorchSgd only %d, with DJL Sgd only %d%s%n",
                    ARMS.get(a).name(), differ.size(), seeds, divergedWithOneOnly[0], divergedWithOneOnly[1],
                    differ.isEmpty() ? "" : " (seeds " + String.join(", ", differ) + ")");
        }
    }

    /** "21/100 (14–30 %)": the count and the 95 % Wilson score interval of its rate, as the demo prints them. */
    private static String count(int successes, int trials) {
        Interval interval = BinomialConfidenceInterval.WILSON_SCORE.fromErrorRate(trials, successes, 0.05);
        return String.format(Locale.ROOT, "%d/%d (%.0f–%.0f %%)", successes, trials, 100 * interval.getLowerBound(),
                100 * interval.getUpperBound());
    }

    private static String mean(double[] values) {
        return values.length == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", Arrays.stream(values).average()
                .orElseThrow());
    }

    private static String deviation(double[] values) {
        if (values.length < 2) {
            return "";
        }
        double mean = Arrays.stream(values).average().orElseThrow();
        double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        return String.format(Locale.ROOT, "± %.1f", Math.sqrt(squares / (values.length - 1)));
    }
}
