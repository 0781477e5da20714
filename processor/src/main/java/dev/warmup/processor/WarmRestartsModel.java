package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A validated {@code @WarmRestartsSchedule}: an optional linear warmup of W steps, then PyTorch's
 * {@code CosineAnnealingWarmRestarts} at {@code d = t - W}. Cycle i lasts {@code T_i = t0 * tMult^i} steps and starts
 * at {@code S_i = t0 * (tMult^i - 1) / (tMult - 1)} (at {@code i * t0} for {@code tMult = 1}). The generated
 * {@code lr} finds the cycle of d in closed form, never by a loop over cycles:
 * <ul>
 *   <li>{@code tMult = 1}: {@code d % t0};</li>
 *   <li>{@code tMult = 2}: d is in cycle i exactly when {@code floor(d / t0) + 1} is in {@code [2^i, 2^(i+1))}, so
 *       {@code i = 63 - Long.numberOfLeadingZeros(d / t0 + 1)}, exact (at {@code t0 = 1, d = Long.MAX_VALUE} the sum
 *       wraps to {@code 2^63} read unsigned, still right);</li>
 *   <li>{@code tMult >= 3}: the estimate {@code floor(log_tMult(d (tMult - 1) / t0 + 1))}, whose rounding error is far
 *       below one cycle, corrected by at most one against a table of the cycle starts that fit in a long (at most
 *       41 of them).</li>
 * </ul>
 * With {@code T_cur = d - S_i}, {@code lr = etaMin + (baseLr - etaMin) * c^2}, where
 * {@code c = cos(pi / (2 T_i) * T_cur)}, equal to PyTorch's {@code (1 + cos(pi * T_cur / T_i)) / 2} by the half-angle
 * identity ({@link CosineShape}): for {@code tMult = 1}, the constant {@code pi / (2 t0)}; for {@code tMult = 2}, the
 * same at {@code T_cur / 2^i}, exact, since cycle i is the first cycle 2^i times slower; for {@code tMult >= 3}, a
 * table of {@code pi / (2 T_i)} by cycle.
 *
 * @param cycleStarts for {@code tMult >= 3}: {@code S_i} of every cycle that starts by {@code Long.MAX_VALUE}
 * @param omegas {@code pi / (2 T_i)} of those cycles for {@code tMult >= 3}; else of the first cycle alone
 */
record WarmRestartsModel(long warmupSteps, double startLr, double warmupSlope, double baseLr, double etaMin,
        double amplitude, long firstCycle, int tMult, long[] cycleStarts, double[] omegas, Attributes attributes)
        implements ScheduleModel {

    /** Validates a {@code @WarmRestartsSchedule}, reporting every problem; empty if there was one. */
    static Optional<ScheduleModel> validate(Attributes a, Reporter reporter) {
        Checks checks = new Checks(a, reporter);
        checks.name();
        boolean baseOk = checks.rate("baseLr", true, "the rate at every restart");
        double base = a.doubleValue("baseLr");
        boolean t0Ok = checks.positive("t0", "the length of the first cycle");
        long tMult = a.longValue("tMult");
        boolean tMultOk = checks.check(tMult >= 1, "tMult", "the factor by which each cycle is longer than the one "
                + "before must be >= 1");
        double etaMin = a.doubleValue("etaMin");
        boolean etaOk = baseOk ? checks.check(Double.isFinite(etaMin) && etaMin >= 0 && etaMin <= base, "etaMin",
                "the rate at the end of each cycle must be in [0, baseLr] = [0, " + Literals.ofDouble(base) + "]")
                : checks.rate("etaMin", false, "the rate at the end of each cycle");
        boolean warmupOk = checks.warmup("baseLr", baseOk);
        long w = a.longValue("warmupSteps");
        double start = a.doubleValue("startLr");
        if (!(baseOk && t0Ok && tMultOk && etaOk && warmupOk)) {
            return Optional.empty();
        }
        long t0 = a.longValue("t0");
        List<Long> starts = new ArrayList<>();
        List<Double> omegas = new ArrayList<>();
        if (tMult >= 3) {
            BigInteger length = BigInteger.valueOf(t0);
            BigInteger cycleStart = BigInteger.ZERO;
            BigInteger limit = BigInteger.valueOf(Long.MAX_VALUE);
            while (cycleStart.compareTo(limit) <= 0) {
                starts.add(cycleStart.longValueExact());
                omegas.add(Math.PI / (2 * length.doubleValue()));
                cycleStart = cycleStart.add(length);
                length = length.multiply(BigInteger.valueOf(tMult));
            }
        } else {
            omegas.add(Math.PI / (2 * (double) t0));
        }
        WarmRestartsModel model = new WarmRestartsModel(w, w == 0 ? 0 : start, w == 0 ? 0 : (base - start) / w, base,
                etaMin, base - etaMin, t0, (int) tMult, starts.stream().mapToLong(Long::longValue).toArray(),
                omegas.stream().mapToDouble(Double::doubleValue).toArray(), a);
        /* The highest rates are at the restarts and at the end of warmup. */
        return checks.ratesFinite(model, "baseLr", w == 0 ? List.of(0L) : List.of(w - 1, w))
                ? Optional.of(model) : Optional.empty();
    }

    @Override
    public double at(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        if (step < warmupSteps) {
            return warmup().at(step);
        }
        long d = step - warmupSteps;
        double c2;
        if (tMult == 1) {
            c2 = CosineShape.squared(omegas[0], d % firstCycle);
        } else if (tMult == 2) {
            int cycle = 63 - Long.numberOfLeadingZeros(d / firstCycle + 1);
            long sinceRestart = d - firstCycle * ((1L << cycle) - 1);
            c2 = CosineShape.squared(omegas[0], Math.scalb((double) sinceRestart, -cycle));
        } else {
            int cycle = cycleOf(d);
            c2 = CosineShape.squared(omegas[cycle], d - cycleStarts[cycle]);
        }
        return etaMin == 0 ? amplitude * c2 : etaMin + amplitude * c2;
    }

    /** For {@code tMult >= 3}: the cycle of d, estimated by a logarithm and corrected by the table. */
    int cycleOf(long d) {
        int lastCycle = cycleStarts.length - 1;
        int cycle = (int) Math.min(Math.log(d * cycleScale() + 1.0) * inverseLogTMult(), lastCycle);
        if (d < cycleStarts[cycle]) {
            cycle--;
        } else if (cycle < lastCycle && d >= cycleStarts[cycle + 1]) {
            cycle++;
        }
        return cycle;
    }

    private double cycleScale() {
        return (tMult - 1) / (double) firstCycle;
    }

    private double inverseLogTMult() {
        return 1 / StrictMath.log(tMult);
    }

    @Override
    public CodeBlock warmupStepsExpression(Code code) {
        return warmupSteps > 0 ? CodeBlock.of("$N", code.use(warmupStepsConstant()))
                : CodeBlock.of("$L", Literals.ofLong(0));
    }

    private NamedConstant warmupStepsConstant() {
        return NamedConstant.ofLong("WARMUP_STEPS", warmupSteps, "warmupSteps: the warmup length W");
    }

    /** The linear warmup over {@code [0, W)}, null without one. */
    private Shape warmup() {
        return warmupSteps == 0 ? null : new LinearShape(startLr, baseLr,
                new Span(Span.Bound.ZERO, Span.Bound.of(warmupStepsConstant(), "W")),
                new Names(WarmupModel.WARMUP_NAMES, "", "startLr", "baseLr", "t", "W"));
    }

    @Override
    public Map<String, String> defaultsUsed() {
        Map<String, String> used = new LinkedHashMap<>();
        for (String attribute : warmupSteps > 0 ? List.of("tMult", "etaMin", "warmupSteps", "startLr")
                : List.of("tMult", "etaMin", "warmupSteps")) {
            used.put(attribute, attributes.show(attribute));
        }
        return used;
    }

    @Override
    public CodeBlock body(Code code) {
        CodeBlock.Builder body = CodeBlock.builder();
        if (warmupSteps > 0) {
            String w = code.use(warmupStepsConstant());
            body.beginControlFlow("if (step < $N)", w)
                    .add("// linear warmup: $L\n", warmup().formula())
                    .add(warmup().code(code))
                    .endControlFlow()
                    .addStatement("long d = step - $N", w);
        } else {
            body.addStatement("long d = step");
        }
        return body.add(cycleCode(code))
                .add(rateCode(code))
                .build();
    }

    private NamedConstant firstCycleConstant() {
        return NamedConstant.ofLong("FIRST_CYCLE", firstCycle, "t0: the length of the first cycle");
    }

    private NamedConstant lastCycleConstant() {
        return NamedConstant.ofLong("LAST_CYCLE", cycleStarts.length - 1, "the last cycle that starts by "
                + "Long.MAX_VALUE");
    }

    private NamedConstant cycleStartsConstant() {
        return new NamedConstant("CYCLE_STARTS", cycleStarts,
                "t0 * (tMult^i - 1) / (tMult - 1): the step after warmup at which cycle i starts");
    }

    /**
     * Statements that find the cycle of {@code d} (a {@code long} in scope) in closed form: {@code sinceRestart}
     * ({@code T_cur}), and for {@code tMult >= 2} {@code cycle}.
     */
    private CodeBlock cycleCode(Code code) {
        CodeBlock.Builder body = CodeBlock.builder();
        switch (tMult) {
            case 1 -> body.add("// cycles of equal length\n")
                    .addStatement("long sinceRestart = d % $N", code.use(firstCycleConstant()));
            case 2 -> body.add("// cycle i spans [t0 (2^i - 1), t0 (2^(i+1) - 1)): i is the highest bit of d / t0 + 1\n")
                    .addStatement("int cycle = 63 - $T.numberOfLeadingZeros(d / $N + 1)", Long.class,
                            code.use(firstCycleConstant()))
                    .addStatement("long sinceRestart = d - $N * ((1L << cycle) - 1)", code.use(firstCycleConstant()));
            default -> {
                String lastCycle = code.use(lastCycleConstant());
                String starts = code.use(cycleStartsConstant());
                body.add("// the cycle by its logarithm, corrected by at most one against the cycle starts\n")
                        .addStatement("int cycle = (int) $T.min($T.log(d * $N + 1.0) * $N, $N)", Math.class,
                                Math.class, code.use(NamedConstant.ofDouble("CYCLE_SCALE", cycleScale(),
                                        "(tMult - 1) / t0")),
                                code.use(NamedConstant.ofDouble("INVERSE_LOG_T_MULT", inverseLogTMult(),
                                        "1 / ln(tMult)")), lastCycle)
                        .beginControlFlow("if (d < $N[cycle])", starts)
                        .addStatement("cycle--")
                        .nextControlFlow("else if (cycle < $N && d >= $N[cycle + 1])", lastCycle, starts)
                        .addStatement("cycle++")
                        .endControlFlow()
                        .addStatement("long sinceRestart = d - $N[cycle]", starts);
            }
        }
        return body.build();
    }

    /**
     * Statements that return the rate {@code sinceRestart} steps into the cycle ({@code sinceRestart}, and for
     * {@code tMult >= 2} {@code cycle}, in scope), as {@link CosineShape#squaredCode}.
     */
    private CodeBlock rateCode(Code code) {
        CodeBlock.Builder body = CodeBlock.builder();
        CodeBlock omega;
        CodeBlock position = CodeBlock.of("sinceRestart");
        switch (tMult) {
            case 1 -> omega = CodeBlock.of("$N", code.use(halfOmegaConstant()));
            case 2 -> {
                body.add("// cycle i is the first cycle 2^i times slower: T_cur / 2^i of t0, exactly\n")
                        .addStatement("double position = $T.scalb((double) sinceRestart, -cycle)", Math.class);
                omega = CodeBlock.of("$N", code.use(halfOmegaConstant()));
                position = CodeBlock.of("position");
            }
            default -> omega = CodeBlock.of("$N[cycle]", code.use(new NamedConstant("CYCLE_HALF_OMEGAS", omegas,
                    "pi / (2 T_i): by cycle")));
        }
        NamedConstant amplitudeConstant = NamedConstant.ofDouble("AMPLITUDE", amplitude, "baseLr - etaMin");
        CodeBlock rate = etaMin == 0 ? CodeBlock.of("$N * (c * c)", code.use(amplitudeConstant))
                : CodeBlock.of("$N + $N * (c * c)", code.use(NamedConstant.ofDouble("ETA_MIN", etaMin, "etaMin")),
                        code.use(amplitudeConstant));
        return body.add("// etaMin + (baseLr - etaMin) * (1 + cos(pi * T_cur / T_i)) / 2 = etaMin + (baseLr - etaMin)"
                        + " * c^2,\n// c = cos(pi / (2 T_i) * T_cur), T_cur = sinceRestart\n")
                .add(CosineShape.squaredCode(omega, position, rate))
                .build();
    }

    private NamedConstant halfOmegaConstant() {
        return NamedConstant.ofDouble("HALF_OMEGA", omegas[0], "pi / (2 t0)");
    }

    @Override
    public String scaleAttribute() {
        return "baseLr";
    }

    @Override
    public String summary() {
        String cycles = tMult == 1 ? "cycles of " + firstCycle + " steps"
                : "cycle i of " + firstCycle + " * " + tMult + "^i steps";
        return (warmupSteps > 0 ? "linear warmup over " + warmupSteps + " steps, then " : "")
                + "cosine annealing with warm restarts (SGDR, PyTorch's CosineAnnealingWarmRestarts): " + cycles;
    }

    @Override
    public List<FormulaRow> formulaRows() {
        List<FormulaRow> rows = new ArrayList<>();
        if (warmupSteps > 0) {
            rows.add(new FormulaRow("0 <= t < " + warmupSteps, warmup().formula(), warmup().computation()));
        }
        rows.add(new FormulaRow("t >= " + warmupSteps,
                "etaMin + (baseLr - etaMin) * (1 + cos(pi * T_cur / T_i)) / 2",
                (etaMin == 0 ? "" : "ETA_MIN + ") + "AMPLITUDE * c^2, c = cos(pi / (2 T_i) * T_cur)"));
        return rows;
    }

    /** The start, around the end of warmup, and the middle and ends of the first cycles. */
    @Override
    public List<Long> keySteps() {
        TreeSet<Long> steps = ScheduleModel.warmupKeySteps(warmupSteps);
        long start = warmupSteps;
        long length = firstCycle;
        for (int cycle = 0; cycle < 3 && start >= 0; cycle++) {
            steps.add(start);
            if (length > Long.MAX_VALUE - start) {
                break;
            }
            steps.add(start + length / 2);
            steps.add(start + length - 1);
            start += length;
            length = length > Long.MAX_VALUE / tMult ? Long.MAX_VALUE : length * tMult;
        }
        return List.copyOf(steps);
    }
}
