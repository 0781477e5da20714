package dev.warmup.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongToDoubleFunction;
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
 * Research for issue 15, not a claim about the library: what the conversion of a step to a double costs in the
 * cheapest shapes, per call at random steps (as {@code ShapeBenchmark.call*}). The one-cycle {@code LINEAR} of
 * {@link Shape#ONE_CYCLE_LINEAR}, as the generated class writes it, with its steps converted by
 * <ul>
 *   <li>{@code TO_DOUBLE}: the generated {@code toDouble}, the bits of 2^52 + n where n is below 2^52, tested;</li>
 *   <li>{@code SMALL_TO_DOUBLE}: the generated {@code smallToDouble}, the same bits untested, for steps of a span
 *       that ends below 2^52;</li>
 *   <li>{@code CAST}: {@code (double) n}, {@code cvtsi2sd}, which JDK 17's C2 leaves waiting on the last write of
 *       its target register (JDK-8318562);</li>
 *   <li>{@code HAND}: {@link HandInline#oneCycleLinear}.</li>
 * </ul>
 * On JDK 23 and later the two generated conversions are the cast. Run alone, with several forks:
 * {@code java -jar benchmarks/target/benchmarks.jar StepConversionBenchmark -f 6}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class StepConversionBenchmark {

    private static final long LAST_STEP = 9999L;
    private static final double MIN_LR = 4.0E-7;
    private static final long PHASE_1_LAST = 2999L;
    private static final double PHASE_1_SLOPE = 3.2010670223407806E-5;
    private static final double PHASE_1_START_LR = 0.004;
    private static final double PHASE_2_SLOPE = 1.4285657142857143E-5;
    private static final double PHASE_2_END_LR = 4.0E-7;
    private static final boolean CVTSI2SD_WAITS = Runtime.version().feature() < 23;

    /** How the generated body converts its steps. */
    public enum Conversion {
        TO_DOUBLE,
        SMALL_TO_DOUBLE,
        CAST,
        HAND
    }

    private static double toDouble(long n) {
        return CVTSI2SD_WAITS && n >>> 52 == 0 ? Double.longBitsToDouble(0x4330_0000_0000_0000L | n) - 0x1p52 : n;
    }

    private static double smallToDouble(long n) {
        return CVTSI2SD_WAITS ? Double.longBitsToDouble(0x4330_0000_0000_0000L | n) - 0x1p52 : n;
    }

    private static void check(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
    }

    static double withToDouble(long step) {
        check(step);
        if (step >= LAST_STEP) {
            return MIN_LR;
        }
        if (step <= PHASE_1_LAST) {
            return PHASE_1_START_LR + PHASE_1_SLOPE * toDouble(step);
        }
        return PHASE_2_END_LR + PHASE_2_SLOPE * toDouble(LAST_STEP - step);
    }

    static double withSmallToDouble(long step) {
        check(step);
        if (step >= LAST_STEP) {
            return MIN_LR;
        }
        if (step <= PHASE_1_LAST) {
            return PHASE_1_START_LR + PHASE_1_SLOPE * smallToDouble(step);
        }
        return PHASE_2_END_LR + PHASE_2_SLOPE * smallToDouble(LAST_STEP - step);
    }

    static double withCast(long step) {
        check(step);
        if (step >= LAST_STEP) {
            return MIN_LR;
        }
        if (step <= PHASE_1_LAST) {
            return PHASE_1_START_LR + PHASE_1_SLOPE * (double) step;
        }
        return PHASE_2_END_LR + PHASE_2_SLOPE * (double) (LAST_STEP - step);
    }

    @Param
    public Conversion conversion;

    private LongToDoubleFunction rate;
    private final long[] steps = new long[ShapeBenchmark.RANDOM_STEPS];
    private int next;

    @Setup
    public void setUp() {
        rate = switch (conversion) {
            case TO_DOUBLE -> StepConversionBenchmark::withToDouble;
            case SMALL_TO_DOUBLE -> StepConversionBenchmark::withSmallToDouble;
            case CAST -> StepConversionBenchmark::withCast;
            case HAND -> HandInline::oneCycleLinear;
        };
        SplittableRandom random = new SplittableRandom(15);
        for (int i = 0; i < steps.length; i++) {
            steps[i] = random.nextLong(Shape.ONE_CYCLE_LINEAR.span);
        }
    }

    @Benchmark
    public double call() {
        int i = next;
        next = (i + 1) & (steps.length - 1);
        return rate.applyAsDouble(steps[i]);
    }
}
