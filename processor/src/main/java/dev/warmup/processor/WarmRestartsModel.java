package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.TreeSet;
import javax.lang.model.element.Modifier;

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
 * {@code c = cos(pi / 2 * T_cur / T_i)}, equal to PyTorch's {@code (1 + cos(pi * T_cur / T_i)) / 2} by the half-angle
 * identity, computed as {@link CosineShape} computes a span (cos in the first half of a cycle, sine's Taylor polynomial
 * at an angle kept to about half an ulp in the second, so no {@code Math.sin}, which is slow on JDK 17, and full
 * relative precision as the rate nears etaMin) with {@code w = pi / (2 T_i)}: for {@code tMult = 1}, the constant
 * {@code pi / (2 t0)}; for {@code tMult = 2}, the same at {@code T_cur / 2^i}, exact, since cycle i is the first
 * cycle 2^i times slower; for {@code tMult >= 3}, tables of {@code pi / (2 T_i)} and its parts by cycle.
 *
 * @param cycleStarts for {@code tMult >= 3}: {@code S_i} of every cycle that starts by {@code Long.MAX_VALUE}
 * @param cycleLengths for {@code tMult >= 3}: {@code T_i} of those cycles, as doubles
 * @param omegas {@code pi / (2 T_i)} of those cycles for {@code tMult >= 3}; else of the first cycle alone
 */
record WarmRestartsModel(long warmupSteps, double startLr, double warmupSlope, double baseLr, double etaMin,
        double amplitude, long firstCycle, int tMult, long[] cycleStarts, double[] cycleLengths,
        CosineShape.HalfOmega[] omegas, Attributes attributes) implements ScheduleModel {

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
        List<Double> lengths = new ArrayList<>();
        List<CosineShape.HalfOmega> omegas = new ArrayList<>();
        if (tMult >= 3) {
            BigInteger length = BigInteger.valueOf(t0);
            BigInteger cycleStart = BigInteger.ZERO;
            BigInteger limit = BigInteger.valueOf(Long.MAX_VALUE);
            while (cycleStart.compareTo(limit) <= 0) {
                starts.add(cycleStart.longValueExact());
                lengths.add(length.doubleValue());
                omegas.add(CosineShape.HalfOmega.of(Math.PI / (2 * length.doubleValue()), new BigDecimal(length)));
                cycleStart = cycleStart.add(length);
                length = length.multiply(BigInteger.valueOf(tMult));
            }
        } else {
            omegas.add(CosineShape.HalfOmega.of(Math.PI / (2 * (double) t0), BigDecimal.valueOf(t0)));
        }
        WarmRestartsModel model = new WarmRestartsModel(w, w == 0 ? 0 : start, w == 0 ? 0 : (base - start) / w, base,
                etaMin, base - etaMin, t0, (int) tMult, starts.stream().mapToLong(Long::longValue).toArray(),
                lengths.stream().mapToDouble(Double::doubleValue).toArray(),
                omegas.toArray(CosineShape.HalfOmega[]::new), a);
        /* The highest rates are at the restarts and at the end of warmup. */
        return checks.constantsFinite(model, "baseLr")
                && checks.ratesFinite(model, "baseLr", w == 0 ? List.of(0L) : List.of(w - 1, w))
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
            long sinceRestart = d % firstCycle;
            c2 = CosineShape.squared(omegas[0], sinceRestart, firstCycle - sinceRestart, wholeCycles());
        } else if (tMult == 2) {
            int cycle = 63 - Long.numberOfLeadingZeros(d / firstCycle + 1);
            long sinceRestart = d - firstCycle * ((1L << cycle) - 1);
            double position = sinceRestart * Double.longBitsToDouble((1023L - cycle) << 52);
            c2 = CosineShape.squared(omegas[0], position, firstCycle - position, false);
        } else {
            int cycle = cycleOf(d);
            long sinceRestart = d - cycleStarts[cycle];
            c2 = CosineShape.squared(omegas[cycle], sinceRestart, cycleLengths[cycle] - sinceRestart, false);
        }
        return etaMin == 0 ? amplitude * c2 : etaMin + amplitude * c2;
    }

    /** For {@code tMult = 1}: whether a cycle's steps are whole numbers below 2^27, for {@link CosineShape#squared}. */
    private boolean wholeCycles() {
        return firstCycle <= CosineShape.SPLIT_ANGLE_MAX_LENGTH;
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
        return 1 / Math.log(tMult);
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
    public List<Shape> shapes() {
        return warmupSteps == 0 ? List.of() : List.of(warmup());
    }

    @Override
    public CodeBlock lrBody(Code code) {
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

    private NamedConstant cycleLengthsConstant() {
        return new NamedConstant("CYCLE_LENGTHS", cycleLengths, "t0 * tMult^i: the steps of cycle i");
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
     * {@code tMult >= 2} {@code cycle}, in scope): the cosine from its low end ({@link CosineShape#fromLowEndCode}).
     */
    private CodeBlock rateCode(Code code) {
        CodeBlock.Builder body = CodeBlock.builder();
        CosineShape.OmegaCode omega;
        CosineShape.Steps far = new CosineShape.Steps("sinceRestart", true);
        CosineShape.Steps near = new CosineShape.Steps("left", true);
        switch (tMult) {
            case 1 -> {
                body.addStatement("long left = $N - sinceRestart", code.use(firstCycleConstant()));
                omega = firstOmegaCode(code);
            }
            case 2 -> {
                body.add("// cycle i is the first cycle 2^i times slower: T_cur / 2^i of t0, exactly\n")
                        .addStatement("double position = $L * $T.longBitsToDouble((1023L - cycle) << 52)",
                                StepValue.of(code, "sinceRestart"), Double.class)
                        .addStatement("double left = $N - position", code.use(firstCycleConstant()));
                far = new CosineShape.Steps("position", false);
                near = new CosineShape.Steps("left", false);
                omega = firstOmegaCode(code);
            }
            default -> {
                body.addStatement("double left = $N[cycle] - $L", code.use(cycleLengthsConstant()),
                        StepValue.of(code, "sinceRestart"));
                near = new CosineShape.Steps("left", false);
                omega = new CosineShape.OmegaCode(
                        cycleTable(code, "CYCLE_HALF_OMEGAS", CosineShape.HalfOmega::value, ""),
                        cycleTable(code, "CYCLE_HALF_OMEGAS_HIGH", CosineShape.HalfOmega::high, ", its top 26 bits"),
                        cycleTable(code, "CYCLE_HALF_OMEGAS_REST", CosineShape.HalfOmega::rest,
                                " as a double, less its top 26 bits"),
                        cycleTable(code, "CYCLE_HALF_OMEGAS_LOW", CosineShape.HalfOmega::low,
                                " less its double, from pi to 50 digits"));
            }
        }
        return body.add("// etaMin + (baseLr - etaMin) * (1 + cos(pi * T_cur / T_i)) / 2 = etaMin + (baseLr - etaMin)"
                        + " * c^2,\n// c = cos(pi / (2 T_i) * T_cur), T_cur = sinceRestart\n")
                .add(CosineShape.fromLowEndCode(code, omega, far, near, tMult == 1 && wholeCycles(),
                        steps -> StepValue.of(code, steps), c -> rate(code, c)))
                .build();
    }

    /** {@code ETA_MIN + AMPLITUDE * (c * c)}, the rate for c, the cosine of the cycle's half angle. */
    private CodeBlock rate(Code code, String c) {
        NamedConstant amplitudeConstant = NamedConstant.ofDouble("AMPLITUDE", amplitude, "baseLr - etaMin");
        return etaMin == 0 ? CodeBlock.of("$N * ($L * $L)", code.use(amplitudeConstant), c, c)
                : CodeBlock.of("$N + $N * ($L * $L)", code.use(NamedConstant.ofDouble("ETA_MIN", etaMin, "etaMin")),
                        code.use(amplitudeConstant), c, c);
    }

    /**
     * For {@code tMult >= 2}: statements that set {@code long cycleLength} to the whole steps of {@code cycle}, or
     * {@code Long.MAX_VALUE} if they exceed it (no step reaches its end then).
     */
    private CodeBlock cycleLengthCode(Code code) {
        if (tMult == 2) {
            String first = code.use(firstCycleConstant());
            return CodeBlock.of("cycleLength = cycle < 63 && ($N << cycle) >> cycle == $N ? $N << cycle : $T.MAX_VALUE;\n",
                    first, first, first, Long.class);
        }
        String starts = code.use(cycleStartsConstant());
        return CodeBlock.of("cycleLength = cycle < $N ? $N[cycle + 1] - $N[cycle] : $T.MAX_VALUE;\n",
                code.use(lastCycleConstant()), starts, starts, Long.class);
    }

    /**
     * For {@code tMult = 1}, every cycle: a cosine from baseLr to etaMin over t0 steps, of the position in the cycle
     * ({@code T_cur}), whose {@code fill} rotates one anchor per block ({@link CosineShape#fill}).
     */
    private CosineShape cycle() {
        return new CosineShape(baseLr, etaMin, new Span(Span.Bound.ZERO, Span.Bound.of(firstCycleConstant(), "t0"),
                "position"), new Names(role -> switch (role) {
                    case "END_LR" -> "ETA_MIN";
                    case "AMPLITUDE" -> "AMPLITUDE";
                    default -> "CYCLE_" + role;
                }, "", "baseLr", "etaMin", "T_cur", "t0"));
    }

    /**
     * The warmup by its shape's pattern ({@code fillWarmup}); then cycle by cycle: for {@code tMult = 1}, the position
     * in the cycle computed once, each cycle filled by the cosine's pattern ({@code fillCycle}), for longer cycles
     * each step through {@code lr}; for {@code tMult >= 2}, the cycle found once as {@code lr} finds it, each cycle
     * rotated by {@link #cycleFill}, or, for fewer than {@code 2 ROTATION_TABLE} of its steps or a cycle of more than
     * 2^53 steps, each step as {@code lr} computes it ({@code restart}).
     */
    @Override
    public CodeBlock fillBody(Code code) {
        CodeBlock.Builder body = CodeBlock.builder();
        String from = "0";
        String d = "fromStep";
        if (warmupSteps > 0) {
            String w = code.use(warmupStepsConstant());
            body.add("// linear warmup\n")
                    .add(FillCode.segmentEnd("warmupEnd", w))
                    .addStatement("fillWarmup(out, 0, warmupEnd, fromStep)")
                    .beginControlFlow("if (warmupEnd == n)")
                    .addStatement("return")
                    .endControlFlow();
            from = "warmupEnd";
            d = "fromStep + warmupEnd - " + w;
        }
        if (tMult != 1) {
            return body.addStatement("long d = $L", d)
                    .add(cycleCode(code))
                    .add("long ").add(cycleLengthCode(code))
                    .add("// then cycle by cycle: the next starts where this one ends, $L times as long\n", tMult)
                    .addStatement("int i = $L", from)
                    .beginControlFlow("while (i < n)")
                    .addStatement("long left = cycleLength - sinceRestart")
                    .addStatement("int end = left >= n - i ? n : i + (int) left")
                    .beginControlFlow("if (end - i >= $N && cycleLength <= $N)",
                            code.use(NamedConstant.ofLong("ROTATED_MIN_STEPS", 2 * ROTATION_TABLE,
                                    "the fewest steps of a cycle that fill rotates: it first holds the rotation's two "
                                            + "tables of " + ROTATION_TABLE + " values")),
                            code.use(NamedConstant.ofLong("ROTATED_MAX_CYCLE", 1L << 53, "2^53: the longest cycle "
                                    + "that fill rotates, in which lr computes T_i - T_cur exactly")))
                    .addStatement("fillCycle(out, i, end, $L, left)", tMult == 2
                            ? CodeBlock.of("$T.scalb($N, -cycle)", Math.class, firstOmegaCode(code).value())
                            : CodeBlock.of("$L", cycleTable(code, "CYCLE_HALF_OMEGAS", CosineShape.HalfOmega::value, "")))
                    .nextControlFlow("else")
                    .add("// a few steps, or a cycle whose T_i - T_cur lr computes in doubles: each step as lr\n")
                    .beginControlFlow("for (int k = i; k < end; k++)")
                    .addStatement("out[k] = restart(cycle, sinceRestart + (k - i))")
                    .endControlFlow()
                    .endControlFlow()
                    .addStatement("i = end")
                    .addStatement("cycle++")
                    .addStatement("sinceRestart = 0")
                    .add(cycleLengthCode(code))
                    .endControlFlow()
                    .build();
        }
        if (!rotated()) {
            return body.add("// cycles of more than 2^53 steps: each step through lr\n")
                    .beginControlFlow("for (int i = $L; i < n; i++)", from)
                    .addStatement("out[i] = $N(fromStep + i)", code.rate())
                    .endControlFlow()
                    .build();
        }
        String first = code.use(firstCycleConstant());
        return body.add("// cycles of equal length: the position in the first, then from 0 in each next one\n")
                .addStatement("long position = ($L) % $N", d, first)
                .addStatement("int i = $L", from)
                .beginControlFlow("while (i < n)")
                .addStatement("long left = $N - position", first)
                .addStatement("int end = left >= n - i ? n : i + (int) left")
                .addStatement("fillCycle(out, i, end, position)")
                .addStatement("position = 0")
                .addStatement("i = end")
                .endControlFlow()
                .build();
    }

    /**
     * Whether {@code fill} rotates the cycles' cosine: for {@code tMult = 1} and cycles of at most 2^53 steps. Longer
     * cycles are computed through {@code lr}, whose {@code T_i - T_cur} is a difference of doubles there.
     */
    private boolean rotated() {
        return tMult == 1 && firstCycle <= 1L << 53;
    }

    @Override
    public List<MethodSpec> fillMethods(Code code) {
        List<MethodSpec> methods = new ArrayList<>();
        if (warmupSteps > 0) {
            methods.add(FillCode.part("fillWarmup", warmup().fill(code)));
        }
        if (rotated()) {
            methods.add(FillCode.part("fillCycle", cycle().fill(code)));
        } else if (tMult != 1) {
            methods.add(cycleFill(code));
            methods.add(MethodSpec.methodBuilder("restart")
                    .addJavadoc("The rate $L steps into cycle $L, as {@code lr} computes it.\n",
                            "{@code sinceRestart}", "{@code cycle}")
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .returns(double.class)
                    .addParameter(int.class, "cycle")
                    .addParameter(long.class, "sinceRestart")
                    .addCode(rateCode(code))
                    .build());
        }
        return methods;
    }

    /** Entries of each table of the rotation of a cycle for {@code tMult >= 2}: half a {@code FILL_BLOCK}. */
    static final int ROTATION_TABLE = FillCode.BLOCK / 2;

    /**
     * For {@code tMult >= 2}: {@code fillCycle(out, from, to, omega, left)}, the rates of steps {@code from} to
     * {@code to} of one cycle of at most 2^53 steps, {@code left} steps before its end at {@code from}, with
     * {@code omega = pi / (2 T_i)}: {@code sin(omega (left - k))} rotated as {@link CosineShape#fill} rotates its span,
     * with tables of {@code cos(j omega), sin(j omega)}, j &lt; {@link #ROTATION_TABLE}, that depend on the cycle:
     * built in the first {@code 2 ROTATION_TABLE} elements of {@code out} itself (no allocation, nothing shared
     * between threads), each entry the product of at most log2(ROTATION_TABLE) rotations by {@code 2^b omega}, whose
     * cos and sin are {@code Math.cos} and {@code Math.sin} of exact multiples of omega; those elements' own rates
     * last, each table entry read before its element is overwritten.
     */
    private MethodSpec cycleFill(Code code) {
        String table = Integer.toString(ROTATION_TABLE);
        CodeBlock rotation = FillCode.rotation("rest", "to", table, false, offset -> CodeBlock.builder()
                        .add("// sin(omega n), n the steps to the cycle's end, from the block's last step\n")
                        .addStatement("double angle = omega * (left - (i - from + last))")
                        .build(),
                j -> CodeBlock.of("out[cosAt - ($L)]", j), j -> CodeBlock.of("out[sinAt - ($L)]", j),
                c -> rate(code, c));
        return MethodSpec.methodBuilder("fillCycle")
                .addJavadoc("Fills {@code out[from, to)}, at least $L steps of one cycle, {@code left} steps before its"
                        + " end at\n{@code from}: {@code ETA_MIN + AMPLITUDE * sin^2(omega n)}, n the steps to the"
                        + " cycle's end,\n{@code omega = pi / (2 T_i)}, rotated from an anchor per block of $L steps"
                        + " with tables of\n{@code cos(j omega), sin(j omega)} held in {@code out} itself until"
                        + " their own steps are filled.\n", 2 * ROTATION_TABLE, ROTATION_TABLE)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(double[].class, "out")
                .addParameter(int.class, "from")
                .addParameter(int.class, "to")
                .addParameter(double.class, "omega")
                .addParameter(long.class, "left")
                .addCode(CodeBlock.builder()
                        .add("// cos(j omega) at out[cosAt - j], sin(j omega) at out[sinAt - j], j < $L: each the"
                                + " product of at most\n// log2($L) rotations by 2^b omega, from cos 0 = 1 and sin 0"
                                + " = 0\n", table, table)
                        .addStatement("int cosAt = from + $L - 1", table)
                        .addStatement("int sinAt = cosAt + $L", table)
                        .addStatement("out[cosAt] = 1.0")
                        .addStatement("out[sinAt] = 0.0")
                        .beginControlFlow("for (int p = 1; p < $L; p *= 2)", table)
                        .addStatement("double cosP = $T.cos(omega * p)", Math.class)
                        .addStatement("double sinP = $T.sin(omega * p)", Math.class)
                        .beginControlFlow("for (int j = 0; j < p; j++)")
                        .addStatement("double c = out[cosAt - j]")
                        .addStatement("double s = out[sinAt - j]")
                        .addStatement("out[cosAt - p - j] = cosP * c - sinP * s")
                        .addStatement("out[sinAt - p - j] = sinP * c + cosP * s")
                        .endControlFlow()
                        .endControlFlow()
                        .add("// the steps after the tables, in blocks of $L\n", table)
                        .addStatement("int rest = sinAt + 1")
                        .add(rotation)
                        .add("// then the tables' own steps, two blocks of $L from their last steps: the entries for"
                                + " j = $L - 1 - k\n// at out[from + k] and out[from + $L + k], read before they are"
                                + " overwritten\n", table, table, table)
                        .addStatement("double angleFirst = omega * (left - ($L - 1))", table)
                        .addStatement("double sinFirst = $T.sin(angleFirst)", Math.class)
                        .addStatement("double cosFirst = $T.cos(angleFirst)", Math.class)
                        .addStatement("double angleSecond = omega * (left - (2 * $L - 1))", table)
                        .addStatement("double sinSecond = $T.sin(angleSecond)", Math.class)
                        .addStatement("double cosSecond = $T.cos(angleSecond)", Math.class)
                        .beginControlFlow("for (int k = 0; k < $L; k++)", table)
                        .addStatement("double c = out[from + k]")
                        .addStatement("double s = out[from + $L + k]", table)
                        .addStatement("double first = sinFirst * c + cosFirst * s")
                        .addStatement("double second = sinSecond * c + cosSecond * s")
                        .addStatement("out[from + k] = $L", rate(code, "first"))
                        .addStatement("out[from + $L + k] = $L", table, rate(code, "second"))
                        .endControlFlow()
                        .build())
                .build();
    }

    /**
     * The cycles' rotation against the restart's own {@code cos} and polynomial: for {@code tMult = 1} the cosine's
     * bound; for {@code tMult >= 2} the rotation with tables built in {@code out}, whose entries are products of up to
     * seven rotations ({@code SchedulePropertiesTest} measured 15 over random settings, {@code FillUlpsTest} 12).
     */
    @Override
    public int fillUlps() {
        return rotated() ? cycle().fillUlps() : tMult != 1 ? 32 : 0;
    }

    @Override
    public String fillJavadoc() {
        if (tMult == 1 && !rotated()) {
            return "Fills {@code out} with {@code lr(fromStep + i)}: the warmup by its closed form, the cycles by one\n"
                    + "call of {@code lr} per step. Every value is {@code lr(fromStep + i)}, bit for bit.\n";
        }
        if (tMult != 1) {
            return "Fills {@code out} with {@code lr(fromStep + i)}, faster than calling {@code lr}: the warmup by its"
                    + " closed form;\nthe cycle of the first step after it found once, as {@code lr} finds it, then"
                    + " cycle by cycle,\neach filled by a rotation of its cosine from one anchor per "
                    + ROTATION_TABLE + " steps ({@code fillCycle}),\nor, for fewer than " + 2 * ROTATION_TABLE
                    + " steps of a cycle or a cycle of more than 2^53 steps, as {@code lr}\ncomputes each step."
                    + " Every value is within " + fillUlps() + " ulps of {@code lr(fromStep + i)}.\n";
        }
        return ScheduleModel.segmentedFillJavadoc(warmupSteps > 0 ? "the warmup and the cycles" : "cycles",
                fillUlps());
    }

    /** pi / (2 t0) and its parts, for {@code tMult} 1 and 2. */
    private CosineShape.OmegaCode firstOmegaCode(Code code) {
        CosineShape.HalfOmega w = omegas[0];
        return new CosineShape.OmegaCode(
                code.use(NamedConstant.ofDouble("HALF_OMEGA", w.value(), "pi / (2 t0)")),
                code.use(NamedConstant.ofDouble("HALF_OMEGA_HIGH", w.high(), "pi / (2 t0), its top 26 bits")),
                code.use(NamedConstant.ofDouble("HALF_OMEGA_REST", w.rest(),
                        "pi / (2 t0) as a double, less its top 26 bits")),
                code.use(NamedConstant.ofDouble("HALF_OMEGA_LOW", w.low(),
                        "pi / (2 t0) less its double, from pi to 50 digits")));
    }

    /** A table of one part of {@code pi / (2 T_i)} by cycle, as an element at {@code cycle}. */
    private String cycleTable(Code code, String name, java.util.function.ToDoubleFunction<CosineShape.HalfOmega> part,
            String doc) {
        double[] values = new double[omegas.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = part.applyAsDouble(omegas[i]);
        }
        return code.use(new NamedConstant(name, values, "pi / (2 T_i)" + doc + ": by cycle")) + "[cycle]";
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
                (etaMin == 0 ? "" : "ETA_MIN + ") + "AMPLITUDE * c^2, c = cos(pi / (2 T_i) * T_cur) where T_cur <= "
                        + "T_i - T_cur, else sin(pi / (2 T_i) * (T_i - T_cur)) by its Taylor polynomial"));
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
