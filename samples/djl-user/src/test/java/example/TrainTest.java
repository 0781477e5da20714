package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two epochs of {@link Train}: what DJL's optimizer asks the generated tracker, and what the network learns. */
class TrainTest {

    private static final int EPOCHS = 2;
    private static final int UPDATES_PER_EPOCH = 45;
    /** The network's four parameter arrays: two weights, two biases, each updated once per step. */
    private static final int PARAMETERS = 4;

    @Test
    void trainsWithTheRatesOfTheScheduleAtDjlsUpdateCount() throws Exception {
        RecordingTracker tracker = new RecordingTracker(WarmupCosineStepLr.INSTANCE);

        double accuracy = Train.train(tracker, EPOCHS, System.out);

        assertTrue(accuracy > 0.85, "test accuracy " + accuracy);
        int updates = EPOCHS * UPDATES_PER_EPOCH;
        assertEquals(updates * PARAMETERS, tracker.updateNumbers.size(), "calls from the optimizer");
        for (int call = 0; call < tracker.updateNumbers.size(); call++) {
            int k = call / PARAMETERS + 1;
            assertEquals(k, tracker.updateNumbers.get(call), "update number DJL passed at its update " + k);
            float expected = (float) expectedRate(k - 1);
            assertEquals(expected, tracker.rates.get(call), Math.ulp(expected), "rate of update " + k);
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
     * Passes on the generated tracker's answers, keeping every question DJL's optimizer asks: it asks through
     * {@code ParameterTracker.getNewValue(parameterId, numUpdate)}, once per parameter and update. {@link Train}'s
     * own log line asks {@code getNewValue(numUpdate)}, which is not kept.
     */
    private static final class RecordingTracker implements Tracker {
        final Tracker schedule;
        final List<Integer> updateNumbers = new ArrayList<>();
        final List<Float> rates = new ArrayList<>();

        RecordingTracker(Tracker schedule) {
            this.schedule = schedule;
        }

        @Override
        public float getNewValue(int numUpdate) {
            return schedule.getNewValue(numUpdate);
        }

        @Override
        public float getNewValue(String parameterId, int numUpdate) {
            float rate = schedule.getNewValue(parameterId, numUpdate);
            updateNumbers.add(numUpdate);
            rates.add(rate);
            return rate;
        }
    }
}
