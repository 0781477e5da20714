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
 * Research for issue 15, not a claim about the library: whether a sweep of a sub-nanosecond shape measures its
 * body or the method JMH compiles around it. The linear warmup of {@link Shape#LINEAR_WARMUP} (W = 2,000, then
 * 0.1), its generated class through {@code StepLr} ({@code GENERATED}) and {@link HandInline#linearWarmup} through a
 * {@code LongToDoubleFunction} ({@code HAND}), each held in a field, swept over steps 0 to 9,999 into an array as
 * {@code ShapeBenchmark.sweep*} does. Unlike there, both loops are in one benchmark method, which {@code body}
 * chooses between. The score is per step. Run alone, with several forks:
 * {@code java -jar benchmarks/target/benchmarks.jar SweepContextBenchmark -f 8}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class SweepContextBenchmark {

    /** The body swept. */
    public enum Body {
        GENERATED,
        HAND
    }

    @Param
    public Body body;

    private StepLr generated;
    private LongToDoubleFunction hand;
    private final double[] out = new double[Shape.SWEEP];

    @Setup
    public void setUp() {
        generated = body == Body.GENERATED ? BenchSchedules_LinearWarmupStepLr.INSTANCE : null;
        hand = HandInline::linearWarmup;
    }

    @Benchmark
    @OperationsPerInvocation(Shape.SWEEP)
    public double sweep() {
        if (generated != null) {
            for (int i = 0; i < Shape.SWEEP; i++) {
                out[i] = generated.lr(i);
            }
        } else {
            for (int i = 0; i < Shape.SWEEP; i++) {
                out[i] = hand.applyAsDouble(i);
            }
        }
        return out[Shape.SWEEP - 1];
    }
}
