package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import dev.warmup.PhaseShape;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A validated {@code @PhasedSchedule}: consecutive phases, each a {@link Shape} over whole steps, then the last end
 * value held. Phase k (from 1) covers the steps from {@code PHASE_(k-1)_END} (0 for the first) to
 * {@code PHASE_k_END}, exclusive. The generated {@code lr} finds the phase by a branch chain, or, past
 * {@value #MAX_CHAIN} phases, by a balanced tree of comparisons: never a loop.
 *
 * @param ends the first step after each phase, ascending
 * @param finalLr the rate from the end of the last phase on
 */
record PhasedModel(List<Phase> phases, List<Long> ends, double finalLr, long warmupSteps, Attributes attributes)
        implements ScheduleModel {

    /** One phase: its shape, as the annotation names it, from rate a to rate b. */
    record Phase(Shape shape, PhaseShape kind, double start, double end) {

        /** The phase's name for people: {@code linear 0.0 -> 0.001}, {@code constant 0.1}. */
        String title() {
            return kind == PhaseShape.CONSTANT ? shape.kind() + " " + Literals.ofDouble(end)
                    : shape.kind() + " " + Literals.ofDouble(start) + " -> " + Literals.ofDouble(end);
        }
    }

    /** Upper bound on phases: each costs a few constants and a branch of the generated class. */
    static final int MAX_PHASES = 1000;

    /** Up to this many phases in a row are a chain of {@code if}s; more are split in halves. */
    static final int MAX_CHAIN = 8;

    /** Phases shown one by one in the generated Javadoc; more are summarised. */
    private static final int MAX_DOCUMENTED = 24;

    /** The shape a {@link PhaseShape} names, from a to b over the span. */
    static Shape shape(PhaseShape kind, double start, double end, double power, Span span, Names names) {
        return switch (kind) {
            case CONSTANT -> new ConstantShape(end, names);
            case LINEAR -> new LinearShape(start, end, span, names);
            case COSINE -> new CosineShape(start, end, power, span, names);
            case EXPONENTIAL -> ExponentialShape.between(start, end, span, names);
            case POLY -> new PolynomialShape(start, end, power, span, names);
            case INV_SQRT -> InverseSqrtShape.between(start, end, span, names);
            case ONE_MINUS_SQRT -> new OneMinusSqrtShape(start, end, span, names);
        };
    }

    /** Validates a {@code @PhasedSchedule}, reporting every problem; empty if there was one. */
    static Optional<ScheduleModel> validate(Attributes attributes, Reporter reporter) {
        Checks checks = new Checks(attributes, reporter);
        checks.name();
        List<Attributes> phases = attributes.nested("phases");
        if (phases.isEmpty()) {
            checks.check(false, "phases", "give at least one @Phase");
            return Optional.empty();
        }
        if (phases.size() > MAX_PHASES) {
            checks.checkWith(false, "phases", "phases = {...} (" + phases.size() + " phases) is not allowed: at most "
                    + MAX_PHASES + " phases");
            return Optional.empty();
        }
        List<Phase> valid = new ArrayList<>();
        List<Long> ends = new ArrayList<>();
        long start = 0;
        boolean boundsOk = true;
        /* The end value of the previous phase, where the next starts by default; NaN when it is invalid. */
        double previousEnd = 0;
        for (int i = 0; i < phases.size(); i++) {
            Checks phase = checks.nested("phases", i, "phase " + (i + 1) + ": ");
            Attributes written = phase.attributes();
            long steps = byFactor(written) ? factorLength(written, written.isSet("startLr")
                    ? written.doubleValue("startLr") : previousEnd) : written.longValue("steps");
            long phaseStart = start;
            if (steps > 0 && boundsOk) {
                boundsOk = phase.check(steps <= Long.MAX_VALUE - start, "steps", "the phases would end after step "
                        + "Long.MAX_VALUE: the steps of all phases must add up to at most Long.MAX_VALUE");
                start += boundsOk ? steps : 0;
                ends.add(start);
            }
            valid.add(phase(phase, i, previousEnd, steps,
                    boundsOk ? span(i, phaseStart, start, i == phases.size() - 1) : null));
            double end = phase.attributes().doubleValue("endLr");
            previousEnd = Double.isFinite(end) && end >= 0 ? end : Double.NaN;
        }
        if (checks.failed() || valid.contains(null)) {
            return Optional.empty();
        }
        Phase last = valid.get(valid.size() - 1);
        PhasedModel model = new PhasedModel(List.copyOf(valid), List.copyOf(ends), last.end(), 0, attributes);
        /* Each shape is monotone, so its extremes are at its first and last step. */
        for (int i = 0; i < valid.size(); i++) {
            checks.nested("phases", i, "phase " + (i + 1) + ": ").ratesFinite(model, "endLr",
                    List.of(model.startOf(i), ends.get(i) - 1));
        }
        PhasedModel validated = new PhasedModel(model.phases(), model.ends(), model.finalLr(), model.peakStep(),
                attributes);
        return checks.failed() ? Optional.empty() : Optional.of(validated);
    }

    /** The constant {@code PHASE_k_END}: the first step after phase k (from 0). */
    private static NamedConstant endConstant(int phase, long end, boolean last) {
        return NamedConstant.ofLong(endName(phase), end, "the first step after phase " + (phase + 1)
                + (last ? "" : ", where phase " + (phase + 2) + " starts"));
    }

    /** Phase {@code index}'s span, {@code [start, end)}. */
    private static Span span(int index, long start, long end, boolean last) {
        Span.Bound from = index == 0 ? Span.Bound.ZERO
                : Span.Bound.of(endConstant(index - 1, start, false), endName(index - 1));
        return new Span(from, Span.Bound.of(endConstant(index, end, last), endName(index)));
    }

    /** Whether the phase is an exponential one given by its factor, its length derived. */
    private static boolean byFactor(Attributes phase) {
        return phase.isSet("gamma") && PhaseShape.valueOf(phase.enumValue("shape")) == PhaseShape.EXPONENTIAL;
    }

    /**
     * The length of an exponential phase given by its factor: the whole steps u with {@code a * gamma^(u / stepSize)}
     * before endLr b, {@code ceil(stepSize * ln(b / a) / ln(gamma))} from 60-digit logarithms (an exact whole number
     * stays one); -1 if the settings give none (their errors are reported with the phase's) or it passes
     * {@code Long.MAX_VALUE}.
     */
    static long factorLength(Attributes phase, double start) {
        double end = phase.doubleValue("endLr");
        double gamma = phase.doubleValue("gamma");
        long stepSize = phase.isSet("stepSize") ? phase.longValue("stepSize") : 1;
        if (!(Double.isFinite(start) && start > 0 && Double.isFinite(end) && end > 0 && Double.isFinite(gamma)
                && gamma > 0 && stepSize > 0 && (gamma > 1 ? end > start : gamma < 1 && end < start))) {
            return -1;
        }
        MathContext digits = new MathContext(60);
        BigDecimal length = ExactLog.ln(end).subtract(ExactLog.ln(start)).multiply(BigDecimal.valueOf(stepSize))
                .divide(ExactLog.ln(gamma), digits);
        BigDecimal whole = length.setScale(0, RoundingMode.FLOOR);
        if (length.subtract(whole).compareTo(new BigDecimal("1e-40")) > 0) {
            whole = whole.add(BigDecimal.ONE); // the first whole step at or past the real one
        }
        return whole.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? -1 : whole.longValueExact();
    }

    /** One phase: its checks, and its shape if they pass (null otherwise, or if {@code span} is null). */
    private static Phase phase(Checks phase, int index, double previousEnd, long steps, Span span) {
        Attributes a = phase.attributes();
        PhaseShape shape = PhaseShape.valueOf(a.enumValue("shape"));
        boolean byFactor = byFactor(a);
        boolean stepsOk;
        boolean factorOk = true;
        if (byFactor) {
            stepsOk = phase.checkWith(!a.isSet("steps"), "steps", "steps = " + a.show("steps") + " is not allowed "
                    + "with gamma: an exponential phase given by its factor lasts until its rate reaches endLr; "
                    + "remove steps, or gamma");
            double gamma = a.doubleValue("gamma");
            factorOk = phase.check(Double.isFinite(gamma) && gamma > 0 && gamma != 1, "gamma",
                    "the factor per stepSize steps must be finite, > 0 and not 1");
            factorOk &= !a.isSet("stepSize") || phase.check(a.longValue("stepSize") > 0, "stepSize",
                    "the steps over which the rate is multiplied by gamma must be > 0");
        } else {
            phase.unused("gamma", "shape = PhaseShape." + shape + " does not use it; remove it, or set "
                    + "shape = PhaseShape.EXPONENTIAL");
            phase.unused("stepSize", "it is the steps of gamma, which is not set; remove it, or set gamma");
            factorOk = !a.isSet("gamma") && !a.isSet("stepSize");
            stepsOk = a.isSet("steps") ? phase.positive("steps", "the length of a phase")
                    : phase.checkWith(false, "steps", "steps is required: set the length of the phase (or, for an "
                            + "EXPONENTIAL phase, gamma, its factor per step, for a phase that lasts until it "
                            + "reaches endLr)");
        }
        boolean endOk = phase.rate("endLr", false, "the rate at the end of a phase");
        boolean explicitStart = a.isSet("startLr");
        boolean startOk = !explicitStart || shape == PhaseShape.CONSTANT
                || phase.rate("startLr", false, "the rate at the start of a phase");
        if (shape == PhaseShape.CONSTANT) {
            phase.unused("startLr", "a CONSTANT phase holds endLr throughout; remove it");
        }
        boolean powerOk = true;
        if (shape == PhaseShape.POLY || shape == PhaseShape.COSINE) {
            powerOk = phase.check(Double.isFinite(a.doubleValue("power")) && a.doubleValue("power") > 0, "power",
                    "the exponent of the " + (shape == PhaseShape.POLY ? "polynomial" : "cosine")
                            + " must be finite and > 0");
        } else {
            phase.unused("power", "shape = PhaseShape." + shape + " does not use it; remove it, or set "
                    + "shape = PhaseShape.POLY or PhaseShape.COSINE");
        }
        double end = a.doubleValue("endLr");
        /* A constant phase has no start of its own (an explicit startLr is an error). */
        double start = shape == PhaseShape.CONSTANT ? end : explicitStart ? a.doubleValue("startLr") : previousEnd;
        boolean ok = stepsOk && endOk && startOk && powerOk && factorOk;
        if (!endOk || !startOk || Double.isNaN(start)) {
            return null; // the rules below compare start and end
        }
        /* Where a start-dependent problem is reported: on startLr if written, else on the shape. */
        String startAttribute = explicitStart ? "startLr" : "shape";
        String startText = explicitStart ? "startLr = " + a.show("startLr")
                : "shape = PhaseShape." + shape + " starting at " + Literals.ofDouble(start)
                        + (index == 0 ? " (the first phase starts at 0 unless startLr is set)"
                                : " (where phase " + index + " ends)");
        if (shape == PhaseShape.EXPONENTIAL) {
            ok &= phase.checkWith(start > 0, startAttribute, startText + " is not allowed: an exponential phase "
                    + "multiplies the rate, so it must start > 0; set startLr");
            ok &= phase.check(end > 0, "endLr", "an exponential phase multiplies the rate, so it must end > 0");
            if (ok && byFactor) {
                double gamma = a.doubleValue("gamma");
                ok = phase.check(end != start, "endLr", "an exponential phase given by its factor must move: set "
                        + "an endLr other than its start, " + Literals.ofDouble(start))
                        && phase.check(gamma > 1 == end > start, "gamma", "from " + Literals.ofDouble(start)
                                + " to endLr = " + Literals.ofDouble(end) + " the rate " + (end > start
                                ? "rises, so the factor must be > 1" : "falls, so the factor must be < 1"))
                        && phase.check(steps > 0, "gamma", "from " + Literals.ofDouble(start) + " to endLr = "
                                + Literals.ofDouble(end) + " by this factor the phase would last more than "
                                + "Long.MAX_VALUE steps");
            }
        } else if (shape == PhaseShape.INV_SQRT) {
            boolean endPositive = phase.check(end > 0, "endLr", "an inverse square root phase ends at a rate > 0");
            ok &= endPositive && phase.checkWith(start > end, startAttribute, startText + " is not allowed: an "
                    + "inverse square root phase falls, so it must start above endLr = " + Literals.ofDouble(end));
            if (ok) {
                double tau = InverseSqrtShape.tau(start, end, steps);
                ok = phase.check(Double.isFinite(tau) && tau > 0, "endLr", "the time scale tau = L * b^2 / "
                        + "(a^2 - b^2) that reaches it from a = " + Literals.ofDouble(start) + " is "
                        + Literals.show(tau) + "; it must be finite and > 0");
            }
        }
        if (!ok || span == null) {
            return null;
        }
        String label = "phase " + (index + 1);
        Names names = Names.prefixed("PHASE_" + (index + 1), label, Literals.ofDouble(start), Literals.ofDouble(end),
                index == 0 ? "t" : "(t - " + span.start().whole() + ")", Long.toString(steps));
        if (byFactor) {
            return new Phase(ExponentialShape.byFactor(start, a.doubleValue("gamma"), a.isSet("stepSize")
                    ? a.longValue("stepSize") : 1, span, names), shape, start, end);
        }
        boolean powered = shape == PhaseShape.POLY || shape == PhaseShape.COSINE;
        return new Phase(shape(shape, start, end, powered ? a.doubleValue("power") : 1.0, span,
                names), shape, start, end);
    }

    /**
     * The first step at which the rate is the schedule's peak. Every shape is monotone, so the peak is at a phase's
     * first or last step, or where the last value starts to hold.
     */
    private long peakStep() {
        long peakStep = 0;
        double peak = at(0);
        for (int i = 0; i < phases.size(); i++) {
            for (long step : List.of(startOf(i), ends.get(i) - 1, ends.get(i))) {
                if (at(step) > peak) {
                    peak = at(step);
                    peakStep = step;
                }
            }
        }
        return peakStep;
    }

    private long startOf(int phase) {
        return phase == 0 ? 0 : ends.get(phase - 1);
    }

    @Override
    public double at(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        for (int i = 0; i < phases.size(); i++) {
            if (step < ends.get(i)) {
                return phases.get(i).shape().at(step);
            }
        }
        return finalLr;
    }

    /** Whether the last phase is constant, so that its branch also serves every step after it. */
    private boolean lastHeld() {
        return phases.get(phases.size() - 1).kind() == PhaseShape.CONSTANT;
    }

    private static String endName(int phase) {
        return "PHASE_" + (phase + 1) + "_END";
    }

    private NamedConstant end(int phase) {
        return endConstant(phase, ends.get(phase), phase == phases.size() - 1);
    }

    /** Each phase, and the final rate held after the last. */
    @Override
    public List<Landmark> landmarks(long runEnd) {
        List<Landmark> landmarks = new ArrayList<>();
        for (int i = 0; i < phases.size(); i++) {
            String what = "phase " + (i + 1) + ": " + phases.get(i).title();
            landmarks.add(phases.get(i).kind() == PhaseShape.COSINE ? Landmark.wave(startOf(i), what, "phases[" + i + "]")
                    : Landmark.part(startOf(i), what, "phases[" + i + "]"));
        }
        if (!lastHeld()) {
            landmarks.add(Landmark.held(ends.get(phases.size() - 1), "final rate held",
                    "phases[" + (phases.size() - 1) + "].steps"));
        }
        return landmarks;
    }

    @Override
    public Optional<String> warmupAttribute() {
        return warmupSteps > 0 ? Optional.of("phases[0].steps") : Optional.empty();
    }

    @Override
    public Optional<String> decayAttribute() {
        return finalLr < peakLr() ? Optional.of("phases") : Optional.empty(); // phases that end at their peak
    }

    /** Where each phase ends (the first ones, if there are many), marked on the chart. */
    @Override
    public List<SvgPlot.Marker> markers() {
        List<SvgPlot.Marker> markers = new ArrayList<>();
        for (int i = 0; i < Math.min(phases.size(), 8); i++) {
            markers.add(new SvgPlot.Marker(ends.get(i), "phase " + (i + 1) + " ends"));
        }
        return markers;
    }

    @Override
    public CodeBlock body(Code code) {
        CodeBlock.Builder body = CodeBlock.builder();
        branches(code, body, 0, phases.size(), true);
        return body.build();
    }

    /**
     * The code for phases {@code [from, to)}, knowing the step is at or after the first's start and, unless
     * {@code withTail}, before the last's end; {@code withTail} adds the steps after the last phase.
     */
    private void branches(Code code, CodeBlock.Builder body, int from, int to, boolean withTail) {
        if (to - from > MAX_CHAIN) {
            int middle = (from + to) / 2;
            body.beginControlFlow("if (step < $N)", code.use(end(middle - 1)));
            branches(code, body, from, middle, false);
            body.endControlFlow();
            branches(code, body, middle, to, withTail);
            return;
        }
        for (int i = from; i < to; i++) {
            boolean lastOfAll = i == phases.size() - 1;
            boolean unconditional = i == to - 1 && (!withTail || lastOfAll && lastHeld());
            String comment = "// phase " + (i + 1) + ": " + phases.get(i).title()
                    + (unconditional && lastOfAll ? ", and after it" : "") + "\n";
            if (unconditional) {
                body.add(comment).add(phases.get(i).shape().code(code));
                return;
            }
            body.beginControlFlow("if (step < $N)", code.use(end(i)))
                    .add(comment)
                    .add(phases.get(i).shape().code(code))
                    .endControlFlow();
        }
        body.add("// after the last phase, its end value holds\n").addStatement("return $N",
                code.use(finalLrConstant()));
    }

    private NamedConstant finalLrConstant() {
        return NamedConstant.ofDouble("FINAL_LR", finalLr, "b of phase " + phases.size() + ", held after it");
    }

    /** The highest rate, at {@link #warmupSteps()}. */
    @Override
    public double peakLr() {
        return at(warmupSteps);
    }

    @Override
    public String scaleAttribute() {
        return "phases";
    }

    @Override
    public String summary() {
        List<String> shapes = new ArrayList<>();
        for (Phase phase : phases.subList(0, Math.min(phases.size(), 6))) {
            shapes.add(phase.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        return phases.size() + (phases.size() == 1 ? " phase" : " phases") + " over " + ends.get(ends.size() - 1)
                + " steps (" + String.join(", ", shapes) + (phases.size() > 6 ? ", ..." : "") + "), then "
                + Literals.ofDouble(finalLr) + " held";
    }

    @Override
    public List<FormulaRow> formulaRows() {
        List<FormulaRow> rows = new ArrayList<>();
        for (int i = 0; i < phases.size(); i++) {
            if (i == MAX_DOCUMENTED - 1 && phases.size() > MAX_DOCUMENTED) {
                rows.add(new FormulaRow("...", "phases " + (i + 1) + " to " + (phases.size() - 1), "..."));
                i = phases.size() - 1;
            }
            Shape shape = phases.get(i).shape();
            rows.add(new FormulaRow(startOf(i) + " <= t < " + ends.get(i), "phase " + (i + 1) + ": "
                    + shape.formula(), shape.computation()));
        }
        rows.add(new FormulaRow("t >= " + ends.get(ends.size() - 1), Literals.ofDouble(finalLr)
                + ", the end of phase " + phases.size(), lastHeld()
                ? phases.get(phases.size() - 1).shape().computation() : "FINAL_LR"));
        return rows;
    }

    /** The start, middle and last step of each phase (of the first ones, if there are many), and the end. */
    @Override
    public List<Long> keySteps() {
        TreeSet<Long> steps = new TreeSet<>();
        for (int i = 0; i < Math.min(phases.size(), MAX_DOCUMENTED / 2); i++) {
            long start = startOf(i);
            steps.add(start);
            steps.add(start + (ends.get(i) - start) / 2);
            steps.add(ends.get(i) - 1);
        }
        steps.add(ends.get(ends.size() - 1));
        return List.copyOf(steps);
    }
}
