package dev.warmup.benchmarks;

import java.util.concurrent.TimeUnit;
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
 * Research for issue 15, not a claim about the library: which loops of a {@code fill} C2 turns into vector code,
 * measured on the arithmetic of the RAdam warmup factor ({@code @UntunedWarmup(RADAM)}, beta2 0.999), two divisions
 * and a square root a step, which no scalar loop does in 1 ns. Each loop computes
 * {@code rho = RHO_INF - 2 x p / (q + y)} and {@code sqrt(max(0, (rho - 4) (rho - 2) / rho * SCALE))} for every
 * element of {@code out}; they differ only in where x and y come from:
 * <ul>
 *   <li>{@code GENERATED}: as the generated {@code fill} does, x = s + k (k the {@code int} index in the block) and y
 *       from a {@code double[]} table, the factor multiplied into {@code out};</li>
 *   <li>{@code DOUBLE_TABLES}: x and y both from {@code double[]} tables, no conversion of k;</li>
 *   <li>{@code FLOAT_TABLES}: both from {@code float[]} tables;</li>
 *   <li>{@code OUT_ONLY}: x read from {@code out} itself, y = x C, the factor written back: the loop reads and writes
 *       one array only, as the closed forms' {@code fill} does after copying the steps into {@code out};</li>
 *   <li>{@code INDEX_POLYNOMIAL}: no table: x = s + k from the {@code int} index, y = {@code beta2^-k - 1} by its
 *       Taylor polynomial of degree 12 in {@code -k ln(beta2)} (at most 0.256 over a block of 256), and {@code rho}'s
 *       fraction brought over one denominator, so that a step takes one division and a square root: the loop reads
 *       and writes {@code out} alone, but converts its index;</li>
 *   <li>{@code COPY}: none of it, only the copy of the inputs into {@code out} that every loop starts with (the
 *       harness's cost).</li>
 * </ul>
 * The score is per element. Run alone: {@code java -jar benchmarks/target/benchmarks.jar FillLoopBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class FillLoopBenchmark {

    private static final int BLOCK = 256;
    private static final int LENGTH = 40 * BLOCK;
    private static final double LOG_BETA2 = Math.log(0.999);
    private static final double RHO_INF = 2 / (1 - 0.999) - 1;
    private static final double SCALE = RHO_INF / ((RHO_INF - 4) * (RHO_INF - 2));
    private static final double[] GROWTH = new double[BLOCK];
    /** The Taylor coefficients of {@code expm1}: {@code 1 / k!}, k = 2 to 12. */
    private static final double E2 = 1.0 / 2;
    private static final double E3 = E2 / 3;
    private static final double E4 = E3 / 4;
    private static final double E5 = E4 / 5;
    private static final double E6 = E5 / 6;
    private static final double E7 = E6 / 7;
    private static final double E8 = E7 / 8;
    private static final double E9 = E8 / 9;
    private static final double E10 = E9 / 10;
    private static final double E11 = E10 / 11;
    private static final double E12 = E11 / 12;
    private static final double[] STEPS = new double[BLOCK];
    private static final float[] GROWTH_FLOAT = new float[BLOCK];
    private static final float[] STEPS_FLOAT = new float[BLOCK];

    static {
        for (int k = 0; k < BLOCK; k++) {
            GROWTH[k] = Math.expm1(-LOG_BETA2 * k);
            STEPS[k] = k;
            GROWTH_FLOAT[k] = (float) GROWTH[k];
            STEPS_FLOAT[k] = k;
        }
    }

    /** Where the loop's inputs come from. */
    public enum Loop {
        GENERATED,
        DOUBLE_TABLES,
        FLOAT_TABLES,
        OUT_ONLY,
        INDEX_POLYNOMIAL,
        COPY
    }

    @Param
    public Loop loop;

    final double[] out = new double[LENGTH];
    private final double[] start = new double[LENGTH];
    private double s;
    private double p;
    private double q;

    @Setup
    public void setUp() {
        // the block of steps 1,000 to 1,255, past the steps where fill takes the method's values
        s = 1000 + 5;
        p = Math.exp(LOG_BETA2 * s);
        q = -Math.expm1(LOG_BETA2 * s);
        for (int i = 0; i < LENGTH; i++) {
            start[i] = loop == Loop.OUT_ONLY ? s + i % BLOCK : 0.5;
        }
    }

    private static double factor(double rho) {
        return Math.sqrt(Math.max(0.0, (rho - 4) * (rho - 2) / rho * SCALE));
    }

    @Benchmark
    @OperationsPerInvocation(LENGTH)
    public double fill() {
        double[] out = this.out;
        System.arraycopy(start, 0, out, 0, LENGTH);
        double s = this.s;
        double p = this.p;
        double q = this.q;
        switch (loop) {
            case GENERATED -> {
                for (int i = 0; i < LENGTH; i += BLOCK) {
                    for (int k = 0; k < BLOCK; k++) {
                        double sk = s + k;
                        out[i + k] *= factor(RHO_INF - 2 * sk * p / (q + GROWTH[k]));
                    }
                }
            }
            case DOUBLE_TABLES -> {
                for (int i = 0; i < LENGTH; i += BLOCK) {
                    for (int k = 0; k < BLOCK; k++) {
                        out[i + k] *= factor(RHO_INF - 2 * (s + STEPS[k]) * p / (q + GROWTH[k]));
                    }
                }
            }
            case FLOAT_TABLES -> {
                for (int i = 0; i < LENGTH; i += BLOCK) {
                    for (int k = 0; k < BLOCK; k++) {
                        out[i + k] *= factor(RHO_INF - 2 * (s + STEPS_FLOAT[k]) * p / (q + GROWTH_FLOAT[k]));
                    }
                }
            }
            case OUT_ONLY -> {
                double c = -LOG_BETA2;
                for (int j = 0; j < LENGTH; j++) {
                    double x = out[j];
                    out[j] = factor(RHO_INF - 2 * x * p / (q + x * c));
                }
            }
            case INDEX_POLYNOMIAL -> {
                double c = -LOG_BETA2;
                for (int i = 0; i < LENGTH; i += BLOCK) {
                    for (int k = 0; k < BLOCK; k++) {
                        double x = c * k;
                        double y = x * (1 + x * (E2 + x * (E3 + x * (E4 + x * (E5 + x * (E6 + x * (E7 + x * (E8
                                + x * (E9 + x * (E10 + x * (E11 + x * E12)))))))))));
                        // rho = RHO_INF - a / d; (rho - 4) (rho - 2) / rho over one denominator, d (RHO_INF d - a)
                        double d = q + y;
                        double a = 2 * (s + k) * p;
                        double r = RHO_INF * d - a;
                        out[i + k] *= Math.sqrt(Math.max(0.0, (r - 4 * d) * (r - 2 * d) / (d * r) * SCALE));
                    }
                }
            }
            case COPY -> { }
        }
        return out[LENGTH - 1];
    }
}
