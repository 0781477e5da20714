package dev.warmup.benchmarks;

import dev.warmup.StepLr;
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
 * Every {@link Shape}: the generated class called through {@link StepLr} against the same formula by hand, both
 * held in a field of an interface type ({@code StepLr}, {@code LongToDoubleFunction}) and so called the same way:
 * JMH runs each shape in a fork of its own, where each call site sees one class, and the JIT inlines either body
 * behind the same type check. What is compared is the two bodies.
 * <ul>
 *   <li>{@code call*}: one call per operation at a step read from {@value #RANDOM_STEPS} random steps of the
 *       schedule's span, filled before the run, so that neither the branch nor the value can be predicted.</li>
 *   <li>{@code sweep*}: {@value Shape#SWEEP} consecutive steps into an array, as a training run asks for them and
 *       as {@code StepLr}'s default {@link StepLr#fill(double[], long)} writes them (a loop over {@code lr}), starting
 *       where the last sweep ended (wrapping over the span); the score is per step. An array, not a sum: a running
 *       sum would chain every step on the latency of one addition, a floor that hides the cheap shapes'
 *       differences.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class ShapeBenchmark {

    static final int RANDOM_STEPS = 1024;

    @Param
    public Shape shape;

    private final long[] randomSteps = new long[RANDOM_STEPS];
    private final double[] out = new double[Shape.SWEEP];
    private int nextRandom;
    private long sweepStart;
    private StepLr generated;
    private LongToDoubleFunction hand;

    @Setup
    public void setUp() {
        generated = shape.generated;
        hand = shape.hand;
        SplittableRandom random = new SplittableRandom(15);
        for (int i = 0; i < RANDOM_STEPS; i++) {
            randomSteps[i] = random.nextInt(shape.span);
        }
    }

    private long randomStep() {
        return randomSteps[nextRandom++ & (RANDOM_STEPS - 1)];
    }

    private long nextSweep() {
        long start = sweepStart;
        sweepStart = (start + Shape.SWEEP) % shape.span;
        return start;
    }

    @Benchmark
    public double callGenerated() {
        return generated.lr(randomStep());
    }

    @Benchmark
    public double callHand() {
        return hand.applyAsDouble(randomStep());
    }

    @Benchmark
    @OperationsPerInvocation(Shape.SWEEP)
    public double sweepGenerated() {
        long start = nextSweep();
        for (int i = 0; i < Shape.SWEEP; i++) {
            out[i] = generated.lr(start + i);
        }
        return out[Shape.SWEEP - 1];
    }

    @Benchmark
    @OperationsPerInvocation(Shape.SWEEP)
    public double sweepHand() {
        long start = nextSweep();
        for (int i = 0; i < Shape.SWEEP; i++) {
            out[i] = hand.applyAsDouble(start + i);
        }
        return out[Shape.SWEEP - 1];
    }
}
