package dev.warmup.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each hand-written formula is the schedule its generated class computes, at every step of the span the benchmarks
 * draw from (every shape together takes a fraction of a second): the two are written independently (the generated
 * one by the processor, the hand one from the formula in the annotation's Javadoc or PyTorch's), so a mistake in
 * either, a phase boundary one step off included, shows here. The tolerance, 1e-13 of the value or 1e-15 of the
 * schedule's peak (whichever is larger), lets two ways of writing the same formula differ by a few roundings and
 * nothing more.
 */
class ShapesTest {

    @ParameterizedTest
    @EnumSource(Shape.class)
    void handWrittenFormulaIsTheGeneratedSchedule(Shape shape) {
        double peak = peak(shape);
        assertTrue(peak > 0, shape + ": peak " + peak);
        for (long step = 0; step < shape.span; step++) {
            double generated = shape.generated.lr(step);
            double hand = shape.hand.applyAsDouble(step);
            double allowed = Math.max(1e-13 * Math.abs(hand), 1e-15 * peak);
            if (!(Math.abs(generated - hand) <= allowed)) {
                fail(shape + " at step " + step + ": generated " + generated + ", hand " + hand);
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
