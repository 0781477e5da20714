package dev.warmup.benchmarks;

import dev.warmup.StepLr;
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
 * The generated {@link StepLr#fill(double[], long)} per element, for every {@link Shape} (every warmup and decay
 * shape and every annotation), against two loops over the same {@value Shape#SWEEP} consecutive steps: the same
 * formula written by hand ({@link HandInline}), and the generated {@code lr} called per step. Each operation fills
 * {@value Shape#SWEEP} steps, starting where the last ended (wrapping over the shape's span, so every boundary of
 * the schedule is crossed); the score is per step. Issue 15's target: {@code fill} at most 1 ns per step.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class FillBenchmark {

    @Param
    public Shape shape;

    private final double[] out = new double[Shape.SWEEP];
    private long start;
    private StepLr generated;
    private LongToDoubleFunction hand;

    @Setup
    public void setUp() {
        generated = shape.generated;
        hand = shape.hand;
    }

    private long next() {
        long first = start;
        start = (first + Shape.SWEEP) % shape.span;
        return first;
    }

    /** The generated class's {@code fill}. */
    @Benchmark
    @OperationsPerInvocation(Shape.SWEEP)
    public double fill() {
        generated.fill(out, next());
        return out[Shape.SWEEP - 1];
    }

    /** The formula by hand, step by step: what a user writes without {@code fill}. */
    @Benchmark
    @OperationsPerInvocation(Shape.SWEEP)
    public double handLoop() {
        long first = next();
        for (int i = 0; i < Shape.SWEEP; i++) {
            out[i] = hand.applyAsDouble(first + i);
        }
        return out[Shape.SWEEP - 1];
    }

    /** The generated {@code lr}, step by step: what {@code fill} saves. */
    @Benchmark
    @OperationsPerInvocation(Shape.SWEEP)
    public double lrLoop() {
        long first = next();
        for (int i = 0; i < Shape.SWEEP; i++) {
            out[i] = generated.lr(first + i);
        }
        return out[Shape.SWEEP - 1];
    }
}
