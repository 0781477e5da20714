package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What {@link ScheduleWriter} needs of a validated schedule, whichever annotation declared it: a composition of
 * {@link Shape}s, the {@link Series} of the generated {@code lr(step)}, and the quantities it schedules beside the
 * rate.
 */
interface ScheduleModel extends Series {

    /** The annotation as read. */
    Attributes attributes();

    /** The annotation with its explicit attributes, as a user would write it. */
    default String annotationText() {
        return attributes().annotationText();
    }

    /**
     * The unset attributes that the schedule uses, with the value it uses for each ({@code gamma} of
     * {@code Decay.EXP}: {@code 0.9999}), for what the generated class shows of itself.
     */
    default Map<String, String> defaultsUsed() {
        return Map.of();
    }

    /** The annotation as the schedule uses it, defaults marked: {@code gamma = 0.9999 (default)}. */
    default String effectiveText() {
        return attributes().annotationText(defaultsUsed());
    }

    /** Every setting of the schedule, defaults included, for its fingerprint ({@link Attributes#settingsText}). */
    default String settingsText() {
        return attributes().settingsText();
    }

    /** What the generated {@code warmupSteps()} returns. */
    long warmupSteps();

    /** The expression the generated {@code warmupSteps()} returns: a constant or a literal. */
    default CodeBlock warmupStepsExpression(Code code) {
        return CodeBlock.of("$L", Literals.ofLong(warmupSteps()));
    }

    /**
     * The attribute that sets the schedule's scale, on which the processor reports a constant that would not be
     * finite (a slope of a rate near {@code Double.MAX_VALUE} over less than a step).
     */
    String scaleAttribute();

    /**
     * The rate the generated {@code peakLr()} returns, to which {@code factor(step)} is relative: the attribute of
     * {@link #scaleAttribute()} by default ({@code initLr}, {@code maxLr}).
     */
    default double peakLr() {
        return attributes().doubleValue(scaleAttribute());
    }

    /** The quantities the schedule itself has beside the rate: the momentum PyTorch cycles against it. */
    default List<QuantityModel> quantities() {
        return List.of();
    }

    /** What the schedule does, in words, for the first sentence of the class Javadoc (no final period). */
    String summary();

    /** Steps worth showing in the Javadoc's table of values, ascending. */
    List<Long> keySteps();

    /** Where the schedule changes shape, marked on its chart: by default the end of warmup, if there is one. */
    default List<SvgPlot.Marker> markers() {
        return warmupSteps() > 0 ? List.of(new SvgPlot.Marker(warmupSteps(), "W = " + warmupSteps()))
                : List.of();
    }

    /** Panels of the chart below the rate's, beyond the quantities': the rate on a log scale of a range test. */
    default List<SvgPlot.Panel> chartPanels() {
        return List.of();
    }

    /** The last step of the chart: past every key step by a tenth, and at least twice the warmup. */
    default long plotEnd() {
        long last = Math.max(10, keySteps().get(keySteps().size() - 1));
        long end = last > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : Math.max(last + last / 10, 2 * warmupSteps());
        return Math.max(end, 10);
    }

    /** Key steps of a warmup of W steps: 0, and, for W > 1, its middle and its last step. */
    static TreeSet<Long> warmupKeySteps(long warmupSteps) {
        TreeSet<Long> steps = new TreeSet<>(List.of(0L));
        if (warmupSteps > 1) {
            steps.add(warmupSteps / 2);
            steps.add(warmupSteps - 1);
        }
        return steps;
    }

    /**
     * The most landmarks of a part that repeats listed from step 0 without a run's length ({@code @RunLength}); with
     * one, up to its end, at most {@link #MAX_REPEATED_IN_RUN}, then the two around its end.
     */
    int MAX_REPEATED = 16;

    /** The most landmarks of a part that repeats listed from step 0 up to a stated run's end. */
    int MAX_REPEATED_IN_RUN = 1000;

    /** How many repeats of a part to list from step 0: for a run of {@code runEnd} steps, or without one. */
    static long repeatsListed(long runEnd) {
        return runEnd == Long.MAX_VALUE ? MAX_REPEATED : MAX_REPEATED_IN_RUN;
    }

    /**
     * Where the schedule starts a new part, ascending, the first at step 0: every landmark its attributes write, and,
     * of a part that repeats (restarts, cycles, drops every stepSize), those up to {@code runEnd} and the first at or
     * past it ({@link #repeatsListed} at most, then the two around the end), or, without a run's length
     * ({@code Long.MAX_VALUE}), the first {@link #MAX_REPEATED}.
     */
    List<Landmark> landmarks(long runEnd);

    /**
     * The attribute of an explicit warmup's length, which the lint holds against a quarter of the run; empty where
     * the schedule has none, or where rising is its shape (a one-cycle or cyclic schedule).
     */
    default Optional<String> warmupAttribute() {
        return Optional.empty();
    }

    /**
     * The attribute to change when the rate ends the run above half its peak; empty for a schedule that does not
     * mean to decay by its end (a cyclic one).
     */
    Optional<String> decayAttribute();

    /** A row of the formula table of the class Javadoc. */
    record FormulaRow(String steps, String formula, String computation) {}
}
