package dev.warmup.demo;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A multilayer perceptron with ReLU hidden layers and linear outputs (logits), forward and backward written out by
 * hand over {@code double[]} arrays, so that the arithmetic is all there is to read and a training step allocates
 * nothing.
 *
 * <p>Layout. Layer {@code l} maps {@code in = sizes[l]} values to {@code out = sizes[l + 1]}. Its weights are
 * {@code in} rows of {@code out} values, {@code W[i][j]}, followed by one row of {@code out} biases; the rows of all
 * layers, in order, are {@link #parameters()}, and {@link #gradients()} has the same shape. Activations and deltas
 * are one row per example. Every inner loop is then {@code a[j] += x * b[j]} over two rows indexed alike, which
 * JDK 17's C2 compiles to SIMD code; over one long array with two different offsets it cannot rule out that the
 * ranges overlap and runs scalar code, about four times slower (measured on this demo's shapes).
 *
 * <p>The buffers are sized once for the largest batch; {@link #forward} returns one of them, overwritten by the next
 * call. Not thread-safe: each training run owns its network.
 */
final class Mlp {

    private final int[] layerSizes;
    private final int maxBatchSize;
    /** firstRow[l]: the index in parameters of layer l's first weight row; its bias row is firstRow[l] + in. */
    private final int[] firstRow;
    private final double[][] parameters;
    private final double[][] gradients;
    /** activations[l][b] for l >= 1: the outputs of layer l for example b (after ReLU for hidden layers). */
    private final double[][][] activations;
    /** deltas[l][b] for l >= 1: d(loss) / d(pre-activation of layer l) for example b. */
    private final double[][][] deltas;
    /** transposed[l][j][i] = W[i][j] of layer l >= 1, refreshed each backward: see propagateDelta. */
    private final double[][][] transposed;

    /** Scratch for {@link #addScaledRows}: the non-zero scales of one sum and the rows they multiply. */
    private final double[] termScales;
    private final double[][] termRows;

    private double[] lastInputs;
    private int lastFirstRow;
    private int lastBatchSize;

    /**
     * Creates a network with all parameters 0; call {@link #initialiseHe} before training.
     *
     * @param layerSizes the input width, the hidden widths, then the number of classes
     * @param maxBatchSize the largest batch that forward and backward will be given
     */
    Mlp(int[] layerSizes, int maxBatchSize) {
        if (layerSizes.length < 2 || maxBatchSize < 1) {
            throw new IllegalArgumentException("need an input and an output layer and a batch size >= 1");
        }
        for (int size : layerSizes) {
            if (size < 1) {
                throw new IllegalArgumentException("layer sizes must be >= 1: " + Arrays.toString(layerSizes));
            }
        }
        this.layerSizes = layerSizes.clone();
        this.maxBatchSize = maxBatchSize;
        int layers = layerSizes.length - 1;
        firstRow = new int[layers];
        int rows = 0;
        for (int l = 0; l < layers; l++) {
            firstRow[l] = rows;
            rows += layerSizes[l] + 1;
        }
        parameters = new double[rows][];
        gradients = new double[rows][];
        for (int l = 0; l < layers; l++) {
            for (int r = firstRow[l]; r <= firstRow[l] + layerSizes[l]; r++) {
                parameters[r] = new double[layerSizes[l + 1]];
                gradients[r] = new double[layerSizes[l + 1]];
            }
        }
        activations = new double[layers + 1][][];
        deltas = new double[layers + 1][][];
        for (int l = 1; l <= layers; l++) {
            activations[l] = new double[maxBatchSize][layerSizes[l]];
            deltas[l] = new double[maxBatchSize][layerSizes[l]];
        }
        int terms = maxBatchSize;
        for (int size : layerSizes) {
            terms = Math.max(terms, size);
        }
        termScales = new double[terms];
        termRows = new double[terms][];
        transposed = new double[layers][][];
        for (int l = 1; l < layers; l++) {
            transposed[l] = new double[layerSizes[l + 1]][layerSizes[l]];
        }
    }

    /**
     * He et al. (2015) initialisation: weights drawn from N(0, 2 / fan-in), which keeps the activations' scale from
     * layer to layer under ReLU; biases 0.
     */
    void initialiseHe(SplittableRandom random) {
        for (int l = 0; l < firstRow.length; l++) {
            double std = Math.sqrt(2.0 / layerSizes[l]);
            for (int i = 0; i < layerSizes[l]; i++) {
                double[] row = parameters[firstRow[l] + i];
                for (int j = 0; j < row.length; j++) {
                    row[j] = std * standardNormal(random);
                }
            }
            Arrays.fill(parameters[biasRow(l)], 0);
        }
    }

    /**
     * A draw from N(0, 1) by the Box-Muller transform in {@code StrictMath}, rather than {@code nextGaussian()},
     * whose tail uses {@code Math.log} and {@code Math.exp}: those may differ in the last bit between JVMs, and the
     * demo's initial networks should be the same everywhere (see {@link SoftmaxCrossEntropy}).
     */
    private static double standardNormal(SplittableRandom random) {
        double uniform = 1 - random.nextDouble(); // in (0, 1]: the logarithm stays finite
        return StrictMath.sqrt(-2 * StrictMath.log(uniform)) * StrictMath.cos(2 * Math.PI * random.nextDouble());
    }

    /** Every weight row and bias row, in the layout described on the class; an optimiser updates them in place. */
    double[][] parameters() {
        return parameters;
    }

    /** d(loss) / d(parameter) from the last {@link #backward}, in the shape of {@link #parameters()}. */
    double[][] gradients() {
        return gradients;
    }

    int inputSize() {
        return layerSizes[0];
    }

    int outputSize() {
        return layerSizes[layerSizes.length - 1];
    }

    int maxBatchSize() {
        return maxBatchSize;
    }

    private int biasRow(int layer) {
        return firstRow[layer] + layerSizes[layer];
    }

    /**
     * Computes the logits of {@code batchSize} examples stored row-major in {@code inputs} from example
     * {@code firstExample}.
     *
     * @return the logits, one row per example (rows past {@code batchSize} are stale): an internal buffer that the
     *     next call overwrites
     */
    double[][] forward(double[] inputs, int firstExample, int batchSize) {
        if (batchSize < 1 || batchSize > maxBatchSize) {
            throw new IllegalArgumentException("batch size " + batchSize + " outside [1, " + maxBatchSize + "]");
        }
        lastInputs = inputs;
        lastFirstRow = firstExample;
        lastBatchSize = batchSize;
        int layers = firstRow.length;
        for (int b = 0; b < batchSize; b++) {
            affineFromInputs(inputs, (firstExample + b) * inputSize(), activations[1][b]);
        }
        for (int l = 1; l < layers; l++) {
            relu(activations[l], batchSize);
            for (int b = 0; b < batchSize; b++) {
                affine(l, activations[l][b], activations[l + 1][b]);
            }
        }
        return activations[layers];
    }

    /** out = x W + bias for layer 0, whose input x is a slice of the caller's flat array. */
    private void affineFromInputs(double[] inputs, int offset, double[] out) {
        System.arraycopy(parameters[biasRow(0)], 0, out, 0, out.length);
        int terms = 0;
        for (int i = 0; i < inputSize(); i++) {
            terms = addTerm(terms, inputs[offset + i], parameters[firstRow[0] + i]);
        }
        addScaledRows(out, terms);
    }

    /** out = x W + bias for layer {@code layer >= 1}. */
    private void affine(int layer, double[] x, double[] out) {
        System.arraycopy(parameters[biasRow(layer)], 0, out, 0, out.length);
        int terms = 0;
        for (int i = 0; i < x.length; i++) {
            terms = addTerm(terms, x[i], parameters[firstRow[layer] + i]);
        }
        addScaledRows(out, terms);
    }

    /**
     * Queues {@code scale * row} for {@link #addScaledRows} unless {@code scale} is 0: ReLU zeroes about half of a
     * hidden layer's outputs, and a third of the pixels are blank, so skipping zeros halves the work.
     *
     * @return the number of terms now queued
     */
    private int addTerm(int terms, double scale, double[] row) {
        if (scale == 0) {
            return terms;
        }
        termScales[terms] = scale;
        termRows[terms] = row;
        return terms + 1;
    }

    /**
     * target[j] += the sum over queued terms of scale * row[j]: the loop that forward and backward spend their time
     * in. It takes four rows per pass, so that target is loaded and stored once per four rows instead of once per row.
     */
    private void addScaledRows(double[] target, int terms) {
        int k = 0;
        for (; k + 4 <= terms; k += 4) {
            double s0 = termScales[k];
            double s1 = termScales[k + 1];
            double s2 = termScales[k + 2];
            double s3 = termScales[k + 3];
            double[] r0 = termRows[k];
            double[] r1 = termRows[k + 1];
            double[] r2 = termRows[k + 2];
            double[] r3 = termRows[k + 3];
            for (int j = 0; j < target.length; j++) {
                target[j] += s0 * r0[j] + s1 * r1[j] + s2 * r2[j] + s3 * r3[j];
            }
        }
        for (; k < terms; k++) {
            double scale = termScales[k];
            double[] row = termRows[k];
            for (int j = 0; j < target.length; j++) {
                target[j] += scale * row[j];
            }
        }
    }

    private static void relu(double[][] rows, int batchSize) {
        for (int b = 0; b < batchSize; b++) {
            double[] row = rows[b];
            for (int k = 0; k < row.length; k++) {
                row[k] = Math.max(row[k], 0);
            }
        }
    }

    /**
     * Back-propagates d(loss) / d(logits) of the last {@link #forward} batch and stores d(loss) / d(parameters) in
     * {@link #gradients()} (overwriting it, not adding to it).
     *
     * @param logitGradients one row of {@code outputSize()} values per example of the batch
     */
    void backward(double[][] logitGradients) {
        if (lastInputs == null) {
            throw new IllegalStateException("backward before forward");
        }
        int layers = firstRow.length;
        int batchSize = lastBatchSize;
        for (int b = 0; b < batchSize; b++) {
            System.arraycopy(logitGradients[b], 0, deltas[layers][b], 0, outputSize());
        }
        for (double[] row : gradients) {
            Arrays.fill(row, 0);
        }
        for (int l = layers - 1; l >= 1; l--) {
            accumulateGradients(l, deltas[l + 1], batchSize);
            propagateDelta(l, deltas[l + 1], deltas[l], batchSize);
        }
        accumulateInputLayerGradients(deltas[1], batchSize);
    }

    /**
     * dW[i][j] = sum over the batch of x[b][i] * delta[b][j]; dbias[j] = sum of delta[b][j]. The loop over i is
     * outside the loop over the batch so that one row of dW stays in the cache while the batch streams past it.
     */
    private void accumulateGradients(int layer, double[][] delta, int batchSize) {
        double[][] x = activations[layer];
        for (int i = 0; i < layerSizes[layer]; i++) {
            int terms = 0;
            for (int b = 0; b < batchSize; b++) {
                terms = addTerm(terms, x[b][i], delta[b]);
            }
            addScaledRows(gradients[firstRow[layer] + i], terms);
        }
        accumulateBiasGradients(layer, delta, batchSize);
    }

    /** As {@link #accumulateGradients} for layer 0, whose input is the caller's flat array. */
    private void accumulateInputLayerGradients(double[][] delta, int batchSize) {
        for (int i = 0; i < inputSize(); i++) {
            int terms = 0;
            for (int b = 0; b < batchSize; b++) {
                terms = addTerm(terms, lastInputs[(lastFirstRow + b) * inputSize() + i], delta[b]);
            }
            addScaledRows(gradients[firstRow[0] + i], terms);
        }
        accumulateBiasGradients(0, delta, batchSize);
    }

    private void accumulateBiasGradients(int layer, double[][] delta, int batchSize) {
        int terms = 0;
        for (int b = 0; b < batchSize; b++) {
            terms = addTerm(terms, 1, delta[b]);
        }
        addScaledRows(gradients[biasRow(layer)], terms);
    }

    /**
     * The delta of the layer below: belowDelta[b][i] = sum over j of W[i][j] * delta[b][j], times ReLU's derivative
     * (1 where the layer's input was positive, 0 where ReLU clipped it). Summed as rows of W's transpose scaled by
     * delta[b][j], so that it too is the row-wise loop; the transpose costs one pass over W per step.
     */
    private void propagateDelta(int layer, double[][] delta, double[][] belowDelta, int batchSize) {
        int inSize = layerSizes[layer];
        int outSize = layerSizes[layer + 1];
        double[][] weightsTransposed = transposed[layer];
        for (int i = 0; i < inSize; i++) {
            double[] weightRow = parameters[firstRow[layer] + i];
            for (int j = 0; j < outSize; j++) {
                weightsTransposed[j][i] = weightRow[j];
            }
        }
        double[][] below = activations[layer];
        for (int b = 0; b < batchSize; b++) {
            double[] sum = belowDelta[b];
            Arrays.fill(sum, 0);
            int terms = 0;
            for (int j = 0; j < outSize; j++) {
                terms = addTerm(terms, delta[b][j], weightsTransposed[j]);
            }
            addScaledRows(sum, terms);
            for (int i = 0; i < inSize; i++) {
                if (below[b][i] <= 0) {
                    sum[i] = 0;
                }
            }
        }
    }
}
