package dev.warmup.processor;

import static dev.warmup.processor.WarmupModel.CYCLED;
import static dev.warmup.processor.WarmupModel.DECAY;
import static dev.warmup.processor.WarmupModel.MAX_MILESTONES;
import static dev.warmup.processor.WarmupModel.TO_MIN_LR;
import static dev.warmup.processor.WarmupModel.WARMUP;
import static dev.warmup.processor.WarmupModel.cyclesOr;
import static dev.warmup.processor.WarmupModel.isScaled;
import static dev.warmup.processor.WarmupModel.scaledInitLr;
import static dev.warmup.processor.WarmupModel.scalingText;
import static dev.warmup.processor.WarmupModel.warmupStepsConstant;

import dev.warmup.Decay;
import dev.warmup.Warmup;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks of one {@code @WarmupSchedule}, into a {@link WarmupModel}: every attribute is checked before giving up,
 * so that one compile shows all the problems of an annotation; an attribute set but unused by the chosen warmup and
 * decay is an error.
 */
final class WarmupValidation {

    private final Attributes a;
    private final Checks checks;
    /** Whether steps and initLr are valid, so that the checks that compare with them can be made. */
    private boolean stepsOk;
    private boolean initLrOk;

    private WarmupValidation(Attributes attributes, Checks checks) {
        this.a = attributes;
        this.checks = checks;
    }

    private boolean check(boolean ok, String attribute, String allowed) {
        return checks.check(ok, attribute, allowed);
    }

    private boolean checkWith(boolean ok, String attribute, String message) {
        return checks.checkWith(ok, attribute, message);
    }

    private Decay decay() {
        return Decay.valueOf(a.enumValue("decay"));
    }

    /** What the rate reached at W is called in messages: initLr, or its scaled value's formula. */
    private String initLrName() {
        return isScaled(a) ? "initLr * batchSize / referenceBatchSize" : "initLr";
    }

    /** Validates a {@code @WarmupSchedule}, reporting every problem; empty if there was one. */
    static Optional<ScheduleModel> validate(Attributes attributes, Reporter reporter) {
        return new WarmupValidation(attributes, new Checks(attributes, reporter)).validate();
    }

    private Optional<ScheduleModel> validate() {
        long w = a.longValue("steps");
        stepsOk = check(w >= 0, "steps", "the warmup length W must be >= 0 (0 means no warmup)");
        initLrOk = checks.rate("initLr", true, "the preset learning rate");
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
        return checks.ratesFinite(model, "initLr", model.keySteps())
                ? Optional.of(model) : Optional.empty();
    }

    /**
     * For {@code EXP} and {@code STEP}: minLr, if set, is the floor of the decay (Optax's {@code end_value} of
     * {@code exponential_decay}); it must be in {@code [0, initLr)}.
     */
    private boolean floor(double init) {
        return !a.isSet("minLr") || !initLrOk || check(Double.isFinite(a.doubleValue("minLr"))
                && a.doubleValue("minLr") >= 0 && a.doubleValue("minLr") < init, "minLr", "the floor of the decay "
                + "must be in [0, initLr) = [0, " + Literals.ofDouble(init) + ")");
    }

    /** The decay, held at minLr from where it falls below it when minLr is set above 0. */
    private Shape floored(Shape decay) {
        return a.doubleValue("minLr") > 0 ? new FlooredShape(decay, a.doubleValue("minLr"), DECAY) : decay;
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
                "the rate at step 0 must be in [0, " + initLrName() + "] = [0, " + Literals.show(init) + "]"
                        + (start > init && Double.isFinite(start) ? "; a rate that falls from startLr to "
                                + initLrName() + " before the decay (Optax's warmup_cosine_decay_schedule with "
                                + "init_value > peak_value) is a @PhasedSchedule: a LINEAR phase with startLr, then"
                                + " the decay's phase" : ""))) {
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
                return new ConstantShape(start, WarmupModel.CONSTANT_WARMUP);
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
                return new ConstantShape(init, WarmupModel.NO_DECAY);
            case EXP: {
                boolean gammaOk = gamma(0.9999);
                boolean perSteps = a.isSet("stepSize");
                boolean stepSizeOk = !perSteps || check(a.longValue("stepSize") > 0, "stepSize",
                        "the number of steps over which the rate is multiplied by gamma must be > 0");
                boolean floorOk = floor(init);
                if (!(gammaOk && stepSizeOk && stepsOk && initLrOk && floorOk)) {
                    return null;
                }
                return floored(perSteps ? ExponentialShape.decaying(init, gammaOr(0.9999), a.longValue("stepSize"),
                        decaySpan(w, false), names)
                        : ExponentialShape.decaying(init, gammaOr(0.9999), "gamma", decaySpan(w, false), names));
            }
            case STEP: {
                boolean gammaOk = gamma(0.1);
                boolean stepSizeOk = required("stepSize", "the number of steps between drops")
                        && check(a.longValue("stepSize") > 0, "stepSize",
                                "the number of steps between drops must be > 0");
                boolean floorOk = floor(init);
                return gammaOk && stepSizeOk && stepsOk && initLrOk && floorOk
                        ? floored(new StepShape(init, gammaOr(0.1), a.longValue("stepSize"), decaySpan(w, false),
                                names)) : null;
            }
            case INV_TIME:
            case INV_TIME_STEP: {
                boolean staircase = decay() == Decay.INV_TIME_STEP;
                boolean gammaOk = required("gamma", "the decay rate (Keras's decay_rate), finite and > 0")
                        && check(Double.isFinite(a.doubleValue("gamma")) && a.doubleValue("gamma") > 0, "gamma",
                                "the decay rate of an inverse time decay must be finite and > 0");
                boolean stepSizeOk = staircase
                        ? required("stepSize", "the number of steps of each whole step of the staircase (Keras's "
                                + "decay_steps)") && check(a.longValue("stepSize") > 0, "stepSize",
                                "the number of steps of each whole step of the staircase must be > 0")
                        : !a.isSet("stepSize") || check(a.longValue("stepSize") > 0, "stepSize",
                                "the number of steps over which the decay rate applies once must be > 0");
                return gammaOk && stepSizeOk && stepsOk && initLrOk
                        ? new InverseTimeShape(init, a.doubleValue("gamma"), a.isSet("stepSize")
                                ? a.longValue("stepSize") : 1, staircase, decaySpan(w, false), names) : null;
            }
            case MULTISTEP: {
                boolean gammaOk = gamma(0.1);
                boolean milestonesOk = milestones(w);
                return gammaOk && milestonesOk && stepsOk && initLrOk
                        ? MultiStepShape.of(WarmupModel.milestones(a).stream().mapToLong(Long::longValue).toArray(),
                                init, gammaOr(0.1), names)
                        : null;
            }
            case COSINE:
            case COSINE_RESTARTS:
            case LINEAR:
            case POLY:
            case POLY_CYCLE: {
                boolean totalOk = required("totalSteps", "the absolute step at which the rate reaches minLr")
                        && stepsOk && check(a.longValue("totalSteps") > w, "totalSteps",
                        "the step at which the rate reaches minLr must be > steps = " + a.show("steps"));
                boolean minOk = initLrOk
                        ? check(Double.isFinite(a.doubleValue("minLr")) && a.doubleValue("minLr") >= 0
                                && a.doubleValue("minLr") < init, "minLr",
                                "the final rate must be in [0, " + initLrName() + ") = [0, "
                                        + Literals.show(init) + ")")
                        : check(Double.isFinite(a.doubleValue("minLr")) && a.doubleValue("minLr") >= 0, "minLr",
                                "the final rate must be finite and >= 0");
                boolean powerOk = decay() != Decay.POLY && decay() != Decay.POLY_CYCLE
                        || check(Double.isFinite(a.doubleValue("power")) && a.doubleValue("power") > 0, "power",
                        "the exponent of the polynomial must be finite and > 0");
                boolean cyclesOk = !CYCLED.contains(decay()) || cycles(totalOk ? a.longValue("totalSteps") - w : 0);
                if (decay() == Decay.COSINE && a.isSet("power")) {
                    double cycles = cyclesOr(a, decay());
                    powerOk = check(Double.isFinite(a.doubleValue("power")) && a.doubleValue("power") > 0, "power",
                            "the exponent of the cosine must be finite and > 0")
                            && (!cyclesOk || check(cycles == 0.5, "power", "with decay = Decay.COSINE, a power raises"
                                    + " the one half wave of cycles = 0.5 (Optax's exponent), but cycles = "
                                    + Literals.show(cycles) + "; remove power, or cycles"));
                }
                if (!(totalOk && minOk && powerOk && cyclesOk && initLrOk)) {
                    return null;
                }
                if (decay() == Decay.POLY_CYCLE) {
                    return new PolynomialCycleShape(init, a.doubleValue("minLr"), a.doubleValue("power"),
                            a.longValue("totalSteps") - w, decaySpan(w, false), names);
                }
                Span span = decaySpan(w, true);
                double cycles = cyclesOr(a, decay());
                return switch (decay()) {
                    case COSINE -> cycles == 0.5
                            ? new CosineShape(init, a.doubleValue("minLr"), a.doubleValue("power"), span, names)
                            : CosineCyclesShape.of(false, cycles, init, a.doubleValue("minLr"), span, names);
                    case COSINE_RESTARTS -> CosineCyclesShape.of(true, cycles, init, a.doubleValue("minLr"), span,
                            names);
                    case LINEAR -> new LinearShape(init, a.doubleValue("minLr"), span, names);
                    default -> new PolynomialShape(init, a.doubleValue("minLr"), a.doubleValue("power"), span, names);
                };
            }
            case INV_SQRT:
                return stepsOk && initLrOk && check(w > 0, "steps", "decay = Decay.INV_SQRT computes initLr"
                        + " * sqrt(W / t), which needs a warmup of steps > 0")
                        ? InverseSqrtShape.afterWarmup(init, w, decaySpan(w, false), names) : null;
            case REPEATED_POWER: {
                boolean powerOk = required("power", "the power the rate is raised to every step, > 1 (the "
                        + "write-up uses 1.0001)")
                        && check(Double.isFinite(a.doubleValue("power")) && a.doubleValue("power") > 1, "power",
                                "with decay = Decay.REPEATED_POWER, lr^power decays only for a finite power > 1");
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
        boolean referenceOk = check(a.longValue("referenceBatchSize") > 0, "referenceBatchSize",
                "a batch size must be > 0");
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
        String allowed = "milestones must be strictly increasing steps >= steps = " + a.show("steps")
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
            case EXP, STEP -> used.addAll(List.of("gamma", "stepSize", "minLr"));
            case MULTISTEP -> used.addAll(List.of("gamma", "milestones"));
            case INV_TIME, INV_TIME_STEP -> used.addAll(List.of("gamma", "stepSize"));
            case POLY, REPEATED_POWER -> used.add("power");
            case POLY_CYCLE -> used.addAll(List.of("totalSteps", "minLr", "power"));
            case COSINE -> used.addAll(List.of("cycles", "power"));
            case COSINE_RESTARTS -> used.add("cycles");
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
