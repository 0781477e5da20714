package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import dev.warmup.PhaseShape;
import dev.warmup.QuantityKind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A quantity the generated class schedules beside the rate, in a method of its own named after it: the momentum that
 * PyTorch's {@code OneCycleLR} and {@code CyclicLR} cycle against the rate, or a {@code @Quantity} (DINO's weight
 * decay and teacher momentum).
 *
 * @param method the generated method's name: {@code momentum}, {@code weightDecay}
 * @param kind what the value is: its bounds, and what the ND4J adapter gives DL4J
 * @param summary what it does, in words, for the class Javadoc (no final period)
 * @param series its evaluator and code
 * @param settings for the fingerprint, the method's name and every attribute of the {@code @Quantity}; "" for the
 *     schedule's own, which its annotation's settings cover
 * @param attributes the {@code @Quantity} as read (its lengths in updates), for its PyTorch twin; null for the
 *     schedule's own, which its scheduler in PyTorch cycles
 */
record QuantityModel(String method, QuantityKind kind, String summary, Series series, String settings,
        Attributes attributes) {

    /** The methods a generated class has already (its own, {@code Object}'s, the adapters'), which no quantity can be. */
    static final Set<String> TAKEN = Set.of("lr", "lrFloat", "fill", "warmupSteps", "peakLr", "factor", "toString",
            "hashCode", "equals", "getClass", "notify", "notifyAll", "wait", "clone", "finalize", "valueAt",
            "getNewValue", "readResolve", "jsonCreator", "schedule", "untunedWarmup");

    /** The method's name in upper snake case, the prefix of its constants: {@code TEACHER_MOMENTUM}. */
    String prefix() {
        return prefix(method);
    }

    static String prefix(String method) {
        return method.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** The name of the ND4J adapter's nested class for this quantity: {@code TeacherMomentumSchedule}. */
    String scheduleClass() {
        return scheduleClass(method);
    }

    private static String scheduleClass(String method) {
        return method.isEmpty() ? "" : Character.toUpperCase(method.charAt(0)) + method.substring(1) + "Schedule";
    }

    /** The method a kind has unless {@code name} says otherwise; "" for {@link QuantityKind#OTHER}. */
    static String defaultName(QuantityKind kind) {
        return switch (kind) {
            case MOMENTUM -> "momentum";
            case WEIGHT_DECAY -> "weightDecay";
            case DROPOUT -> "dropout";
            case OTHER -> "";
        };
    }

    /** Whether {@code value} is one the kind allows. */
    static boolean allows(QuantityKind kind, double value) {
        return switch (kind) {
            case MOMENTUM -> value >= 0 && value <= 1;
            case WEIGHT_DECAY -> Double.isFinite(value) && value >= 0;
            case DROPOUT -> value >= 0 && value < 1;
            case OTHER -> Double.isFinite(value);
        };
    }

    /** What the kind allows, for messages. */
    static String allowed(QuantityKind kind) {
        return switch (kind) {
            case MOMENTUM -> "a momentum must be in [0, 1]";
            case WEIGHT_DECAY -> "a weight decay must be finite and >= 0";
            case DROPOUT -> "a dropout probability must be in [0, 1)";
            case OTHER -> "the value must be finite";
        };
    }

    /**
     * Validates one {@code @Quantity}, reporting every problem; empty if there was one.
     *
     * @param taken the names of the quantities so far, the schedule's own first ({@code momentum} of a one-cycle
     *     schedule); this one's is added when it is valid
     * @param own how many of {@code taken} are the schedule's own
     * @param constants the names of the constants of the schedule's code, its own quantities' included
     * @param methods the names of the private methods of the schedule's code ({@code factor1})
     */
    static Optional<QuantityModel> validate(Checks checks, List<String> taken, int own, Set<String> constants,
            Set<String> methods) {
        Attributes a = checks.attributes();
        QuantityKind kind = QuantityKind.valueOf(a.enumValue("kind"));
        String name = a.stringValue("name").isEmpty() ? defaultName(kind) : a.stringValue("name");
        /* What the message says of the name, reported on name if written, else on the kind that chose it. */
        boolean written = !a.stringValue("name").isEmpty();
        String nameAttribute = a.isSet("name") ? "name" : "kind";
        String shown = written ? "name = \"" + name + "\"" : "name = \"" + name + "\" (the default of kind = "
                + "QuantityKind." + kind + ")";
        String prefix = prefix(name);
        /* Another quantity whose constants or ND4J class would have this one's names. */
        Optional<String> sameConstants = taken.stream().filter(t -> prefix(t).equals(prefix)
                || scheduleClass(t).equals(scheduleClass(name))).findFirst();
        Optional<String> scheduleConstant = constants.stream().filter(c -> c.startsWith(prefix + "_")).findFirst();
        boolean nameOk;
        if (name.isEmpty()) {
            nameOk = checks.checkWith(false, nameAttribute, "name is required with kind = QuantityKind.OTHER, which "
                    + "has no default: give the method's name");
        } else if (!javax.lang.model.SourceVersion.isIdentifier(name)
                || javax.lang.model.SourceVersion.isKeyword(name)) {
            nameOk = checks.checkWith(false, nameAttribute, shown + " is not allowed: the method's name must be a "
                    + "Java identifier that is not a keyword");
        } else if (TAKEN.contains(name) || methods.contains(name)) {
            nameOk = checks.checkWith(false, nameAttribute, shown + " is not allowed: the generated class has a "
                    + "method " + name + " already; set name = \"...\" to another name");
        } else if (sameConstants.isPresent()) {
            boolean schedules = taken.indexOf(sameConstants.get()) < own;
            nameOk = checks.checkWith(false, nameAttribute, shown + " is not allowed: the generated class has "
                    + (sameConstants.get().equals(name) ? name + "(step) already" : sameConstants.get() + "(step), "
                            + "whose constants and ND4J schedule class would be named as this one's")
                    + (schedules ? " (the momentum the schedule cycles unless cycleMomentum = false)"
                            : " (another @Quantity)") + "; set name = \"...\" to another name");
        } else if (scheduleConstant.isPresent()) {
            nameOk = checks.checkWith(false, nameAttribute, shown + " is not allowed: its constants would be named "
                    + prefix + "_..., as the schedule's own " + scheduleConstant.get() + "; set name = \"...\" to "
                    + "another name");
        } else {
            nameOk = true;
        }
        PhaseShape shape = PhaseShape.valueOf(a.enumValue("shape"));
        double start = a.doubleValue("start");
        double end = a.doubleValue("end");
        String noun = kind == QuantityKind.OTHER ? "value" : name;
        boolean startOk = checks.check(allows(kind, start), "start", allowed(kind));
        boolean endOk = checks.check(allows(kind, end), "end", allowed(kind));
        if (startOk && endOk) {
            endOk = checks.check(Double.isFinite(end - start), "end", "the change end - start from start = "
                    + Literals.ofDouble(start) + " must be finite");
        }
        boolean stepsOk = checks.positive("steps", "the length of the move from start to end");
        boolean ok = nameOk && startOk && endOk && stepsOk;
        boolean powered = shape == PhaseShape.POLY || shape == PhaseShape.COSINE;
        if (powered) {
            double power = a.doubleValue("power");
            ok &= checks.check(Double.isFinite(power) && power > 0, "power", "the exponent of the "
                    + (shape == PhaseShape.POLY ? "polynomial" : "cosine") + " must be finite and > 0");
        } else {
            checks.unused("power", "shape = PhaseShape." + shape + " does not use it; remove it, or set "
                    + "shape = PhaseShape.POLY or PhaseShape.COSINE");
            ok &= !a.isSet("power");
        }
        if (startOk && endOk && shape == PhaseShape.EXPONENTIAL) {
            ok &= checks.check(start > 0, "start", "an exponential shape multiplies the value, so it must start > 0");
            ok &= checks.check(end > 0, "end", "an exponential shape multiplies the value, so it must end > 0");
        }
        if (startOk && endOk && stepsOk && shape == PhaseShape.INV_SQRT) {
            boolean endPositive = checks.check(end > 0, "end", "an inverse square root shape ends at a value > 0");
            ok &= endPositive && checks.check(start > end, "start", "an inverse square root shape falls, so it must "
                    + "start above end = " + Literals.ofDouble(end));
            if (ok) {
                double tau = InverseSqrtShape.tau(start, end, a.longValue("steps"));
                ok = checks.check(Double.isFinite(tau) && tau > 0, "end", "the time scale tau = L * b^2 / "
                        + "(a^2 - b^2) that reaches it from a = " + Literals.ofDouble(start) + " is "
                        + Literals.show(tau) + "; it must be finite and > 0");
            }
        }
        if (!ok) {
            return Optional.empty();
        }
        taken.add(name);
        long steps = a.longValue("steps");
        NamedConstant stepsConstant = NamedConstant.ofLong(prefix + "_STEPS", steps, "steps: " + noun
                + " holds end from here on");
        Span span = new Span(Span.Bound.ZERO, Span.Bound.of(stepsConstant, "steps"));
        Names names = Names.ofQuantity(prefix, noun, "", "start", "end", "t", "steps");
        Shape curve = shape == PhaseShape.CONSTANT ? new ConstantShape(start, Names.ofQuantity(prefix, noun, "",
                "start", "start", "t", "steps"))
                : PhasedModel.shape(shape, start, end, powered ? a.doubleValue("power") : 1.0, span, names);
        NamedConstant endConstant = NamedConstant.ofDouble(prefix + "_END", end, "end");
        String words = shape == PhaseShape.CONSTANT
                ? Literals.ofDouble(start) + " before step " + steps + ", then " + Literals.ofDouble(end)
                : curve.kind() + " from " + Literals.ofDouble(start) + " to " + Literals.ofDouble(end) + " over " + steps
                        + " steps, then held";
        return Optional.of(new QuantityModel(name, kind, words, new Held(curve, stepsConstant, endConstant),
                name + " = " + a.settingsText(), a));
    }

    /** A shape from step 0 to {@code steps}, then its end value held: the series of a {@code @Quantity}. */
    private record Held(Shape curve, NamedConstant steps, NamedConstant end) implements Series {

        @Override
        public double at(long step) {
            return step >= (Long) steps.value() ? (Double) end.value() : curve.at(step);
        }

        @Override
        public CodeBlock body(Code code) {
            return CodeBlock.builder()
                    .beginControlFlow("if (step >= $N)", code.use(steps))
                    .addStatement("return $N", code.use(end))
                    .endControlFlow()
                    .add(curve.code(code))
                    .build();
        }

        @Override
        public List<ScheduleModel.FormulaRow> formulaRows() {
            return List.of(new ScheduleModel.FormulaRow("0 <= t < " + steps.value(), curve.formula(),
                            curve.computation()),
                    new ScheduleModel.FormulaRow("t >= " + steps.value(), "end", end.name()));
        }
    }
}
