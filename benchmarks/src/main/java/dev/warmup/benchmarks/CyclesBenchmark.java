package dev.warmup.benchmarks;

import dev.warmup.Decay;
import dev.warmup.StepLr;
import dev.warmup.WarmupSchedule;
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
 * Hugging Face's cosines with {@code num_cycles} ({@code Decay.COSINE} with {@code cycles}, {@code
 * Decay.COSINE_RESTARTS}): the generated class against Hugging Face's lambda transcribed by hand (its
 * {@code (c * p) % 1.0} and {@code 0.5 * (1 + cos(...))}), in the same run and called the same way as
 * {@link ShapeBenchmark} calls its shapes: one call at a random step ({@code call*}), {@value #SWEEP} consecutive
 * steps into an array ({@code sweep*}, per step), and the generated {@code fill} over the same steps. The baseline
 * {@code HALF_WAVE} is today's {@code COSINE} (cycles 0.5) against HF's default lambda.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class CyclesBenchmark {

    static final int SWEEP = 8_000;
    static final int RANDOM_STEPS = 1024;

    /** {@code get_cosine_with_hard_restarts_schedule_with_warmup(opt, 1000, 11000, num_cycles=2.5)}, lr 1e-3. */
    @WarmupSchedule(steps = 1000, initLr = 1e-3, decay = Decay.COSINE_RESTARTS, totalSteps = 11000, cycles = 2.5)
    static final class HardRestarts {}

    /** {@code get_cosine_schedule_with_warmup(opt, 500, 8000, num_cycles=1.0)}, lr 5e-5. */
    @WarmupSchedule(steps = 500, initLr = 5e-5, decay = Decay.COSINE, totalSteps = 8000, cycles = 1.0)
    static final class FullCycle {}

    /** {@code get_cosine_schedule_with_warmup(opt, 500, 8000)}, lr 5e-5: today's COSINE. */
    @WarmupSchedule(steps = 500, initLr = 5e-5, decay = Decay.COSINE, totalSteps = 8000)
    static final class HalfWave {}

    /** A schedule, its generated class and HF's lambda by hand, and the steps drawn from, {@code [0, span)}. */
    public enum Schedule {
        HARD_RESTARTS(CyclesBenchmark_HardRestartsStepLr.INSTANCE, CyclesBenchmark::hfHardRestarts, 11_000),
        FULL_CYCLE(CyclesBenchmark_FullCycleStepLr.INSTANCE, t -> hfCosine(t, 1.0), 8_000),
        HALF_WAVE(CyclesBenchmark_HalfWaveStepLr.INSTANCE, t -> hfCosine(t, 0.5), 8_000);

        final StepLr generated;
        final LongToDoubleFunction hand;
        final int span;

        Schedule(StepLr generated, LongToDoubleFunction hand, int span) {
            this.generated = generated;
            this.hand = hand;
            this.span = span;
        }
    }

    /** HF's {@code _get_cosine_with_hard_restarts_schedule_with_warmup_lr_lambda} times 1e-3. */
    static double hfHardRestarts(long t) {
        if (t < 1000) {
            return 1e-3 * ((double) t / 1000);
        }
        double progress = (double) (t - 1000) / 10000;
        if (progress >= 1.0) {
            return 0.0;
        }
        return 1e-3 * Math.max(0.0, 0.5 * (1.0 + Math.cos(Math.PI * ((2.5 * progress) % 1.0))));
    }

    /** HF's {@code _get_cosine_schedule_with_warmup_lr_lambda} times 5e-5, stopped at T = 8000 as ours is. */
    static double hfCosine(long t, double cycles) {
        if (t < 500) {
            return 5e-5 * ((double) t / 500);
        }
        double progress = (double) (Math.min(t, 8000) - 500) / 7500;
        return 5e-5 * Math.max(0.0, 0.5 * (1.0 + Math.cos(Math.PI * cycles * 2.0 * progress)));
    }

    @Param
    public Schedule schedule;

    private final long[] randomSteps = new long[RANDOM_STEPS];
    private final double[] out = new double[SWEEP];
    private int nextRandom;
    private long sweepStart;
    private StepLr generated;
    private LongToDoubleFunction hand;

    @Setup
    public void setUp() {
        generated = schedule.generated;
        hand = schedule.hand;
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < RANDOM_STEPS; i++) {
            randomSteps[i] = random.nextInt(schedule.span);
        }
    }

    private long randomStep() {
        return randomSteps[nextRandom++ & (RANDOM_STEPS - 1)];
    }

    private long nextSweep() {
        long start = sweepStart;
        sweepStart = (start + SWEEP) % schedule.span;
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
    @OperationsPerInvocation(SWEEP)
    public double sweepGenerated() {
        long start = nextSweep();
        for (int i = 0; i < SWEEP; i++) {
            out[i] = generated.lr(start + i);
        }
        return out[SWEEP - 1];
    }

    @Benchmark
    @OperationsPerInvocation(SWEEP)
    public double sweepHand() {
        long start = nextSweep();
        for (int i = 0; i < SWEEP; i++) {
            out[i] = hand.applyAsDouble(start + i);
        }
        return out[SWEEP - 1];
    }

    @Benchmark
    @OperationsPerInvocation(SWEEP)
    public double fillGenerated() {
        generated.fill(out, nextSweep());
        return out[SWEEP - 1];
    }
}
