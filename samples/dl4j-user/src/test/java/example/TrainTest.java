package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.junit.jupiter.api.Test;

/** Two epochs of {@link Train}: the rate DL4J's updater takes at each update, and what the network learns. */
class TrainTest {

    private static final int EPOCHS = 2;
    private static final int UPDATES_PER_EPOCH = 45;

    @Test
    void trainsWithTheRatesOfTheScheduleAtDl4jsIterationCount() {
        RateRecorder recorder = new RateRecorder();

        double accuracy = Train.train(EPOCHS, System.out, recorder);

        assertTrue(accuracy > 0.85, "test accuracy " + accuracy);
        assertEquals(EPOCHS * UPDATES_PER_EPOCH, recorder.iterations.size(), "updates");
        for (int k = 1; k <= recorder.iterations.size(); k++) {
            assertEquals(k - 1, recorder.iterations.get(k - 1), "iteration count at update " + k);
            double expected = expectedRate(k - 1);
            assertEquals(expected, recorder.hiddenLayerRates.get(k - 1), 1e-12 * expected,
                    "hidden layer's rate, update " + k);
            assertEquals(expected, recorder.outputLayerRates.get(k - 1), 1e-12 * expected,
                    "output layer's rate, update " + k);
        }
    }

    @Test
    void expectedRatesAreTheSchedulesByHand() {
        assertEquals(0.0, expectedRate(0));
        assertEquals(0.1 / 45, expectedRate(1), 1e-15);
        assertEquals(0.1, expectedRate(45), 1e-15);
        assertEquals(0.05, expectedRate(45 + 405 / 2.0), 1e-15);
        assertEquals(0.0, expectedRate(450), 1e-15);
    }

    /**
     * {@code get_cosine_schedule_with_warmup(optimizer, 45, 450)} on lr 0.1 (Hugging Face), step t: 0.1 t / 45
     * for t below 45, then 0.1 (1 + cos(pi (t - 45) / 405)) / 2.
     */
    private static double expectedRate(double t) {
        return t < 45 ? 0.1 * t / 45 : 0.1 * (1 + Math.cos(Math.PI * (t - 45) / 405)) / 2;
    }

    /**
     * At each update, once the gradient is there and before the updater applies it: the network's iteration count
     * (updates done) and the learning rate each layer's updater gets for it ({@code getLearningRate(layer)}, which
     * asks the updater's schedule at that iteration and epoch).
     */
    private static final class RateRecorder extends BaseTrainingListener {
        final List<Integer> iterations = new ArrayList<>();
        final List<Double> hiddenLayerRates = new ArrayList<>();
        final List<Double> outputLayerRates = new ArrayList<>();

        @Override
        public void onGradientCalculation(Model model) {
            MultiLayerNetwork network = (MultiLayerNetwork) model;
            iterations.add(network.getIterationCount());
            hiddenLayerRates.add(network.getLearningRate(0));
            outputLayerRates.add(network.getLearningRate(1));
        }
    }
}
