package dev.warmup.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongToDoubleFunction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Every {@link Peer}, in the two shapes of {@link ShapeBenchmark} (same random steps, same sweeps), so that the
 * report can put each beside the generated class of its shape. A sweep of a stateful peer (DJL's
 * {@code MultiFactorTracker}, which only moves forward) builds a new one; the random calls use one, which for those
 * gives wrong values once the step goes back (their cost is still what it is).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class PeerBenchmark {

    @Param
    public Peer peer;

    private final long[] randomSteps = new long[ShapeBenchmark.RANDOM_STEPS];
    private final double[] out = new double[Shape.SWEEP];
    private int nextRandom;
    private long sweepStart;
    private LongToDoubleFunction instance;

    @Setup
    public void setUp() {
        instance = peer.factory.get();
        SplittableRandom random = new SplittableRandom(15);
        for (int i = 0; i < randomSteps.length; i++) {
            randomSteps[i] = random.nextInt(peer.shape.span);
        }
    }

    @Benchmark
    public double callPeer() {
        return instance.applyAsDouble(randomSteps[nextRandom++ & (ShapeBenchmark.RANDOM_STEPS - 1)]);
    }

    @Benchmark
    @OperationsPerInvocation(Shape.SWEEP)
    public double sweepPeer() {
        long start = sweepStart;
        sweepStart = (start + Shape.SWEEP) % peer.shape.span;
        LongToDoubleFunction sweeping = peer.stateful ? peer.factory.get() : instance;
        for (int i = 0; i < Shape.SWEEP; i++) {
            out[i] = sweeping.applyAsDouble(start + i);
        }
        return out[Shape.SWEEP - 1];
    }
}
