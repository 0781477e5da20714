package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import dev.warmup.PhaseShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A validated {@code @PhasedSchedule}: consecutive phases, each a {@link Curve} over whole steps, then the last end
 * value held. Phase k (from 1) covers the steps from {@code PHASE_(k-1)_END} (0 for the first) to
 * {@code PHASE_k_END}, exclusive. The generated {@code lr} finds the phase by a branch chain, or, past
 * {@value #MAX_CHAIN} phases, by a balanced tree of comparisons: never a loop.
 *
 * @param ends the first step after each phase, ascending
 * @param finalLr the rate from the end of the last phase on
 */
record PhasedModel(List<Curve> phases, List<Long> ends, double finalLr, long warmupSteps, Attributes attributes)
        implements ScheduleModel {

    /** Upper bound on phases: each costs a few constants and a branch of the generated class. */
    static final int MAX_PHASES = 1000;

    /** Up to this many phases in a row are a chain of {@code if}s; more are split in halves. */
    static final int MAX_CHAIN = 8;

    /** Phases shown one by one in the generated Javadoc; more are summarised. */
    private static final int MAX_DOCUMENTED = 24;

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
        List<Curve> curves = new ArrayList<>();
        List<Long> ends = new ArrayList<>();
        long start = 0;
        boolean boundsOk = true;
        /* The end value of the previous phase, where the next starts by default; NaN when it is invalid. */
        double previousEnd = 0;
        for (int i = 0; i < phases.size(); i++) {
            Checks phase = checks.nested("phases", i, "phase " + (i + 1) + ": ");
            Curve curve = phase(phase, i, previousEnd);
            long steps = phase.attributes().longValue("steps");
            if (steps > 0 && boundsOk) {
                boundsOk = phase.check(steps <= Long.MAX_VALUE - start, "steps", "the phases would end after step "
                        + "Long.MAX_VALUE: the steps of all phases must add up to at most Long.MAX_VALUE");
                start += boundsOk ? steps : 0;
                ends.add(start);
            }
            curves.add(curve);
            double end = phase.attributes().doubleValue("endLr");
            previousEnd = Double.isFinite(end) && end >= 0 ? end : Double.NaN;
        }
        if (checks.failed() || curves.contains(null)) {
            return Optional.empty();
        }
        Curve last = curves.get(curves.size() - 1);
        PhasedModel model = new PhasedModel(List.copyOf(curves), List.copyOf(ends), last.end(), 0, attributes);
        /* Each shape is monotone, so its extremes are at its first and last step. */
        for (int i = 0; i < curves.size(); i++) {
            checks.nested("phases", i, "phase " + (i + 1) + ": ").ratesFinite(model, "endLr",
                    List.of(model.startOf(i), ends.get(i) - 1));
        }
        checks.constantsFinite(model, "phases");
        return checks.failed() ? Optional.empty() : Optional.of(new PhasedModel(model.phases(), model.ends(),
                model.finalLr(), model.peakStep(), attributes));
    }

    /** One phase: its checks, and its curve if they pass (null otherwise). */
    private static Curve phase(Checks phase, int index, double previousEnd) {
        Attributes a = phase.attributes();
        PhaseShape shape = PhaseShape.valueOf(a.enumValue("shape"));
        boolean stepsOk = phase.positive("steps", "the length of a phase");
        boolean endOk = phase.rate("endLr", false, "the rate at the end of a phase");
        boolean explicitStart = a.isSet("startLr");
        boolean startOk = !explicitStart || shape == PhaseShape.CONSTANT
                || phase.rate("startLr", false, "the rate at the start of a phase");
        if (shape == PhaseShape.CONSTANT) {
            phase.ignored("startLr", "a CONSTANT phase holds endLr throughout");
        }
        boolean powerOk = true;
        if (shape == PhaseShape.POLY) {
            powerOk = phase.check(Double.isFinite(a.doubleValue("power")) && a.doubleValue("power") > 0, "power",
                    "the exponent of the polynomial must be finite and > 0");
        } else {
            phase.ignored("power", "shape = PhaseShape." + shape + " does not use it");
        }
        double end = a.doubleValue("endLr");
        /* A constant phase has no start of its own (an explicit startLr was only warned about). */
        double start = shape == PhaseShape.CONSTANT ? end : explicitStart ? a.doubleValue("startLr") : previousEnd;
        boolean ok = stepsOk && endOk && startOk && powerOk;
        if (!endOk || !startOk || Double.isNaN(start)) {
            return null; // the rules below compare start and end
        }
        /* Where a start-dependent problem is reported: on startLr if written, else on the shape. */
        String startAttribute = explicitStart ? "startLr" : "shape";
        String startText = explicitStart ? "startLr = " + a.show("startLr")
                : "shape = PhaseShape." + shape + " starting at " + Literals.ofDouble(start)
                        + (index == 0 ? " (the first phase starts at 0 unless startLr is set)"
                                : " (where phase " + index + " ends)");
        Curve curve = new Curve(shape, start, end, a.longValue("steps"),
                shape == PhaseShape.POLY ? a.doubleValue("power") : 1.0,
                "PHASE_" + (index + 1), "phase " + (index + 1));
        if (shape == PhaseShape.EXPONENTIAL) {
            ok &= phase.checkWith(start > 0, startAttribute, startText + " is not allowed: an exponential phase "
                    + "multiplies the rate, so it must start > 0; set startLr");
            ok &= phase.check(end > 0, "endLr", "an exponential phase multiplies the rate, so it must end > 0");
        } else if (shape == PhaseShape.INV_SQRT) {
            boolean endPositive = phase.check(end > 0, "endLr", "an inverse square root phase ends at a rate > 0");
            ok &= endPositive && phase.checkWith(start > end, startAttribute, startText + " is not allowed: an "
                    + "inverse square root phase falls, so it must start above endLr = " + Literals.ofDouble(end));
            if (ok) {
                double tau = curve.tau();
                ok = phase.check(Double.isFinite(tau) && tau > 0, "endLr", "the time scale tau = L * b^2 / "
                        + "(a^2 - b^2) that reaches it from a = " + Literals.ofDouble(start) + " is "
                        + Settings.showDouble(tau) + "; it must be finite and > 0");
            }
        }
        return ok ? curve : null;
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
                return phases.get(i).at(step - startOf(i), ends.get(i) - step);
            }
        }
        return finalLr;
    }

    /** Whether the last phase is constant, so that its branch also serves every step after it. */
    private boolean lastHeld() {
        return phases.get(phases.size() - 1).shape() == PhaseShape.CONSTANT;
    }

    private static String endName(int phase) {
        return "PHASE_" + (phase + 1) + "_END";
    }

    /** The steps done in a phase, as code: {@code (step - PHASE_1_END)}, or {@code step} in the first. */
    private static String done(int phase, String step) {
        return phase == 0 ? step : "(" + step + " - " + endName(phase - 1) + ")";
    }

    private static String left(int phase, String step) {
        return "(" + endName(phase) + " - " + step + ")";
    }

    @Override
    public String annotationText() {
        return attributes.annotationText();
    }

    @Override
    public String warmupStepsExpression() {
        return Literals.ofLong(warmupSteps);
    }

    @Override
    public List<NamedConstant> constants() {
        List<NamedConstant> constants = new ArrayList<>();
        for (int i = 0; i < phases.size(); i++) {
            if (i < phases.size() - 1 || !lastHeld()) {
                constants.add(NamedConstant.ofLong(endName(i), ends.get(i), "the first step after phase " + (i + 1)
                        + (i < phases.size() - 1 ? ", where phase " + (i + 2) + " starts" : "")));
            }
            constants.addAll(phases.get(i).constants());
        }
        if (!lastHeld()) {
            constants.add(NamedConstant.ofDouble("FINAL_LR", finalLr, "b of phase " + phases.size()
                    + ", held after it"));
        }
        return constants;
    }

    @Override
    public CodeBlock lrBody() {
        CodeBlock.Builder body = CodeBlock.builder();
        branches(body, 0, phases.size(), true);
        return body.build();
    }

    /**
     * The code for phases {@code [from, to)}, knowing the step is at or after the first's start and, unless
     * {@code withTail}, before the last's end; {@code withTail} adds the steps after the last phase.
     */
    private void branches(CodeBlock.Builder body, int from, int to, boolean withTail) {
        if (to - from > MAX_CHAIN) {
            int middle = (from + to) / 2;
            body.beginControlFlow("if (step < $L)", endName(middle - 1));
            branches(body, from, middle, false);
            body.endControlFlow();
            branches(body, middle, to, withTail);
            return;
        }
        for (int i = from; i < to; i++) {
            boolean lastOfAll = i == phases.size() - 1;
            boolean unconditional = i == to - 1 && (!withTail || lastOfAll && lastHeld());
            String comment = "// phase " + (i + 1) + ": " + phases.get(i).title()
                    + (unconditional && lastOfAll ? ", and after it" : "") + "\n";
            if (unconditional) {
                body.add(comment).add(phases.get(i).code(done(i, "step"), left(i, "step")));
                return;
            }
            body.beginControlFlow("if (step < $L)", endName(i))
                    .add(comment)
                    .add(phases.get(i).code(done(i, "step"), left(i, "step")))
                    .endControlFlow();
        }
        body.add("// after the last phase, its end value holds\n").addStatement("return FINAL_LR");
    }

    @Override
    public String summary() {
        List<String> shapes = new ArrayList<>();
        for (Curve phase : phases.subList(0, Math.min(phases.size(), 6))) {
            shapes.add(phase.shape().name().toLowerCase(Locale.ROOT).replace('_', ' '));
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
            Curve phase = phases.get(i);
            rows.add(new FormulaRow(startOf(i) + " <= t < " + ends.get(i),
                    "phase " + (i + 1) + ": " + phase.formula(i == 0 ? "t" : "(t - " + startOf(i) + ")",
                            Long.toString(ends.get(i) - startOf(i))),
                    phase.computation(done(i, "t"), left(i, "t"))));
        }
        rows.add(new FormulaRow("t >= " + ends.get(ends.size() - 1), Literals.ofDouble(finalLr)
                + ", the end of phase " + phases.size(), lastHeld() ? phases.get(phases.size() - 1).computation("", "")
                : "FINAL_LR"));
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
