package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.warmup.LrRange;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.lang.model.element.Modifier;

/**
 * A validated {@code @LrRangeTest}: fastai's learning-rate finder schedule, {@code startLr * (endLr /
 * startLr)^(t / N)} for {@code t < N}, an {@link ExponentialShape} rising over {@code [0, N)} (the exponential
 * warmup's shape), then endLr held. Generated as a {@code <Name>LrRange} implementing {@link LrRange}, with
 * {@code steps()} and {@code annotationFor(peakLr)}: the schedule annotation beside {@code @LrRangeTest}, if any,
 * with its peak attribute set for {@code peakLr}.
 *
 * @param ramp the exponential ramp over {@code [0, N)}
 * @param steps N, the steps of the test
 * @param endLr the rate from step N on
 * @param peak where {@code annotationFor} writes the peak in the annotation beside, or null without one
 * @param scheduleSettings the settings of the annotation beside, for the fingerprint; "" without one
 */
record LrRangeModel(ExponentialShape ramp, long steps, double endLr, PeakText peak, String scheduleSettings,
        Attributes attributes) implements ScheduleModel {

    /** The suffix of the generated class's default name. */
    static final String SUFFIX = "LrRange";

    /** The fewest steps: the suggestions leave out N / 10 and 5 points and need 2. */
    static final long MIN_STEPS = 7;

    /** The most steps: fastai's valley compares every pair of points, and the finder keeps every point. */
    static final long MAX_STEPS = 10_000;

    /** The attribute of each schedule annotation that sets its peak rate. */
    static final Map<String, String> PEAK_ATTRIBUTES = Map.of("WarmupSchedule", "initLr", "OneCycleSchedule",
            "maxLr", "CyclicSchedule", "maxLr", "WarmRestartsSchedule", "baseLr", "ChainedSchedule", "baseLr",
            "PlateauSchedule", "initLr");

    /**
     * The annotation beside, as text around its peak attribute's value: {@code before + value + after}, the value
     * {@code peakLr}{@code scaling} ({@code " * 256 / 8192"} for the linear scaling rule, else "").
     */
    record PeakText(String annotation, String attribute, String before, String scaling, String after) {}

    private static final Names NAMES = new Names(UnaryOperator.identity(), "", "startLr", "endLr", "t", "N");

    private static NamedConstant stepsConstant(long steps) {
        return NamedConstant.ofLong("STEPS", steps, "steps N: the length of the test; endLr from here on");
    }

    /**
     * Validates a {@code @LrRangeTest} and the schedule annotation beside it, if any, reporting every problem; empty
     * if there was one.
     */
    static Optional<ScheduleModel> validate(Attributes attributes, Optional<Attributes> schedule, Reporter reporter) {
        Checks checks = new Checks(attributes, reporter);
        checks.name();
        double start = attributes.doubleValue("startLr");
        double end = attributes.doubleValue("endLr");
        long steps = attributes.longValue("steps");
        boolean startOk = checks.rate("startLr", true, "the rate of step 0");
        if (startOk) {
            checks.check(Double.isFinite(end) && end > start, "endLr", "the rate the ramp reaches at step N must be"
                    + " finite and > startLr = " + Literals.show(start));
        } else {
            checks.rate("endLr", true, "the rate the ramp reaches at step N");
        }
        checks.check(steps >= MIN_STEPS && steps <= MAX_STEPS, "steps", "the steps N of the test must be in ["
                + MIN_STEPS + ", " + MAX_STEPS + "]: the suggestions leave out the first N / 10 and the last 5"
                + " points and need 2, and fastai's valley compares every pair of points");
        PeakText peak = schedule.map(s -> peakText(s, checks)).orElse(null);
        if (checks.failed()) {
            return Optional.empty();
        }
        Span span = new Span(Span.Bound.ZERO, Span.Bound.of(stepsConstant(steps), "N"));
        LrRangeModel model = new LrRangeModel(ExponentialShape.between(start, end, span, NAMES), steps, end, peak,
                schedule.map(Attributes::settingsText).orElse(""), attributes);
        return checks.ratesFinite(model, "endLr", List.of(0L, steps - 1, steps)) ? Optional.of(model)
                : Optional.empty();
    }

    /** Where the peak goes in the annotation beside; null after an error, reported on {@code @LrRangeTest}. */
    private static PeakText peakText(Attributes schedule, Checks checks) {
        String attribute = PEAK_ATTRIBUTES.get(schedule.annotation());
        if (!checks.checkWith(attribute != null, "", "@LrRangeTest is not supported beside @"
                + schedule.annotation() + ", whose peak is in its phases, not in one attribute that annotationFor"
                + " could write; put @LrRangeTest on a class of its own")) {
            return null;
        }
        String placeholder = "\u0000";
        String[] parts = schedule.with(attribute, 0.0, placeholder).annotationText().split(placeholder, -1);
        String scaling = schedule.annotation().equals("WarmupSchedule") && WarmupModel.isScaled(schedule)
                ? " * " + schedule.longValue("referenceBatchSize") + " / " + schedule.longValue("batchSize") : "";
        return new PeakText(schedule.annotation(), attribute, parts[0], scaling, parts[1]);
    }

    @Override
    public double at(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        return step < steps ? ramp.at(step) : endLr;
    }

    @Override
    public CodeBlock body(Code code) {
        return CodeBlock.builder()
                .beginControlFlow("if (step < $N)", code.use(stepsConstant(steps)))
                .add("// exponential ramp: $L\n", ramp.formula())
                .add(ramp.code(code))
                .endControlFlow()
                .add("// from step N on, endLr holds\n")
                .addStatement("return $N", code.use(endLrConstant()))
                .build();
    }

    private NamedConstant endLrConstant() {
        return NamedConstant.ofDouble("END_LR", endLr, "endLr");
    }

    /** The methods of {@link LrRange}: {@code steps()} and {@code annotationFor(peakLr)}. */
    List<MethodSpec> rangeMethods(Code code) {
        MethodSpec stepsMethod = MethodSpec.methodBuilder("steps")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.LONG)
                .addStatement("return $N", code.use(stepsConstant(steps)))
                .build();
        MethodSpec.Builder annotationFor = MethodSpec.methodBuilder("annotationFor")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addParameter(TypeName.DOUBLE, "peakLr");
        if (peak == null) {
            annotationFor.addJavadoc("Returns \"\": {@code @LrRangeTest} has no schedule annotation beside it.\n")
                    .addStatement("return $S", "");
        } else {
            annotationFor.addJavadoc("Returns {@code @$L} as written beside {@code @LrRangeTest}, its {@code $L} set"
                    + " for a peak of {@code peakLr}$L.\n", peak.annotation(), peak.attribute(), peak.scaling()
                            .isEmpty() ? "" : ": {@code peakLr" + peak.scaling() + "}, by the linear scaling rule")
                    .addStatement("return $S + $T.literal(peakLr$L) + $S", peak.before(), LrRange.class,
                            peak.scaling(), peak.after());
        }
        return List.of(stepsMethod, annotationFor.build());
    }

    /** fastai's defaults, where unset. */
    @Override
    public Map<String, String> defaultsUsed() {
        Map<String, String> used = new java.util.LinkedHashMap<>();
        for (String attribute : List.of("startLr", "endLr", "steps")) {
            used.put(attribute, attributes.show(attribute));
        }
        return used;
    }

    @Override
    public String settingsText() {
        return attributes.settingsText() + (scheduleSettings.isEmpty() ? "" : " " + scheduleSettings);
    }

    @Override
    public long warmupSteps() {
        return 0;
    }

    @Override
    public String scaleAttribute() {
        return "endLr";
    }

    @Override
    public String summary() {
        return "a learning-rate range test (fastai's lr_find): the rate grows exponentially from "
                + Literals.ofDouble(attributes.doubleValue("startLr")) + " to " + Literals.ofDouble(endLr) + " over " + steps
                + " steps, then holds " + Literals.ofDouble(endLr) + (peak == null ? ""
                        : "; annotationFor(peakLr) writes the @" + peak.annotation() + " beside it with "
                                + peak.attribute() + " for that peak");
    }

    @Override
    public List<FormulaRow> formulaRows() {
        return List.of(new FormulaRow("0 <= t < N", ramp.formula(), ramp.computation()),
                new FormulaRow("t >= N", "endLr", "END_LR"));
    }

    @Override
    public List<Long> keySteps() {
        return List.of(0L, steps / 2, steps - 1, steps);
    }

    @Override
    public List<SvgPlot.Marker> markers() {
        return List.of(new SvgPlot.Marker(steps, "N = " + steps));
    }

    /** The ramp, then endLr held from N on. */
    @Override
    public List<Landmark> landmarks(long runEnd) {
        return List.of(Landmark.part(0, "exponential ramp", "steps"), Landmark.held(steps, "endLr held", "steps"));
    }

    /** A range test is not linted: it means to end at its highest rate. */
    @Override
    public Optional<String> decayAttribute() {
        return Optional.empty();
    }

    @Override
    public List<SvgPlot.Panel> chartPanels() {
        return List.of(new SvgPlot.Panel("log10 of the rate", step -> Math.log10(at(step))));
    }
}
