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

    /**
     * RAdam's factor at the first steps is a difference of nearly equal numbers ({@code rho(5) = 1999 - 1994.0}): a
     * rounding of {@code beta2^s} moves it by up to about 1e-11 of itself, so two sound implementations of the formula
     * ({@code 1 - beta2^s} or {@code -expm1}) differ by that much there. A wrong offset or beta2 moves it by percents.
     */
    private static final double RADAM_RELATIVE_TOLERANCE = 1e-10;

    @ParameterizedTest
    @EnumSource(Shape.class)
    void handWrittenFormulaIsTheGeneratedSchedule(Shape shape) {
        double peak = peak(shape);
        assertTrue(peak > 0, shape + ": peak " + peak);
        double relative = shape == Shape.UNTUNED_RADAM_COSINE ? RADAM_RELATIVE_TOLERANCE : 1e-13;
        for (long step = 0; step < shape.span; step++) {
            double generated = shape.generated.lr(step);
            double hand = shape.hand.applyAsDouble(step);
            double allowed = Math.max(relative * Math.abs(hand), 1e-15 * peak);
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
