package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import dev.warmup.Decay;
import dev.warmup.Warmup;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * A validated {@code @WarmupSchedule}: W warmup steps of one {@link Shape}, then a decay shape from step W on; a
 * decay that reaches minLr at T holds it from T on. {@link #at(long)} is the reference evaluator; the generated
 * {@code lr(step)} computes the same bits. {@link WarmupValidation} builds it from the annotation.
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

    static final Set<Decay> TO_MIN_LR = EnumSet.of(Decay.COSINE, Decay.LINEAR, Decay.POLY,
            Decay.COSINE_RESTARTS);

    /** The decays that read {@code cycles}. */
    static final Set<Decay> CYCLED = EnumSet.of(Decay.COSINE, Decay.COSINE_RESTARTS);

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
    /** A constant shape holds its end rate b: startLr through a constant warmup, initLr without a decay. */
    static final Names CONSTANT_WARMUP = new Names(WARMUP_NAMES, "", "startLr", "startLr", "t", "W");
    static final Names NO_DECAY = new Names(DECAY_NAMES, "", "initLr", "initLr", "(t - W)", "(T - W)");

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
        return decayKind() == Decay.NONE ? "no decay" : decay instanceof FlooredShape floored
                ? floored.decay().kind() + " decay to a floor" : decay.kind() + " decay";
    }

    @Override
    public CodeBlock body(Code code) {
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
            case INV_TIME -> used.put("stepSize", attributes.isSet("stepSize") ? attributes.show("stepSize") : "1");
            case POLY, POLY_CYCLE -> {
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
    public String scaleAttribute() {
        return "initLr";
    }

    /** initLr, times batchSize / referenceBatchSize with the linear scaling rule: the rate the warmup reaches. */
    @Override
    public double peakLr() {
        return scaledInitLr(attributes());
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

    /** The warmup, the decay, its milestones or drops, and where it holds its final rate or floor. */
    @Override
    public List<Landmark> landmarks(long runEnd) {
        List<Landmark> landmarks = new ArrayList<>();
        if (warmup != null) {
            landmarks.add(Landmark.part(0, warmupTitle(), "steps"));
        }
        String decayAttribute = warmup != null ? "steps" : "decay"; // the attribute that places it
        boolean halfWave = decay instanceof CosineShape
                || decay instanceof CosineCyclesShape cycles && !cycles.restarts() && cycles.cycles() == 0.5;
        landmarks.add(halfWave && totalSteps != null ? Landmark.wave(warmupSteps, decayTitle(), "totalSteps")
                : Landmark.part(warmupSteps, decayTitle(), decayAttribute));
        if (decay instanceof MultiStepShape m) {
            for (int i = 0; i < m.milestones().size(); i++) {
                landmarks.add(Landmark.part(m.milestones().get(i), "milestone " + m.milestones().get(i),
                        "milestones[" + i + "]"));
            }
        } else if (decayKind() == Decay.STEP || decayKind() == Decay.INV_TIME_STEP) {
            long stepSize = attributes.longValue("stepSize");
            Landmark.repeated(landmarks, warmupSteps, stepSize, runEnd, Long.MAX_VALUE,
                    (k, step) -> Landmark.part(step, "drop " + k, "stepSize"));
        }
        if (totalSteps != null) {
            landmarks.add(Landmark.held((Long) totalSteps.value(), "final rate held", "totalSteps"));
        } else if (decay instanceof FlooredShape floored) {
            floorStep().ifPresent(step -> landmarks.add(Landmark.held(step, "floor minLr held", "minLr")));
        }
        return landmarks;
    }

    /** For a decay to a floor, the first step at the floor, if it reaches it by {@code Long.MAX_VALUE}. */
    private java.util.OptionalLong floorStep() {
        double floor = ((FlooredShape) decay).floor();
        if (decay.at(Long.MAX_VALUE) != floor || decay.at(warmupSteps) == floor) {
            return java.util.OptionalLong.empty();
        }
        long above = warmupSteps; // the rate falls: the first step at the floor, by bisection
        long at = Long.MAX_VALUE;
        while (at - above > 1) {
            long middle = above + (at - above) / 2;
            if (decay.at(middle) == floor) {
                at = middle;
            } else {
                above = middle;
            }
        }
        return java.util.OptionalLong.of(at);
    }

    @Override
    public Optional<String> warmupAttribute() {
        return warmup != null ? Optional.of("steps") : Optional.empty();
    }

    @Override
    public Optional<String> decayAttribute() {
        if (decayKind() == Decay.NONE) {
            return Optional.empty(); // a warmup to a rate held for good: nothing to decay
        }
        return Optional.of(totalSteps != null ? "totalSteps" : attributes.isSet("gamma") ? "gamma" : "decay");
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
                double logRate = Math.log(gammaOr(attributes, 0.9999)) / Math.max(stepSize, 1);
                // Where the rate has halved, where it has fallen to a tenth, and where it reaches a floor.
                List<Long> steps = new ArrayList<>(logRate == 0 ? after(w, 0) : after(w, 0, 1,
                        Math.round(Math.log(0.5) / logRate), Math.round(Math.log(0.1) / logRate)));
                if (decay instanceof FlooredShape floored && logRate < 0) {
                    long floorAt = (long) Math.ceil(Math.log(floored.floor() / scaledInitLr(attributes)) / logRate);
                    steps.addAll(after(w, floorAt - 1, floorAt));
                }
                yield steps;
            }
            case STEP, INV_TIME_STEP -> {
                List<Long> steps = new ArrayList<>(after(w, 0, stepSize - 1, stepSize, 2 * stepSize));
                double logGamma = Math.log(gammaOr(attributes, 0.1));
                if (decay instanceof FlooredShape floored && logGamma < 0) {
                    // the first drop below the floor
                    long drops = (long) Math.ceil(Math.log(floored.floor() / scaledInitLr(attributes)) / logGamma);
                    if (drops <= Long.MAX_VALUE / stepSize) {
                        steps.addAll(after(w, drops * stepSize - 1, drops * stepSize));
                    }
                }
                yield steps;
            }
            case INV_TIME -> {
                // Where the rate has halved (gamma d / stepSize = 1), and where it has fallen to a tenth (= 9).
                double ratePerStep = ((InverseTimeShape) decay).ratePerStep();
                yield ratePerStep == 0 ? after(w, 0)
                        : after(w, 0, 1, Math.round(1 / ratePerStep), Math.round(9 / ratePerStep));
            }
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
            case POLY_CYCLE -> {
                // The first horizons: minLr at D and 2D, and the jump back up after each.
                long d = attributes.longValue("totalSteps") - w;
                yield after(w, 0, d / 2, d - 1, d, d + 1, 2 * d, 2 * d + 1);
            }
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

    // --- the annotation's values, as the model and its validation read them

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
}
