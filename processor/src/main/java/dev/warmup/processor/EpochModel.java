package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import javax.lang.model.element.Modifier;

/**
 * A schedule with {@code @Epochs} beside it: the schedule's own code, in its own unit (epochs), as a private method
 * {@code schedule(epoch)}, and {@code lr(step) = schedule(step / STEPS_PER_EPOCH)}: every update of an epoch uses
 * the epoch's rate, as a scheduler stepped once an epoch gives it.
 *
 * @param schedule the model of the schedule annotation beside it, in epochs
 * @param stepsPerEpoch the updates of an epoch
 * @param beside {@code @Epochs} as read
 */
record EpochModel(ScheduleModel schedule, long stepsPerEpoch, Attributes beside) implements BesideModel {

    /** The private method of the schedule in epochs. */
    static final String SCHEDULE = "schedule";

    /**
     * The attributes that are lengths, by annotation: a name, or {@code array.name} for the attribute of each
     * annotation nested in an array attribute; the word a message about one of those starts with.
     */
    private static final Map<String, List<String>> LENGTHS = Map.of(
            "WarmupSchedule", List.of("steps", "stepSize", "milestones", "totalSteps"),
            "PhasedSchedule", List.of("phases.steps"),
            "OneCycleSchedule", List.of("totalSteps"),
            "CyclicSchedule", List.of("stepSizeUp", "stepSizeDown"),
            "WarmRestartsSchedule", List.of("t0", "warmupSteps"),
            "ChainedSchedule", List.of("factors.steps", "factors.stepSize", "factors.milestones"),
            "Quantity", List.of("steps"),
            "Quantities", List.of("value.steps"));
    private static final Map<String, String> NESTED = Map.of("phases", "phase", "factors", "factor", "value",
            "quantity");

    /**
     * {@code @Epochs(everyUpdate = true)}: the stepsPerEpoch to convert the lengths of the annotations beside it by,
     * or empty after reporting it invalid; 1 without {@code @Epochs} or stepped once an epoch, when lengths are
     * read as written.
     */
    static Optional<Long> updatesPerLength(Optional<Attributes> epochs, Reporter reporter) {
        if (epochs.isEmpty() || !epochs.get().booleanValue("everyUpdate")) {
            return Optional.of(1L);
        }
        return new Checks(epochs.get(), reporter).positive("stepsPerEpoch", "the number of updates in an epoch")
                ? Optional.of(epochs.get().longValue("stepsPerEpoch")) : Optional.empty();
    }

    /**
     * The annotation of {@code checks} with every length in updates: each length set, and {@code > 0}, times
     * {@code perEpoch}, shown as {@code 5 epochs (250 updates)};
     * empty after reporting one that would pass {@code Long.MAX_VALUE} updates. Itself when {@code perEpoch} is 1.
     */
    static Optional<Attributes> inUpdates(Checks checks, long perEpoch) {
        return inEpochs(checks, perEpoch, true);
    }

    /**
     * The annotation of a schedule stepped once an epoch, its lengths still in epochs, shown in both units
     * ({@code 5 epochs (250 updates)}; {@code 5 epochs} where the updates would pass {@code Long.MAX_VALUE}).
     */
    static Attributes shownInUpdates(Attributes attributes, long perEpoch, Reporter reporter) {
        return perEpoch <= 0 ? attributes
                : inEpochs(new Checks(attributes, reporter), perEpoch, false).orElse(attributes);
    }

    private static Optional<Attributes> inEpochs(Checks checks, long perEpoch, boolean convert) {
        Attributes attributes = checks.attributes();
        if (perEpoch == 1) {
            return Optional.of(attributes);
        }
        boolean ok = true;
        for (String length : LENGTHS.getOrDefault(attributes.annotation(), List.of())) {
            int dot = length.indexOf('.');
            if (dot < 0) {
                Optional<Attributes> converted = lengthInUpdates(checks, attributes, length, perEpoch, convert);
                ok &= converted.isPresent();
                attributes = converted.orElse(attributes);
                continue;
            }
            String array = length.substring(0, dot);
            List<Attributes> nested = new ArrayList<>(attributes.nested(array));
            for (int i = 0; i < nested.size(); i++) {
                Checks inner = checks.nested(array, i, NESTED.get(array) + " " + (i + 1) + ": ");
                Optional<Attributes> converted = lengthInUpdates(inner, nested.get(i), length.substring(dot + 1),
                        perEpoch, convert);
                ok &= converted.isPresent();
                nested.set(i, converted.orElse(nested.get(i)));
            }
            attributes = attributes.with(array, List.copyOf(nested), null);
        }
        return ok ? Optional.of(attributes) : Optional.empty();
    }

    private static Optional<Attributes> lengthInUpdates(Checks checks, Attributes attributes, String length,
            long perEpoch, boolean convert) {
        String written = attributes.show(length);
        Object value = attributes.value(length);
        if (!attributes.isSet(length) || value instanceof Long single && single <= 0) {
            // a default (the 2000 updates of stepSizeUp, PyTorch's) stays in updates; a length <= 0, as written,
            // is the schedule's own error
            return Optional.of(attributes);
        }
        try {
            Object updates = value instanceof List<?> list
                    ? list.stream().map(e -> (Long) e <= 0 ? (Long) e : Math.multiplyExact((Long) e, perEpoch)).toList()
                    : Math.multiplyExact((Long) value, perEpoch);
            return Optional.of(attributes.with(length, convert ? updates : value, written + " epochs ("
                    + Attributes.showValue(updates) + " updates)"));
        } catch (ArithmeticException overflow) {
            if (!convert) {
                return Optional.of(attributes.with(length, value, written + " epochs"));
            }
            checks.checkWith(false, length, length + " = " + written + " epochs is not allowed: at " + perEpoch
                    + " updates an epoch (@Epochs stepsPerEpoch) it is more than Long.MAX_VALUE updates");
            return Optional.empty();
        }
    }

    /**
     * Validates {@code @Epochs} (read into {@code attributes}) and, if it and the schedule beside it are valid, wraps
     * the schedule; empty if either is not.
     */
    static Optional<ScheduleModel> validate(Attributes attributes, Reporter reporter,
            Optional<ScheduleModel> schedule) {
        if (attributes.booleanValue("everyUpdate")) {
            // stepsPerEpoch was checked, and the lengths converted, before the schedule was validated
            return schedule.map(s -> new EpochLengthsModel(s, attributes.longValue("stepsPerEpoch"), attributes));
        }
        Checks checks = new Checks(attributes, reporter);
        long perEpoch = attributes.longValue("stepsPerEpoch");
        if (!checks.positive("stepsPerEpoch", "the number of updates in an epoch") || schedule.isEmpty()) {
            return Optional.empty();
        }
        ScheduleModel inner = schedule.get();
        if (!inner.quantities().isEmpty()) {
            checks.checkWith(false, "stepsPerEpoch", "stepsPerEpoch = " + attributes.show("stepsPerEpoch") + " is not "
                    + "allowed beside a schedule with a momentum, whose values change every update: set "
                    + "everyUpdate = true for a rate that changes every update too, or cycleMomentum = false");
            return Optional.empty();
        }
        long warmup = inner.warmupSteps();
        if (!checks.checkWith(warmup <= Long.MAX_VALUE / perEpoch, "stepsPerEpoch", "stepsPerEpoch = "
                + attributes.show("stepsPerEpoch") + " is not allowed: the warmup of " + warmup + " epochs would be "
                + "more than Long.MAX_VALUE updates")) {
            return Optional.empty();
        }
        return Optional.of(new EpochModel(inner, perEpoch, attributes));
    }

    private NamedConstant stepsPerEpochConstant() {
        return NamedConstant.ofLong("STEPS_PER_EPOCH", stepsPerEpoch, "stepsPerEpoch: the updates of an epoch");
    }

    @Override
    public double at(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        return schedule.at(step / stepsPerEpoch);
    }

    @Override
    public CodeBlock body(Code code) {
        MethodSpec method = MethodSpec.methodBuilder(SCHEDULE)
                .addJavadoc("The schedule in epochs: its rate for epoch {@code step}, {@code $L}.\n",
                        schedule.annotationText())
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(TypeName.DOUBLE)
                .addParameter(TypeName.LONG, "step")
                .addCode(schedule.body(code))
                .build();
        return CodeBlock.builder()
                .add("// stepped once an epoch: every update of epoch e uses the rate of epoch e\n")
                .addStatement("return $N(step / $N)", code.method(method), code.use(stepsPerEpochConstant()))
                .build();
    }

    /** The schedule's warmup in updates: its warmup epochs, each of stepsPerEpoch updates. */
    @Override
    public long warmupSteps() {
        return schedule.warmupSteps() * stepsPerEpoch;
    }

    @Override
    public String summary() {
        return schedule.summary() + ", its lengths in epochs, stepped once an epoch of " + stepsPerEpoch
                + " updates: every update of an epoch uses the epoch's rate";
    }

    @Override
    public List<FormulaRow> formulaRows() {
        List<FormulaRow> rows = new ArrayList<>();
        rows.add(new FormulaRow("t >= 0", "schedule(e), e = t / " + stepsPerEpoch + " the epoch",
                "schedule(step / STEPS_PER_EPOCH)"));
        for (FormulaRow row : schedule.formulaRows()) {
            rows.add(new FormulaRow("schedule, epoch " + row.steps(), row.formula(), row.computation()));
        }
        return rows;
    }

    /** The schedule's key epochs, at their first update, and the last update of the first of them that ends. */
    @Override
    public List<Long> keySteps() {
        TreeSet<Long> steps = new TreeSet<>();
        for (long epoch : schedule.keySteps()) {
            if (epoch <= Long.MAX_VALUE / stepsPerEpoch) {
                steps.add(epoch * stepsPerEpoch);
                if (epoch > 0) {
                    steps.add(epoch * stepsPerEpoch - 1);
                }
            }
        }
        return List.copyOf(steps);
    }

    /** The schedule's landmarks at the first update of their epoch. */
    @Override
    public List<Landmark> landmarks(long runEnd) {
        long epochs = runEnd == Long.MAX_VALUE ? runEnd : (runEnd - 1) / stepsPerEpoch + 1;
        return schedule.landmarks(epochs).stream().filter(l -> l.step() <= Long.MAX_VALUE / stepsPerEpoch)
                .map(l -> l.at(l.step() * stepsPerEpoch, l.what() + " (epoch " + l.step() + ")")).toList();
    }

    @Override
    public List<SvgPlot.Marker> markers() {
        List<SvgPlot.Marker> markers = new ArrayList<>();
        for (SvgPlot.Marker marker : schedule.markers()) {
            if (marker.step() <= Long.MAX_VALUE / stepsPerEpoch) {
                markers.add(new SvgPlot.Marker(marker.step() * stepsPerEpoch, marker.label() + " (epochs; update "
                        + marker.step() * stepsPerEpoch + ")"));
            }
        }
        return markers;
    }

    @Override
    public long plotEnd() {
        long end = schedule.plotEnd();
        return end > Long.MAX_VALUE / stepsPerEpoch ? Long.MAX_VALUE : end * stepsPerEpoch;
    }
}
