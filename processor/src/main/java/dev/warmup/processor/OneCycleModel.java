package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import dev.warmup.PhaseShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A validated {@code @OneCycleSchedule}, as PyTorch's {@code OneCycleLR} computes it: two or three {@link Curve}s
 * between PyTorch's own phase boundaries, which are doubles ({@code pctStart * totalSteps - 1}, and
 * {@code 2 * pctStart * totalSteps - 2} with three phases); a step t of a phase from s to e is at
 * {@code pct = (t - s) / (e - s)}, computed in double as PyTorch does, and belongs to the first phase whose
 * {@code e >= t}. From the last step {@code T - 1} on, the rate holds minLr.
 *
 * @param ends PyTorch's {@code end_step} of each phase but the last
 * @param lastStep {@code T - 1}, where the last phase ends at minLr
 */
record OneCycleModel(List<Curve> phases, List<Double> ends, long lastStep, double minLr, Attributes attributes)
        implements ScheduleModel {

    /** Validates a {@code @OneCycleSchedule}, reporting every problem; empty if there was one. */
    static Optional<ScheduleModel> validate(Attributes a, Reporter reporter) {
        Checks checks = new Checks(a, reporter);
        checks.name();
        boolean maxOk = checks.rate("maxLr", true, "the peak rate");
        long total = a.longValue("totalSteps");
        boolean totalOk = checks.check(total > 1, "totalSteps", "the length of the cycle must be > 1 step");
        double pct = a.doubleValue("pctStart");
        boolean pctOk = checks.check(pct > 0 && pct < 1, "pctStart",
                "the fraction of the cycle spent rising must be in (0, 1)");
        boolean divOk = checks.rate("divFactor", true, "the ratio of maxLr to the starting rate");
        boolean finalDivOk = checks.rate("finalDivFactor", true, "the ratio of the starting rate to the final one");
        boolean threePhase = a.booleanValue("threePhase");
        if (!(totalOk && pctOk)) {
            return Optional.empty();
        }
        /* PyTorch's phase boundaries, computed as it computes them (Python floats are doubles). */
        double end1 = pct * total - 1;
        double end2 = 2 * pct * total - 2;
        long last = total - 1;
        boolean phasesOk = checks.check(end1 > 0, "pctStart", "the rising phase ends at step pctStart * totalSteps"
                + " - 1 = " + Literals.ofDouble(end1) + " with totalSteps = " + total + ", so it has no step to "
                + "rise in (PyTorch divides by zero or skips it); pctStart * totalSteps must be > 1");
        if (phasesOk && !threePhase) {
            phasesOk = checks.check(end1 < last, "pctStart", "the rising phase ends at step pctStart * totalSteps - 1 = "
                    + Literals.ofDouble(end1) + ", not before the last step totalSteps - 1 = " + last + ", so the "
                    + "falling phase would be empty");
        }
        if (phasesOk && threePhase) {
            phasesOk = checks.check(end2 < last, "pctStart", "with threePhase = true the second phase ends at step "
                    + "2 * pctStart * totalSteps - 2 = " + Literals.ofDouble(end2) + ", not before the last step "
                    + "totalSteps - 1 = " + last + ", so the third phase would be empty; use pctStart <= 0.5");
        }
        if (!(maxOk && divOk && finalDivOk && phasesOk)) {
            return Optional.empty();
        }
        double max = a.doubleValue("maxLr");
        /* PyTorch: initial_lr = max_lr / div_factor, min_lr = initial_lr / final_div_factor. */
        double initial = max / a.doubleValue("divFactor");
        double min = initial / a.doubleValue("finalDivFactor");
        if (!checks.check(Double.isFinite(initial), "divFactor", "the starting rate maxLr / divFactor = "
                + Settings.showDouble(initial) + " must be finite")
                || !checks.check(Double.isFinite(min), "finalDivFactor", "the final rate maxLr / divFactor / "
                        + "finalDivFactor = " + Settings.showDouble(min) + " must be finite")) {
            return Optional.empty();
        }
        PhaseShape shape = a.enumValue("annealStrategy").equals("COS") ? PhaseShape.COSINE : PhaseShape.LINEAR;
        List<Curve> curves = new ArrayList<>();
        curves.add(new Curve(shape, initial, max, end1, 1, "PHASE_1", "phase 1"));
        if (threePhase) {
            curves.add(new Curve(shape, max, initial, end2 - end1, 1, "PHASE_2", "phase 2"));
            curves.add(new Curve(shape, initial, min, last - end2, 1, "PHASE_3", "phase 3"));
        } else {
            curves.add(new Curve(shape, max, min, last - end1, 1, "PHASE_2", "phase 2"));
        }
        OneCycleModel model = new OneCycleModel(List.copyOf(curves), threePhase ? List.of(end1, end2)
                : List.of(end1), last, min, a);
        /* The highest rates are around the peak. */
        return checks.constantsFinite(model, "maxLr")
                && checks.ratesFinite(model, "maxLr", List.of(model.lastOf(0), model.lastOf(0) + 1))
                ? Optional.of(model) : Optional.empty();
    }

    /** The last whole step of phase {@code i} (from 0, not the last phase): {@code floor(end_step)}. */
    private long lastOf(int i) {
        return (long) Math.floor(ends.get(i));
    }

    @Override
    public double at(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        if (step >= lastStep) {
            return minLr;
        }
        for (int i = 0; i < ends.size(); i++) {
            if (step <= lastOf(i)) {
                double start = i == 0 ? 0 : ends.get(i - 1);
                return phases.get(i).at(i == 0 ? step : step - start, ends.get(i) - step);
            }
        }
        return phases.get(ends.size()).at(step - ends.get(ends.size() - 1), lastStep - step);
    }

    private static String endName(int i) {
        return "PHASE_" + (i + 1) + "_END";
    }

    private String done(int i, String step) {
        return i == 0 ? step : "(" + step + " - " + endName(i - 1) + ")";
    }

    private String left(int i, String step) {
        return "(" + (i < ends.size() ? endName(i) : "LAST_STEP") + " - " + step + ")";
    }

    @Override
    public String annotationText() {
        return attributes.annotationText();
    }

    /** The first step at or after the peak, {@code ceil(pctStart * T - 1)}. */
    @Override
    public long warmupSteps() {
        return (long) Math.ceil(ends.get(0));
    }

    @Override
    public String warmupStepsExpression() {
        return Literals.ofLong(warmupSteps());
    }

    @Override
    public List<NamedConstant> constants() {
        List<NamedConstant> constants = new ArrayList<>();
        constants.add(NamedConstant.ofLong("LAST_STEP", lastStep, "totalSteps - 1: minLr from here on"));
        constants.add(NamedConstant.ofDouble("MIN_LR", minLr, "maxLr / divFactor / finalDivFactor"));
        for (int i = 0; i < ends.size(); i++) {
            constants.add(NamedConstant.ofDouble(endName(i), ends.get(i), i == 0
                    ? "pctStart * totalSteps - 1: PyTorch's end of phase 1, where the rate is maxLr"
                    : "2 * pctStart * totalSteps - 2: PyTorch's end of phase 2, where the rate is maxLr / divFactor"));
            constants.add(NamedConstant.ofLong("PHASE_" + (i + 1) + "_LAST", lastOf(i),
                    "floor(" + endName(i) + "): the last step of phase " + (i + 1)));
        }
        for (Curve phase : phases) {
            constants.addAll(phase.constants());
        }
        return constants;
    }

    @Override
    public CodeBlock lrBody() {
        CodeBlock.Builder body = CodeBlock.builder()
                .beginControlFlow("if (step >= LAST_STEP)")
                .addStatement("return MIN_LR")
                .endControlFlow();
        for (int i = 0; i < phases.size(); i++) {
            CodeBlock code = phases.get(i).code(done(i, "step"), left(i, "step"));
            String comment = "// phase " + (i + 1) + ": " + phases.get(i).title() + "\n";
            if (i == phases.size() - 1) {
                body.add(comment).add(code);
            } else {
                body.beginControlFlow("if (step <= PHASE_$L_LAST)", i + 1).add(comment).add(code).endControlFlow();
            }
        }
        return body.build();
    }

    @Override
    public String summary() {
        return (phases.size() == 3 ? "three-phase" : "two-phase") + " one-cycle schedule over "
                + (lastStep + 1) + " steps, " + (phases.get(0).shape() == PhaseShape.COSINE ? "cosine" : "linear")
                + " annealing (PyTorch's OneCycleLR), then minLr held";
    }

    @Override
    public List<FormulaRow> formulaRows() {
        List<FormulaRow> rows = new ArrayList<>();
        for (int i = 0; i < phases.size(); i++) {
            String from = i == 0 ? "0" : Long.toString(lastOf(i - 1) + 1);
            String to = i < ends.size() ? " <= t <= " + lastOf(i) : " <= t < " + lastStep;
            String start = i == 0 ? "0" : Literals.ofDouble(ends.get(i - 1));
            String end = i < ends.size() ? Literals.ofDouble(ends.get(i)) : Long.toString(lastStep);
            rows.add(new FormulaRow(from + to, phases.get(i).formula(i == 0 ? "t" : "(t - " + start + ")",
                    i == 0 ? end : "(" + end + " - " + start + ")"),
                    phases.get(i).computation(done(i, "t"), left(i, "t"))));
        }
        rows.add(new FormulaRow("t >= " + lastStep, "minLr = maxLr / divFactor / finalDivFactor", "MIN_LR"));
        return rows;
    }

    @Override
    public List<Long> keySteps() {
        TreeSet<Long> steps = new TreeSet<>(List.of(0L, lastStep - 1, lastStep));
        long previous = 0;
        for (int i = 0; i < ends.size(); i++) {
            steps.add(previous + (lastOf(i) - previous) / 2);
            steps.add(lastOf(i));
            steps.add(lastOf(i) + 1);
            previous = lastOf(i);
        }
        steps.add(previous + (lastStep - previous) / 2);
        return List.copyOf(steps);
    }
}
