package dev.warmup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.warmup.processor.ErrorSources.sched;
import static dev.warmup.processor.WarmupScheduleErrorsTest.assertOnlyError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every error of {@code @Quantity}: the message, the file, and the line of the attribute at fault; in repeated
 * {@code @Quantity} (which javac wraps in {@code @Quantities}), the line of that attribute inside the annotation at
 * fault, or of that annotation when the attribute is not written. Sources put one attribute a line, so a line names one
 * attribute. The expected messages are the processor's specification, written from its message text.
 */
class QuantityErrorsTest {

    /** The schedule beside the quantities unless a test says otherwise: valid, with no quantity of its own. */
    private static final String SCHEDULE = "@WarmupSchedule(steps = 20, initLr = 0.1)";

    /** The line javac points at when a diagnostic is about a {@code @Quantity} as a whole. */
    private static final String QUANTITY = "@Quantity(";

    /** A valid weight decay, but for what a test adds or changes. */
    private static final List<String> WEIGHT_DECAY = List.of("kind = QuantityKind.WEIGHT_DECAY",
            "shape = PhaseShape.COSINE", "start = 0.04", "end = 0.4", "steps = 5000");

    // ---------------------------------------------------------------------------------------------- start, end

    @ParameterizedTest(name = "kind = QuantityKind.{0}, {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "MOMENTUM     | start | -0.1                     | -0.1      | a momentum must be in [0, 1]",
        "MOMENTUM     | end   | 1.5                      | 1.5       | a momentum must be in [0, 1]",
        "MOMENTUM     | end   | 1.0000001                | 1.0000001 | a momentum must be in [0, 1]",
        "MOMENTUM     | start | Double.NaN               | NaN       | a momentum must be in [0, 1]",
        "WEIGHT_DECAY | start | -0.1                     | -0.1      | a weight decay must be finite and >= 0",
        "WEIGHT_DECAY | end   | Double.POSITIVE_INFINITY | Infinity  | a weight decay must be finite and >= 0",
        "WEIGHT_DECAY | end   | Double.NaN               | NaN       | a weight decay must be finite and >= 0",
        "DROPOUT      | end   | 1.0                      | 1.0       | a dropout probability must be in [0, 1)",
        "DROPOUT      | start | -0.1                     | -0.1      | a dropout probability must be in [0, 1)",
        "DROPOUT      | start | Double.NaN               | NaN       | a dropout probability must be in [0, 1)",
        "OTHER        | start | Double.NEGATIVE_INFINITY | -Infinity | the value must be finite",
        "OTHER        | end   | Double.POSITIVE_INFINITY | Infinity  | the value must be finite",
        "OTHER        | end   | Double.NaN               | NaN       | the value must be finite",
    })
    void valueOutsideTheKindsBoundsIsAnError(String kind, String attribute, String written, String echoed,
            String allowed) {
        List<String> attributes = new ArrayList<>(List.of("kind = QuantityKind." + kind));
        if (kind.equals("OTHER")) {
            attributes.add("name = \"temperature\"");
        }
        attributes.add("shape = PhaseShape.LINEAR");
        attributes.add("start = " + (attribute.equals("start") ? written : "0.1"));
        attributes.add("end = " + (attribute.equals("end") ? written : "0.2"));
        attributes.add("steps = 1000");
        assertOnlyError(besideSchedule(attributes), attribute + " = " + written,
                attribute + " = " + echoed + " is not allowed: " + allowed);
    }

    /** The ends of each kind's bounds that are in them; a negative value of {@code OTHER}. */
    @ParameterizedTest(name = "kind = QuantityKind.{0}, start = {1}, end = {2}")
    @CsvSource(delimiter = '|', value = {
        "MOMENTUM     | 0.0   | 1.0",
        "MOMENTUM     | 1.0   | 0.0",
        "WEIGHT_DECAY | 0.0   | 1e6",
        "DROPOUT      | 0.0   | 0.999",
        "OTHER        | -50.0 | 1e300",
    })
    void valuesOnTheKindsBoundsCompile(String kind, String start, String end) {
        JavaFileObject source = besideSchedule("kind = QuantityKind." + kind, "name = \"value\"",
                "shape = PhaseShape.LINEAR", "start = " + start, "end = " + end, "steps = 1000");
        assertCompilesWithoutWarnings(source);
    }

    // ---------------------------------------------------------------------------------------------- steps

    @ParameterizedTest(name = "steps = {0}")
    @ValueSource(strings = {"0", "-5", "Long.MIN_VALUE"})
    void stepsNotPositiveIsAnError(String written) {
        String echoed = written.equals("Long.MIN_VALUE") ? "-9223372036854775808L" : written;
        assertOnlyError(besideSchedule("kind = QuantityKind.WEIGHT_DECAY", "shape = PhaseShape.COSINE",
                        "start = 0.04", "end = 0.4", "steps = " + written), "steps = " + written,
                "steps = " + echoed + " is not allowed: the length of the move from start to end must be > 0");
    }

    // ---------------------------------------------------------------------------------------------- name

    /** The name is not written: the error is on the kind, which has no default name. */
    @Test
    void otherWithoutANameIsAnError() {
        assertOnlyError(besideSchedule("kind = QuantityKind.OTHER", "shape = PhaseShape.LINEAR", "start = 1.0",
                        "end = 2.0", "steps = 100"), "kind = QuantityKind.OTHER",
                "name is required with kind = QuantityKind.OTHER, which has no default: give the method's name");
    }

    @Test
    void otherWithAnEmptyNameIsAnErrorOnName() {
        assertOnlyError(besideSchedule("kind = QuantityKind.OTHER", "name = \"\"", "shape = PhaseShape.LINEAR",
                        "start = 1.0", "end = 2.0", "steps = 100"), "name = \"\"",
                "name is required with kind = QuantityKind.OTHER, which has no default: give the method's name");
    }

    /** {@code name = ""} is the kind's default name, as unset. */
    @Test
    void anEmptyNameIsTheKindsName() {
        Compilation compilation = Compiler.compile(besideSchedule(with(WEIGHT_DECAY, 1, "name = \"\"")));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.SchedStepLr").contentsAsUtf8String()
                .contains("public double weightDecay(long step)");
    }

    /** A private method of the schedule's class: {@code factor1} of a chained schedule. */
    @Test
    void nameOfAPrivateMethodOfTheScheduleIsAnError() {
        assertOnlyError(sched("@ChainedSchedule(baseLr = 0.1, factors = {@Factor(shape = FactorShape.EXP,"
                        + " gamma = 0.999)})", quantity("kind = QuantityKind.OTHER", "name = \"factor1\"",
                        "shape = PhaseShape.LINEAR", "start = 1.0", "end = 2.0", "steps = 100")),
                "name = \"factor1\"", "name = \"factor1\" is not allowed: the generated class has a method factor1"
                        + " already; set name = \"...\" to another name");
    }

    /** WARMUP_STEPS of a schedule without warmup is still a constant of its class (warmupSteps() returns it). */
    @Test
    void nameWhoseConstantsWouldBeWarmupStepsIsAnErrorWithoutWarmupToo() {
        assertOnlyError(sched("@WarmupSchedule(steps = 0, initLr = 0.1)", quantity("kind = QuantityKind.OTHER",
                        "name = \"warmup\"", "shape = PhaseShape.LINEAR", "start = 1.0", "end = 2.0", "steps = 100")),
                "name = \"warmup\"", "name = \"warmup\" is not allowed: its constants would be named WARMUP_...,"
                        + " as the schedule's own WARMUP_STEPS");
    }

    /** aB and AB: other constants' names, but one ND4J class name, ABSchedule. */
    @Test
    void namesOfOneScheduleClassAreAnError() {
        JavaFileObject source = sched(SCHEDULE,
                quantity("kind = QuantityKind.OTHER", "name = \"aB\"", "shape = PhaseShape.LINEAR", "start = 1.0",
                        "end = 2.0", "steps = 100"),
                quantity("kind = QuantityKind.OTHER", "name = \"AB\"", "shape = PhaseShape.LINEAR", "start = 1.0",
                        "end = 2.0", "steps = 100"));
        assertOnlyErrorOn(source, "name = \"AB\"", 1, "quantity 2: name = \"AB\" is not allowed: the generated class"
                + " has aB(step), whose constants and ND4J schedule class would be named as this one's (another"
                + " @Quantity)");
    }

    /** A change end - start too large for a double: an error on end, not on the schedule's attribute. */
    @Test
    void aChangeThatIsNotFiniteIsAnErrorOnEnd() {
        assertOnlyError(besideSchedule("kind = QuantityKind.OTHER", "name = \"x\"", "shape = PhaseShape.LINEAR",
                        "start = -1e308", "end = 1e308", "steps = 100"), "end = 1e308",
                "end = 1.0E308 is not allowed: the change end - start from start = -1.0E308 must be finite");
    }

    /** A name whose constants would be named as the schedule's: {@code warmup} beside a warmup's WARMUP_STEPS. */
    @Test
    void nameWhoseConstantsWouldBeTheSchedulesIsAnError() {
        assertOnlyError(besideSchedule(with(WEIGHT_DECAY, 1, "name = \"warmup\"")), "name = \"warmup\"",
                "name = \"warmup\" is not allowed: its constants would be named WARMUP_..., as the schedule's own"
                        + " WARMUP_");
    }

    @ParameterizedTest(name = "name = \"{0}\"")
    @ValueSource(strings = {"1st", "teacher momentum", "teacher-momentum", "momentum()", "class", "null", "_"})
    void nameThatIsNotAJavaIdentifierIsAnError(String name) {
        assertOnlyError(besideSchedule(with(WEIGHT_DECAY, 1, "name = \"" + name + "\"")), "name = \"" + name + "\"",
                "name = \"" + name + "\" is not allowed: the method's name must be a Java identifier");
    }

    @ParameterizedTest(name = "name = \"{0}\"")
    @ValueSource(strings = {"lr", "factor", "peakLr", "warmupSteps", "lrFloat", "toString", "hashCode", "valueAt"})
    void nameOfAMethodTheClassHasIsAnError(String name) {
        assertOnlyError(besideSchedule(with(WEIGHT_DECAY, 1, "name = \"" + name + "\"")), "name = \"" + name + "\"",
                "name = \"" + name + "\" is not allowed: the generated class has a method " + name
                        + " already; set name = \"...\" to another name");
    }

    // ---------------------------------------------------------------------------------------------- repeated

    @Test
    void twoQuantitiesOfTheSameNameIsAnErrorOnTheSecondsName() {
        JavaFileObject source = sched(SCHEDULE,
                quantity("kind = QuantityKind.MOMENTUM", "name = \"teacherMomentum\"", "shape = PhaseShape.COSINE",
                        "start = 0.996", "end = 1.0", "steps = 5000"),
                quantity("kind = QuantityKind.OTHER", "name = \"teacherMomentum\"", "shape = PhaseShape.LINEAR",
                        "start = 1.0", "end = 2.0", "steps = 100"));
        assertOnlyErrorOn(source, "name = \"teacherMomentum\"", 2, "quantity 2: name = \"teacherMomentum\" is not"
                + " allowed: the generated class has teacherMomentum(step) already (another @Quantity); set"
                + " name = \"...\" to another name");
    }

    /** Two weight decays without a name: both are weightDecay; the name is not written, so the second's kind. */
    @Test
    void twoQuantitiesOfTheSameDefaultNameIsAnErrorOnTheSecond() {
        JavaFileObject source = sched(SCHEDULE, quantity(WEIGHT_DECAY),
                quantity("kind = QuantityKind.WEIGHT_DECAY", "shape = PhaseShape.LINEAR", "start = 0.1", "end = 0.0",
                        "steps = 100"));
        assertOnlyErrorOn(source, "kind = QuantityKind.WEIGHT_DECAY", 2, "quantity 2: name = \"weightDecay\" (the"
                + " default of kind = QuantityKind.WEIGHT_DECAY) is not allowed: the generated class has"
                + " weightDecay(step) already (another @Quantity)");
    }

    @Test
    void errorOfTheSecondOfRepeatedQuantitiesIsOnItsAttribute() {
        JavaFileObject source = sched(SCHEDULE, quantity(WEIGHT_DECAY),
                quantity("kind = QuantityKind.DROPOUT", "shape = PhaseShape.LINEAR", "start = 0.1", "end = 1.0",
                        "steps = 100"));
        assertOnlyErrorOn(source, "end = 1.0", 1, "quantity 2: end = 1.0 is not allowed: a dropout probability must"
                + " be in [0, 1)");
    }

    @Test
    void errorOfTheFirstOfRepeatedQuantitiesIsOnItsAttribute() {
        JavaFileObject source = sched(SCHEDULE,
                quantity("kind = QuantityKind.WEIGHT_DECAY", "shape = PhaseShape.COSINE", "start = 0.04", "end = 0.4",
                        "steps = 0"),
                quantity("kind = QuantityKind.DROPOUT", "shape = PhaseShape.LINEAR", "start = 0.1", "end = 0.0",
                        "steps = 100"));
        assertOnlyErrorOn(source, "steps = 0", 1, "quantity 1: steps = 0 is not allowed: the length of the move from"
                + " start to end must be > 0");
    }

    // ---------------------------------------------------------------------------------------------- momentum

    /** A one-cycle or cyclic schedule has momentum(step) of its own; the name is not written, so the kind. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"@OneCycleSchedule(maxLr = 0.1, totalSteps = 1000)",
        "@CyclicSchedule(baseLr = 0.001, maxLr = 0.1)"})
    void momentumBesideACycledMomentumIsAnError(String schedule) {
        assertOnlyError(sched(schedule, quantity("kind = QuantityKind.MOMENTUM", "shape = PhaseShape.COSINE",
                        "start = 0.9", "end = 0.99", "steps = 1000")), "kind = QuantityKind.MOMENTUM",
                "name = \"momentum\" (the default of kind = QuantityKind.MOMENTUM) is not allowed: the generated class"
                        + " has momentum(step) already (the momentum the schedule cycles unless cycleMomentum ="
                        + " false); set name = \"...\" to another name");
    }

    @Test
    void quantityNamedMomentumBesideACycledMomentumIsAnErrorOnName() {
        assertOnlyError(sched("@OneCycleSchedule(maxLr = 0.1, totalSteps = 1000)",
                        quantity(WEIGHT_DECAY, 1, "name = \"momentum\"")), "name = \"momentum\"",
                "name = \"momentum\" is not allowed: the generated class has momentum(step) already (the momentum"
                        + " the schedule cycles unless cycleMomentum = false); set name = \"...\" to another name");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"@OneCycleSchedule(maxLr = 0.1, totalSteps = 1000, cycleMomentum = false)",
        "@CyclicSchedule(baseLr = 0.001, maxLr = 0.1, cycleMomentum = false)"})
    void momentumBesideAScheduleWithoutCycleMomentumCompiles(String schedule) {
        assertCompilesWithoutWarnings(sched(schedule, quantity("kind = QuantityKind.MOMENTUM",
                "shape = PhaseShape.COSINE", "start = 0.9", "end = 0.99", "steps = 1000")));
    }

    @Test
    void momentumOfAnotherNameBesideACycledMomentumCompiles() {
        assertCompilesWithoutWarnings(sched("@OneCycleSchedule(maxLr = 0.1, totalSteps = 1000)",
                quantity("kind = QuantityKind.MOMENTUM", "name = \"teacherMomentum\"", "shape = PhaseShape.COSINE",
                        "start = 0.996", "end = 1.0", "steps = 1000")));
    }

    // ---------------------------------------------------------------------------------------------- shapes

    @ParameterizedTest(name = "shape = PhaseShape.{0}")
    @ValueSource(strings = {"CONSTANT", "LINEAR", "EXPONENTIAL", "ONE_MINUS_SQRT"})
    void powerWithoutPolyOrCosineIsAnError(String shape) {
        assertOnlyError(besideSchedule("kind = QuantityKind.WEIGHT_DECAY", "shape = PhaseShape." + shape,
                        "start = 0.04", "end = 0.4", "steps = 5000", "power = 2.0"), "power = 2.0",
                "power = 2.0 has no effect: shape = PhaseShape." + shape + " does not use it; remove it, or set"
                        + " shape = PhaseShape.POLY or PhaseShape.COSINE");
    }

    @ParameterizedTest(name = "power = {0}")
    @CsvSource(delimiter = '|', value = {
        "0.0        | 0.0",
        "Double.NaN | NaN",
    })
    void cosinePowerNotFiniteAndPositiveIsAnError(String written, String echoed) {
        assertOnlyError(besideSchedule("kind = QuantityKind.WEIGHT_DECAY", "shape = PhaseShape.COSINE",
                        "start = 0.04", "end = 0.4", "steps = 5000", "power = " + written), "power = " + written,
                "power = " + echoed + " is not allowed: the exponent of the cosine must be finite and > 0");
    }

    @ParameterizedTest(name = "power = {0}")
    @CsvSource(delimiter = '|', value = {
        "0.0                      | 0.0",
        "-1.0                     | -1.0",
        "Double.NaN               | NaN",
        "Double.POSITIVE_INFINITY | Infinity",
    })
    void polyPowerNotFiniteAndPositiveIsAnError(String written, String echoed) {
        assertOnlyError(besideSchedule("kind = QuantityKind.WEIGHT_DECAY", "shape = PhaseShape.POLY", "start = 0.04",
                        "end = 0.4", "steps = 5000", "power = " + written), "power = " + written,
                "power = " + echoed + " is not allowed: the exponent of the polynomial must be finite and > 0");
    }

    @ParameterizedTest(name = "kind = QuantityKind.{0}")
    @ValueSource(strings = {"MOMENTUM", "WEIGHT_DECAY", "DROPOUT"})
    void exponentialFromZeroIsAnErrorOnStart(String kind) {
        assertOnlyError(besideSchedule("kind = QuantityKind." + kind, "shape = PhaseShape.EXPONENTIAL", "start = 0.0",
                        "end = 0.5", "steps = 100"), "start = 0.0",
                "start = 0.0 is not allowed: an exponential shape multiplies the value, so it must start > 0");
    }

    @Test
    void exponentialToZeroIsAnErrorOnEnd() {
        assertOnlyError(besideSchedule("kind = QuantityKind.DROPOUT", "shape = PhaseShape.EXPONENTIAL", "start = 0.5",
                        "end = 0.0", "steps = 100"), "end = 0.0",
                "end = 0.0 is not allowed: an exponential shape multiplies the value, so it must end > 0");
    }

    @ParameterizedTest(name = "start = {0}, end = {1}")
    @CsvSource(delimiter = '|', value = {
        "0.1 | 0.2",
        "0.2 | 0.2",
    })
    void inverseSquareRootNotFallingIsAnErrorOnStart(String start, String end) {
        assertOnlyError(besideSchedule("kind = QuantityKind.WEIGHT_DECAY", "shape = PhaseShape.INV_SQRT",
                        "start = " + start, "end = " + end, "steps = 100"), "start = " + start,
                "start = " + start + " is not allowed: an inverse square root shape falls, so it must start above"
                        + " end = " + end);
    }

    @Test
    void inverseSquareRootToZeroIsAnErrorOnEnd() {
        assertOnlyError(besideSchedule("kind = QuantityKind.WEIGHT_DECAY", "shape = PhaseShape.INV_SQRT",
                        "start = 0.1", "end = 0.0", "steps = 100"), "end = 0.0",
                "end = 0.0 is not allowed: an inverse square root shape ends at a value > 0");
    }

    /** a / b overflows: tau = L / ((a / b)^2 - 1) is 0. */
    @Test
    void inverseSquareRootWhoseTimeScaleIsZeroIsAnErrorOnEnd() {
        assertOnlyError(besideSchedule("kind = QuantityKind.OTHER", "name = \"temperature\"",
                        "shape = PhaseShape.INV_SQRT", "start = 1e300", "end = 1e-10", "steps = 100"), "end = 1e-10",
                "end = 1.0E-10 is not allowed: the time scale tau = L * b^2 / (a^2 - b^2) that reaches it from a ="
                        + " 1.0E300 is 0.0; it must be finite and > 0");
    }

    // ---------------------------------------------------------------------------------------------- the class

    @Test
    void quantityWithoutAScheduleIsAnError() {
        assertOnlyError(sched(quantity(WEIGHT_DECAY)), QUANTITY, "@Quantity adds a quantity to a schedule's generated"
                + " class, but p.Sched has no schedule annotation: add @WarmupSchedule, @PhasedSchedule,"
                + " @OneCycleSchedule, @CyclicSchedule, @WarmRestartsSchedule or @ChainedSchedule beside it");
    }

    /** javac wraps them in @Quantities, written nowhere: the error goes on the first. */
    @Test
    void repeatedQuantitiesWithoutAScheduleIsOneError() {
        JavaFileObject source = sched(quantity(WEIGHT_DECAY), quantity("kind = QuantityKind.DROPOUT",
                "shape = PhaseShape.LINEAR", "start = 0.1", "end = 0.0", "steps = 100"));
        assertOnlyErrorOn(source, QUANTITY, 1, "@Quantity adds a quantity to a schedule's generated class, but"
                + " p.Sched has no schedule annotation: add @WarmupSchedule, @PhasedSchedule, @OneCycleSchedule,"
                + " @CyclicSchedule, @WarmRestartsSchedule or @ChainedSchedule beside it");
    }

    @Test
    void quantityBesidePlateauScheduleIsAnError() {
        assertOnlyError(sched("@PlateauSchedule(initLr = 0.1)", quantity(WEIGHT_DECAY)), QUANTITY,
                "@Quantity is not supported with @PlateauSchedule: its rate is set by observations; declare the"
                        + " quantity beside a schedule of another class");
    }

    /** The ND4J adapter nests WeightDecaySchedule in the generated class, which cannot have its name. */
    @Test
    void nd4jScheduleClassOfTheGeneratedClassesNameIsAnErrorOnAdapters() {
        assertOnlyError(sched("@WarmupSchedule(steps = 20, initLr = 0.1, name = \"WeightDecaySchedule\")",
                        "@Adapters(Framework.ND4J)", quantity(WEIGHT_DECAY)), "@Adapters(Framework.ND4J)",
                "Framework.ND4J adds a class WeightDecaySchedule for weightDecay(step) inside the generated class,"
                        + " which has that name too; set name = \"...\" of the schedule to another class name");
    }

    @Test
    void theScheduleAndTheQuantityAreCheckedInOneCompile() {
        JavaFileObject source = sched("@WarmupSchedule(steps = 20, initLr = -1.0)",
                quantity("kind = QuantityKind.WEIGHT_DECAY", "shape = PhaseShape.COSINE", "start = 0.04",
                        "end = 0.4", "steps = 0"));
        Compilation compilation = Compiler.compile(source);
        assertThat(compilation).hadErrorContaining("initLr = -1.0 is not allowed").inFile(source)
                .onLineContaining("@WarmupSchedule(");
        assertThat(compilation).hadErrorContaining("steps = 0 is not allowed: the length of the move from start to end"
                + " must be > 0").inFile(source).onLineContaining("steps = 0");
        assertThat(compilation).hadErrorCount(2);
    }

    /** DINO's schedules: the rate, the weight decay and the teacher's momentum, all cosines. */
    @Test
    void dinoCompilesWithoutWarnings() throws ReflectiveOperationException {
        JavaFileObject source = sched(
                "@WarmupSchedule(steps = 500, initLr = 5e-4, decay = Decay.COSINE, totalSteps = 5000, minLr = 1e-6)",
                quantity("kind = QuantityKind.WEIGHT_DECAY", "shape = PhaseShape.COSINE", "start = 0.04",
                        "end = 0.4", "steps = 5000"),
                quantity("kind = QuantityKind.MOMENTUM", "name = \"teacherMomentum\"", "shape = PhaseShape.COSINE",
                        "start = 0.996", "end = 1.0", "steps = 5000"));
        Compilation compilation = assertCompilesWithoutWarnings(source);
        Object schedule = new Compiler.Loader(compilation).schedule("p.SchedStepLr");
        assertEquals(0.04, value(schedule, "weightDecay", 0), 0.0);
        assertEquals(0.22, value(schedule, "weightDecay", 2500), 1e-15);
        assertEquals(0.4, value(schedule, "weightDecay", 5000), 0.0);
        assertEquals(0.4, value(schedule, "weightDecay", 1_000_000), 0.0);
        assertEquals(0.996, value(schedule, "teacherMomentum", 0), 0.0);
        assertEquals(0.998, value(schedule, "teacherMomentum", 2500), 1e-15);
        assertEquals(1.0, value(schedule, "teacherMomentum", 5000), 0.0);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** {@code @Quantity} with {@code attributes}, one a line, beside {@link #SCHEDULE}. */
    private static JavaFileObject besideSchedule(String... attributes) {
        return sched(SCHEDULE, quantity(attributes));
    }

    private static JavaFileObject besideSchedule(List<String> attributes) {
        return besideSchedule(attributes.toArray(String[]::new));
    }


    /** A {@code @Quantity} with one attribute a line. */
    private static String quantity(String... attributes) {
        return ErrorSources.oneAttributeALine(QUANTITY, attributes);
    }

    private static String quantity(List<String> attributes) {
        return quantity(attributes.toArray(String[]::new));
    }

    /** {@code attributes} with {@code attribute} inserted at {@code index}. */
    private static List<String> with(List<String> attributes, int index, String attribute) {
        List<String> all = new ArrayList<>(attributes);
        all.add(index, attribute);
        return all;
    }

    private static String quantity(List<String> attributes, int index, String attribute) {
        return quantity(with(attributes, index, attribute));
    }

    /**
     * Compiles {@code source} alone: it fails with one error, {@code message}, on the {@code occurrence}th (from 1)
     * line containing {@code text}; for sources where the text of the line at fault is on another line too.
     */
    private static void assertOnlyErrorOn(JavaFileObject source, String text, int occurrence, String message) {
        Compilation compilation = Compiler.compile(source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining(message).inFile(source).onLine(lineOf(source, text, occurrence));
        assertThat(compilation).hadErrorCount(1);
    }

    /** The number (from 1) of the {@code occurrence}th line of {@code source} that contains {@code text}. */
    private static long lineOf(JavaFileObject source, String text, int occurrence) {
        List<String> lines;
        try {
            lines = source.getCharContent(true).toString().lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int seen = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text) && ++seen == occurrence) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no line " + occurrence + " containing " + text);
    }

    /** Compiles {@code source} alone: it succeeds without a warning and generates {@code p.SchedStepLr}. */
    private static Compilation assertCompilesWithoutWarnings(JavaFileObject source) {
        Compilation compilation = Compiler.compile(source);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.SchedStepLr");
        return compilation;
    }

    /** {@code method(step)} of a generated class, which is not public. */
    private static double value(Object schedule, String method, long step) throws ReflectiveOperationException {
        Method m = schedule.getClass().getMethod(method, long.class);
        m.setAccessible(true);
        return (double) m.invoke(schedule, step);
    }
}
