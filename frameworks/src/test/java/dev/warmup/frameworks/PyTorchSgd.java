package dev.warmup.frameworks;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SGD with momentum for DJL that updates as PyTorch's {@code torch.optim.SGD} (dampening 0, not Nesterov):
 *
 * <pre>
 * g = clip(rescaleGrad * gradient, -clipGrad, clipGrad) + weightDecay * w   (no clipping when clipGrad &lt; 0)
 * v = momentum * v + g                                                      (v starts at 0: the first v is g)
 * w = w - lr * v
 * </pre>
 *
 * <p>The rate is asked of the tracker as DJL's {@code Sgd} asks it, {@code getNewValue(k)} for update k = 1, 2, ...;
 * a generated tracker answers {@code lr(k - 1)}, PyTorch's rate for its k-th step. DJL's own {@code Sgd} puts the
 * rate inside the velocity ({@code v = momentum * v + lr * g; w = w - v}): the two agree while the rate holds, and
 * differ once it changes. Use: {@code PyTorchSgd.builder().setLearningRateTracker(tracker).optMomentum(0.9f).build()}.
 */
public final class PyTorchSgd extends Optimizer {

    private final ParameterTracker learningRateTracker;
    private final float momentum;
    private final Map<String, Map<Device, NDArray>> velocities = new ConcurrentHashMap<>();

    private PyTorchSgd(Builder builder) {
        super(builder);
        learningRateTracker = Objects.requireNonNull(builder.learningRateTracker, "No lrTracker set");
        momentum = builder.momentum;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        float lr = learningRateTracker.getNewValue(parameterId, updateCount(parameterId));
        NDArray v = withDefaultState(velocities, parameterId, weight.getDevice(), k -> weight.zerosLike());
        try (NDScope scope = new NDScope()) { // closes the temporaries below
            scope.suppressNotUsedWarning();
            NDArray g = grad.mul(rescaleGrad);
            if (clipGrad >= 0) {
                g = g.clip(-clipGrad, clipGrad);
            }
            g.addi(weight.mul(getWeightDecay()));
            v.muli(momentum).addi(g);
            weight.subi(v.mul(lr));
            // The next backward pass adds to the gradient: start it from 0, as DJL's own optimizers do.
            weight.getGradient().muli(0);
        }
    }

    /** Builds a {@link PyTorchSgd}; rescaleGrad, clipGrad, weight decay and beginNumUpdate as DJL's optimizers. */
    public static final class Builder extends OptimizerBuilder<Builder> {

        private ParameterTracker learningRateTracker;
        private float momentum;

        public Builder setLearningRateTracker(ParameterTracker learningRateTracker) {
            this.learningRateTracker = learningRateTracker;
            return this;
        }

        public Builder optMomentum(float momentum) {
            this.momentum = momentum;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public PyTorchSgd build() {
            return new PyTorchSgd(this);
        }
    }
}
