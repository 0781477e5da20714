package dev.warmup.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The training loop's promise: after warm-up, a step allocates nothing, and neither does an evaluation. Measured
 * with the JVM's count of the bytes this thread has allocated, whose sensitivity the test checks first.
 *
 * <p>The bound is less than one byte per step, not exactly 0: while the JIT replaces interpreted or less optimised
 * code, the JVM itself now and then allocates a few hundred bytes once (seen: 184 and 304 bytes over 2000 steps; with
 * {@code -Xint}, always 0). Anything that a step allocates every time is at least 16 bytes a step, 16,000 here.
 */
class TrainerTest {

    private static final int MEASURED_STEPS = 1000;

    private static com.sun.management.ThreadMXBean threads;
    private static Dataset.Split data;

    /** Keeps the allocation of {@link #measuringDetectsAnAllocation} reachable, so the JIT cannot remove it. */
    private static volatile Object sink;

    @BeforeAll
    static void setUp() {
        threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
        data = DigitsCsv.load().split(WarmupExperiment.TEST_FRACTION, WarmupExperiment.SPLIT_SEED);
    }

    private static long allocatedBytes() {
        return threads.getCurrentThreadAllocatedBytes();
    }

    /** The instrument works: a thousand small arrays are seen (otherwise "no bytes" below would prove nothing). */
    @Test
    void measuringDetectsAnAllocation() {
        long before = allocatedBytes();
        for (int i = 0; i < MEASURED_STEPS; i++) {
            sink = new double[4];
        }
        long allocated = allocatedBytes() - before;
        assertTrue(allocated >= MEASURED_STEPS * 32L,
                "saw only " + allocated + " bytes for " + MEASURED_STEPS + " arrays");
    }

    @Test
    void trainingStepAllocatesNothing() {
        for (int batchSize : new int[] {ExperimentSchedules.SMALL_BATCH, ExperimentSchedules.LARGE_BATCH}) {
            Trainer trainer = trainer(network(), batchSize);
            for (int i = 0; i < 500; i++) { // let the JIT compile step() and everything it calls
                trainer.step();
            }
            long before = allocatedBytes();
            for (int i = 0; i < MEASURED_STEPS; i++) {
                trainer.step();
            }
            long allocated = allocatedBytes() - before;
            assertTrue(allocated < MEASURED_STEPS,
                    allocated + " bytes allocated by " + MEASURED_STEPS + " steps of batch " + batchSize);
        }
    }

    @Test
    void evaluationAllocatesNothing() {
        Evaluator test = new Evaluator(network(), data.test());
        for (int i = 0; i < 200; i++) {
            test.evaluate();
        }
        int evaluations = 500;
        long before = allocatedBytes();
        for (int i = 0; i < evaluations; i++) {
            test.evaluate();
        }
        long allocated = allocatedBytes() - before;
        assertTrue(allocated < evaluations, allocated + " bytes allocated by " + evaluations + " evaluations");
    }

    @Test
    void trainingLowersTheLoss() {
        Mlp network = network();
        Trainer trainer = trainer(network, ExperimentSchedules.SMALL_BATCH);
        Evaluator train = new Evaluator(network, data.train());
        train.evaluate();
        double before = train.loss();
        for (int i = 0; i < 300; i++) {
            trainer.step();
        }
        train.evaluate();
        assertTrue(train.loss() < before / 4, "loss " + before + " -> " + train.loss());
        assertTrue(train.accuracy() > 0.9, "training accuracy " + train.accuracy());
    }

    private static Mlp network() {
        Mlp network = new Mlp(WarmupExperiment.SETTINGS.layerSizes(data.train()), 256);
        network.initialiseHe(new SplittableRandom(1));
        return network;
    }

    private static Trainer trainer(Mlp network, int batchSize) {
        return new Trainer(network, new SgdMomentum(network.parameters(), 0.9), data.train(),
                ExperimentSchedules_SmallRateStepLr.INSTANCE, batchSize, new SplittableRandom(2));
    }
}
