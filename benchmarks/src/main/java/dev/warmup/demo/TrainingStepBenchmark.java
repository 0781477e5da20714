package dev.warmup.demo;

import dev.warmup.StepLr;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What share of the demo's training step the schedule takes: one step of the demo's own trainer (batch 256 through
 * the 64-64-64-64 MLP, forward, backward, SGD with momentum) against one {@code lr(step)} of the schedule it trains
 * with. In the same package as the trainer, which is package-private.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TrainingStepBenchmark {

    private Trainer trainer;
    private StepLr schedule;
    private long next;

    @Setup
    public void setUp() {
        Dataset.Split data = DigitsCsv.load().split(WarmupExperiment.TEST_FRACTION, WarmupExperiment.SPLIT_SEED);
        Arm arm = WarmupExperiment.GRADUAL_WARMUP;
        SplittableRandom random = new SplittableRandom(1);
        Mlp network = new Mlp(WarmupExperiment.SETTINGS.layerSizes(data.train()), arm.batchSize());
        network.initialiseHe(random.split());
        schedule = arm.schedule();
        trainer = new Trainer(network, new SgdMomentum(network.parameters(), WarmupExperiment.SETTINGS.momentum()),
                data.train(), schedule, arm.batchSize(), random.split());
    }

    /** One whole training step; the loss is returned (and may diverge late on: the cost is the same). */
    @Benchmark
    public double trainingStep() {
        return trainer.step();
    }

    /** The schedule's part of it: one {@code lr} at a step that moves every invocation. */
    @Benchmark
    public double scheduleLr() {
        next = (next + 7) % 200;
        return schedule.lr(next);
    }
}
