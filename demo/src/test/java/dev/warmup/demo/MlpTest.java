package dev.warmup.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written network: backward() against finite differences of forward(), and He initialisation. */
class MlpTest {

    private static final int[] SIZES = {6, 9, 7, 8, 5};
    private static final int BATCH = 7;

    /**
     * Every parameter's gradient from backward() against the central difference (L(p + h) - L(p - h)) / 2h of the
     * loss computed by forward(). The inputs have zeros in them (as the digits' blank pixels) so the skipped terms
     * are exercised; with random weights no pre-activation lands within h of ReLU's kink.
     */
    @Test
    void backwardMatchesFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(11);
        Mlp network = new Mlp(SIZES, BATCH + 3);
        network.initialiseHe(random);
        for (double[] row : network.parameters()) { // non-zero biases, so their gradients matter too
            for (int j = 0; j < row.length; j++) {
                row[j] += 0.1 * random.nextGaussian();
            }
        }
        int firstExample = 2; // a batch that does not start at the array's start
        double[] inputs = new double[(firstExample + BATCH) * SIZES[0]];
        for (int k = 0; k < inputs.length; k++) {
            inputs[k] = random.nextInt(3) == 0 ? 0 : random.nextDouble();
        }
        int[] labels = new int[firstExample + BATCH];
        for (int b = 0; b < labels.length; b++) {
            labels[b] = random.nextInt(SIZES[SIZES.length - 1]);
        }

        double[][] logitGradients = new double[BATCH][SIZES[SIZES.length - 1]];
        SoftmaxCrossEntropy.loss(network.forward(inputs, firstExample, BATCH), labels, firstExample, BATCH,
                logitGradients);
        network.backward(logitGradients);

        double h = 1e-6;
        int checked = 0;
        double worst = 0;
        for (int r = 0; r < network.parameters().length; r++) {
            double[] row = network.parameters()[r];
            for (int j = 0; j < row.length; j++) {
                double saved = row[j];
                row[j] = saved + h;
                double plus = loss(network, inputs, labels, firstExample);
                row[j] = saved - h;
                double minus = loss(network, inputs, labels, firstExample);
                row[j] = saved;
                double numeric = (plus - minus) / (2 * h);
                double analytic = network.gradients()[r][j];
                double error = Math.abs(numeric - analytic) / Math.max(1e-4, Math.abs(numeric) + Math.abs(analytic));
                worst = Math.max(worst, error);
                assertTrue(error < 1e-5, "parameter row " + r + " column " + j + ": backward " + analytic
                        + ", finite difference " + numeric);
                checked++;
            }
        }
        int expected = 0;
        for (int l = 0; l + 1 < SIZES.length; l++) {
            expected += (SIZES[l] + 1) * SIZES[l + 1];
        }
        assertEquals(expected, checked, "every weight and bias checked");
        assertTrue(worst < 1e-5);
    }

    private static double loss(Mlp network, double[] inputs, int[] labels, int firstExample) {
        return SoftmaxCrossEntropy.loss(network.forward(inputs, firstExample, BATCH), labels, firstExample, BATCH,
                null);
    }

    /** backward() overwrites the gradients: a second call on the same batch gives the same values, not twice them. */
    @Test
    void backwardOverwritesGradients() {
        Mlp network = new Mlp(SIZES, BATCH);
        network.initialiseHe(new SplittableRandom(3));
        double[] inputs = new double[BATCH * SIZES[0]];
        java.util.Arrays.fill(inputs, 0.5);
        double[][] logitGradients = new double[BATCH][SIZES[SIZES.length - 1]];
        for (double[] row : logitGradients) {
            row[1] = 0.25;
        }
        network.forward(inputs, 0, BATCH);
        network.backward(logitGradients);
        double[][] first = deepCopy(network.gradients());
        network.forward(inputs, 0, BATCH);
        network.backward(logitGradients);
        for (int r = 0; r < first.length; r++) {
            assertArrayEquals(first[r], network.gradients()[r], 0);
        }
    }

    /** He initialisation: weights with variance 2 / fan-in, biases 0. */
    @Test
    void heInitialisationScalesWeightsByFanIn() {
        int[] sizes = {400, 300, 10};
        Mlp network = new Mlp(sizes, 1);
        network.initialiseHe(new SplittableRandom(5));
        double sumSquares = 0;
        for (int i = 0; i < sizes[0]; i++) {
            for (double w : network.parameters()[i]) {
                sumSquares += w * w;
            }
        }
        double variance = sumSquares / (sizes[0] * sizes[1]);
        assertEquals(2.0 / sizes[0], variance, 0.03 * 2.0 / sizes[0]);
        assertArrayEquals(new double[sizes[1]], network.parameters()[sizes[0]], 0, "layer 0's biases");
    }

    private static double[][] deepCopy(double[][] rows) {
        double[][] copy = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            copy[r] = rows[r].clone();
        }
        return copy;
    }
}
