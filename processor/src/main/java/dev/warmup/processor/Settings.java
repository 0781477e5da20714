package dev.warmup.processor;

import dev.warmup.Decay;
import dev.warmup.Warmup;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * The attributes of one {@code @WarmupSchedule} as written, before validation, and which of them were set explicitly.
 * Unset attributes hold the annotation's defaults ({@code gamma} is NaN when unset).
 */
record Settings(
        long steps,
        double initLr,
        long batchSize,
        long referenceBatchSize,
        Warmup warmup,
        double startLr,
        Decay decay,
        double gamma,
        long stepSize,
        long[] milestones,
        long totalSteps,
        double minLr,
        double power,
        String name,
        Set<String> explicit) {

    /** Attribute names in the order the annotation declares them. */
    static final List<String> ATTRIBUTES = List.of(
            "steps", "initLr", "batchSize", "referenceBatchSize", "warmup", "startLr", "decay", "gamma", "stepSize", "milestones", "totalSteps",
            "minLr", "power", "name");

    Settings {
        milestones = milestones.clone();
        explicit = Set.copyOf(explicit);
    }

    /** Settings without the linear scaling rule. */
    Settings(long steps, double initLr, Warmup warmup, double startLr, Decay decay, double gamma, long stepSize,
            long[] milestones, long totalSteps, double minLr, double power, String name, Set<String> explicit) {
        this(steps, initLr, 0, 0, warmup, startLr, decay, gamma, stepSize, milestones, totalSteps, minLr, power, name,
                explicit);
    }

    /** Whether the linear scaling rule applies: both batch sizes are set. */
    boolean isScaled() {
        return isSet("batchSize") && isSet("referenceBatchSize");
    }

    /**
     * The rate reached at W: initLr, or with the linear scaling rule {@code initLr * batchSize / referenceBatchSize},
     * evaluated left to right as Python (or Java) would evaluate the expression.
     */
    double scaledInitLr() {
        return isScaled() ? initLr * batchSize / referenceBatchSize : initLr;
    }

    /** How the scaled initLr was computed, with its value: {@code 0.1 * 8192 / 256 = 3.2}. */
    String scalingText() {
        return show("initLr") + " * " + batchSize + " / " + referenceBatchSize + " = " + showDouble(scaledInitLr());
    }

    /** What the rate reached at W is called in messages: initLr, or its scaled value's formula. */
    String initLrName() {
        return isScaled() ? "initLr * batchSize / referenceBatchSize" : "initLr";
    }

    @Override
    public long[] milestones() {
        return milestones.clone();
    }

    boolean isSet(String attribute) {
        return explicit.contains(attribute);
    }

    /** The value of an attribute as it reads in source, for messages and Javadoc. */
    String show(String attribute) {
        return switch (attribute) {
            case "steps" -> showLong(steps);
            case "initLr" -> showDouble(initLr);
            case "batchSize" -> showLong(batchSize);
            case "referenceBatchSize" -> showLong(referenceBatchSize);
            case "warmup" -> "Warmup." + warmup;
            case "startLr" -> showDouble(startLr);
            case "decay" -> "Decay." + decay;
            case "gamma" -> showDouble(gamma);
            case "stepSize" -> showLong(stepSize);
            case "milestones" -> showMilestones();
            case "totalSteps" -> showLong(totalSteps);
            case "minLr" -> showDouble(minLr);
            case "power" -> showDouble(power);
            case "name" -> '"' + name + '"';
            default -> throw new IllegalArgumentException(attribute);
        };
    }

    /** The annotation with its explicit attributes, as a user would write it. */
    String annotationText() {
        return ATTRIBUTES.stream().filter(this::isSet).map(a -> a + " = " + show(a))
                .collect(Collectors.joining(", ", "@WarmupSchedule(", ")"));
    }

    /** Up to 8 milestones in full; more as the first six, an ellipsis, the last, and how many there are. */
    private String showMilestones() {
        if (milestones.length <= 8) {
            return LongStream.of(milestones).mapToObj(Settings::showLong).collect(Collectors.joining(", ", "{", "}"));
        }
        return LongStream.of(milestones).limit(6).mapToObj(Settings::showLong).collect(Collectors.joining(", ", "{", ""))
                + ", ..., " + showLong(milestones[milestones.length - 1]) + "} (" + milestones.length + " values)";
    }

    /** A long as source: with an {@code L} where an int literal could not hold it. */
    static String showLong(long value) {
        return value == (int) value ? Long.toString(value) : value + "L";
    }

    static String showDouble(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        return Literals.ofDouble(value);
    }
}
