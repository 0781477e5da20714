package dev.warmup.demo.bench;

import ai.djl.training.tracker.Tracker;
import dev.warmup.StepLr;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.schedule.ISchedule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One schedule, every way of computing it, in two shapes.
 * <ul>
 *   <li>{@code sweep*}: every step from 0 to {@value #STEPS} - 1 into an array, as a training run asks for them;
 *       the score is per step ({@link OperationsPerInvocation}). {@code sweepGeneratedFill} is the bulk API.</li>
 *   <li>{@code call*}: one call per operation, at a step that moves by a prime stride every invocation, so that
 *       nothing can be folded; the value is returned to JMH.</li>
 * </ul>
 * Subclasses supply the variants of one schedule; in a fork only one subclass is loaded, so each call is
 * monomorphic and inlined just as in user code.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public abstract class ScheduleBenchmark {

    /** Steps per sweep: the length of the longest reference case (ResNet-110's 64k). */
    static final int STEPS = 64_000;
    private static final long STRIDE = 7919;

    private final double[] out = new double[STEPS];
    private long next;
    private StepLr schedule;
    private Tracker djl;
    private ISchedule nd4j;
    private Peers.LambdaLr lambda;

    /** The generated class's {@code INSTANCE}, to be called through {@link StepLr}. */
    abstract StepLr generated();

    /** The generated class called directly, by its own type. */
    abstract double generatedDirect(long step);

    abstract double handInline(long step);

    /** A new DJL tracker (some are stateful and only move forward). */
    abstract Tracker newDjl();

    abstract ISchedule nd4j();

    abstract Peers.LambdaLr lambda();

    @Setup
    public void setUp() {
        schedule = generated();
        djl = newDjl();
        nd4j = nd4j();
        lambda = lambda();
    }

    private long nextStep() {
        long step = next;
        next = (next + STRIDE) % STEPS;
        return step;
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double sweepGeneratedInterface() {
        for (int step = 0; step < STEPS; step++) {
            out[step] = schedule.lr(step);
        }
        return out[STEPS - 1];
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double sweepGeneratedDirect() {
        for (int step = 0; step < STEPS; step++) {
            out[step] = generatedDirect(step);
        }
        return out[STEPS - 1];
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double sweepGeneratedFill() {
        schedule.fill(out, 0);
        return out[STEPS - 1];
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double sweepHandInline() {
        for (int step = 0; step < STEPS; step++) {
            out[step] = handInline(step);
        }
        return out[STEPS - 1];
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double sweepDjl() {
        Tracker tracker = newDjl();
        for (int step = 0; step < STEPS; step++) {
            out[step] = tracker.getNewValue(step);
        }
        return out[STEPS - 1];
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double sweepNd4j() {
        for (int step = 0; step < STEPS; step++) {
            out[step] = nd4j.valueAt(step, 0);
        }
        return out[STEPS - 1];
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double sweepLambda() {
        for (int step = 0; step < STEPS; step++) {
            out[step] = lambda.lr(step);
        }
        return out[STEPS - 1];
    }

    @Benchmark
    public double callGeneratedInterface() {
        return schedule.lr(nextStep());
    }

    @Benchmark
    public double callGeneratedDirect() {
        return generatedDirect(nextStep());
    }

    @Benchmark
    public double callHandInline() {
        return handInline(nextStep());
    }

    /** DJL's MultiFactorTracker only moves forward: once the step wraps, it keeps its last value (cost still real). */
    @Benchmark
    public double callDjl() {
        return djl.getNewValue((int) nextStep());
    }

    @Benchmark
    public double callNd4j() {
        return nd4j.valueAt((int) nextStep(), 0);
    }

    @Benchmark
    public double callLambda() {
        return lambda.lr(nextStep());
    }
}
