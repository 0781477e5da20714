package dev.warmup.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The research benchmarks measure what they say: the copies of a generated body in {@link StepConversionBenchmark}
 * return the generated class's bits at every step the benchmark draws from, the hand formula it races is that
 * schedule (within 1e-12 of the peak, as {@link ShapesTest}), and the loops of {@link FillLoopBenchmark} that differ
 * only in where their inputs come from write the same values (within float precision for {@code float[]} tables, a few
 * roundings for the polynomial).
 */
class ResearchBenchmarksTest {

    @Test
    void stepConversionsAreTheGeneratedOneCycleLinear() {
        for (long step = 0; step <= Shape.ONE_CYCLE_LINEAR.span; step++) {
            long expected = Double.doubleToRawLongBits(BenchSchedules_OneCycleLinearStepLr.INSTANCE.lr(step));
            assertEquals(expected, Double.doubleToRawLongBits(StepConversionBenchmark.withToDouble(step)), "at " + step);
            assertEquals(expected, Double.doubleToRawLongBits(StepConversionBenchmark.withSmallToDouble(step)),
                    "at " + step);
            assertEquals(expected, Double.doubleToRawLongBits(StepConversionBenchmark.withCast(step)), "at " + step);
            double hand = HandInline.oneCycleLinear(step);
            assertTrue(Math.abs(hand - Double.longBitsToDouble(expected)) <= 1e-12 * 0.1, "hand at " + step);
        }
    }

    @Test
    void fillLoopsThatDifferInTheirInputsOnlyWriteTheSameValues() {
        FillLoopBenchmark generated = run(FillLoopBenchmark.Loop.GENERATED);
        FillLoopBenchmark tables = run(FillLoopBenchmark.Loop.DOUBLE_TABLES);
        assertArrayEquals(generated.out, tables.out);
        FillLoopBenchmark floats = run(FillLoopBenchmark.Loop.FLOAT_TABLES);
        for (int i = 0; i < generated.out.length; i++) {
            // float tables: the steps are exact, the growth within float precision
            assertEquals(generated.out[i], floats.out[i], 1e-6 * generated.out[i], "at " + i);
        }
        FillLoopBenchmark polynomial = run(FillLoopBenchmark.Loop.INDEX_POLYNOMIAL);
        for (int i = 0; i < generated.out.length; i++) {
            // the polynomial and the one denominator: a few roundings apart
            assertEquals(generated.out[i], polynomial.out[i], 1e-14 * generated.out[i], "at " + i);
        }
    }

    private static FillLoopBenchmark run(FillLoopBenchmark.Loop loop) {
        FillLoopBenchmark benchmark = new FillLoopBenchmark();
        benchmark.loop = loop;
        benchmark.setUp();
        benchmark.fill();
        return benchmark;
    }
}
