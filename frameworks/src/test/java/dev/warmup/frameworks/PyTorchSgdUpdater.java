package dev.warmup.frameworks;

import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.FixedSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * A Deeplearning4j updater that steps as PyTorch's {@code torch.optim.SGD(params, lr, momentum, dampening = 0)}
 * does, with a scheduled rate. Update k (DL4J asks the schedules at {@code iteration = k - 1}, as it asks those of
 * its own updaters), g the gradient (the minibatch mean), b the velocity, 0 before update 1:
 * <pre>
 * lr = learningRateSchedule.valueAt(k - 1, epoch),  m = momentumSchedule.valueAt(k - 1, epoch)
 * b = m b + g
 * w = w - lr b              nesterov = false (PyTorch's default)
 * w = w - lr (g + m b)      nesterov = true
 * </pre>
 * The rate multiplies the whole velocity at each update, so a change of rate applies at once to the momentum
 * gathered before it. DL4J's {@code Nesterovs} instead multiplies each gradient by the rate of its own update as it
 * enters the velocity: with a constant rate it steps as {@code nesterov = true} here, not after a change of rate.
 *
 * <p>Given as DL4J's own updaters are: {@code .updater(new PyTorchSgdUpdater(XStepLr.INSTANCE, 0.9))}, with the
 * class the processor generates ({@code @Adapters(Framework.ND4J)}). The configuration goes through DL4J's JSON (the
 * {@code @class} of the updater and of each schedule) and Java serialisation; the velocity is DL4J's updater state,
 * saved and restored with the network by {@code ModelSerializer}. DL4J's {@code WeightDecay} applies after the
 * updater, not as PyTorch's {@code weight_decay}; DL4J's L2 adds {@code l2 w} to the gradient before it, as PyTorch's
 * does.
 */
public final class PyTorchSgdUpdater implements IUpdater {

    private static final long serialVersionUID = 1L;

    private final ISchedule learningRateSchedule;
    private final ISchedule momentumSchedule;
    private final boolean nesterov;

    /** PyTorch's SGD with momentum, {@code nesterov = false}. */
    public PyTorchSgdUpdater(ISchedule learningRateSchedule, double momentum) {
        this(learningRateSchedule, new FixedSchedule(momentum), false);
    }

    /** With a scheduled momentum (OneCycleLR's cycled momentum, say), and PyTorch's Nesterov form or not. */
    @JsonCreator
    public PyTorchSgdUpdater(@JsonProperty("learningRateSchedule") ISchedule learningRateSchedule,
            @JsonProperty("momentumSchedule") ISchedule momentumSchedule, @JsonProperty("nesterov") boolean nesterov) {
        this.learningRateSchedule = Objects.requireNonNull(learningRateSchedule, "learningRateSchedule");
        this.momentumSchedule = Objects.requireNonNull(momentumSchedule, "momentumSchedule");
        this.nesterov = nesterov;
    }

    public ISchedule getLearningRateSchedule() {
        return learningRateSchedule;
    }

    public ISchedule getMomentumSchedule() {
        return momentumSchedule;
    }

    public boolean isNesterov() {
        return nesterov;
    }

    /** One velocity value per parameter. */
    @Override
    public long stateSize(long numParams) {
        return numParams;
    }

    @Override
    public GradientUpdater<PyTorchSgdUpdater> instantiate(INDArray viewArray, boolean initializeViewArray) {
        Updater updater = new Updater(this);
        updater.setStateViewArray(viewArray, viewArray.shape(), viewArray.ordering(), initializeViewArray);
        return updater;
    }

    @Override
    public GradientUpdater<PyTorchSgdUpdater> instantiate(Map<String, INDArray> state, boolean initializeStateArrays) {
        throw new UnsupportedOperationException("DL4J networks keep the state in one view array");
    }

    @Override
    public PyTorchSgdUpdater clone() {
        return new PyTorchSgdUpdater(learningRateSchedule.clone(), momentumSchedule.clone(), nesterov);
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return learningRateSchedule.valueAt(iteration, epoch);
    }

    @Override
    public boolean hasLearningRate() {
        return true;
    }

    /** The rate is the constructor's schedule: {@code MultiLayerNetwork.setLearningRate} cannot change it. */
    @Override
    public void setLrAndSchedule(double lr, ISchedule lrSchedule) {
        throw new UnsupportedOperationException("the rate of a PyTorchSgdUpdater is its schedule");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PyTorchSgdUpdater that && learningRateSchedule.equals(that.learningRateSchedule)
                && momentumSchedule.equals(that.momentumSchedule) && nesterov == that.nesterov;
    }

    @Override
    public int hashCode() {
        return Objects.hash(learningRateSchedule, momentumSchedule, nesterov);
    }

    @Override
    public String toString() {
        return "PyTorchSgdUpdater(learningRateSchedule=" + learningRateSchedule + ", momentumSchedule="
                + momentumSchedule + ", nesterov=" + nesterov + ")";
    }

    /** The updater of one block of parameters: leaves in the gradient what DL4J subtracts from the parameters. */
    private static final class Updater implements GradientUpdater<PyTorchSgdUpdater> {
        private final PyTorchSgdUpdater config;
        private INDArray velocity;

        Updater(PyTorchSgdUpdater config) {
            this.config = config;
        }

        @Override
        public PyTorchSgdUpdater getConfig() {
            return config;
        }

        @Override
        public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder,
                boolean initialize) {
            if (initialize) {
                viewArray.assign(0);
            }
            // A view of DL4J's state array, in the gradient's shape: writing it writes DL4J's state.
            velocity = Shape.newShapeNoCopy(viewArray, gradientShape, gradientOrder == 'f');
            if (velocity == null) {
                throw new IllegalStateException("the state array cannot take the gradient's shape without a copy");
            }
        }

        @Override
        public void setState(Map<String, INDArray> state, boolean initialize) {
            throw new UnsupportedOperationException("DL4J networks keep the state in one view array");
        }

        @Override
        public Map<String, INDArray> getState() {
            return Map.of("V", velocity);
        }

        @Override
        public void applyUpdater(INDArray gradient, int iteration, int epoch) {
            double lr = config.learningRateSchedule.valueAt(iteration, epoch);
            double m = config.momentumSchedule.valueAt(iteration, epoch);
            velocity.muli(m).addi(gradient);                    // b = m b + g
            if (config.nesterov) {
                gradient.addi(velocity.mul(m)).muli(lr);        // lr (g + m b)
            } else {
                gradient.assign(velocity).muli(lr);             // lr b
            }
        }
    }
}
