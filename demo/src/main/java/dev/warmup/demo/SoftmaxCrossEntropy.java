package dev.warmup.demo;

/**
 * The mean softmax cross-entropy of a batch of logits, and its gradient with respect to the logits,
 * {@code (softmax(z) - onehot(label)) / batchSize}, computed together because they share the softmax.
 *
 * <p>{@code StrictMath}, not {@code Math}: {@code Math.exp} and {@code Math.log} may differ in the last bit from one
 * JVM or processor to another, and a training run near the edge of divergence can amplify one bit into another
 * outcome. With {@code StrictMath} (and Java's otherwise exact double arithmetic) a seed gives the same run, and the
 * README's table, everywhere.
 */
final class SoftmaxCrossEntropy {

    private SoftmaxCrossEntropy() {}

    /**
     * Returns the mean loss over the first {@code batchSize} rows and, if {@code logitGradients} is not null, writes
     * its gradient there.
     *
     * <p>The softmax subtracts each row's largest logit first, so large logits (early training at a large rate) give a
     * large finite loss rather than an overflow; only logits that are already infinite or NaN give a non-finite loss.
     *
     * @param logits one row of class scores per example
     * @param labels the class of each example, from index {@code firstLabel}
     * @param logitGradients where to write the gradient, in the shape of {@code logits}, or null for the loss only
     */
    static double loss(double[][] logits, int[] labels, int firstLabel, int batchSize, double[][] logitGradients) {
        double total = 0;
        for (int b = 0; b < batchSize; b++) {
            double[] row = logits[b];
            double max = Double.NEGATIVE_INFINITY;
            for (double logit : row) {
                max = Math.max(max, logit);
            }
            double sumExp = 0;
            for (double logit : row) {
                sumExp += StrictMath.exp(logit - max);
            }
            int label = labels[firstLabel + b];
            double logSumExp = max + StrictMath.log(sumExp);
            total += logSumExp - row[label];
            if (logitGradients != null) {
                double[] gradient = logitGradients[b];
                for (int c = 0; c < row.length; c++) {
                    double probability = StrictMath.exp(row[c] - logSumExp);
                    gradient[c] = (probability - (c == label ? 1 : 0)) / batchSize;
                }
            }
        }
        return total / batchSize;
    }

    /** Returns how many of the first {@code batchSize} rows have their largest logit at the example's label. */
    static int countCorrect(double[][] logits, int[] labels, int firstLabel, int batchSize) {
        int correct = 0;
        for (int b = 0; b < batchSize; b++) {
            double[] row = logits[b];
            int predicted = 0;
            for (int c = 1; c < row.length; c++) {
                if (row[c] > row[predicted]) {
                    predicted = c;
                }
            }
            if (predicted == labels[firstLabel + b]) {
                correct++;
            }
        }
        return correct;
    }
}
