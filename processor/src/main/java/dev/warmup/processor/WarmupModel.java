package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.warmup.Decay;
import dev.warmup.Warmup;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A validated {@code @WarmupSchedule}: W warmup steps of one {@link Shape}, then a decay shape from step W on; a
 * decay that reaches minLr at T holds it from T on. {@link #at(long)} is the reference evaluator; the generated
 * {@code lr(step)} computes the same bits. {@link #validate} checks every attribute before giving up, so that one
 * compile shows all the problems of an annotation; an attribute set but unused by the chosen warmup and decay is
 * an error.
 *
 * @param warmup the warmup over {@code [0, W)}, null when W = 0
 * @param decay the decay from W on, up to T if {@code totalSteps} is set
 * @param totalSteps T, for a decay that reaches minLr there; null for one without end
 * @param minLr the rate from T on: minLr, or, for a cosine of whole waves, the rate it reaches at T
 */
record WarmupModel(long warmupSteps, Shape warmup, Shape decay, NamedConstant totalSteps, double minLr,
        Attributes attributes) implements ScheduleModel {

    /** Upper bound on milestones: each costs a few bytes of the generated class's static initialiser. */
    static final int MAX_MILESTONES = 1000;

    private static final Set<Decay> TO_MIN_LR = EnumSet.of(Decay.COSINE, Decay.LINEAR, Decay.POLY,
            Decay.COSINE_RESTARTS);

    /** The decays that read {@code cycles}. */
    private static final Set<Decay> CYCLED = EnumSet.of(Decay.COSINE, Decay.COSINE_RESTARTS);

    /** The constant W. */
    static NamedConstant warmupStepsConstant(long warmupSteps) {
        return NamedConstant.ofLong("WARMUP_STEPS", warmupSteps, "steps: the warmup length W");
    }

    /** Warmup constants: {@code START_LR}, {@code WARMUP_SLOPE}; its end rate is {@code INIT_LR}. */
    static final UnaryOperator<String> WARMUP_NAMES = role -> switch (role) {
        case "START_LR", "LR" -> "START_LR";
        case "END_LR" -> "INIT_LR";
        case "FACTORS" -> "WARMUP_GROWTH";
        default -> "WARMUP_" + role;
    };

    /** Decay constants: {@code INIT_LR}, {@code MIN_LR}, {@code DECAY_SLOPE}, {@code DECAY_LOG_GAMMA}, .... */
    static final UnaryOperator<String> DECAY_NAMES = role -> {
        if (role.startsWith("MILESTONE") || role.startsWith("LR_AFTER_MILESTONE") || role.equals("RATES")
                || role.equals("STEP_SIZE")) {
            return role;
        }
        return switch (role) {
            case "START_LR", "LR" -> "INIT_LR";
            case "END_LR" -> "MIN_LR";
            case "LOG_START_LR" -> "LOG_INIT_LR";
            case "LOG_RATE" -> "DECAY_LOG_GAMMA";
            case "FACTORS" -> "DECAY_GAMMA_POWERS";
            default -> "DECAY_" + role;
        };
    };

    static final Names WARMUP = new Names(WARMUP_NAMES, "", "startLr", "initLr", "t", "W");
    static final Names DECAY = new Names(DECAY_NAMES, "", "initLr", "minLr", "(t - W)", "(T - W)");

    private Decay decayKind() {
        return Decay.valueOf(attributes.enumValue("decay"));
    }

    /** The learning rate at {@code step}, exactly as the generated class computes it. */
    @Override
    public double at(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        if (step < warmupSteps) {
            return warmup.at(step);
        }
        return totalSteps != null && step >= (Long) totalSteps.value() ? minLr : decay.at(step);
    }

    /** The rate from T on: {@code MIN_LR}, or {@code FINAL_LR} where a cosine's waves end elsewhere. */
    private NamedConstant minLrConstant() {
        if (decay instanceof CosineCyclesShape cycles && !cycles.restarts()) {
            return NamedConstant.ofDouble("FINAL_LR", minLr, "the rate at T, held after it");
        }
        return NamedConstant.ofDouble("MIN_LR", minLr, "minLr");
    }

    @Override
    public CodeBlock warmupStepsExpression(Code code) {
        return CodeBlock.of("$N", code.use(warmupStepsConstant(warmupSteps)));
    }

    private String warmupTitle() {
        return warmup.kind() + " warmup";
    }

    private String decayTitle() {
        return decayKind() == Decay.NONE ? "no decay" : decay.kind() + " decay";
    }

    @Override
    public CodeBlock lrBody(Code code) {
        CodeBlock.Builder body = CodeBlock.builder();
        if (warmup != null) {
            body.beginControlFlow("if (step < $N)", code.use(warmupStepsConstant(warmupSteps)))
                    .add("// $L: $L\n", warmupTitle(), warmup.formula())
                    .add(warmup.code(code))
                    .endControlFlow();
        }
        body.add("// $L: $L\n", decayTitle(), decay.formula());
        if (totalSteps != null) {
            body.beginControlFlow("if (step >= $N)", code.use(totalSteps))
                    .addStatement("return $N", code.use(minLrConstant()))
                    .endControlFlow();
        }
        return body.add(decay.code(code)).build();
    }

    @Override
    public CodeBlock fillBody(Code code) {
        CodeBlock.Builder body = CodeBlock.builder();
        String decayFrom = "0";
        String decayFirstStep = "fromStep";
        if (warmup != null) {
            body.add(FillCode.segmentEnd("warmupEnd", code.use(warmupStepsConstant(warmupSteps))))
                    .addStatement("fillWarmup(out, 0, warmupEnd, fromStep)");
            decayFrom = "warmupEnd";
            decayFirstStep = "fromStep + warmupEnd";
        }
        if (totalSteps == null) {
            return body.addStatement("fillDecay(out, $L, n, $L)", decayFrom, decayFirstStep).build();
        }
        String t = code.use(totalSteps);
        return body.add(FillCode.segmentEnd("decayEnd", t))
                .addStatement("fillDecay(out, $L, decayEnd, $L)", decayFrom, decayFirstStep)
                .addStatement("$T.fill(out, decayEnd, n, $N)", Arrays.class, code.use(minLrConstant()))
                .build();
    }

    @Override
    public List<MethodSpec> fillMethods(Code code) {
        List<MethodSpec> methods = new ArrayList<>();
        if (warmup != null) {
            methods.add(FillCode.part("fillWarmup", warmup.fill(code)));
        }
        methods.add(FillCode.part("fillDecay", decay.fill(code)));
        return methods;
    }

    @Override
    public String fillJavadoc() {
        int ulps = shapes().stream().mapToInt(Shape::fillUlps).max().orElse(0);
        return "Fills {@code out} with {@code lr(fromStep + i)}, faster than calling {@code lr}: closed forms without a\n"
                + "transcendental call, runs of equal values, and, for exponential and cosine shapes, one anchor per\n"
                + "{@code FILL_BLOCK} steps computed as {@code lr} computes it, times tabulated factors. "
                + (ulps == 0 ? "Every value is\n{@code lr(fromStep + i)}, bit for bit.\n"
                        : "Every value is\nwithin " + ulps + " ulps of {@code lr(fromStep + i)}.\n");
    }

    @Override
    public Map<String, String> defaultsUsed() {
        Map<String, String> used = new LinkedHashMap<>();
        if (warmupSteps > 0) {
            used.put("warmup", attributes.show("warmup"));
            used.put("startLr", attributes.show("startLr"));
        }
        used.put("decay", attributes.show("decay"));
        switch (decayKind()) {
            case EXP -> used.put("gamma", Literals.show(gammaOr(attributes, 0.9999)));
            case STEP, MULTISTEP -> used.put("gamma", Literals.show(gammaOr(attributes, 0.1)));
            case COSINE, LINEAR -> used.put("minLr", attributes.show("minLr"));
            case COSINE_RESTARTS -> used.put("minLr", attributes.show("minLr"));
            case POLY -> {
                used.put("minLr", attributes.show("minLr"));
                used.put("power", attributes.show("power"));
            }
            default -> { }
        }
        if (decayKind() == Decay.COSINE_RESTARTS || attributes.isSet("cycles") && decayKind() == Decay.COSINE) {
            used.put("cycles", Literals.show(cyclesOr(attributes, decayKind())));
        }
        return used;
    }

    @Override
    public List<Shape> shapes() {
        return warmup == null ? List.of(decay) : List.of(warmup, decay);
    }

    @Override
    public String summary() {
        String scaled = isScaled(attributes) ? " (initLr scaled by the linear scaling rule: "
                + scalingText(attributes) + ")" : "";
        return (warmup != null ? warmupTitle() + " over " + warmupSteps + " steps, then " : "") + decayTitle()
                + scaled;
    }

    @Override
    public List<FormulaRow> formulaRows() {
        List<FormulaRow> rows = new ArrayList<>();
        if (warmup != null) {
            rows.add(new FormulaRow("0 <= t < " + warmupSteps, warmup.formula(), warmup.computation()));
        }
        rows.add(new FormulaRow("t >= " + warmupSteps, decay.formula(), decay.computation()));
        return rows;
    }

    /** The end of warmup, and where the decay changes: T, or the milestones (the first four). */
    @Override
    public List<SvgPlot.Marker> markers() {
        List<SvgPlot.Marker> markers = new ArrayList<>(ScheduleModel.super.markers());
        if (totalSteps != null) {
            markers.add(new SvgPlot.Marker((Long) totalSteps.value(), "T = " + totalSteps.value()));
        } else if (decay instanceof MultiStepShape m) {
            for (long milestone : m.milestones().subList(0, Math.min(4, m.milestones().size()))) {
                markers.add(new SvgPlot.Marker(milestone, "milestone " + milestone));
            }
        }
        return markers;
    }

    /** Steps worth showing in the Javadoc: the start, around the end of warmup, and the decay's landmarks. */
    @Override
    public List<Long> keySteps() {
        TreeSet<Long> steps = ScheduleModel.warmupKeySteps(warmupSteps);
        steps.addAll(decayKeySteps());
        return List.copyOf(steps);
    }

    private List<Long> decayKeySteps() {
        long w = warmupSteps;
        if (totalSteps != null) {
            long t = (Long) totalSteps.value();
            List<Long> steps = new ArrayList<>(List.of(w, w + (t - w) / 2, t - 1, t));
            if (decay instanceof CosineCyclesShape cycles) {
                // the first restart (for waves, a trough or a crest), and the step before it
                cycles.firstLandmark().ifPresent(step -> steps.addAll(List.of(step - 1, step)));
            }
            return steps;
        }
        long stepSize = attributes.longValue("stepSize");
        return switch (decayKind()) {
            case EXP -> {
                double logGamma = Math.log(gammaOr(attributes, 0.9999));
                // Where the rate has halved, and where it has fallen to a tenth.
                yield logGamma == 0 ? after(w, 0)
                        : after(w, 0, 1, Math.round(Math.log(0.5) / logGamma), Math.round(Math.log(0.1) / logGamma));
            }
            case STEP -> after(w, 0, stepSize - 1, stepSize, 2 * stepSize);
            case MULTISTEP -> {
                List<Long> steps = new ArrayList<>();
                for (long milestone : milestones(attributes).stream().limit(4).toList()) {
                    if (milestone > 0) {
                        steps.add(milestone - 1);
                    }
                    steps.add(milestone);
                }
                yield steps;
            }
            case INV_SQRT -> after(w, 0, 3 * w, 99 * w);
            case REPEATED_POWER -> after(w, 0, 1, 1000, 10000);
            default -> after(w, 0);
        };
    }

    private static List<Long> after(long warmupSteps, long... offsets) {
        List<Long> steps = new ArrayList<>();
        for (long offset : offsets) {
            if (offset >= 0 && warmupSteps <= Long.MAX_VALUE - offset) {
                steps.add(warmupSteps + offset);
            }
        }
        return steps;
    }

    // --- validation

    /** Validates a {@code @WarmupSchedule}, reporting every problem; empty if there was one. */
    static Optional<ScheduleModel> validate(Attributes attributes, Reporter reporter) {
        return new Validation(attributes, new Checks(attributes, reporter)).validate();
    }

    /** Whether the linear scaling rule applies: both batch sizes are set. */
    static boolean isScaled(Attributes a) {
        return a.isSet("batchSize") && a.isSet("referenceBatchSize");
    }

    /**
     * The rate reached at W: initLr, or with the linear scaling rule {@code initLr * batchSize / referenceBatchSize},
     * evaluated left to right as Python (or Java) would evaluate the expression.
     */
    static double scaledInitLr(Attributes a) {
        return isScaled(a) ? a.doubleValue("initLr") * a.longValue("batchSize") / a.longValue("referenceBatchSize")
                : a.doubleValue("initLr");
    }

    /** How the scaled initLr was computed, with its value: {@code 0.1 * 8192 / 256 = 3.2}. */
    static String scalingText(Attributes a) {
        return a.show("initLr") + " * " + a.longValue("batchSize") + " / " + a.longValue("referenceBatchSize") + " = "
                + Literals.show(scaledInitLr(a));
    }

    /** gamma as written, or the decay's default for it. */
    static double gammaOr(Attributes a, double unsetDefault) {
        return a.isSet("gamma") ? a.doubleValue("gamma") : unsetDefault;
    }

    /** cycles as written, or the decay's default for it: 0.5 for COSINE (a half wave), 1 for COSINE_RESTARTS. */
    static double cyclesOr(Attributes a, Decay decay) {
        return a.isSet("cycles") ? a.doubleValue("cycles") : decay == Decay.COSINE_RESTARTS ? 1 : 0.5;
    }

    static List<Long> milestones(Attributes a) {
        return a.longs("milestones");
    }

    /** The checks of one {@code @WarmupSchedule}. */
    private static final class Validation {
        private final Attributes a;
        private final Checks checks;
        /** Whether steps and initLr are valid, so that the checks that compare with them can be made. */
        private boolean stepsOk;
        private boolean initLrOk;

        Validation(Attributes attributes, Checks checks) {
            this.a = attributes;
            this.checks = checks;
        }

        private Decay decay() {
            return Decay.valueOf(a.enumValue("decay"));
        }

        /** What the rate reached at W is called in messages: initLr, or its scaled value's formula. */
        private String initLrName() {
            return isScaled(a) ? "initLr * batchSize / referenceBatchSize" : "initLr";
        }

        private boolean check(boolean ok, String attribute, String allowed) {
            return checks.check(ok, attribute, allowed);
        }

        private boolean checkWith(boolean ok, String attribute, String message) {
            return checks.checkWith(ok, attribute, message);
        }

    private Optional<ScheduleModel> validate() {
        long w = a.longValue("steps");
        stepsOk = check(w >= 0, "steps", "the warmup length W must be >= 0 (0 means no warmup)");
        initLrOk = check(Double.isFinite(a.doubleValue("initLr")) && a.doubleValue("initLr") > 0, "initLr",
                "the preset learning rate must be finite and > 0");
        initLrOk = batchSizes() && initLrOk;
        checks.name();
        rejectUnused(w);
        Shape warmup = stepsOk && initLrOk && w > 0 ? warmup(w) : null;
        Shape decay = decay(w);
        if (checks.failed() || (w > 0 && warmup == null) || decay == null) {
            return Optional.empty();
        }
        boolean ended = TO_MIN_LR.contains(decay());
        double held = decay instanceof CosineCyclesShape cycles && !cycles.restarts() ? cycles.atEnd()
                : a.doubleValue("minLr");
        WarmupModel model = new WarmupModel(w, warmup, decay, ended ? totalStepsConstant() : null,
                ended ? held : 0, a);
        /* Rates within an ulp or so of Double.MAX_VALUE can round past it (a slope times a length); every shape is
           monotone between its key steps, so they are where to look. */
        return checks.constantsFinite(model, "initLr") && checks.ratesFinite(model, "initLr", model.keySteps())
                ? Optional.of(model) : Optional.empty();
    }

    private NamedConstant totalStepsConstant() {
        boolean waves = decay() == Decay.COSINE && cyclesOr(a, decay()) != 0.5;
        return NamedConstant.ofLong("TOTAL_STEPS", a.longValue("totalSteps"),
                waves ? "totalSteps T: the rate at T holds from here on" : "totalSteps T: minLr from here on");
    }

    private Span warmupSpan(long w) {
        return new Span(Span.Bound.ZERO, Span.Bound.of(warmupStepsConstant(w), "W"));
    }

    private Span decaySpan(long w, boolean ended) {
        Span.Bound start = Span.Bound.of(warmupStepsConstant(w), "W");
        return ended ? new Span(start, Span.Bound.of(totalStepsConstant(), "T")) : Span.from(start);
    }

    private Shape warmup(long w) {
        double start = a.doubleValue("startLr");
        double init = scaledInitLr(a);
        if (!check(Double.isFinite(start) && start >= 0 && start <= init, "startLr",
                "the rate at step 0 must be in [0, " + initLrName() + "] = [0, " + Literals.show(init) + "]")) {
            return null;
        }
        switch (Warmup.valueOf(a.enumValue("warmup"))) {
            case LINEAR:
                return new LinearShape(start, init, warmupSpan(w), WARMUP);
            case CONSTANT:
                if (start == 0) {
                    checks.warning(a.isSet("startLr") ? "startLr" : "warmup", "startLr = 0.0 with warmup = "
                            + "Warmup.CONSTANT: the rate is 0 for the first " + w + " steps, so they train nothing;"
                            + " set startLr to the small warmup rate (He et al. 2016 used initLr / 10)");
                }
                return new ConstantShape(start, WARMUP);
            case EXPONENTIAL:
                if (!checkWith(start > 0, a.isSet("startLr") ? "startLr" : "warmup",
                        "startLr = " + Literals.show(start) + " is not allowed with warmup = "
                                + "Warmup.EXPONENTIAL: an exponential warmup multiplies the rate, so it must start "
                                + "from startLr > 0")) {
                    return null;
                }
                return ExponentialShape.between(start, init, warmupSpan(w), WARMUP);
            default:
                throw new AssertionError(Warmup.valueOf(a.enumValue("warmup")));
        }
    }

    private Shape decay(long w) {
        double init = scaledInitLr(a);
        Names names = DECAY;
        switch (decay()) {
            case NONE:
                return new ConstantShape(init, names);
            case EXP:
                return gamma(0.9999) && stepsOk && initLrOk
                        ? ExponentialShape.decaying(init, gammaOr(0.9999), "gamma", decaySpan(w, false), names) : null;
            case STEP: {
                boolean gammaOk = gamma(0.1);
                boolean stepSizeOk = required("stepSize", "the number of steps between drops")
                        && check(a.longValue("stepSize") > 0, "stepSize", "the number of steps between drops must be > 0");
                return gammaOk && stepSizeOk && stepsOk && initLrOk
                        ? new StepShape(init, gammaOr(0.1), a.longValue("stepSize"), decaySpan(w, false), names) : null;
            }
            case MULTISTEP: {
                boolean gammaOk = gamma(0.1);
                boolean milestonesOk = milestones(w);
                return gammaOk && milestonesOk && stepsOk && initLrOk ? MultiStepShape.of(WarmupModel.milestones(a).stream().mapToLong(Long::longValue).toArray(), init, gammaOr(0.1), names)
                        : null;
            }
            case COSINE:
            case COSINE_RESTARTS:
            case LINEAR:
            case POLY: {
                boolean totalOk = required("totalSteps", "the absolute step at which the rate reaches minLr")
                        && stepsOk && check(a.longValue("totalSteps") > w, "totalSteps",
                        "the step at which the rate reaches minLr must be > steps = " + w);
                boolean minOk = initLrOk
                        ? check(Double.isFinite(a.doubleValue("minLr")) && a.doubleValue("minLr") >= 0 && a.doubleValue("minLr") < init, "minLr",
                                "the final rate must be in [0, " + initLrName() + ") = [0, "
                                        + Literals.show(init) + ")")
                        : check(Double.isFinite(a.doubleValue("minLr")) && a.doubleValue("minLr") >= 0, "minLr",
                                "the final rate must be finite and >= 0");
                boolean powerOk = decay() != Decay.POLY
                        || check(Double.isFinite(a.doubleValue("power")) && a.doubleValue("power") > 0, "power",
                        "the exponent of the polynomial must be finite and > 0");
                boolean cyclesOk = !CYCLED.contains(decay()) || cycles(totalOk ? a.longValue("totalSteps") - w : 0);
                if (!(totalOk && minOk && powerOk && cyclesOk && initLrOk)) {
                    return null;
                }
                Span span = decaySpan(w, true);
                double cycles = cyclesOr(a, decay());
                return switch (decay()) {
                    case COSINE -> cycles == 0.5 ? new CosineShape(init, a.doubleValue("minLr"), span, names)
                            : CosineCyclesShape.of(false, cycles, init, a.doubleValue("minLr"), span, names);
                    case COSINE_RESTARTS -> CosineCyclesShape.of(true, cycles, init, a.doubleValue("minLr"), span,
                            names);
                    case LINEAR -> new LinearShape(init, a.doubleValue("minLr"), span, names);
                    default -> new PolynomialShape(init, a.doubleValue("minLr"), a.doubleValue("power"), span, names);
                };
            }
            case INV_SQRT:
                return stepsOk && initLrOk && check(w > 0, "steps", "decay = Decay.INV_SQRT computes initLr * sqrt(W / t), which needs "
                        + "a warmup of steps > 0") ? InverseSqrtShape.afterWarmup(init, w, decaySpan(w, false), names) : null;
            case REPEATED_POWER: {
                boolean powerOk = required("power", "the power the rate is raised to every step, > 1 (the "
                        + "write-up uses 1.0001)")
                        && check(Double.isFinite(a.doubleValue("power")) && a.doubleValue("power") > 1, "power", "with decay = "
                        + "Decay.REPEATED_POWER, lr^power decays only for a finite power > 1");
                boolean initOk = initLrOk && check(init < 1, "initLr", "with decay = Decay.REPEATED_POWER, "
                        + "lr^power decays only for " + initLrName() + " < 1"
                        + (isScaled(a) ? ", which is " + Literals.show(init) : ""));
                return powerOk && initOk && stepsOk
                        ? new RepeatedPowerShape(init, a.doubleValue("power"), decaySpan(w, false), names) : null;
            }
            default:
                throw new AssertionError(decay());
        }
    }

    /**
     * The linear scaling rule: batchSize and referenceBatchSize are set together, each {@code > 0}, and the scaled
     * initLr is finite and {@code > 0}. Returns whether the scaled initLr can be used (true when neither is set).
     */
    private boolean batchSizes() {
        boolean batch = a.isSet("batchSize");
        boolean reference = a.isSet("referenceBatchSize");
        if (batch != reference) {
            String set = batch ? "batchSize" : "referenceBatchSize";
            String missing = batch ? "referenceBatchSize" : "batchSize";
            return checkWith(false, set, set + " = " + a.show(set) + " is not allowed without " + missing + ": the "
                    + "linear scaling rule multiplies initLr by batchSize / referenceBatchSize; set " + missing
                    + (batch ? " to the batch size initLr was tuned for (Goyal et al. used 256)"
                            : " to the batch size trained with"));
        }
        if (!batch) {
            return true;
        }
        boolean batchOk = check(a.longValue("batchSize") > 0, "batchSize", "a batch size must be > 0");
        boolean referenceOk = check(a.longValue("referenceBatchSize") > 0, "referenceBatchSize", "a batch size must be > 0");
        if (!(batchOk && referenceOk && Double.isFinite(a.doubleValue("initLr")) && a.doubleValue("initLr") > 0)) {
            return false;
        }
        double scaled = scaledInitLr(a);
        return check(Double.isFinite(scaled) && scaled > 0, "batchSize", "the scaled rate "
                + scalingText(a) + " must be finite and > 0");
    }

    /**
     * cycles: finite, {@code > 0}, a multiple of 1/1024, and, with D = T - W known ({@code > 0}),
     * {@code max(cycles, 1) * 2048 * D < 2^63}, so that the exact position in the wave fits in a long.
     */
    private boolean cycles(long span) {
        double cycles = cyclesOr(a, decay());
        if (!check(Double.isFinite(cycles) && cycles > 0, "cycles",
                "the number of cosine cycles must be finite and > 0")) {
            return false;
        }
        double units = cycles * CosineCyclesShape.CYCLE_UNITS;
        if (units != Math.rint(units)) {
            return check(false, "cycles", "cycles must be a multiple of 1/1024 (e.g. 0.5, 1, 2.5, 0.125), so that "
                    + "restarts fall on exact steps; " + nearestCycles(units));
        }
        if (span <= 0 || decay() == Decay.COSINE && cycles == 0.5) {
            return true; // a half wave is the cosine shape's, which has no such limit
        }
        BigDecimal product = new BigDecimal(Math.max(cycles, 1)).multiply(BigDecimal.valueOf(2048))
                .multiply(BigDecimal.valueOf(span));
        boolean fits = product.compareTo(new BigDecimal(BigInteger.ONE.shiftLeft(63))) < 0;
        if (!a.isSet("cycles")) {
            return check(fits, "totalSteps", "with decay = Decay." + decay() + ", 2048 * (totalSteps - steps) "
                    + "must stay below 2^63, so that the exact position in a cycle fits in a long");
        }
        return check(fits, "cycles", "with totalSteps - steps = " + span + ", max(cycles, 1) * 2048 * (totalSteps"
                + " - steps) must stay below 2^63, so that the exact position in a cycle fits in a long");
    }

    /**
     * The multiples of 1/1024 nearest to {@code units} / 1024, below and above it, for an error message; {@code units}
     * is not a whole number, so below 2^52.
     */
    private static String nearestCycles(double units) {
        double below = Math.floor(units);
        double above = Math.ceil(units);
        String up = Literals.ofDouble(above / CosineCyclesShape.CYCLE_UNITS) + " (" + (long) above + "/1024)";
        return below == 0 ? "the nearest allowed value is " + up
                : "the nearest allowed values are " + Literals.ofDouble(below / CosineCyclesShape.CYCLE_UNITS) + " ("
                        + (long) below + "/1024) and " + up;
    }

    private boolean gamma(double unsetDefault) {
        return check(gammaOr(unsetDefault) > 0 && gammaOr(unsetDefault) <= 1, "gamma",
                "the decay factor must be in (0, 1]");
    }

    private double gammaOr(double unsetDefault) {
        return WarmupModel.gammaOr(a, unsetDefault);
    }

    private boolean milestones(long w) {
        if (!required("milestones", "the absolute steps at which the rate is multiplied by gamma")) {
            return false;
        }
        long[] milestones = WarmupModel.milestones(a).stream().mapToLong(Long::longValue).toArray();
        String allowed = "milestones must be strictly increasing steps >= steps = " + w
                + " (the end of warmup), at most " + MAX_MILESTONES + " of them; ";
        if (milestones.length == 0) {
            return check(false, "milestones", allowed + "give at least one");
        }
        if (milestones.length > MAX_MILESTONES) {
            return check(false, "milestones", allowed + "there are " + milestones.length);
        }
        if (stepsOk && milestones[0] < w) {
            return check(false, "milestones", allowed + milestones[0] + " is before the end of warmup");
        }
        for (int i = 1; i < milestones.length; i++) {
            if (milestones[i] <= milestones[i - 1]) {
                return check(false, "milestones", allowed + milestones[i] + " follows " + milestones[i - 1]);
            }
        }
        return true;
    }

    /** The attributes {@code decay} uses, beyond those of every {@code @WarmupSchedule}. */
    private static Set<String> usedBy(Decay decay) {
        Set<String> used = new LinkedHashSet<>();
        switch (decay) {
            case EXP -> used.add("gamma");
            case STEP -> used.addAll(List.of("gamma", "stepSize"));
            case MULTISTEP -> used.addAll(List.of("gamma", "milestones"));
            case POLY, REPEATED_POWER -> used.add("power");
            case COSINE, COSINE_RESTARTS -> used.add("cycles");
            default -> { }
        }
        if (TO_MIN_LR.contains(decay)) {
            used.addAll(List.of("totalSteps", "minLr"));
        }
        return used;
    }

    /** Each attribute set that the chosen warmup and decay do not use is an error: it would have no effect. */
    private void rejectUnused(long w) {
        Set<String> used = new LinkedHashSet<>(Set.of("steps", "initLr", "batchSize", "referenceBatchSize", "decay",
                "name"));
        if (w != 0) {
            used.addAll(Set.of("warmup", "startLr"));
        }
        used.addAll(usedBy(decay()));
        for (String attribute : a.names()) {
            if (used.contains(attribute)) {
                continue;
            }
            if (attribute.equals("warmup") || attribute.equals("startLr")) {
                checks.unused(attribute, "steps = 0 means no warmup; remove it, or set steps > 0");
            } else {
                String users = Arrays.stream(Decay.values()).filter(d -> usedBy(d).contains(attribute))
                        .map(d -> "Decay." + d).collect(Collectors.joining(", "));
                checks.unused(attribute, "decay = Decay." + decay() + " does not use it; remove it, or choose a decay"
                        + " that uses it (" + users + ")");
            }
        }
    }

    private boolean required(String attribute, String what) {
        if (a.isSet(attribute)) {
            return true;
        }
        return checkWith(false, "decay", attribute + " is required with decay = Decay." + decay() + ": set " + attribute
                + " to " + what);
    }
    }
}
