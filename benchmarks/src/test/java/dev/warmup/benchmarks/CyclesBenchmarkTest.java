package dev.warmup.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link CyclesBenchmark} compares like with like: Hugging Face's lambda by hand and the generated class give the same
 * schedule at every step the benchmark draws from, to 1e-12 of its peak (HF's own rounding near the zeros is far below
 * that), and {@code fill} gives what {@code lr} gives (the same bits, and within the 32 ulps the half wave's
 * generated Javadoc states).
 */
class CyclesBenchmarkTest {

    @ParameterizedTest
    @EnumSource(CyclesBenchmark.Schedule.class)
    void handWrittenLambdaIsTheGeneratedSchedule(CyclesBenchmark.Schedule schedule) {
        double peak = 0;
        double worst = 0;
        for (long step = 0; step < schedule.span; step++) {
            peak = Math.max(peak, schedule.generated.lr(step));
            worst = Math.max(worst, Math.abs(schedule.generated.lr(step) - schedule.hand.applyAsDouble(step)));
        }
        double difference = worst;
        double tolerance = 1e-12 * peak;
        assertTrue(peak > 0 && difference <= tolerance, () -> schedule + ": differs by " + difference);
    }

    @ParameterizedTest
    @EnumSource(CyclesBenchmark.Schedule.class)
    void fillWritesWhatLrReturns(CyclesBenchmark.Schedule schedule) {
        double[] out = new double[schedule.span];
        schedule.generated.fill(out, 0);
        for (int i = 0; i < out.length; i++) {
            double lr = schedule.generated.lr(i);
            // cycles other than 0.5 fill through lr (the same bits); the half wave rotates (within 32 ulps)
            boolean same = schedule == CyclesBenchmark.Schedule.HALF_WAVE
                    ? Math.abs(out[i] - lr) <= 32 * Math.ulp(lr) : out[i] == lr;
            assertTrue(same, schedule + " at " + i + ": fill " + out[i] + ", lr " + lr);
        }
    }
}
