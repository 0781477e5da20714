package dev.warmup.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each hand-written formula is the schedule its generated class computes, at every step of the span the benchmarks
 * draw from: the two are written independently (the generated one by the processor, the hand one from the formula
 * in the annotation's Javadoc or PyTorch's), so a mistake in either shows here. The tolerance, 1e-12 of the
 * schedule's peak, is far below any real difference of schedule and far above rounding.
 */
class ShapesTest {

    @ParameterizedTest
    @EnumSource(Shape.class)
    void handWrittenFormulaIsTheGeneratedSchedule(Shape shape) {
        double worst = largestDifference(shape.span, shape.generated::lr, shape.hand);
        assertTrue(worst <= 1e-12 * peak(shape), () -> shape + ": differs by " + worst);
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void fillWritesWhatLrReturns(Shape shape) {
        double[] out = new double[Shape.SWEEP];
        for (long start = 0; start < shape.span; start += Shape.SWEEP) {
            shape.generated.fill(out, start);
            for (int i = 0; i < out.length; i++) {
                double lr = shape.generated.lr(start + i);
                assertTrue(Math.abs(out[i] - lr) <= 1e-12 * peak(shape), shape + " at " + (start + i));
            }
        }
    }

    static double peak(Shape shape) {
        double peak = 0;
        for (long step = 0; step < shape.span; step++) {
            peak = Math.max(peak, shape.generated.lr(step));
        }
        return peak;
    }

    static double largestDifference(long span, LongToDoubleFunction a, LongToDoubleFunction b) {
        double worst = 0;
        for (long step = 0; step < span; step++) {
            worst = Math.max(worst, Math.abs(a.applyAsDouble(step) - b.applyAsDouble(step)));
        }
        return worst;
    }
}
