package dev.warmup.benchmarks;

import dev.warmup.ChainedSchedule;
import dev.warmup.Decay;
import dev.warmup.Factor;
import dev.warmup.FactorShape;
import dev.warmup.StepLr;
import dev.warmup.UntunedRule;
import dev.warmup.UntunedWarmup;
import dev.warmup.WarmupSchedule;
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
 * The product node of issue 16 (a {@code @ChainedSchedule}, and {@code @UntunedWarmup} beside a cosine decay): the
 * generated {@code lr} at random steps and {@code fill} per step, beside the same formulas written by hand in this
 * class, in the same run. Its {@code fill} has no fast path: it is the product at every step.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ChainBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class ChainBenchmark {

    /** chained_linear_exp_1k: PyTorch's ChainedScheduler(LinearLR(0.01, 1000), ExponentialLR(0.999)) at lr 0.1. */
    @ChainedSchedule(baseLr = 0.1, factors = {
        @Factor(shape = FactorShape.LINEAR, startFactor = 0.01, steps = 1000),
        @Factor(shape = FactorShape.EXP, gamma = 0.999)})
    static final class Chained {}

    /** radam_warmup_cosine: RAdam's warmup (beta2 0.999) over a cosine decay of 5000 steps. */
    @WarmupSchedule(steps = 0, initLr = 1e-3, decay = Decay.COSINE, totalSteps = 5000)
    @UntunedWarmup(UntunedRule.RADAM)
    static final class RadamCosine {}

    private static final StepLr CHAINED = ChainBenchmark_ChainedStepLr.INSTANCE;
    private static final StepLr RADAM = ChainBenchmark_RadamCosineStepLr.INSTANCE;

    private static final double LOG_GAMMA = Math.log(0.999);
    private static final double SLOPE = 0.99 / 1000;
    private static final double LOG_BETA2 = Math.log(0.999);
    private static final double RHO_INF = 2.0 / (1.0 - 0.999) - 1;
    private static final double SCALE = RHO_INF / ((RHO_INF - 4) * (RHO_INF - 2));
    private static final double HALF_OMEGA = Math.PI / 10000;

    /** The chain by hand: 0.1 * (0.01 + 0.99 * min(t, 1000) / 1000) * 0.999^t. */
    static double chainedByHand(long t) {
        double linear = t < 1000 ? 0.01 + SLOPE * t : 1.0;
        return 0.1 * linear * Math.exp(LOG_GAMMA * t);
    }

    /** RAdam's factor over the cosine by hand, the same operations as the generated class's slow path. */
    static double radamByHand(long t) {
        double c = t >= 5000 ? 0 : Math.sin(HALF_OMEGA * (5000 - t));
        double s = (double) t + 5;
        double e = LOG_BETA2 * s;
        double rho = RHO_INF - 2 * s * Math.exp(e) / -Math.expm1(e);
        return 1e-3 * (c * c) * Math.sqrt(Math.max(0.0, (rho - 4) * (rho - 2) / rho * SCALE));
    }

    private final long[] steps = new long[1024];
    private final double[] out = new double[1000];
    private int next;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < steps.length; i++) {
            steps[i] = random.nextInt(5000);
        }
    }

    private long step() {
        return steps[next++ & (steps.length - 1)];
    }

    @Benchmark
    public double chainedGenerated() {
        return CHAINED.lr(step());
    }

    @Benchmark
    public double chainedHand() {
        return chainedByHand(step());
    }

    /** 1000 steps a call: divide by 1000 for the cost per step. */
    @Benchmark
    public double[] chainedFill1000() {
        CHAINED.fill(out, step());
        return out;
    }

    @Benchmark
    public double radamGenerated() {
        return RADAM.lr(step());
    }

    @Benchmark
    public double radamHand() {
        return radamByHand(step());
    }

    /** 1000 steps a call: divide by 1000 for the cost per step. */
    @Benchmark
    public double[] radamFill1000() {
        RADAM.fill(out, step());
        return out;
    }
}
