package dev.warmup.processor;

import java.util.List;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * The validation of one annotation read into {@link Attributes}, or of one annotation nested in it: reports each
 * problem on the attribute at fault, as "attribute = value is not allowed: what is allowed", and remembers whether
 * any was an error, so that a validator can check every attribute before giving up. Problems of a nested annotation
 * are reported under the path of its attribute ({@code phases[1].endLr}), which the processor resolves to the value
 * inside that annotation, and their messages start with a context ({@code phase 2: }).
 */
final class Checks {

    /** What is allowed of the {@code name} attribute of every schedule annotation. */
    static final String NAME_ALLOWED = "the generated class's simple name must be a Java identifier that can name a "
            + "class, or \"\" for the default";

    /** Java's restricted identifiers: legal names of variables, but not of classes (JLS 3.9). */
    private static final Set<String> RESTRICTED = Set.of("var", "yield", "record", "sealed", "permits");

    private final Attributes attributes;
    private final Reporter reporter;
    private final String path;
    private final String context;
    /** Shared by a validation and its nested ones: whether any reported an error. */
    private final boolean[] failed;

    Checks(Attributes attributes, Reporter reporter) {
        this(attributes, reporter, "", "", new boolean[1]);
    }

    private Checks(Attributes attributes, Reporter reporter, String path, String context, boolean[] failed) {
        this.attributes = attributes;
        this.reporter = reporter;
        this.path = path;
        this.context = context;
        this.failed = failed;
    }

    /** The checks of the {@code index}th annotation of an array attribute; its messages start with {@code context}. */
    Checks nested(String attribute, int index, String context) {
        return new Checks(attributes.nested(attribute).get(index), reporter, path + attribute + "[" + index + "].",
                context, failed);
    }

    Attributes attributes() {
        return attributes;
    }

    /** Whether any error was reported, here or in a nested validation. */
    boolean failed() {
        return failed[0];
    }

    /** Reports "attribute = value is not allowed: allowed" unless {@code ok}. */
    boolean check(boolean ok, String attribute, String allowed) {
        return ok || checkWith(false, attribute, attribute + " = " + attributes.show(attribute) + " is not allowed: "
                + allowed);
    }

    /** Reports {@code message} on {@code attribute} unless {@code ok}. */
    boolean checkWith(boolean ok, String attribute, String message) {
        if (!ok) {
            failed[0] = true;
            reporter.error(path + attribute, context + message);
        }
        return ok;
    }

    /** A rate: finite and {@code >= 0}, or {@code > 0} if {@code positive}. */
    boolean rate(String attribute, boolean positive, String what) {
        double value = attributes.doubleValue(attribute);
        return check(Double.isFinite(value) && (positive ? value > 0 : value >= 0), attribute,
                what + " must be finite and " + (positive ? "> 0" : ">= 0"));
    }

    /** A number of steps {@code > 0}. */
    boolean positive(String attribute, String what) {
        return check(attributes.longValue(attribute) > 0, attribute, what + " must be > 0");
    }

    /**
     * The linear warmup's attributes, where an annotation has them: {@code warmupSteps} W {@code >= 0}, and, for
     * W > 0, {@code startLr} in {@code [0, rate]}, where {@code rate} is what the warmup rises to (checked alone, as a
     * rate, when that was not valid); {@code startLr} set with W = 0 is an error. Whether both are valid.
     *
     * @param rateAttribute the attribute the warmup rises to: {@code baseLr}, {@code initLr}
     * @param rateOk whether that attribute is valid
     */
    boolean warmup(String rateAttribute, boolean rateOk) {
        long w = attributes.longValue("warmupSteps");
        boolean warmupOk = check(w >= 0, "warmupSteps", "the warmup length W must be >= 0 (0 means no warmup)");
        if (w == 0) {
            unused("startLr", "warmupSteps = 0 means no warmup; remove it, or set warmupSteps > 0");
            return true;
        }
        if (!warmupOk) {
            return false;
        }
        double rate = attributes.doubleValue(rateAttribute);
        double start = attributes.doubleValue("startLr");
        return rateOk ? check(Double.isFinite(start) && start >= 0 && start <= rate, "startLr", "the rate at step 0 "
                + "must be in [0, " + rateAttribute + "] = [0, " + Literals.ofDouble(rate) + "]")
                : rate("startLr", false, "the rate at step 0");
    }

    /**
     * The momentum PyTorch's {@code OneCycleLR} and {@code CyclicLR} cycle against the rate: with
     * {@code cycleMomentum}, {@code baseMomentum} and {@code maxMomentum} in {@code [0, 1)} and base below max; without
     * it, neither set. Whether they are valid.
     */
    boolean cycledMomentum() {
        if (!attributes.booleanValue("cycleMomentum")) {
            for (String attribute : List.of("baseMomentum", "maxMomentum")) {
                unused(attribute, "cycleMomentum = false schedules no momentum; remove it, or remove "
                        + "cycleMomentum = false");
            }
            return !attributes.isSet("baseMomentum") && !attributes.isSet("maxMomentum");
        }
        double base = attributes.doubleValue("baseMomentum");
        double max = attributes.doubleValue("maxMomentum");
        boolean baseOk = check(base >= 0 && base < 1, "baseMomentum", "a momentum must be in [0, 1)");
        boolean maxOk = check(max >= 0 && max < 1, "maxMomentum", "a momentum must be in [0, 1)");
        return baseOk && maxOk && check(base < max, attributes.isSet("baseMomentum") ? "baseMomentum" : "maxMomentum",
                "the momentum cycles between baseMomentum = " + Literals.ofDouble(base) + " and maxMomentum = "
                        + Literals.ofDouble(max) + ", so baseMomentum must be below maxMomentum; for a momentum "
                        + "that does not move, set cycleMomentum = false and give it to the optimizer");
    }

    /**
     * Reports {@code attribute}, if set, as an error: the schedule does not use it, so it would have no effect, which
     * is almost always a mistake. {@code whyAndFix} says why it has none and what to write instead.
     */
    void unused(String attribute, String whyAndFix) {
        checkWith(!attributes.isSet(attribute), attribute, attribute + " = " + attributes.show(attribute)
                + " has no effect: " + whyAndFix);
    }

    void warning(String attribute, String message) {
        reporter.warning(path + attribute, context + message);
    }

    /**
     * Whether the rates of {@code model} are finite at {@code steps}, where they are highest: rates within an ulp or
     * so of {@code Double.MAX_VALUE} can round past it there (a slope times a length, a sum of two parts).
     */
    boolean ratesFinite(ScheduleModel model, String attribute, List<Long> steps) {
        for (long step : steps) {
            double rate = model.at(step);
            if (!check(Double.isFinite(rate), attribute, "the rate at step " + step + " computes as " + rate
                    + "; rates this close to Double.MAX_VALUE overflow")) {
                return false;
            }
        }
        return true;
    }

    /** Reports on {@code attribute} that {@code constant} would not be finite, which no Java literal writes. */
    void constantNotFinite(String attribute, NamedConstant.NotFinite constant) {
        check(false, attribute, "the constant " + constant.getMessage() + "; rates this close to "
                + "Double.MAX_VALUE overflow");
    }

    /** The {@code name} attribute: a simple class name, or "" for the default. */
    boolean name() {
        return check(isValidName(attributes.stringValue("name")), "name", NAME_ALLOWED);
    }

    /** Whether {@code name} can be the simple name of a class ("" stands for the default). */
    static boolean isValidName(String name) {
        return name.isEmpty() || (SourceVersion.isIdentifier(name) && !SourceVersion.isKeyword(name)
                && !RESTRICTED.contains(name));
    }
}
