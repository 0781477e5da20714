package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import dev.warmup.PhaseShape;
import dev.warmup.QuantityKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A validated {@code @OneCycleSchedule}, as PyTorch's {@code OneCycleLR} computes it: two or three {@link Shape}s
 * between PyTorch's own phase boundaries, which are doubles ({@code pctStart * totalSteps - 1}, and
 * {@code 2 * pctStart * totalSteps - 2} with three phases); a step t of a phase from s to e is at
 * {@code pct = (t - s) / (e - s)}, computed in double as PyTorch does, and belongs to the first phase whose
 * {@code e >= t}. From the last step {@code T - 1} on, the rate holds minLr. The momentum, cycled unless
 * {@code cycleMomentum = false}, has the same phases from maxMomentum to baseMomentum and back (then held; with three
 * phases, the third holds maxMomentum), as PyTorch cycles it.
 *
 * @param ends PyTorch's {@code end_step} of each phase but the last
 * @param lastStep {@code T - 1}, where the last phase ends at minLr
 * @param quantities the cycled momentum, or none
 */
record OneCycleModel(List<Shape> phases, List<Double> ends, long lastStep, double minLr, Attributes attributes,
        List<QuantityModel> quantities) implements ScheduleModel {

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
        boolean momentumOk = checks.cycledMomentum();
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
        if (!(maxOk && divOk && finalDivOk && phasesOk && momentumOk)) {
            return Optional.empty();
        }
        double max = a.doubleValue("maxLr");
        /* PyTorch: initial_lr = max_lr / div_factor, min_lr = initial_lr / final_div_factor. */
        double initial = max / a.doubleValue("divFactor");
        double min = initial / a.doubleValue("finalDivFactor");
        if (!checks.check(Double.isFinite(initial), "divFactor", "the starting rate maxLr / divFactor = "
                + Literals.show(initial) + " must be finite")
                || !checks.check(Double.isFinite(min), "finalDivFactor", "the final rate maxLr / divFactor / "
                        + "finalDivFactor = " + Literals.show(min) + " must be finite")) {
            return Optional.empty();
        }
        PhaseShape shape = a.enumValue("annealStrategy").equals("COS") ? PhaseShape.COSINE : PhaseShape.LINEAR;
        List<Double> ends = threePhase ? List.of(end1, end2) : List.of(end1);
        List<Double> rates = threePhase ? List.of(initial, max, initial, min) : List.of(initial, max, min);
        List<Shape> curves = phases(shape, rates, ends, last, "rate");
        List<QuantityModel> momentum = List.of();
        if (a.booleanValue("cycleMomentum")) {
            double base = a.doubleValue("baseMomentum");
            double top = a.doubleValue("maxMomentum");
            /* PyTorch: max -> base while the rate rises, base -> max while it falls; a third phase holds max. */
            List<Double> values = List.of(top, base, top);
            Momentum cycled = new Momentum(phases(shape, values, ends, last, "momentum"), values, ends, last);
            momentum = List.of(new QuantityModel("momentum", QuantityKind.MOMENTUM, "cycled against the rate, "
                    + shape.name().toLowerCase(java.util.Locale.ROOT) + " from maxMomentum = "
                    + Literals.ofDouble(top) + " to baseMomentum = " + Literals.ofDouble(base) + " while the rate rises,"
                    + " back while it falls" + (threePhase ? ", maxMomentum in the third phase" : ", then held"),
                    cycled, "", null));
        }
        OneCycleModel model = new OneCycleModel(curves, ends, last, min, a, momentum);
        /* The highest rates are around the peak. */
        return checks.ratesFinite(model, "maxLr", List.of(model.lastOf(0), model.lastOf(0) + 1))
                ? Optional.of(model) : Optional.empty();
    }

    /**
     * The shapes between consecutive {@code values}, one a phase, on PyTorch's phase boundaries: the rate's, or the
     * momentum's (which has one phase fewer with three phases: its third holds maxMomentum).
     */
    private static List<Shape> phases(PhaseShape shape, List<Double> values, List<Double> ends, long last,
            String noun) {
        List<Shape> curves = new ArrayList<>();
        for (int i = 0; i < values.size() - 1; i++) {
            Span.Bound from = i == 0 ? Span.Bound.ZERO : new Span.Bound(endConstant(i - 1, ends.get(i - 1)),
                    endName(i - 1));
            Span.Bound to = i < ends.size() ? new Span.Bound(endConstant(i, ends.get(i)), endName(i))
                    : new Span.Bound(lastStepConstant(last), "LAST_STEP");
            String start = i == 0 ? "0" : Literals.ofDouble(ends.get(i - 1));
            String end = i < ends.size() ? Literals.ofDouble(ends.get(i)) : Long.toString(last);
            String a = Literals.ofDouble(values.get(i));
            String b = Literals.ofDouble(values.get(i + 1));
            String u = i == 0 ? "t" : "(t - " + start + ")";
            String length = i == 0 ? end : "(" + end + " - " + start + ")";
            String label = "phase " + (i + 1);
            String prefix = "PHASE_" + (i + 1);
            /* The momentum's constants are its own, but for the angular frequency, which is the phase's. */
            Names names = noun.equals("rate") ? Names.prefixed(prefix, label, a, b, u, length)
                    : new Names(role -> role.equals("HALF_OMEGA") ? prefix + "_" + role
                            : prefix + "_MOMENTUM_" + role.replace("_LR", ""), label, a, b, u, length, noun);
            curves.add(PhasedModel.shape(shape, values.get(i), values.get(i + 1), 1, new Span(from, to), names));
        }
        return List.copyOf(curves);
    }

    /** The last whole step of phase {@code i} (from 0, not the last phase): {@code floor(end_step)}. */
    private long lastOf(int i) {
        return lastOf(ends, i);
    }

    private static long lastOf(List<Double> ends, int i) {
        return (long) Math.floor(ends.get(i));
    }

    private static NamedConstant lastOfConstant(List<Double> ends, int i) {
        return NamedConstant.ofLong("PHASE_" + (i + 1) + "_LAST", lastOf(ends, i),
                "floor(" + endName(i) + "): the last step of phase " + (i + 1));
    }

    /**
     * PyTorch's cycled momentum: {@code phases} from maxMomentum down to baseMomentum and back up on the rate's phase
     * boundaries, then maxMomentum held, from the last step (two phases) or from the third phase on (three).
     */
    private record Momentum(List<Shape> phases, List<Double> values, List<Double> ends, long lastStep)
            implements Series {

        /** Whether maxMomentum holds from {@code T - 1} on, after the last phase, rather than after phase 2 of 3. */
        private boolean heldFromLastStep() {
            return phases.size() > ends.size();
        }

        private NamedConstant maxConstant() {
            return NamedConstant.ofDouble("MAX_MOMENTUM", values.get(0), "maxMomentum");
        }

        @Override
        public double at(long step) {
            if (heldFromLastStep() && step >= lastStep) {
                return values.get(0);
            }
            for (int i = 0; i < ends.size(); i++) {
                if (step <= lastOf(ends, i)) {
                    return phases.get(i).at(step);
                }
            }
            return heldFromLastStep() ? phases.get(ends.size()).at(step) : values.get(0);
        }

        @Override
        public CodeBlock body(Code code) {
            CodeBlock.Builder body = CodeBlock.builder();
            if (heldFromLastStep()) {
                body.beginControlFlow("if (step >= $N)", code.use(lastStepConstant(lastStep)))
                        .addStatement("return $N", code.use(maxConstant()))
                        .endControlFlow();
            }
            for (int i = 0; i < phases.size(); i++) {
                String comment = "// phase " + (i + 1) + ": " + phases.get(i).kind() + " "
                        + Literals.ofDouble(values.get(i)) + " -> " + Literals.ofDouble(values.get(i + 1)) + "\n";
                if (i == ends.size()) {
                    body.add(comment).add(phases.get(i).code(code));
                } else {
                    body.beginControlFlow("if (step <= $N)", code.use(lastOfConstant(ends, i)))
                            .add(comment)
                            .add(phases.get(i).code(code))
                            .endControlFlow();
                }
            }
            if (!heldFromLastStep()) {
                body.add("// phase 3: maxMomentum held\n").addStatement("return $N", code.use(maxConstant()));
            }
            return body.build();
        }

        @Override
        public List<FormulaRow> formulaRows() {
            List<FormulaRow> rows = new ArrayList<>();
            for (int i = 0; i < phases.size(); i++) {
                String from = i == 0 ? "0" : Long.toString(lastOf(ends, i - 1) + 1);
                String to = i < ends.size() ? " <= t <= " + lastOf(ends, i) : " <= t < " + lastStep;
                rows.add(new FormulaRow(from + to, phases.get(i).formula(), phases.get(i).computation()));
            }
            rows.add(new FormulaRow("t >= " + (heldFromLastStep() ? lastStep : lastOf(ends, 1) + 1), "maxMomentum",
                    "MAX_MOMENTUM"));
            return rows;
        }
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
                return phases.get(i).at(step);
            }
        }
        return phases.get(ends.size()).at(step);
    }

    private static String endName(int i) {
        return "PHASE_" + (i + 1) + "_END";
    }

    private static NamedConstant endConstant(int i, double end) {
        return NamedConstant.ofDouble(endName(i), end, i == 0
                ? "pctStart * totalSteps - 1: PyTorch's end of phase 1, where the rate is maxLr"
                : "2 * pctStart * totalSteps - 2: PyTorch's end of phase 2, where the rate is maxLr / divFactor");
    }

    private static NamedConstant lastStepConstant(long lastStep) {
        return NamedConstant.ofLong("LAST_STEP", lastStep, "totalSteps - 1: minLr from here on");
    }

    private NamedConstant lastOfConstant(int i) {
        return lastOfConstant(ends, i);
    }

    @Override
    public Map<String, String> defaultsUsed() {
        Map<String, String> used = new LinkedHashMap<>();
        for (String attribute : List.of("pctStart", "annealStrategy", "divFactor", "finalDivFactor", "threePhase",
                "cycleMomentum")) {
            used.put(attribute, attributes.show(attribute));
        }
        if (attributes.booleanValue("cycleMomentum")) {
            used.put("baseMomentum", attributes.show("baseMomentum"));
            used.put("maxMomentum", attributes.show("maxMomentum"));
        }
        return used;
    }

    /** The first step at or after the peak, {@code ceil(pctStart * T - 1)}. */
    @Override
    public long warmupSteps() {
        return (long) Math.ceil(ends.get(0));
    }

    private NamedConstant minLrConstant() {
        return NamedConstant.ofDouble("MIN_LR", minLr, "maxLr / divFactor / finalDivFactor");
    }

    @Override
    public CodeBlock body(Code code) {
        CodeBlock.Builder body = CodeBlock.builder()
                .beginControlFlow("if (step >= $N)", code.use(lastStepConstant(lastStep)))
                .addStatement("return $N", code.use(minLrConstant()))
                .endControlFlow();
        for (int i = 0; i < phases.size(); i++) {
            String comment = "// phase " + (i + 1) + ": " + title(i) + "\n";
            if (i == phases.size() - 1) {
                body.add(comment).add(phases.get(i).code(code));
            } else {
                body.beginControlFlow("if (step <= $N)", code.use(lastOfConstant(i)))
                        .add(comment)
                        .add(phases.get(i).code(code))
                        .endControlFlow();
            }
        }
        return body.build();
    }

    /** Phase {@code i}'s name for people: {@code cosine 0.004 -> 0.1}. */
    private String title(int i) {
        return phases.get(i).kind() + " " + Literals.ofDouble(rate(i)) + " -> " + Literals.ofDouble(rate(i + 1));
    }

    /** The rate at the start of phase {@code i}, or at the end of the last ({@code i} = number of phases). */
    private double rate(int i) {
        double max = attributes.doubleValue("maxLr");
        double initial = max / attributes.doubleValue("divFactor");
        return i == 0 ? initial : i == phases.size() ? minLr : i == 1 ? max : initial;
    }

    @Override
    public String scaleAttribute() {
        return "maxLr";
    }

    @Override
    public String summary() {
        return (phases.size() == 3 ? "three-phase" : "two-phase") + " one-cycle schedule over "
                + (lastStep + 1) + " steps, " + phases.get(0).kind()
                + " annealing (PyTorch's OneCycleLR), then minLr held";
    }

    @Override
    public List<FormulaRow> formulaRows() {
        List<FormulaRow> rows = new ArrayList<>();
        for (int i = 0; i < phases.size(); i++) {
            String from = i == 0 ? "0" : Long.toString(lastOf(i - 1) + 1);
            String to = i < ends.size() ? " <= t <= " + lastOf(i) : " <= t < " + lastStep;
            rows.add(new FormulaRow(from + to, phases.get(i).formula(), phases.get(i).computation()));
        }
        rows.add(new FormulaRow("t >= " + lastStep, "minLr = maxLr / divFactor / finalDivFactor", "MIN_LR"));
        return rows;
    }

    /** Each phase of the cycle; its last is cut if the run ends before totalSteps; minLr held from totalSteps. */
    @Override
    public List<Landmark> landmarks(long runEnd) {
        List<Landmark> landmarks = new ArrayList<>();
        String[] titles = ends.size() == 2 ? new String[] {"rising to maxLr", "falling to the starting rate",
                "annealing to the final rate"} : new String[] {"rising to maxLr", "annealing to the final rate"};
        for (int i = 0; i < phases.size(); i++) {
            long start = i == 0 ? 0 : lastOf(i - 1) + 1;
            String what = "phase " + (i + 1) + ": " + titles[i];
            landmarks.add(i == phases.size() - 1 ? Landmark.wave(start, what, "totalSteps")
                    : Landmark.part(start, what, "pctStart"));
        }
        landmarks.add(Landmark.held(lastStep + 1, "final rate held", "totalSteps"));
        return landmarks;
    }

    @Override
    public Optional<String> decayAttribute() {
        return Optional.of("totalSteps");
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
