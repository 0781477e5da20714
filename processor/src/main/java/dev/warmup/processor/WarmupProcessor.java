package dev.warmup.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import dev.warmup.Framework;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * The annotation processor: for each type annotated with one of the schedule annotations ({@code @WarmupSchedule},
 * {@code @PhasedSchedule}, {@code @OneCycleSchedule}, {@code @CyclicSchedule}, {@code @WarmRestartsSchedule},
 * {@code @ChainedSchedule}) it reads the annotation, and {@code @UntunedWarmup} beside it, validates them, and writes a
 * final class implementing {@code StepLr}; for {@code @PlateauSchedule}, a final class with state implementing
 * {@code PlateauLr}; for {@code @LrRangeTest}, alone or beside a schedule annotation, a final class implementing
 * {@code LrRange}. Problems are compile
 * errors on the attribute at fault; an unexpected exception becomes one error on the annotated type, never a javac
 * crash.
 */
@AutoService(Processor.class)
public final class WarmupProcessor extends AbstractProcessor {

    private static final String ADAPTERS = "dev.warmup.Adapters";
    private static final String UNTUNED_WARMUP = "dev.warmup.UntunedWarmup";
    private static final String QUANTITY = "dev.warmup.Quantity";
    private static final String EPOCHS = "dev.warmup.Epochs";
    private static final String RUN_LENGTH = "dev.warmup.RunLength";
    /** The container javac writes for repeated {@code @Quantity}. */
    private static final String QUANTITIES = "dev.warmup.Quantities";
    private static final String STEP_LR = "dev.warmup.StepLr";
    private static final String GENERATED = "javax.annotation.processing.Generated";
    /** Which simple names are {@code java.lang}'s, as {@link #isJavaLang} found, for the life of the JVM. */
    private static final Map<String, Boolean> JAVA_LANG = new ConcurrentHashMap<>();
    /** Generates a {@code PlateauLr}, a class with state, rather than a {@code StepLr}: see {@link PlateauModel}. */
    static final String PLATEAU = "dev.warmup.PlateauSchedule";
    private static final String PLATEAU_LR = "dev.warmup.PlateauLr";
    /** A range test: alone, or beside a schedule annotation, whose class it does not change. */
    static final String LR_RANGE_TEST = "dev.warmup.LrRangeTest";

    /** How each schedule annotation is validated into a model, by name. */
    private static final Map<String, BiFunction<Attributes, Reporter, Optional<ScheduleModel>>> VALIDATORS = Map.of(
            "dev.warmup.WarmupSchedule", WarmupValidation::validate,
            "dev.warmup.PhasedSchedule", PhasedModel::validate,
            "dev.warmup.OneCycleSchedule", OneCycleModel::validate,
            "dev.warmup.CyclicSchedule", CyclicModel::validate,
            "dev.warmup.WarmRestartsSchedule", WarmRestartsModel::validate,
            "dev.warmup.ChainedSchedule", ChainedModel::validate);

    /**
     * An annotation read: the class name it asks for, the default name's suffix, and how to validate it into a
     * {@link ScheduleModel} or a {@link PlateauModel}.
     */
    private record Request(String name, boolean nameSet, String suffix, Attributes attributes,
            BiFunction<Attributes, Reporter, Optional<?>> validator) {}

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        Set<String> types = scheduleAnnotationNames();
        types.addAll(BESIDE_SCHEDULE);
        types.add(LR_RANGE_TEST);
        return types;
    }

    /** The annotations that go beside a schedule annotation, and mean nothing alone. */
    private static final List<String> BESIDE_SCHEDULE = List.of(UNTUNED_WARMUP, QUANTITY, QUANTITIES, EPOCHS,
            RUN_LENGTH);

    /** The annotations that declare a schedule: one a class. */
    private static Set<String> scheduleAnnotationNames() {
        Set<String> names = new TreeSet<>(VALIDATORS.keySet());
        names.add(PLATEAU);
        return names;
    }

    /** {@code -Awarmup.plot=false} turns the SVG chart written beside each generated source off. */
    static final String PLOT_OPTION = "warmup.plot";

    /**
     * {@code -Awarmup.strict=true} reports each of the processor's warnings as an error: a build tool that shows
     * errors only ({@code mvn -q}) then shows them, with the attribute at fault.
     */
    static final String STRICT_OPTION = "warmup.strict";

    /**
     * {@code -Awarmup.lint=false} turns the schedule lint ({@link Lint}) off for the whole build: for settings written
     * by a program (a sweep), not by a person.
     */
    static final String LINT_OPTION = "warmup.lint";

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(PLOT_OPTION, STRICT_OPTION, LINT_OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        Set<TypeElement> scheduleAnnotations = new HashSet<>();
        for (String name : scheduleAnnotationNames()) {
            Optional.ofNullable(processingEnv.getElementUtils().getTypeElement(name)).ifPresent(
                    scheduleAnnotations::add);
        }
        try {
            untunedWithoutSchedule(round, scheduleAnnotations);
        } catch (RuntimeException | LinkageError | AssertionError unexpected) {
            print(Diagnostic.Kind.ERROR, "The warmup processor failed on @UntunedWarmup, @Quantity or @Epochs. Please report "
                    + "this as a bug, with this message: " + unexpected, null, null, null);
        }
        if (scheduleAnnotations.isEmpty()) {
            return false;
        }
        /* Which annotation on which class generates each class of this round, by qualified name, for messages. */
        Map<String, String> writtenThisRound = new HashMap<>();
        /* For each package met this round, which java.lang names its types take, as asked so far. */
        Map<String, Map<String, Boolean>> packagesThisRound = new HashMap<>();
        // In order of name: compilers hand elements over in orders of their own (ECJ's is a hash order), and which of
        // two clashing schedules gets the error must not depend on the compiler.
        List<Element> elements = round.getElementsAnnotatedWithAny(scheduleAnnotations.toArray(TypeElement[]::new))
                .stream()
                .sorted(Comparator.comparing(WarmupProcessor::sortKey))
                .map(Element.class::cast)
                .toList();
        TypeElement rangeTest = processingEnv.getElementUtils().getTypeElement(LR_RANGE_TEST);
        List<Element> rangeTests = rangeTest == null ? List.of() : round.getElementsAnnotatedWith(rangeTest).stream()
                .sorted(Comparator.comparing(WarmupProcessor::sortKey))
                .map(Element.class::cast)
                .toList();
        Set<TypeElement> named = new HashSet<>(scheduleAnnotations);
        Optional.ofNullable(rangeTest).ifPresent(named::add);
        List<Element> everyNamed = new java.util.ArrayList<>(elements);
        everyNamed.addAll(rangeTests);
        Map<String, Set<String>> javaLangNamesThisRound = javaLangNamesThisRound(everyNamed, named);
        for (Element element : elements) {
            try {
                List<AnnotationMirror> mirrors = mirrorsOf(element, scheduleAnnotations);
                if (mirrors.size() > 1) {
                    for (AnnotationMirror extra : mirrors.subList(1, mirrors.size())) {
                        error(element, extra, null, "@" + simpleName(extra) + " is not allowed together with @"
                                + simpleName(mirrors.get(0)) + " on " + element + ": a class declares one schedule; "
                                + "annotate another class with @" + simpleName(extra));
                    }
                    continue;
                }
                processType(element, mirrors.get(0), writtenThisRound, packagesThisRound, javaLangNamesThisRound);
            } catch (RuntimeException | LinkageError | AssertionError unexpected) {
                reportUnexpected(element, element.toString(), unexpected);
            }
        }
        // After the schedules: a range test's class name is checked against theirs.
        for (Element element : rangeTests) {
            try {
                List<AnnotationMirror> schedules = mirrorsOf(element, scheduleAnnotations);
                if (schedules.size() <= 1) { // more: reported above
                    processRangeTest(element, mirrorOf(element, LR_RANGE_TEST).orElseThrow(),
                            schedules.stream().findFirst(), writtenThisRound, packagesThisRound,
                            javaLangNamesThisRound);
                }
            } catch (RuntimeException | LinkageError | AssertionError unexpected) {
                reportUnexpected(element, "@LrRangeTest of " + element, unexpected);
            }
        }
        return false;
    }

    /** The schedule annotations on {@code element}. */
    private static List<AnnotationMirror> mirrorsOf(Element element, Set<TypeElement> scheduleAnnotations) {
        return element.getAnnotationMirrors().stream()
                .filter(m -> scheduleAnnotations.contains(m.getAnnotationType().asElement()))
                .map(AnnotationMirror.class::cast)
                .toList();
    }

    /** An exception the processor did not expect: one error on {@code element}, asking for a bug report. */
    private void reportUnexpected(Element element, String what, Throwable unexpected) {
        StringWriter trace = new StringWriter();
        unexpected.printStackTrace(new PrintWriter(trace));
        print(Diagnostic.Kind.ERROR, "The warmup processor failed on " + what + ". Please report this as a bug, with"
                + " this message:\n" + trace, element, null, null);
    }

    /**
     * A {@code @LrRangeTest}: validated with the schedule annotation beside it, if any, into a {@link LrRangeModel},
     * and written as {@code <Name>LrRange}.
     */
    private void processRangeTest(Element element, AnnotationMirror mirror, Optional<AnnotationMirror> schedule,
            Map<String, String> writtenThisRound, Map<String, Map<String, Boolean>> packagesThisRound,
            Map<String, Set<String>> javaLangNamesThisRound) {
        if (element.getKind() != ElementKind.CLASS && element.getKind() != ElementKind.RECORD) {
            if (schedule.isEmpty()) { // else reported on the schedule annotation
                error(element, mirror, null, "@LrRangeTest is not allowed on " + describe(element.getKind()) + " "
                        + element + ": annotate a class or a record");
            }
            return;
        }
        TypeElement type = (TypeElement) element;
        Optional<Attributes> attributes = Attributes.read(mirror);
        Optional<Optional<Attributes>> beside = schedule.isEmpty() ? Optional.of(Optional.empty())
                : Attributes.read(schedule.get()).map(Optional::of);
        if (attributes.isEmpty() || beside.isEmpty()) {
            return; // a value did not compile; javac has said so
        }
        Reporter reporter = reporterOn(element, mirror);
        Optional<ScheduleModel> model = LrRangeModel.validate(attributes.get(), beside.get(), reporter);
        String name = attributes.get().stringValue("name");
        if (!Checks.isValidName(name)) {
            return; // reported by the validator
        }
        ClassName target = targetName(type, name, LrRangeModel.SUFFIX);
        if (!checkTargetFree(target, writtenThisRound, reporter) || model.isEmpty()) {
            return;
        }
        writeClass(type, target, model.get(), List.of(), Set.of(), Long.MAX_VALUE, reporter,
                attributes.get().isSet("name"),
                "LrRangeTest", writtenThisRound, packagesThisRound, javaLangNamesThisRound);
    }

    private static String simpleName(AnnotationMirror mirror) {
        return mirror.getAnnotationType().asElement().getSimpleName().toString();
    }

    /**
     * The names given with {@code name = "..."} this round that are also names of {@code java.lang} types, by
     * package: a class generated as {@code Math} shadows {@code java.lang.Math} for every other class of its package,
     * written before it or after, and the package's listing has it only from the next round on. (A default name ends
     * in the suffix, {@code StepLr}, which no {@code java.lang} type does.)
     */
    private static Map<String, Set<String>> javaLangNamesThisRound(List<Element> elements,
            Set<? extends TypeElement> scheduleAnnotations) {
        Map<String, Set<String>> names = new HashMap<>();
        for (Element element : elements) {
            try {
                for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
                    if (!scheduleAnnotations.contains(mirror.getAnnotationType().asElement())) {
                        continue;
                    }
                    String simpleName = Attributes.read(mirror).map(a -> a.stringValue("name")).orElse("");
                    if (!simpleName.isEmpty() && JAVA_LANG.computeIfAbsent(simpleName, WarmupProcessor::isJavaLang)) {
                        Element enclosing = element;
                        while (enclosing != null && !(enclosing instanceof PackageElement)) {
                            enclosing = enclosing.getEnclosingElement();
                        }
                        if (enclosing != null) {
                            names.computeIfAbsent(((PackageElement) enclosing).getQualifiedName().toString(),
                                    p -> new TreeSet<>()).add(simpleName);
                        }
                    }
                }
            } catch (RuntimeException | LinkageError | AssertionError e) {
                // A value that did not compile (ECJ's getElementValues throws for "fast" given for a double): the
                // compiler reports it, and the element's own processing meets it again.
            }
        }
        return names;
    }

    private void processType(Element element, AnnotationMirror mirror, Map<String, String> writtenThisRound,
            Map<String, Map<String, Boolean>> packagesThisRound, Map<String, Set<String>> javaLangNamesThisRound) {
        String annotation = simpleName(mirror);
        if (element.getKind() != ElementKind.CLASS && element.getKind() != ElementKind.RECORD) {
            error(element, mirror, null, "@" + annotation + " is not allowed on " + describe(element.getKind()) + " "
                    + element + ": annotate a class or a record");
            return;
        }
        TypeElement type = (TypeElement) element;
        Optional<Request> request = read(mirror);
        if (request.isEmpty()) {
            return; // a value did not compile; javac has said so
        }
        Reporter reporter = reporterOn(element, mirror);
        Optional<AnnotationMirror> epochs = mirrorOf(type, EPOCHS);
        Optional<Attributes> epochAttributes = epochs.flatMap(Attributes::read);
        if (epochs.isPresent() && epochAttributes.isEmpty()) {
            return; // a value did not compile; javac has said so
        }
        boolean everyUpdate = epochAttributes.map(a -> a.booleanValue("everyUpdate")).orElse(false);
        if (everyUpdate && PLATEAU.endsWith("." + annotation)) {
            everyUpdate = false; // reported below
        }
        // @Epochs(everyUpdate = true): the schedule's lengths in updates before it is validated
        Optional<Long> updatesPerLength = everyUpdate ? EpochModel.updatesPerLength(epochAttributes,
                reporterOn(element, epochs.get())) : Optional.of(1L);
        // stepped once an epoch: the lengths stay in epochs, shown in updates too
        Attributes written = epochAttributes.isPresent() && !everyUpdate ? EpochModel.shownInUpdates(
                request.get().attributes(), epochAttributes.get().longValue("stepsPerEpoch"), reporter)
                : request.get().attributes();
        Optional<?> schedule = updatesPerLength.isEmpty()
                // stepsPerEpoch is wrong: the schedule's own errors still reported, its lengths as written
                ? request.get().validator().apply(written, reporter).filter(model -> false)
                : EpochModel.inUpdates(new Checks(written, reporter), updatesPerLength.get())
                        .flatMap(a -> request.get().validator().apply(a, reporter));
        Optional<AnnotationMirror> untuned = mirrorOf(type, UNTUNED_WARMUP);
        if (untuned.isPresent()) {
            if (PLATEAU.endsWith("." + annotation)) {
                error(element, untuned.get(), null, "@UntunedWarmup is not supported with @PlateauSchedule: its rate"
                        + " is set by observations; use warmupSteps");
                return;
            }
            Optional<Attributes> untunedAttributes = Attributes.read(untuned.get());
            if (untunedAttributes.isEmpty()) {
                return; // a value did not compile; javac has said so
            }
            schedule = UntunedModel.validate(untunedAttributes.get(), reporterOn(element, untuned.get()),
                    schedule.map(ScheduleModel.class::cast));
        }
        long runLength = lint(type, mirror, schedule, everyUpdate ? updatesPerLength.orElse(1L) : 1L);
        // the run in updates, up to which the generated class lists the parts of a schedule that repeats
        long updatesPerRunStep = everyUpdate ? updatesPerLength.orElse(1L)
                : epochAttributes.map(a -> Math.max(1, a.longValue("stepsPerEpoch"))).orElse(1L);
        long runEnd = runLength <= 0 ? Long.MAX_VALUE : runLength > Long.MAX_VALUE / updatesPerRunStep
                ? Long.MAX_VALUE : runLength * updatesPerRunStep;
        if (epochs.isPresent()) {
            Optional<String> alongside = PLATEAU.endsWith("." + annotation) ? Optional.of("@PlateauSchedule")
                    : everyUpdate ? Optional.empty()
                    : untuned.isPresent() ? Optional.of("@UntunedWarmup")
                    : mirrorOf(type, QUANTITY).or(() -> mirrorOf(type, QUANTITIES)).map(m -> "@Quantity");
            if (alongside.isPresent()) {
                error(element, epochs.get(), null, "@Epochs is not supported with " + alongside.get()
                        + (alongside.get().equals("@PlateauSchedule") ? ", whose rate changes at evaluations, "
                                + "not epochs: remove @Epochs" : ", whose values change every update: set "
                                + "everyUpdate = true for a schedule that changes every update too, its lengths in "
                                + "epochs"));
                return;
            }
            schedule = EpochModel.validate(epochAttributes.get(), reporterOn(element, epochs.get()),
                    schedule.map(ScheduleModel.class::cast));
        }
        // In the same compile as the schedule's own problems: every problem of the class at once.
        Optional<List<QuantityModel>> quantities = quantities(type, schedule, annotation,
                updatesPerLength.orElse(1L));
        Optional<Set<Framework>> frameworks = frameworks(type, annotation);
        if (!Checks.isValidName(request.get().name())) {
            return; // reported by the validator; there is no target name to check
        }
        ClassName target = targetName(type, request.get().name(), request.get().suffix());
        if (!checkTargetFree(target, writtenThisRound, reporter) || schedule.isEmpty() || frameworks.isEmpty()
                || quantities.isEmpty() || !nestedNamesFree(type, target, quantities.get(), frameworks.get())) {
            return;
        }
        writeClass(type, target, schedule.get(), quantities.get(), frameworks.get(), runEnd, reporter,
                request.get().nameSet(), annotation, writtenThisRound, packagesThisRound, javaLangNamesThisRound);
    }

    /**
     * Writes the generated class of a validated model, and its chart beside it; a constant that would not be finite
     * is reported instead, on the model's scale attribute. {@code runEnd}: the run's length in updates
     * ({@code @RunLength}), up to which the class lists the parts of a schedule that repeats.
     */
    private void writeClass(TypeElement type, ClassName target, Object model, List<QuantityModel> quantities,
            Set<Framework> frameworks, long runEnd, Reporter reporter, boolean nameSet, String annotation,
            Map<String, String> writtenThisRound, Map<String, Map<String, Boolean>> packagesThisRound,
            Map<String, Set<String>> javaLangNamesThisRound) {
        Optional<ClassName> generated = Optional.ofNullable(processingEnv.getElementUtils().getTypeElement(GENERATED))
                .map(ClassName::get);
        PlateauModel plateau = model instanceof PlateauModel p ? p : null;
        String annotated = type.getQualifiedName().toString();
        Optional<String> twin = twin(model, quantities, target, type);
        Function<Set<String>, String> write = shadowing -> (plateau != null
                ? PlateauWriter.write(plateau, target, annotated, type, generated, shadowing, frameworks, twin)
                : ScheduleWriter.write((ScheduleModel) model, target, annotated, type, generated, shadowing,
                        frameworks, quantities, runEnd, twin)).toString();
        Set<String> shadowing = new TreeSet<>(javaLangNamesThisRound.getOrDefault(target.packageName(), Set.of()));
        shadowing.add(target.simpleName());
        String text;
        try {
            text = write.apply(shadowing);
        } catch (NamedConstant.NotFinite e) {
            if (!(model instanceof ScheduleModel scheduleModel)) {
                throw e; // a plateau's constants are its attributes, checked finite: a bug, reported as one
            }
            new Checks(scheduleModel.attributes(), reporter).constantNotFinite(scheduleModel.scaleAttribute(), e);
            return;
        }
        writtenThisRound.put(target.canonicalName(), "@" + annotation + " of this compilation, on "
                + type.getQualifiedName() + ",");
        Map<String, Boolean> packageTakes = packagesThisRound.computeIfAbsent(target.packageName(),
                p -> new HashMap<>());
        if (shadowing.addAll(javaLangNamesTaken(target.packageName(), text, packageTakes))) {
            text = write.apply(shadowing);
        }
        try {
            JavaFileObject source = processingEnv.getFiler().createSourceFile(target.canonicalName(), type);
            // One write of the whole text: JavaPoet writes in pieces of a few characters, each encoded on its own.
            try (Writer writer = source.openWriter()) {
                writer.write(text);
            }
            if (twin.isPresent()) {
                // The PyTorch twin, beside the class: a build or a test reads it as a resource of the class.
                FileObject python = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT,
                        target.packageName(), target.simpleName() + ".py", type);
                try (Writer writer = python.openWriter()) {
                    writer.write(twin.get());
                }
            }
            if (!"false".equalsIgnoreCase(processingEnv.getOptions().get(PLOT_OPTION))) {
                // The learning-rate curve, beside the generated source: users see the schedule before they train.
                FileObject chart = processingEnv.getFiler().createResource(StandardLocation.SOURCE_OUTPUT,
                        target.packageName(), target.simpleName() + ".svg", type);
                try (Writer writer = chart.openWriter()) {
                    if (plateau != null) {
                        // The rate depends on the metric: the chart is the fastest decay the rule allows.
                        writer.write(SvgPlot.render(target.simpleName() + ": fastest decay (no improvement after"
                                + " the first evaluation)", plateau.plotEnd(), plateau::fastestDecayAt,
                                plateau.markers()));
                    } else {
                        ScheduleModel scheduleModel = (ScheduleModel) model;
                        List<SvgPlot.Panel> panels = new java.util.ArrayList<>(List.of(
                                new SvgPlot.Panel("learning rate", scheduleModel::at)));
                        for (QuantityModel quantity : quantities) {
                            panels.add(new SvgPlot.Panel(quantity.method(), quantity.series()::at));
                        }
                        panels.addAll(scheduleModel.chartPanels());
                        writer.write(SvgPlot.render(target.simpleName(), scheduleModel.plotEnd(), panels,
                                scheduleModel.markers()));
                    }
                }
            }
        } catch (IOException e) {
            reporter.error("name", "Cannot write " + target.canonicalName() + ": " + e.getMessage()
                    + (nameSet ? "" : "; set name = \"...\" to write it under another name"));
        }
    }

    /**
     * The PyTorch twin of the class ({@link PyTorchTwin}), or empty if writing it failed: a bug of the processor that
     * must not cost the user the class, which is generated without it, with a warning that asks for a report (a
     * warning, not an error, even with {@code -Awarmup.strict}).
     */
    private Optional<String> twin(Object model, List<QuantityModel> quantities, ClassName target, Element element) {
        try {
            return Optional.of(model instanceof PlateauModel plateau
                    ? PyTorchTwin.of(plateau, target.canonicalName())
                    : PyTorchTwin.of((ScheduleModel) model, quantities, target.canonicalName()));
        } catch (RuntimeException | AssertionError unexpected) {
            print(Diagnostic.Kind.WARNING, "The warmup processor could not write the PyTorch twin of "
                    + target.canonicalName() + "; the class is generated without it. Please report this as a bug, "
                    + "with this message: " + unexpected, element, null, null);
            return Optional.empty();
        }
    }

    /**
     * Whether the ND4J adapter's nested class of each quantity ({@code MomentumSchedule}) can be declared: a nested
     * class cannot have the name of the class around it; reported on {@code @Adapters}.
     */
    private boolean nestedNamesFree(TypeElement type, ClassName target, List<QuantityModel> quantities,
            Set<Framework> frameworks) {
        if (!frameworks.contains(Framework.ND4J)) {
            return true;
        }
        for (QuantityModel quantity : quantities) {
            if (quantity.scheduleClass().equals(target.simpleName())) {
                mirrorOf(type, ADAPTERS).ifPresent(mirror -> error(type, mirror, null, "Framework.ND4J adds a class "
                        + quantity.scheduleClass() + " for " + quantity.method() + "(step) inside the generated class,"
                        + " which has that name too; set name = \"...\" of the schedule to another class name"));
                return false;
            }
        }
        return true;
    }

    /** A simple name, as the generated source may use one: {@code Math}, {@code Double}, {@code Override}. */
    private static final Pattern TYPE_NAME = Pattern.compile("\\b[A-Z][A-Za-z0-9_$]*\\b");

    /**
     * The names of {@code java.lang} types that {@code text}, a generated source, uses unqualified and that a type
     * of {@code packageName} also has: that type would shadow {@code java.lang}'s ({@code Math}, {@code Long}) in the
     * generated class, so JavaPoet must write {@code java.lang}'s qualified. Each name is asked of the compiler by
     * itself ({@code takes} keeps the answers): listing the package instead makes javac parse every source file of
     * the package on the source path again, and those whose file name matches none of their classes then fail with
     * "duplicate class".
     */
    private Set<String> javaLangNamesTaken(String packageName, String text, Map<String, Boolean> takes) {
        Set<String> taken = new TreeSet<>();
        Matcher names = TYPE_NAME.matcher(text);
        while (names.find()) {
            String name = names.group();
            if (JAVA_LANG.computeIfAbsent(name, WarmupProcessor::isJavaLang) && takes.computeIfAbsent(name,
                    n -> processingEnv.getElementUtils().getTypeElement(qualified(packageName, n)) != null)) {
                taken.add(name);
            }
        }
        return taken;
    }

    private static String qualified(String packageName, String simpleName) {
        return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
    }

    /**
     * Whether {@code java.lang} has a type {@code simpleName} in the JDK that runs the processor: every type the
     * generated code uses is one of that JDK's. Asked of the JVM, not the compiler: listing the compiler's
     * {@code java.lang} reads all its class files, and ECJ lists only the types it has loaded.
     */
    private static boolean isJavaLang(String simpleName) {
        try {
            Class.forName("java.lang." + simpleName, false, null);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * The frameworks {@code @Adapters} asks for, or empty after an error: each needs its interface on the compile
     * class path, or the generated class would not compile.
     */
    private Optional<Set<Framework>> frameworks(TypeElement type, String annotation) {
        Set<Framework> frameworks = EnumSet.noneOf(Framework.class);
        Optional<AnnotationMirror> mirror = mirrorOf(type, ADAPTERS);
        if (mirror.isEmpty()) {
            return Optional.of(frameworks);
        }
        Optional<Attributes> adapters = Attributes.read(mirror.get());
        if (adapters.isEmpty()) {
            return Optional.empty(); // did not compile; javac has said so
        }
        Reporter reporter = reporterOn(type, mirror.get());
        boolean ok = true;
        for (String name : adapters.get().enums("value")) {
            Framework framework = Framework.valueOf(name);
            if (framework == Framework.ND4J && PLATEAU.endsWith("." + annotation)) {
                reporter.error("value", "Framework.ND4J is not allowed with @PlateauSchedule: ND4J's ISchedule must"
                        + " hold no state (DL4J clones it per layer and rebuilds it from JSON); call"
                        + " net.setLearningRate(schedule.lr()) after observe returns true");
                ok = false;
                continue;
            }
            String needed = FrameworkAdapters.interfaceOf(framework).canonicalName();
            if (processingEnv.getElementUtils().getTypeElement(needed) == null) {
                reporter.error("value", "@Adapters: Framework." + framework + " needs "
                        + FrameworkAdapters.artifactOf(framework) + " on the compile class path (" + needed
                        + " is not there); add the dependency, or leave Framework." + framework + " out");
                ok = false;
            }
            frameworks.add(framework);
        }
        return ok ? Optional.of(frameworks) : Optional.empty();
    }

    private static String sortKey(Element element) {
        return element instanceof TypeElement type ? type.getQualifiedName().toString() : element.toString();
    }

    /** Reads a schedule annotation; empty if one of its values did not compile. */
    private Optional<Request> read(AnnotationMirror mirror) {
        String annotation = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
        if (annotation.equals(PLATEAU)) {
            return Attributes.read(mirror).map(attributes -> new Request(attributes.stringValue("name"),
                    attributes.isSet("name"), PlateauModel.SUFFIX, attributes, PlateauModel::validate));
        }
        return Attributes.read(mirror).map(attributes -> new Request(attributes.stringValue("name"),
                attributes.isSet("name"), "StepLr", attributes, VALIDATORS.get(annotation)::apply));
    }

    /**
     * The annotation and value that an attribute path of a {@link Reporter} names: {@code gamma} in the annotation
     * itself; {@code phases[1].endLr}, the value of {@code endLr} inside the second annotation of {@code phases}. A
     * path to an attribute the source does not set names its annotation, with no value.
     */
    static Map.Entry<AnnotationMirror, AnnotationValue> locate(AnnotationMirror mirror, String path) {
        int dot = path.indexOf('.');
        String head = dot < 0 ? path : path.substring(0, dot);
        int bracket = head.indexOf('[');
        AnnotationValue value = explicitValues(mirror).get(bracket < 0 ? head : head.substring(0, bracket));
        if (bracket < 0 || value == null || !(value.getValue() instanceof List<?> elements)) {
            return new SimpleImmutableEntry<>(mirror, value);
        }
        int index = Integer.parseInt(head.substring(bracket + 1, head.length() - 1));
        if (index >= elements.size() || !(elements.get(index) instanceof AnnotationValue element)) {
            return new SimpleImmutableEntry<>(mirror, value);
        }
        if (!(element.getValue() instanceof AnnotationMirror nested)) {
            return new SimpleImmutableEntry<>(mirror, dot < 0 ? element : value); // an element: milestones[2]
        }
        return dot < 0 ? new SimpleImmutableEntry<>(nested, null) : locate(nested, path.substring(dot + 1));
    }

    /** The attributes written in the source, by name, for pointing diagnostics at them. */
    private static Map<String, AnnotationValue> explicitValues(AnnotationMirror mirror) {
        Map<String, AnnotationValue> values = new HashMap<>();
        mirror.getElementValues().forEach((method, value) -> values.put(method.getSimpleName().toString(), value));
        return values;
    }

    /** {@code p.Outer.Inner} gives {@code p.Outer_InnerStepLr} (suffix {@code StepLr}), unless {@code name} is set. */
    private static ClassName targetName(TypeElement type, String name, String suffix) {
        String simpleName = type.getSimpleName().toString();
        Element enclosing = type.getEnclosingElement();
        while (!(enclosing instanceof PackageElement)) {
            simpleName = enclosing.getSimpleName() + "_" + simpleName;
            enclosing = enclosing.getEnclosingElement();
        }
        String packageName = ((PackageElement) enclosing).getQualifiedName().toString();
        return ClassName.get(packageName, name.isEmpty() ? simpleName + suffix : name);
    }

    /**
     * The target name must not be taken by a type of the user's or by another schedule of this round. A type that
     * looks like an earlier output of this processor (final, implements StepLr, has INSTANCE) is taken to be that,
     * left over from a previous build on the class path, and does not count.
     */
    private boolean checkTargetFree(ClassName target, Map<String, String> writtenThisRound, Reporter reporter) {
        String name = target.canonicalName();
        String clash = null;
        if (writtenThisRound.containsKey(name)) {
            clash = "Another " + writtenThisRound.get(name) + " generates " + name + " too";
        } else {
            TypeElement existing = processingEnv.getElementUtils().getTypeElement(name);
            if (existing != null && !looksGenerated(existing)) {
                clash = "The generated class " + name + " would clash with the existing type " + name;
            }
        }
        if (clash != null) {
            reporter.error("name", clash + "; set name = \"...\" to another simple name");
            return false;
        }
        return true;
    }

    private boolean looksGenerated(TypeElement existing) {
        boolean stepLr = implementsInterface(existing, STEP_LR) && hasField(existing, "INSTANCE");
        boolean plateauLr = implementsInterface(existing, PLATEAU_LR) && hasField(existing, "INITIAL_STATE");
        return (stepLr || plateauLr) && existing.getModifiers().contains(Modifier.FINAL);
    }

    private boolean implementsInterface(TypeElement existing, String name) {
        TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
        return type != null && existing.getInterfaces().stream()
                .anyMatch(i -> processingEnv.getTypeUtils().isSameType(i, type.asType()));
    }

    private static boolean hasField(TypeElement existing, String name) {
        return ElementFilter.fieldsIn(existing.getEnclosedElements()).stream()
                .map(VariableElement::getSimpleName).anyMatch(n -> n.contentEquals(name));
    }

    /**
     * The schedule lint ({@link Lint}) of a valid schedule, against {@code @RunLength} beside it (in the schedule's
     * unit: times {@code updatesPerLength} with {@code @Epochs(everyUpdate = true)}) or its own end; each warning on
     * the attribute at fault, unless {@code @SuppressWarnings} on the class or a class around it names it.
     */
    private long lint(TypeElement type, AnnotationMirror mirror, Optional<?> schedule, long updatesPerLength) {
        Optional<AnnotationMirror> runLength = mirrorOf(type, RUN_LENGTH);
        Optional<Attributes> run = runLength.flatMap(Attributes::read);
        if (runLength.isPresent() && run.isEmpty()) {
            return 0; // a value did not compile; javac has said so
        }
        long length = run.map(a -> a.longValue("value")).orElse(0L);
        if (run.isPresent() && length <= 0) {
            reporterOn(type, runLength.get()).error("value", "value = " + length + " is not allowed: the run's length"
                    + " (@RunLength) must be > 0 steps (epochs, with @Epochs)");
            return 0;
        }
        if (!(schedule.orElse(null) instanceof ScheduleModel model)) {
            if (run.isPresent() && PLATEAU.equals(((TypeElement) mirror.getAnnotationType().asElement())
                    .getQualifiedName().toString())) {
                reporterOn(type, runLength.get()).error("value", "@RunLength is not supported with @PlateauSchedule, whose rate "
                        + "is set by observations at run time; remove @RunLength");
            }
            return length;
        }
        Set<String> suppressed = suppressedWarnings(type);
        if (suppressed.contains(Lint.KEY) || "false".equalsIgnoreCase(processingEnv.getOptions().get(LINT_OPTION))) {
            return length;
        }
        long steps = length > Long.MAX_VALUE / updatesPerLength ? Long.MAX_VALUE : length * updatesPerLength;
        Reporter reporter = reporterOn(type, mirror);
        boolean perEpoch = mirrorOf(type, EPOCHS).isPresent() && updatesPerLength == 1;
        try {
            Lint.check(model, steps, updatesPerLength, perEpoch ? "epoch" : "step", (finding, attribute, message) -> {
                if (!suppressed.contains(finding.key)) {
                    reporter.warning(attribute, "[" + finding.key + "] " + message);
                }
            });
        } catch (RuntimeException | AssertionError unexpected) {
            // a check, not the schedule: the class is still generated
            reporter.warning("", "[" + Lint.KEY + "] the schedule lint failed on this schedule, which is generated "
                    + "all the same. Please report this as a bug, with this message: " + unexpected);
        }
        return length;
    }

    /** The values of {@code @SuppressWarnings} on {@code element} and the elements around it. */
    private static Set<String> suppressedWarnings(Element element) {
        Set<String> names = new HashSet<>();
        for (Element e = element; e != null && !(e instanceof PackageElement); e = e.getEnclosingElement()) {
            SuppressWarnings suppress = e.getAnnotation(SuppressWarnings.class);
            if (suppress != null) {
                names.addAll(List.of(suppress.value()));
            }
        }
        return names;
    }

    /** A reporter that places each message on the attribute it names, inside {@code mirror}. */
    private Reporter reporterOn(Element element, AnnotationMirror mirror) {
        return new Reporter() {
            @Override
            public void error(String attribute, String message) {
                report(Diagnostic.Kind.ERROR, element, mirror, attribute, message);
            }

            @Override
            public void warning(String attribute, String message) {
                if ("true".equalsIgnoreCase(processingEnv.getOptions().get(STRICT_OPTION))) {
                    report(Diagnostic.Kind.ERROR, element, mirror, attribute, message + " (a warning, made an error by"
                            + " -A" + STRICT_OPTION + "=true)");
                } else {
                    report(Diagnostic.Kind.WARNING, element, mirror, attribute, message);
                }
            }
        };
    }

    private void report(Diagnostic.Kind kind, Element element, AnnotationMirror mirror, String attribute,
            String message) {
        if (isContainer(mirror) && printInRepeated(kind, message, element, attribute)) {
            return;
        }
        Map.Entry<AnnotationMirror, AnnotationValue> site = locate(mirror, attribute);
        if (attribute.endsWith("]") && site.getValue() != null && !(site.getValue().getValue() instanceof List)
                && !isJavac()) {
            // an element of an array (milestones[2]): the Eclipse compiler places it on the annotation, javac on the
            // element; on the whole array, both
            site = locate(mirror, attribute.substring(0, attribute.lastIndexOf('[')));
        }
        try {
            print(kind, message, element, site.getKey(), site.getValue());
        } catch (RuntimeException eclipse) {
            // The Eclipse compiler (BaseMessagerImpl.findAnnotation) throws on a nested annotation that has an empty
            // array value ({@code milestones = {}} in a @Factor): the message goes on the outer attribute instead.
            int nested = attribute.indexOf('[');
            if (nested < 0 || site.getKey() == mirror) {
                throw eclipse;
            }
            Map.Entry<AnnotationMirror, AnnotationValue> outer = locate(mirror, attribute.substring(0, nested));
            print(kind, message, element, outer.getKey(), outer.getValue());
        }
    }

    /** The annotation named {@code name} on {@code element}, if it has one. */
    private static Optional<AnnotationMirror> mirrorOf(Element element, String name) {
        return element.getAnnotationMirrors().stream()
                .filter(m -> ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(name))
                .map(AnnotationMirror.class::cast)
                .findFirst();
    }

    /**
     * {@code @UntunedWarmup}, {@code @Quantity} and {@code @Epochs} go beside a schedule annotation: on a class
     * without one each is an error.
     */
    private void untunedWithoutSchedule(RoundEnvironment round, Set<TypeElement> scheduleAnnotations) {
        for (String name : BESIDE_SCHEDULE) {
            TypeElement beside = processingEnv.getElementUtils().getTypeElement(name);
            if (beside == null) {
                continue;
            }
            for (Element element : round.getElementsAnnotatedWith(beside)) {
                boolean scheduled = element.getAnnotationMirrors().stream()
                        .anyMatch(m -> scheduleAnnotations.contains(m.getAnnotationType().asElement()));
                String what = name.equals(UNTUNED_WARMUP) ? "@UntunedWarmup multiplies a schedule"
                        : name.equals(EPOCHS) ? "@Epochs steps a schedule once an epoch"
                        : name.equals(RUN_LENGTH) ? "@RunLength states the run a schedule is checked against"
                        : "@Quantity adds a quantity to a schedule's generated class";
                if (!scheduled) {
                    mirrorOf(element, name).ifPresent(mirror -> error(element, mirror, null, what + ", but " + element
                            + " has no schedule annotation: add @WarmupSchedule, @PhasedSchedule, @OneCycleSchedule,"
                            + " @CyclicSchedule, @WarmRestartsSchedule or @ChainedSchedule beside it"));
                }
            }
        }
    }

    /**
     * The quantities of a schedule's generated class: the schedule's own (a cycled momentum), then each
     * {@code @Quantity} beside it, validated; empty after an error, reported on the {@code @Quantity} at fault.
     */
    private Optional<List<QuantityModel>> quantities(TypeElement type, Optional<?> schedule, String annotation,
            long updatesPerLength) {
        Optional<ScheduleModel> model = schedule.filter(ScheduleModel.class::isInstance).map(ScheduleModel.class::cast);
        List<QuantityModel> quantities = new java.util.ArrayList<>(model.map(ScheduleModel::quantities)
                .orElse(List.of()));
        List<String> taken = new java.util.ArrayList<>();
        quantities.forEach(q -> taken.add(q.method()));
        int own = taken.size();
        if (mirrorOf(type, QUANTITY).isEmpty() && mirrorOf(type, QUANTITIES).isEmpty()) {
            return Optional.of(quantities);
        }
        /* The schedule's constants and private methods, which no quantity's may be named as. */
        Set<String> constants = new HashSet<>();
        Set<String> methods = new HashSet<>();
        model.ifPresent(m -> {
            Code code = new Code();
            try {
                m.body(code);
                m.warmupStepsExpression(code);
                m.quantities().forEach(q -> q.series().body(code));
            } catch (NamedConstant.NotFinite e) {
                // reported when the class is written
            }
            code.constants().forEach(c -> constants.add(c.name()));
            // the private methods (factor1, schedule, ...) are names no quantity can have either
            code.methods().forEach(method -> methods.add(method.name()));
        });
        boolean ok = true;
        for (String container : List.of(QUANTITY, QUANTITIES)) {
            Optional<AnnotationMirror> mirror = mirrorOf(type, container);
            if (mirror.isEmpty()) {
                continue;
            }
            if (PLATEAU.endsWith("." + annotation)) {
                error(type, mirror.get(), null, "@Quantity is not supported with @PlateauSchedule: its rate is set by "
                        + "observations; declare the quantity beside a schedule of another class");
                return Optional.empty();
            }
            Optional<Attributes> attributes = Attributes.read(mirror.get());
            if (attributes.isEmpty()) {
                return Optional.empty(); // a value did not compile; javac has said so
            }
            Reporter reporter = reporterOn(type, mirror.get());
            // lengths in epochs with @Epochs(everyUpdate = true)
            Optional<Attributes> inUpdates = EpochModel.inUpdates(new Checks(attributes.get(), reporter),
                    updatesPerLength);
            if (inUpdates.isEmpty()) {
                ok = false;
                continue;
            }
            if (container.equals(QUANTITY)) {
                Optional<QuantityModel> quantity = QuantityModel.validate(new Checks(inUpdates.get(), reporter),
                        taken, own, constants, methods);
                quantity.ifPresent(quantities::add);
                ok &= quantity.isPresent();
            } else {
                Checks checks = new Checks(inUpdates.get(), reporter);
                for (int i = 0; i < attributes.get().nested("value").size(); i++) {
                    Optional<QuantityModel> quantity = QuantityModel.validate(checks.nested("value", i,
                            "quantity " + (i + 1) + ": "), taken, own, constants, methods);
                    quantity.ifPresent(quantities::add);
                    ok &= quantity.isPresent();
                }
            }
        }
        return ok ? Optional.of(quantities) : Optional.empty();
    }

    private void error(Element element, AnnotationMirror mirror, AnnotationValue value, String message) {
        if (isContainer(mirror)) {
            // On the first of the repeated annotations, rather than on the container the source does not write.
            if (!printInRepeated(Diagnostic.Kind.ERROR, message, element, "")) {
                report(Diagnostic.Kind.ERROR, element, mirror, "value[0]", message);
            }
            return;
        }
        print(Diagnostic.Kind.ERROR, message, element, mirror, value);
    }

    /** Whether the compiler is javac, whose trees place a message on an element of an array. */
    private boolean isJavac() {
        try {
            com.sun.source.util.Trees.instance(processingEnv);
            return true;
        } catch (RuntimeException | LinkageError notJavac) {
            return false;
        }
    }

    private static boolean isContainer(AnnotationMirror mirror) {
        return mirror != null && ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName()
                .contentEquals(QUANTITIES);
    }

    /**
     * Prints on the value at {@code path} ({@code value[1].start}) of the repeated {@code @Quantity} annotations
     * that javac wrapped in their container, {@code @Quantities}: javac's {@code Messager} cannot place a message in
     * a container the source never writes (it falls back to the class), so the written annotation is found in
     * javac's own trees; on the first {@code @Quantity} for an empty path. False with another compiler, or where
     * the tree is not found: the caller prints as usual (ECJ places these messages itself).
     */
    private boolean printInRepeated(Diagnostic.Kind kind, String message, Element element, String path) {
        com.sun.source.util.Trees trees;
        try {
            trees = com.sun.source.util.Trees.instance(processingEnv);
        } catch (RuntimeException | LinkageError notJavac) {
            return false;
        }
        com.sun.source.util.TreePath classPath = trees.getPath(element);
        if (classPath == null || !(classPath.getLeaf() instanceof com.sun.source.tree.ClassTree type)) {
            return false;
        }
        List<? extends com.sun.source.tree.AnnotationTree> written = type.getModifiers().getAnnotations().stream()
                .filter(a -> a.getAnnotationType().toString().equals("Quantity")
                        || a.getAnnotationType().toString().endsWith(".Quantity"))
                .toList();
        Matcher nested = Pattern.compile("value\\[(\\d+)](?:\\.(\\w+))?").matcher(path);
        int index = nested.matches() ? Integer.parseInt(nested.group(1)) : 0;
        if (index >= written.size()) {
            return false;
        }
        com.sun.source.tree.Tree site = written.get(index);
        String attribute = nested.matches() ? nested.group(2) : null;
        for (com.sun.source.tree.ExpressionTree argument : written.get(index).getArguments()) {
            if (argument instanceof com.sun.source.tree.AssignmentTree assignment
                    && assignment.getVariable().toString().equals(attribute)) {
                site = assignment.getExpression();
            }
        }
        trees.printMessage(kind, message, site, classPath.getCompilationUnit());
        return true;
    }

    /**
     * The one place where the processor reports to the compiler: on {@code value} of {@code mirror} on
     * {@code element}, each as far as it is known (null: not known).
     */
    private void print(Diagnostic.Kind kind, String message, Element element, AnnotationMirror mirror,
            AnnotationValue value) {
        if (element == null) {
            processingEnv.getMessager().printMessage(kind, message);
        } else if (mirror == null) {
            processingEnv.getMessager().printMessage(kind, message, element);
        } else {
            processingEnv.getMessager().printMessage(kind, message, element, mirror, value);
        }
    }

    private static String describe(ElementKind kind) {
        return switch (kind) {
            case INTERFACE -> "an interface";
            case ENUM -> "an enum";
            case ANNOTATION_TYPE -> "an annotation type";
            default -> kind.toString().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
