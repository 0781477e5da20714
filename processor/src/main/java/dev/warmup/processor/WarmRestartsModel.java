package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A validated {@code @WarmRestartsSchedule}: an optional linear warmup of W steps, then PyTorch's
 * {@code CosineAnnealingWarmRestarts} at {@code d = t - W} ({@code d = t} without timm's {@code warmup_prefix}).
 * Cycle i lasts {@code T_i = t0 * tMult^i} steps and starts
 * at {@code S_i = t0 * (tMult^i - 1) / (tMult - 1)} (at {@code i * t0} for {@code tMult = 1}). The generated
 * {@code lr} finds the cycle of d in closed form, never by a loop over cycles:
 * <ul>
 *   <li>{@code tMult = 1}: {@code d % t0};</li>
 *   <li>{@code tMult = 2}: d is in cycle i exactly when {@code floor(d / t0) + 1} is in {@code [2^i, 2^(i+1))}, so
 *       {@code i = 63 - Long.numberOfLeadingZeros(d / t0 + 1)}, exact (at {@code t0 = 1, d = Long.MAX_VALUE} the sum
 *       wraps to {@code 2^63} read unsigned, still right);</li>
 *   <li>a whole {@code tMult >= 3}: the estimate {@code floor(log_tMult(d (tMult - 1) / t0 + 1))}, whose rounding
 *       error is far below one cycle, corrected by at most one against a table of the cycle starts that fit in a long
 *       (at most 41 of them);</li>
 *   <li>a {@code tMult} that is not whole (Keras's {@code t_mul}, timm's {@code cycle_mul}, such as 1.5): the cycles'
 *       starts and lengths are real numbers, {@code S_i} computed at run time as {@code t0 * ((g - 1) / (tMult - 1))}
 *       with {@code g = StrictMath.pow(tMult, i)} (the same bits on every JVM), and {@code T_i = t0 * g}. The same
 *       logarithm estimates the cycle, corrected by at most one against those starts: d is in the last cycle whose
 *       computed start is at most d. A start within rounding (about 1e-16 of {@code t0 / (tMult - 1)}) of a whole
 *       step may fall to either side of it, as in the peers' float64 arithmetic: {@code tMult = 1.1, t0 = 10}
 *       restarts at step 21, as Keras and timm do, though the double nearest 1.1 puts the exact start 9e-16 after
 *       it. A factor below 1.000001 is refused: there the starts' rounding, {@code 2^-52 / (tMult - 1)} of a
 *       cycle, would pass a billionth of it.</li>
 * </ul>
 * With {@code T_cur = d - S_i}, {@code lr = etaMin + (baseLr - etaMin) * c^2}, where
 * {@code c = cos(pi / (2 T_i) * T_cur)}, equal to PyTorch's {@code (1 + cos(pi * T_cur / T_i)) / 2} by the half-angle
 * identity ({@link CosineShape}): for {@code tMult = 1}, the constant {@code pi / (2 t0)}; for {@code tMult = 2}, the
 * same at {@code T_cur / 2^i}, exact, since cycle i is the first cycle 2^i times slower; for a whole
 * {@code tMult >= 3}, a table of {@code pi / (2 T_i)} by cycle; for a {@code tMult} that is not whole,
 * {@code c = cos(pi / 2 * (T_cur / T_i))}.
 *
 * Each restart's height above etaMin can decay: by {@code heightDecay^i} (Keras's {@code m_mul}), or to a restart
 * rate of {@code baseLr * peakDecay^i} (timm's {@code cycle_decay}); after {@code cycles} cycles (timm's
 * {@code cycle_limit}) the rate holds etaMin.
 *
 * @param tMult the factor; 1, 2 and the whole factors up to {@code Integer.MAX_VALUE} are the paths above that
 *     PyTorch's integer {@code T_mult} takes, larger whole factors take the table's
 * @param cycleStarts for a whole {@code tMult >= 3}: {@code S_i} of every cycle that starts by
 *     {@code Long.MAX_VALUE}
 * @param omegas {@code pi / (2 T_i)} of those cycles for a whole {@code tMult >= 3}; else of the first cycle alone
 * @param decay how each restart's height decays
 * @param end the d at which the last cycle ends (the rate holds etaMin from it on), or -1 without a limit: for a
 *     {@code tMult} that is not whole, the first d at which {@link #cycleOf} is {@code cycles}
 * @param prefix whether d counts from the end of warmup (timm's {@code warmup_prefix}) or from step 0
 * @param kDecay timm's {@code k_decay}: the cosine at {@code (T_cur / T_i)^k} of its half period
 * @param lengths {@code T_i} of the cycles of {@code cycleStarts} (a whole tMult >= 3), for {@code kDecay != 1}
 */
record WarmRestartsModel(long warmupSteps, double startLr, double warmupSlope, double baseLr, double etaMin,
        double amplitude, long firstCycle, double tMult, long[] cycleStarts, double[] omegas, Decay decay, long end,
        boolean prefix, double kDecay, double[] lengths, Attributes attributes) implements ScheduleModel {

    /** How each restart's rate decays: not at all; its height, Keras's way; or its peak, timm's way. */
    record Decay(String attribute, double factor) {

        static final Decay NONE = new Decay("", 1);

        boolean none() {
            return factor == 1;
        }

        boolean ofPeak() {
            return attribute.equals("peakDecay");
        }

        NamedConstant constant() {
            return NamedConstant.ofDouble(ofPeak() ? "PEAK_DECAY" : "HEIGHT_DECAY", factor, attribute
                    + (ofPeak() ? ": cycle i restarts at baseLr * PEAK_DECAY^i"
                            : ": cycle i restarts at etaMin + (baseLr - etaMin) * HEIGHT_DECAY^i"));
        }
    }

    /** pi / 2: the cosine's half period, at which timm's {@code k_decay} form takes its argument. */
    private static final double HALF_PI = Math.PI / 2;

    /**
     * The least factor that is not whole: closer to 1, the starts computed in double would be off by more than
     * {@code 2^-52 / (tMult - 1)}, a billionth, of a cycle, and the cycles counted to {@code Long.MAX_VALUE} would pass
     * an int.
     */
    static final double LEAST_FRACTIONAL_T_MULT = 1.000001;

    /** Validates a {@code @WarmRestartsSchedule}, reporting every problem; empty if there was one. */
    static Optional<ScheduleModel> validate(Attributes read, Reporter reporter) {
        // tMult as a user reads it, in messages and the generated Javadoc: a whole factor as an int (3, not 3.0)
        Attributes a = read.with("tMult", read.value("tMult"), show(read.doubleValue("tMult")));
        Checks checks = new Checks(a, reporter);
        checks.name();
        boolean baseOk = checks.rate("baseLr", true, "the rate at every restart");
        double base = a.doubleValue("baseLr");
        boolean t0Ok = checks.positive("t0", "the length of the first cycle");
        double tMult = a.doubleValue("tMult");
        boolean tMultOk = checks.check(Double.isFinite(tMult) && tMult >= 1, "tMult", "the factor by which each "
                + "cycle is longer than the one before must be finite and >= 1");
        if (tMultOk && !isWhole(tMult)) {
            tMultOk = checks.check(tMult >= LEAST_FRACTIONAL_T_MULT, "tMult", "a factor that is not whole must be >= "
                    + Literals.ofDouble(LEAST_FRACTIONAL_T_MULT) + ", where the cycles' starts, computed in double,"
                    + " are within a billionth of a cycle; for cycles of equal length, tMult = 1");
        }
        double etaMin = a.doubleValue("etaMin");
        boolean etaOk = baseOk ? checks.check(Double.isFinite(etaMin) && etaMin >= 0 && etaMin <= base, "etaMin",
                "the rate at the end of each cycle must be in [0, baseLr] = [0, " + Literals.ofDouble(base) + "]")
                : checks.rate("etaMin", false, "the rate at the end of each cycle");
        boolean warmupOk = checks.warmup("baseLr", baseOk);
        long w = a.longValue("warmupSteps");
        double start = a.doubleValue("startLr");
        Decay decay = Decay.NONE;
        boolean decayOk = true;
        for (String attribute : List.of("heightDecay", "peakDecay")) {
            double factor = a.doubleValue(attribute);
            boolean ok = checks.check(factor > 0 && factor <= 1, attribute, "the factor of each restart's "
                    + (attribute.equals("peakDecay") ? "rate" : "height above etaMin") + " must be in (0, 1]");
            if (ok && a.isSet(attribute) && !decay.attribute().isEmpty()) {
                ok = checks.checkWith(false, attribute, attribute + " = " + a.show(attribute) + " is not allowed "
                        + "with heightDecay = " + a.show("heightDecay") + ": a restart's rate decays Keras's way "
                        + "(heightDecay, m_mul: etaMin + (baseLr - etaMin) * heightDecay^i) or timm's (peakDecay, "
                        + "cycle_decay: baseLr * peakDecay^i); set one");
            }
            decayOk &= ok;
            if (ok && a.isSet(attribute)) {
                decay = new Decay(attribute, factor);
            }
        }
        boolean cyclesOk = checks.check(a.longValue("cycles") >= 0, "cycles", "the number of cycles must be >= 1, or"
                + " 0 for restarts without end");
        double k = a.doubleValue("kDecay");
        boolean kOk = checks.check(Double.isFinite(k) && k > 0, "kDecay", "the exponent of the cosine's argument "
                + "must be finite and > 0");
        if (w == 0) {
            checks.unused("warmupPrefix", "warmupSteps = 0 means no warmup; remove it, or set warmupSteps > 0");
        }
        boolean prefixOk = w != 0 || !a.isSet("warmupPrefix");
        if (!(baseOk && t0Ok && tMultOk && etaOk && warmupOk && decayOk && cyclesOk && kOk && prefixOk)) {
            return Optional.empty();
        }
        long t0 = a.longValue("t0");
        List<Long> starts = new ArrayList<>();
        List<Double> omegas = new ArrayList<>();
        List<Double> lengths = new ArrayList<>();
        if (tMult >= 3 && isWhole(tMult)) {
            BigInteger length = BigInteger.valueOf(t0);
            BigInteger cycleStart = BigInteger.ZERO;
            BigInteger limit = BigInteger.valueOf(Long.MAX_VALUE);
            while (cycleStart.compareTo(limit) <= 0) {
                starts.add(cycleStart.longValueExact());
                omegas.add(Math.PI / (2 * length.doubleValue()));
                lengths.add(length.doubleValue());
                cycleStart = cycleStart.add(length);
                length = length.multiply(wholeFactor(tMult));
            }
        } else {
            omegas.add(Math.PI / (2 * (double) t0));
        }
        boolean prefix = a.booleanValue("warmupPrefix");
        /* The end of the last cycle, in d: the sum of the cycles' lengths, if d reaches it. */
        long end = -1;
        long cycles = a.longValue("cycles");
        long lastD = prefix ? Long.MAX_VALUE - w : Long.MAX_VALUE;
        if (cycles > 0 && isWhole(tMult)) {
            BigInteger t0Big = BigInteger.valueOf(t0);
            BigInteger sum = tMult == 1 ? t0Big.multiply(BigInteger.valueOf(cycles))
                    : cycles > 64 ? null : t0Big.multiply(wholeFactor(tMult).pow((int) cycles)
                            .subtract(BigInteger.ONE)).divide(wholeFactor(tMult).subtract(BigInteger.ONE));
            if (sum != null && sum.compareTo(BigInteger.valueOf(lastD)) <= 0) {
                end = sum.longValueExact();
            }
        }
        WarmRestartsModel model = new WarmRestartsModel(w, w == 0 ? 0 : start, w == 0 ? 0 : (base - start) / w, base,
                etaMin, base - etaMin, t0, tMult, starts.stream().mapToLong(Long::longValue).toArray(),
                omegas.stream().mapToDouble(Double::doubleValue).toArray(), decay, end, prefix || w == 0, k,
                lengths.stream().mapToDouble(Double::doubleValue).toArray(), a);
        if (cycles > 0 && !isWhole(tMult)) {
            model = model.withEnd(model.firstStepOf(cycles, lastD));
        }
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
        long d = prefix ? step - warmupSteps : step;
        if (end >= 0 && d >= end) {
            return etaMin;
        }
        long cycle;
        double position;
        double omega;
        double length;
        if (tMult == 1) {
            cycle = d / firstCycle;
            position = decay.none() ? d % firstCycle : d - cycle * firstCycle;
            omega = omegas[0];
            length = firstCycle;
        } else if (tMult == 2) {
            cycle = 63 - Long.numberOfLeadingZeros(d / firstCycle + 1);
            position = Math.scalb((double) (d - firstCycle * ((1L << cycle) - 1)), -(int) cycle);
            omega = omegas[0];
            length = firstCycle;
        } else if (isWhole(tMult)) {
            cycle = cycleOf(d);
            position = d - cycleStarts[(int) cycle];
            omega = omegas[(int) cycle];
            length = lengths[(int) cycle];
        } else {
            cycle = cycleOf(d);
            double growth = StrictMath.pow(tMult, cycle);
            position = d - cycleStart(growth);
            length = firstCycle * growth;
            omega = Double.NaN; // the cosine's argument is pi / 2 * (T_cur / T_i), as generated
        }
        double c2 = kDecay != 1 ? CosineShape.squared(HALF_PI, Math.pow(position / length, kDecay))
                : isWhole(tMult) ? CosineShape.squared(omega, position)
                : CosineShape.squared(HALF_PI, position / length);
        // baseLr * peakDecay^i - 0.0 is baseLr * peakDecay^i, bit for bit: the code leaves the 0 out
        double height = decay.none() ? amplitude : decay.ofPeak() ? baseLr * Math.pow(decay.factor(), cycle) - etaMin
                : amplitude * Math.pow(decay.factor(), cycle);
        return etaMin == 0 ? height * c2 : etaMin + height * c2;
    }

    /**
     * For {@code tMult >= 3}: the cycle of d, estimated by a logarithm and corrected by the table; for a
     * {@code tMult} that is not whole, corrected against the starts {@link #cycleStart} computes, as generated.
     */
    int cycleOf(long d) {
        if (!isWhole(tMult)) {
            int cycle = (int) (Math.log(d * cycleScale() + 1.0) * inverseLogTMult());
            if (d < cycleStart(StrictMath.pow(tMult, cycle))) {
                cycle--;
            } else if (d >= cycleStart(StrictMath.pow(tMult, cycle + 1))) {
                cycle++;
            }
            return cycle;
        }
        int lastCycle = cycleStarts.length - 1;
        int cycle = (int) Math.min(Math.log(d * cycleScale() + 1.0) * inverseLogTMult(), lastCycle);
        if (d < cycleStarts[cycle]) {
            cycle--;
        } else if (cycle < lastCycle && d >= cycleStarts[cycle + 1]) {
            cycle++;
        }
        return cycle;
    }

    /**
     * For a {@code tMult} that is not whole: {@code S_i = t0 * ((g - 1) / (tMult - 1))} with {@code g = tMult^i}, the
     * real step after warmup at which cycle i starts. The quotient first, so that {@code S_1} is t0 exactly, and
     * {@code tMult - 1} is exact (Sterbenz, or a whole part below 2^52).
     */
    double cycleStart(double growth) {
        return firstCycle * ((growth - 1.0) / (tMult - 1));
    }

    /**
     * For a {@code tMult} that is not whole: the first d up to {@code lastD} whose {@link #cycleOf} is {@code cycle}
     * or later, or -1 if there is none. {@code cycleOf} grows with d (the last computed start at most d, found
     * exactly since the logarithm is off by less than one cycle), so a bisection over d finds it in 63 steps, however
     * many cycles come first, and it is where the generated {@code lr} finds it: the start of the first cycle past a
     * limit is where the rate holds etaMin, with no step of that cycle before it.
     */
    long firstStepOf(long cycle, long lastD) {
        if (cycleOf(lastD) < cycle) {
            return -1;
        }
        long before = 0; // cycleOf(before) < cycle, as cycleOf(0) = 0 < cycle
        long at = lastD;
        while (at - before > 1) {
            long middle = before + (at - before) / 2;
            if (cycleOf(middle) >= cycle) {
                at = middle;
            } else {
                before = middle;
            }
        }
        return at;
    }

    private WarmRestartsModel withEnd(long newEnd) {
        return new WarmRestartsModel(warmupSteps, startLr, warmupSlope, baseLr, etaMin, amplitude, firstCycle, tMult,
                cycleStarts, omegas, decay, newEnd, prefix, kDecay, lengths, attributes);
    }

    /** Whether {@code factor} is a whole number, as PyTorch's integer {@code T_mult}. */
    static boolean isWhole(double factor) {
        return Double.isFinite(factor) && factor == Math.rint(factor);
    }

    private static BigInteger wholeFactor(double factor) {
        return new BigDecimal(factor).toBigIntegerExact();
    }

    /** The factor as a user reads it: a whole one that an int holds as an int ({@code 3}), else a double. */
    static String show(double factor) {
        return isWhole(factor) && factor >= Integer.MIN_VALUE && factor <= Integer.MAX_VALUE
                ? Long.toString((long) factor)
                : Literals.show(factor);
    }

    private double cycleScale() {
        return (tMult - 1) / firstCycle;
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
        for (String attribute : List.of("heightDecay", "peakDecay", "cycles", "kDecay")) {
            if (attributes.isSet(attribute)) {
                used.put(attribute, attributes.show(attribute));
            }
        }
        if (warmupSteps > 0) {
            used.put("warmupPrefix", attributes.show("warmupPrefix"));
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
                    .addStatement(prefix ? CodeBlock.of("long d = step - $N", w) : CodeBlock.of("long d = step"));
        } else {
            body.addStatement("long d = step");
        }
        if (end >= 0) {
            body.beginControlFlow("if (d >= $N)", code.use(NamedConstant.ofLong("CYCLES_END", end, (isWhole(tMult)
                            ? "the sum of the cycles' lengths" : "the first d of cycle i = cycles, the first whole d"
                                    + " at or after S_i") + ": etaMin from here on (cycles = "
                            + attributes.show("cycles") + ")")))
                    .addStatement("return $N", code.use(etaMinConstant()))
                    .endControlFlow();
        }
        return body.add(cycleCode(code))
                .add(rateCode(code))
                .build();
    }

    private NamedConstant etaMinConstant() {
        return NamedConstant.ofDouble("ETA_MIN", etaMin, "etaMin");
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
     * ({@code T_cur}), for {@code tMult >= 2} {@code cycle}, and for a {@code tMult} that is not whole
     * {@code cycleLength} ({@code T_i}).
     */
    private CodeBlock cycleCode(Code code) {
        CodeBlock.Builder body = CodeBlock.builder();
        if (tMult == 1) {
            body.add("// cycles of equal length\n");
            if (decay.none()) {
                body.addStatement("long sinceRestart = d % $N", code.use(firstCycleConstant()));
            } else {
                body.addStatement("long cycle = d / $N", code.use(firstCycleConstant()))
                        .addStatement("long sinceRestart = d - cycle * $N", code.use(firstCycleConstant()));
            }
        } else if (tMult == 2) {
            body.add("// cycle i spans [t0 (2^i - 1), t0 (2^(i+1) - 1)): i is the highest bit of d / t0 + 1\n")
                    .addStatement("int cycle = 63 - $T.numberOfLeadingZeros(d / $N + 1)", Long.class,
                            code.use(firstCycleConstant()))
                    .addStatement("long sinceRestart = d - $N * ((1L << cycle) - 1)", code.use(firstCycleConstant()));
        } else if (!isWhole(tMult)) {
            String t0 = code.use(firstCycleConstant());
            String factor = code.use(NamedConstant.ofDouble("T_MULT", tMult, "tMult: each cycle tMult times longer"
                    + " than the one before"));
            String minusOne = code.use(NamedConstant.ofDouble("T_MULT_MINUS_ONE", tMult - 1, "tMult - 1"));
            body.add("// cycle i spans the real steps [S_i, S_(i+1)), S_i = t0 * (g - 1) / (tMult - 1), of length\n"
                            + "// T_i = t0 * g, g = tMult^i: the cycle by its logarithm, corrected by at most one\n"
                            + "// against S_i (StrictMath: the same starts on every JVM)\n")
                    .addStatement("int cycle = (int) ($T.log(d * $N + 1.0) * $N)", Math.class,
                            code.use(NamedConstant.ofDouble("CYCLE_SCALE", cycleScale(), "(tMult - 1) / t0")),
                            code.use(NamedConstant.ofDouble("INVERSE_LOG_T_MULT", inverseLogTMult(), "1 / ln(tMult)")))
                    .addStatement("double growth = $T.pow($N, cycle)", StrictMath.class, factor)
                    .beginControlFlow("if (d < $N * ((growth - 1.0) / $N))", t0, minusOne)
                    .addStatement("cycle--")
                    .addStatement("growth = $T.pow($N, cycle)", StrictMath.class, factor)
                    .nextControlFlow("else")
                    .addStatement("double nextGrowth = $T.pow($N, cycle + 1)", StrictMath.class, factor)
                    .beginControlFlow("if (d >= $N * ((nextGrowth - 1.0) / $N))", t0, minusOne)
                    .addStatement("cycle++")
                    .addStatement("growth = nextGrowth")
                    .endControlFlow()
                    .endControlFlow()
                    .addStatement("double sinceRestart = d - $N * ((growth - 1.0) / $N)", t0, minusOne)
                    .addStatement("double cycleLength = $N * growth", t0);
        } else {
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
        if (tMult == 2) {
            body.add("// cycle i is the first cycle 2^i times slower: T_cur / 2^i of t0, exactly\n")
                    .addStatement("double position = $T.scalb((double) sinceRestart, -cycle)", Math.class);
            position = CodeBlock.of("position");
        }
        boolean whole = isWhole(tMult);
        if (kDecay == 1 && !whole) {
            position = CodeBlock.of("(sinceRestart / cycleLength)");
            omega = CodeBlock.of("$N", code.use(NamedConstant.ofDouble("HALF_PI", HALF_PI, "pi / 2")));
        } else if (kDecay == 1) {
            omega = tMult <= 2 ? CodeBlock.of("$N", code.use(halfOmegaConstant()))
                    : CodeBlock.of("$N[cycle]", code.use(new NamedConstant("CYCLE_HALF_OMEGAS", omegas,
                            "pi / (2 T_i): by cycle")));
        } else {
            // timm's k_decay: the cosine at (T_cur / T_i)^k of its half period
            CodeBlock length = !whole ? CodeBlock.of("cycleLength") : tMult >= 3 ? CodeBlock.of("$N[cycle]",
                    code.use(new NamedConstant("CYCLE_LENGTHS", lengths, "T_i: by cycle")))
                    : CodeBlock.of("$N", code.use(firstCycleConstant()));
            position = CodeBlock.of("$T.pow($L$L / $L, $N)", Math.class, tMult == 2 || !whole ? "" : "(double) ",
                    position, length, code.use(NamedConstant.ofDouble("K_DECAY", kDecay, "kDecay: timm's k_decay")));
            omega = CodeBlock.of("$N", code.use(NamedConstant.ofDouble("HALF_PI", HALF_PI, "pi / 2")));
        }
        NamedConstant amplitudeConstant = NamedConstant.ofDouble("AMPLITUDE", amplitude, "baseLr - etaMin");
        CodeBlock height;
        if (decay.none()) {
            height = CodeBlock.of("$N", code.use(amplitudeConstant));
        } else {
            CodeBlock power = CodeBlock.of("$T.pow($N, cycle)", Math.class, code.use(decay.constant()));
            height = CodeBlock.of("height");
            body.add(decay.ofPeak() ? "// timm's cycle_decay: cycle i restarts at baseLr * PEAK_DECAY^i\n"
                    : "// Keras's m_mul: cycle i restarts at etaMin + (baseLr - etaMin) * HEIGHT_DECAY^i\n");
            if (!decay.ofPeak()) {
                body.addStatement("double height = $N * $L", code.use(amplitudeConstant), power);
            } else if (etaMin == 0) {
                body.addStatement("double height = $N * $L", code.use(NamedConstant.ofDouble("BASE_LR", baseLr,
                        "baseLr")), power);
            } else {
                body.addStatement("double height = $N * $L - $N", code.use(NamedConstant.ofDouble("BASE_LR", baseLr,
                        "baseLr")), power, code.use(etaMinConstant()));
            }
        }
        CodeBlock rate = etaMin == 0 ? CodeBlock.of("$L * (c * c)", height)
                : CodeBlock.of("$N + $L * (c * c)", code.use(etaMinConstant()), height);
        String high = decay.none() ? "(baseLr - etaMin)" : "height";
        String cosine = kDecay != 1 ? "// c = cos(pi / 2 * (T_cur / T_i)^k), T_cur = sinceRestart"
                : whole ? "// c = cos(pi / (2 T_i) * T_cur), T_cur = sinceRestart"
                : "// c = cos(pi / 2 * (T_cur / T_i)), T_cur = sinceRestart";
        return body.add(kDecay == 1
                        ? "// etaMin + " + high + " * (1 + cos(pi * T_cur / T_i)) / 2 = etaMin + " + high + " * c^2,\n"
                        : "// etaMin + " + high + " * (1 + cos(pi * (T_cur / T_i)^k)) / 2 = etaMin + " + high
                                + " * c^2,\n")
                .add(cosine + (whole ? "" : ", T_i = cycleLength") + "\n")
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
                : "cycle i of " + firstCycle + " * " + show(tMult) + "^i steps"
                        + (isWhole(tMult) ? "" : ", starting at S_i = " + firstCycle + " * (" + show(tMult)
                                + "^i - 1) / " + Literals.ofDouble(tMult - 1) + " and restarting at the first whole step"
                                + " at or after it");
        String decays = decay.none() ? "" : decay.ofPeak() ? ", each restart's rate times " + decay.factor()
                + " the one before (timm's cycle_decay)" : ", each restart's height above etaMin times " + decay.factor()
                + " the one before (Keras's m_mul)";
        String limit = attributes.longValue("cycles") > 0 ? ", " + attributes.show("cycles") + " cycles, then etaMin"
                : "";
        return (warmupSteps > 0 ? "linear warmup over " + warmupSteps + " steps, then " : "")
                + "cosine annealing with warm restarts (SGDR, PyTorch's CosineAnnealingWarmRestarts): " + cycles
                + (warmupSteps > 0 && !prefix ? " from step 0 (the warmup takes the first cycle's first steps)" : "")
                + decays + limit;
    }

    @Override
    public List<FormulaRow> formulaRows() {
        List<FormulaRow> rows = new ArrayList<>();
        if (warmupSteps > 0) {
            rows.add(new FormulaRow("0 <= t < " + warmupSteps, warmup().formula(), warmup().computation()));
        }
        // the height of cycle i above etaMin
        String above = decay.none() ? "(baseLr - etaMin)" : decay.ofPeak() ? "(baseLr * peakDecay^i - etaMin)"
                : "(baseLr - etaMin) * heightDecay^i";
        String height = decay.none() ? "AMPLITUDE" : "height";
        String heightComputed = decay.none() ? "" : decay.ofPeak()
                ? ", height = BASE_LR * PEAK_DECAY^i" + (etaMin == 0 ? "" : " - ETA_MIN")
                : ", height = AMPLITUDE * HEIGHT_DECAY^i";
        String last = end >= 0 ? (prefix ? "W + " : "") + end : null;
        rows.add(new FormulaRow("t >= " + warmupSteps + (last == null ? "" : ", t < " + last),
                "etaMin + " + above + " * (1 + cos(pi * " + (kDecay == 1 ? "T_cur / T_i"
                        : "(T_cur / T_i)^kDecay") + ")) / 2",
                (etaMin == 0 ? "" : "ETA_MIN + ") + height + " * c^2, c = cos(" + (kDecay != 1
                        ? "HALF_PI * (T_cur / T_i)^K_DECAY)" : isWhole(tMult) ? "pi / (2 T_i) * T_cur)"
                        : "HALF_PI * (T_cur / T_i))")
                        + (isWhole(tMult) ? "" : ", T_i = FIRST_CYCLE * T_MULT^i, T_cur = d - FIRST_CYCLE * (T_MULT^i"
                                + " - 1) / T_MULT_MINUS_ONE")
                        + heightComputed));
        if (last != null) {
            rows.add(new FormulaRow("t >= " + last, "etaMin (after " + attributes.show("cycles") + " cycles)",
                    "ETA_MIN"));
        }
        return rows;
    }

    /** The warmup, each cycle (those around the run's end, of many), and etaMin held after the last. */
    @Override
    public List<Landmark> landmarks(long runEnd) {
        List<Landmark> landmarks = new ArrayList<>();
        if (warmupSteps > 0) {
            landmarks.add(Landmark.part(0, "linear warmup", "warmupSteps"));
        }
        long offset = prefix ? warmupSteps : 0;
        long lastD = Long.MAX_VALUE - offset;
        long limit = end >= 0 ? end : lastD;
        List<Long> starts = new ArrayList<>(); // in d
        if (tMult == 1) {
            List<Landmark> repeated = new ArrayList<>();
            Landmark.repeated(repeated, 0, firstCycle, runEnd == Long.MAX_VALUE ? runEnd : runEnd - offset,
                    Long.MAX_VALUE, (k, d) -> Landmark.wave(d, "", "t0"));
            starts.add(0L);
            repeated.forEach(l -> starts.add(l.step()));
        } else {
            long runD = runEnd == Long.MAX_VALUE ? lastD : Math.max(0, runEnd - offset);
            long listed = ScheduleModel.repeatsListed(runEnd);
            long cycle = 0;
            for (long d = 0; d >= 0 && cycle <= listed; cycle++) {
                starts.add(d);
                if (d >= runD) {
                    break;
                }
                d = startOf(cycle + 1, lastD);
            }
            if (runEnd != Long.MAX_VALUE && runD > 0 && cycleOfD(runD - 1) >= cycle) {
                for (long c : List.of(cycleOfD(runD - 1), cycleOfD(runD - 1) + 1)) {
                    long d = startOf(c, lastD);
                    if (d >= 0) {
                        starts.add(d);
                    }
                }
            }
        }
        boolean afterWarmup = warmupSteps == 0 || prefix; // without the prefix, the cycle at W starts at W
        for (long d : starts) {
            long step = offset + d;
            if (d >= limit || step < warmupSteps) {
                continue;
            }
            if (!afterWarmup && step > warmupSteps) {
                landmarks.add(Landmark.wave(warmupSteps, "cycle " + (cycleOfD(warmupSteps) + 1) + " from the end of"
                        + " warmup", "t0"));
            }
            afterWarmup = true;
            landmarks.add(Landmark.wave(step, "cycle " + (cycleOfD(d) + 1), "t0").repeating());
        }
        if (!afterWarmup && (end < 0 || warmupSteps < end)) {
            landmarks.add(Landmark.wave(warmupSteps, "cycle " + (cycleOfD(warmupSteps) + 1) + " from the end of "
                    + "warmup", "t0"));
        }
        if (end >= 0 && end <= Long.MAX_VALUE - offset && offset + end >= warmupSteps) {
            landmarks.add(Landmark.held(offset + end, "etaMin held after " + attributes.show("cycles") + " cycles",
                    "cycles"));
        }
        return landmarks;
    }

    /** The cycle of d, whatever tMult. */
    private long cycleOfD(long d) {
        return tMult == 1 ? d / firstCycle : tMult == 2 ? 63 - Long.numberOfLeadingZeros(d / firstCycle + 1)
                : cycleOf(d);
    }

    /** The d at which cycle {@code cycle} starts, or -1 past {@code lastD}. */
    private long startOf(long cycle, long lastD) {
        if (tMult == 1) {
            return cycle <= lastD / firstCycle ? cycle * firstCycle : -1;
        }
        if (tMult == 2) {
            return cycle < 63 && (1L << cycle) - 1 <= lastD / firstCycle ? firstCycle * ((1L << cycle) - 1) : -1;
        }
        if (isWhole(tMult)) {
            return cycle < cycleStarts.length ? cycleStarts[(int) cycle] : -1;
        }
        return cycle == 0 ? 0 : firstStepOf(cycle, lastD);
    }

    @Override
    public Optional<String> warmupAttribute() {
        return warmupSteps > 0 ? Optional.of("warmupSteps") : Optional.empty();
    }

    @Override
    public Optional<String> decayAttribute() {
        return Optional.of("t0");
    }

    /** The start, around the end of warmup, and the middle and ends of the first cycles. */
    @Override
    public List<Long> keySteps() {
        TreeSet<Long> steps = ScheduleModel.warmupKeySteps(warmupSteps);
        long offset = prefix ? warmupSteps : 0;
        if (end >= 0 && end <= Long.MAX_VALUE - offset - 1) {
            steps.add(offset + end - 1);
            steps.add(offset + end);
        }
        if (!isWhole(tMult)) {
            long start = 0;
            for (int cycle = 0; cycle < 3; cycle++) {
                steps.add(offset + start);
                long next = firstStepOf(cycle + 1, Long.MAX_VALUE - offset);
                if (next < 0) {
                    break;
                }
                steps.add(offset + start + (next - start) / 2);
                steps.add(offset + next - 1);
                start = next;
            }
            return List.copyOf(steps);
        }
        long factor = (long) tMult; // saturates at Long.MAX_VALUE, longer than any step can reach
        long start = offset;
        long length = firstCycle;
        for (int cycle = 0; cycle < 3 && start >= 0; cycle++) {
            steps.add(start);
            if (length > Long.MAX_VALUE - start) {
                break;
            }
            steps.add(start + length / 2);
            steps.add(start + length - 1);
            start += length;
            length = length > Long.MAX_VALUE / factor ? Long.MAX_VALUE : length * factor;
        }
        return List.copyOf(steps);
    }
}
