package dev.warmup.processor;

import dev.warmup.Decay;
import dev.warmup.Warmup;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Turns {@link Settings} into a {@link Schedule}, or reports why it cannot. It checks every attribute before giving
 * up, so that one compile shows all the problems of an annotation. Messages name the attribute, the value given and
 * what is allowed; attributes that are set but unused by the chosen warmup and decay are warnings.
 */
final class ScheduleValidator {

    /** Upper bound on milestones: each costs a few bytes of the generated class's static initialiser. */
    static final int MAX_MILESTONES = 1000;

    private static final Set<Decay> TO_MIN_LR = EnumSet.of(Decay.COSINE, Decay.LINEAR, Decay.POLY);

    /** What is allowed of the {@code name} attribute of every schedule annotation. */
    static final String NAME_ALLOWED = "the generated class's simple name must be a Java identifier that can name a "
            + "class, or \"\" for the default";

    /** Java's restricted identifiers: legal names of variables, but not of classes (JLS 3.9). */
    private static final Set<String> RESTRICTED = Set.of("var", "yield", "record", "sealed", "permits");

    private final Settings s;
    private final Reporter reporter;
    private boolean failed;
    /** Whether steps and initLr are valid, so that the checks that compare with them can be made. */
    private boolean stepsOk;
    private boolean initLrOk;

    private ScheduleValidator(Settings settings, Reporter reporter) {
        this.s = settings;
        this.reporter = reporter;
    }

    static Optional<Schedule> validate(Settings settings, Reporter reporter) {
        return new ScheduleValidator(settings, reporter).validate();
    }

    private Optional<Schedule> validate() {
        long w = s.steps();
        stepsOk = check(w >= 0, "steps", "the warmup length W must be >= 0 (0 means no warmup)");
        initLrOk = check(Double.isFinite(s.initLr()) && s.initLr() > 0, "initLr",
                "the preset learning rate must be finite and > 0");
        initLrOk = batchSizes() && initLrOk;
        check(isValidName(s.name()), "name", NAME_ALLOWED);
        warnUnused(w);
        Shape warmup = stepsOk && initLrOk && w > 0 ? warmup(w) : null;
        Shape decay = decay(w);
        if (failed || (w > 0 && warmup == null) || decay == null) {
            return Optional.empty();
        }
        boolean ended = TO_MIN_LR.contains(s.decay());
        Schedule schedule = new Schedule(w, warmup, decay, ended ? totalStepsConstant() : null,
                ended ? s.minLr() : 0, s);
        return finite(schedule) ? Optional.of(schedule) : Optional.empty();
    }

    /**
     * Whether the schedule's constants and rates are finite. Rates within an ulp or so of Double.MAX_VALUE can round
     * past it (a slope times a length); every shape is monotone between its key steps, so they are where to look.
     */
    private boolean finite(Schedule schedule) {
        try {
            schedule.constants();
        } catch (NamedConstant.NotFinite e) {
            return check(false, "initLr", "the constant " + e.getMessage() + "; rates this close to Double.MAX_VALUE "
                    + "overflow");
        }
        for (long step : schedule.keySteps()) {
            double rate = schedule.at(step);
            if (!check(Double.isFinite(rate), "initLr", "the rate at step " + step + " computes as " + rate
                    + "; rates this close to Double.MAX_VALUE overflow")) {
                return false;
            }
        }
        return true;
    }

    private NamedConstant totalStepsConstant() {
        return NamedConstant.ofLong("TOTAL_STEPS", s.totalSteps(), "totalSteps T: minLr from here on");
    }

    private Span warmupSpan(long w) {
        return new Span(Span.Bound.ZERO, Span.Bound.of(Schedule.warmupStepsConstant(w), "W"));
    }

    private Span decaySpan(long w, boolean ended) {
        Span.Bound start = Span.Bound.of(Schedule.warmupStepsConstant(w), "W");
        return ended ? new Span(start, Span.Bound.of(totalStepsConstant(), "T")) : Span.from(start);
    }

    private Shape warmup(long w) {
        double start = s.startLr();
        double init = s.scaledInitLr();
        if (!check(Double.isFinite(start) && start >= 0 && start <= init, "startLr",
                "the rate at step 0 must be in [0, " + s.initLrName() + "] = [0, " + Settings.showDouble(init) + "]")) {
            return null;
        }
        switch (s.warmup()) {
            case LINEAR:
                return new LinearShape(start, init, warmupSpan(w), Schedule.WARMUP);
            case CONSTANT:
                if (start == 0) {
                    reporter.warning(s.isSet("startLr") ? "startLr" : "warmup", "startLr = 0.0 with warmup = "
                            + "Warmup.CONSTANT: the rate is 0 for the first " + w + " steps, so they train nothing;"
                            + " set startLr to the small warmup rate (He et al. 2016 used initLr / 10)");
                }
                return new ConstantShape(start, Schedule.WARMUP);
            case EXPONENTIAL:
                if (!checkWith(start > 0, s.isSet("startLr") ? "startLr" : "warmup",
                        "startLr = " + Settings.showDouble(start) + " is not allowed with warmup = "
                                + "Warmup.EXPONENTIAL: an exponential warmup multiplies the rate, so it must start "
                                + "from startLr > 0")) {
                    return null;
                }
                return ExponentialShape.between(start, init, warmupSpan(w), Schedule.WARMUP);
            default:
                throw new AssertionError(s.warmup());
        }
    }

    private Shape decay(long w) {
        double init = s.scaledInitLr();
        Names names = Schedule.DECAY;
        switch (s.decay()) {
            case NONE:
                return new ConstantShape(init, names);
            case EXP:
                return gamma(0.9999) && stepsOk && initLrOk
                        ? ExponentialShape.decaying(init, gammaOr(0.9999), "gamma", decaySpan(w, false), names) : null;
            case STEP: {
                boolean gammaOk = gamma(0.1);
                boolean stepSizeOk = required("stepSize", "the number of steps between drops")
                        && check(s.stepSize() > 0, "stepSize", "the number of steps between drops must be > 0");
                return gammaOk && stepSizeOk && stepsOk && initLrOk
                        ? new StepShape(init, gammaOr(0.1), s.stepSize(), decaySpan(w, false), names) : null;
            }
            case MULTISTEP: {
                boolean gammaOk = gamma(0.1);
                boolean milestonesOk = milestones(w);
                return gammaOk && milestonesOk && stepsOk && initLrOk ? MultiStepShape.of(s.milestones(), init, gammaOr(0.1), names)
                        : null;
            }
            case COSINE:
            case LINEAR:
            case POLY: {
                boolean totalOk = required("totalSteps", "the absolute step at which the rate reaches minLr")
                        && stepsOk && check(s.totalSteps() > w, "totalSteps",
                        "the step at which the rate reaches minLr must be > steps = " + w);
                boolean minOk = initLrOk
                        ? check(Double.isFinite(s.minLr()) && s.minLr() >= 0 && s.minLr() < init, "minLr",
                                "the final rate must be in [0, " + s.initLrName() + ") = [0, "
                                        + Settings.showDouble(init) + ")")
                        : check(Double.isFinite(s.minLr()) && s.minLr() >= 0, "minLr",
                                "the final rate must be finite and >= 0");
                boolean powerOk = s.decay() != Decay.POLY
                        || check(Double.isFinite(s.power()) && s.power() > 0, "power",
                        "the exponent of the polynomial must be finite and > 0");
                if (!(totalOk && minOk && powerOk && initLrOk)) {
                    return null;
                }
                Span span = decaySpan(w, true);
                return switch (s.decay()) {
                    case COSINE -> new CosineShape(init, s.minLr(), span, names);
                    case LINEAR -> new LinearShape(init, s.minLr(), span, names);
                    default -> new PolynomialShape(init, s.minLr(), s.power(), span, names);
                };
            }
            case INV_SQRT:
                return stepsOk && initLrOk && check(w > 0, "steps", "decay = Decay.INV_SQRT computes initLr * sqrt(W / t), which needs "
                        + "a warmup of steps > 0") ? InverseSqrtShape.afterWarmup(init, w, decaySpan(w, false), names) : null;
            case REPEATED_POWER: {
                boolean powerOk = required("power", "the power the rate is raised to every step, > 1 (the "
                        + "write-up uses 1.0001)")
                        && check(Double.isFinite(s.power()) && s.power() > 1, "power", "with decay = "
                        + "Decay.REPEATED_POWER, lr^power decays only for a finite power > 1");
                boolean initOk = initLrOk && check(init < 1, "initLr", "with decay = Decay.REPEATED_POWER, "
                        + "lr^power decays only for " + s.initLrName() + " < 1"
                        + (s.isScaled() ? ", which is " + Settings.showDouble(init) : ""));
                return powerOk && initOk && stepsOk
                        ? new RepeatedPowerShape(init, s.power(), decaySpan(w, false), names) : null;
            }
            default:
                throw new AssertionError(s.decay());
        }
    }

    /**
     * The linear scaling rule: batchSize and referenceBatchSize are set together, each {@code > 0}, and the scaled
     * initLr is finite and {@code > 0}. Returns whether the scaled initLr can be used (true when neither is set).
     */
    private boolean batchSizes() {
        boolean batch = s.isSet("batchSize");
        boolean reference = s.isSet("referenceBatchSize");
        if (batch != reference) {
            String set = batch ? "batchSize" : "referenceBatchSize";
            String missing = batch ? "referenceBatchSize" : "batchSize";
            return checkWith(false, set, set + " = " + s.show(set) + " is not allowed without " + missing + ": the "
                    + "linear scaling rule multiplies initLr by batchSize / referenceBatchSize; set " + missing
                    + (batch ? " to the batch size initLr was tuned for (Goyal et al. used 256)"
                            : " to the batch size trained with"));
        }
        if (!batch) {
            return true;
        }
        boolean batchOk = check(s.batchSize() > 0, "batchSize", "a batch size must be > 0");
        boolean referenceOk = check(s.referenceBatchSize() > 0, "referenceBatchSize", "a batch size must be > 0");
        if (!(batchOk && referenceOk && Double.isFinite(s.initLr()) && s.initLr() > 0)) {
            return false;
        }
        double scaled = s.scaledInitLr();
        return check(Double.isFinite(scaled) && scaled > 0, "batchSize", "the scaled rate "
                + s.scalingText() + " must be finite and > 0");
    }

    private boolean gamma(double unsetDefault) {
        return check(gammaOr(unsetDefault) > 0 && gammaOr(unsetDefault) <= 1, "gamma",
                "the decay factor must be in (0, 1]");
    }

    private double gammaOr(double unsetDefault) {
        return s.isSet("gamma") ? s.gamma() : unsetDefault;
    }

    private boolean milestones(long w) {
        if (!required("milestones", "the absolute steps at which the rate is multiplied by gamma")) {
            return false;
        }
        long[] milestones = s.milestones();
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

    /** Whether {@code name} can be the simple name of a class ("" stands for the default name). */
    static boolean isValidName(String name) {
        return name.isEmpty() || (SourceVersion.isIdentifier(name) && !SourceVersion.isKeyword(name)
                && !RESTRICTED.contains(name));
    }

    /** Warns about each attribute that is set but that the chosen warmup and decay ignore. */
    private void warnUnused(long w) {
        Set<String> used = new LinkedHashSet<>(Set.of("steps", "initLr", "batchSize", "referenceBatchSize", "decay",
                "name"));
        if (w != 0) {
            used.addAll(Set.of("warmup", "startLr"));
        }
        switch (s.decay()) {
            case EXP -> used.add("gamma");
            case STEP -> used.addAll(Set.of("gamma", "stepSize"));
            case MULTISTEP -> used.addAll(Set.of("gamma", "milestones"));
            case POLY -> used.add("power");
            case REPEATED_POWER -> used.add("power");
            default -> { }
        }
        if (TO_MIN_LR.contains(s.decay())) {
            used.addAll(Set.of("totalSteps", "minLr"));
        }
        for (String attribute : Settings.ATTRIBUTES) {
            if (s.isSet(attribute) && !used.contains(attribute)) {
                String why = (attribute.equals("warmup") || attribute.equals("startLr"))
                        ? "steps = 0 means no warmup"
                        : "decay = Decay." + s.decay() + " does not use it";
                reporter.warning(attribute, attribute + " = " + s.show(attribute) + " is ignored: " + why);
            }
        }
    }

    private boolean required(String attribute, String what) {
        if (s.isSet(attribute)) {
            return true;
        }
        failed = true;
        reporter.error("decay", attribute + " is required with decay = Decay." + s.decay() + ": set " + attribute
                + " to " + what);
        return false;
    }

    /** Reports "attribute = value is not allowed: allowed" unless {@code ok}. */
    private boolean check(boolean ok, String attribute, String allowed) {
        return checkWith(ok, attribute, attribute + " = " + s.show(attribute) + " is not allowed: " + allowed);
    }

    /** Reports {@code message} on {@code attribute} unless {@code ok}. */
    private boolean checkWith(boolean ok, String attribute, String message) {
        if (!ok) {
            failed = true;
            reporter.error(attribute, message);
        }
        return ok;
    }
}
