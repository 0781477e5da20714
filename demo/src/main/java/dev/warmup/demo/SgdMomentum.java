package dev.warmup.demo;

/**
 * Stochastic gradient descent with heavy-ball momentum, as PyTorch's {@code SGD} and Goyal et al. (2017) write it:
 * {@code v = momentum * v + g; p = p - lr * v}. The learning rate is an argument of each step, not a field, because a
 * schedule decides it step by step. Momentum 0 is plain SGD.
 */
final class SgdMomentum {

    private final double momentum;
    private final double[][] velocity;

    /**
     * @param parameterShape the parameters' rows, whose lengths the velocity takes (their values are not read)
     */
    SgdMomentum(double[][] parameterShape, double momentum) {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), was " + momentum);
        }
        this.momentum = momentum;
        this.velocity = new double[parameterShape.length][];
        for (int r = 0; r < velocity.length; r++) {
            velocity[r] = new double[parameterShape[r].length];
        }
    }

    /** Moves {@code parameters} against {@code gradients} by {@code learningRate}, in place. */
    void step(double[][] parameters, double[][] gradients, double learningRate) {
        if (parameters.length != velocity.length || gradients.length != velocity.length) {
            throw new IllegalArgumentException("expected " + velocity.length + " rows of parameters and gradients");
        }
        for (int r = 0; r < velocity.length; r++) {
            double[] v = velocity[r];
            double[] p = parameters[r];
            double[] g = gradients[r];
            for (int k = 0; k < v.length; k++) {
                v[k] = momentum * v[k] + g[k];
                p[k] -= learningRate * v[k];
            }
        }
    }
}
