package dev.warmup.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleUnaryOperator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Research for issue 15, not a claim about the library: what sin and cos cost on this JDK, and what each
 * {@link CosineCandidate} costs as a whole {@code lr(t)}, per call at random arguments read from a pre-filled array.
 * <ul>
 *   <li>{@code function}: {@code Math.sin}, {@code Math.cos}, {@code StrictMath.sin}, {@code StrictMath.cos} and
 *       the odd Taylor polynomials of degree 9, 13 and 17 for sin, at x uniform in (0, pi/2]; {@code identity}
 *       returns x, the cost of the harness.</li>
 *   <li>{@code cosine}: each candidate at t uniform in [0, 10,000), over {@code static final} constants.</li>
 * </ul>
 * Run alone: {@code java -jar benchmarks/target/benchmarks.jar MathCostBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class MathCostBenchmark {

    private static final int SAMPLES = 1024;
    private static final long STEPS = 10_000;
    private static final double AMPLITUDE = 0.1;
    private static final double HALF_OMEGA = Math.PI / (2 * STEPS);
    private static final double HALF_OMEGA_LOW = CosineCandidate.halfOmegaLow(STEPS);

    public enum Function {
        IDENTITY(x -> x),
        MATH_SIN(Math::sin),
        MATH_COS(Math::cos),
        STRICT_SIN(StrictMath::sin),
        STRICT_COS(StrictMath::cos),
        POLY9_SIN(CosineCandidate::sinPoly9),
        POLY13_SIN(CosineCandidate::sinPoly13),
        POLY17_SIN(CosineCandidate::sinPoly17);

        final DoubleUnaryOperator operator;

        Function(DoubleUnaryOperator operator) {
            this.operator = operator;
        }
    }

    /** x uniform in (0, pi/2]. */
    @State(Scope.Thread)
    public static class Functions {
        @Param
        public Function function;

        final double[] arguments = new double[SAMPLES];
        DoubleUnaryOperator operator;
        int next;

        @Setup
        public void setUp() {
            operator = function.operator;
            SplittableRandom random = new SplittableRandom(15);
            for (int i = 0; i < SAMPLES; i++) {
                arguments[i] = Math.PI / 2 * (1 - random.nextDouble());
            }
        }
    }

    /** t uniform in [0, 10,000). */
    @State(Scope.Thread)
    public static class Candidates {
        @Param
        public CosineCandidate candidate;

        final long[] steps = new long[SAMPLES];
        int next;

        @Setup
        public void setUp() {
            SplittableRandom random = new SplittableRandom(15);
            for (int i = 0; i < SAMPLES; i++) {
                steps[i] = random.nextLong(STEPS);
            }
        }
    }

    @Benchmark
    public double function(Functions state) {
        return state.operator.applyAsDouble(state.arguments[state.next++ & (SAMPLES - 1)]);
    }

    @Benchmark
    public double cosine(Candidates state) {
        return state.candidate.at(AMPLITUDE, STEPS, HALF_OMEGA, HALF_OMEGA_LOW, state.steps[state.next++ & (SAMPLES - 1)]);
    }
}
