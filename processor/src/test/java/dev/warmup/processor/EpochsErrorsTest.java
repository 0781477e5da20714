package dev.warmup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.warmup.processor.ErrorSources.sched;
import static dev.warmup.processor.WarmupScheduleErrorsTest.assertOnlyError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.warmup.StepLr;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every error of {@code @Epochs}: the message, the file, and the line of the attribute at fault, or of the
 * {@code @Epochs(} line when the error is about the annotation as a whole. Sources put one attribute a line, so a line
 * names one attribute. The expected messages are the processor's specification, written from its message text.
 */
class EpochsErrorsTest {

    /** The schedule beside {@code @Epochs} unless a test says otherwise: valid, without a momentum. */
    private static final String SCHEDULE = "@WarmupSchedule(steps = 5, initLr = 0.1)";

    /** The line javac points at when a diagnostic is about {@code @Epochs} as a whole. */
    private static final String EPOCHS = "@Epochs(";

    /** What {@code @Epochs} beside an annotation whose values change every update says. */
    private static final String NOT_WITH = "@Epochs is not supported with %s, whose values change every update:"
            + " set everyUpdate = true for a schedule that changes every update too, its lengths in epochs";

    /** What {@code @Epochs(stepsPerEpoch = 50)} beside a schedule with a momentum says. */
    private static final String MOMENTUM = "stepsPerEpoch = 50 is not allowed beside a schedule with a momentum,"
            + " whose values change every update: set everyUpdate = true for a rate that changes every update too, or"
            + " cycleMomentum = false";

    // ---------------------------------------------------------------------------------------------- stepsPerEpoch

    @ParameterizedTest(name = "stepsPerEpoch = {0}")
    @CsvSource(delimiter = '|', value = {
        "0              | 0",
        "-1             | -1",
        "Long.MIN_VALUE | -9223372036854775808L",
    })
    void stepsPerEpochNotPositiveIsAnError(String written, String echoed) {
        assertOnlyError(sched(SCHEDULE, epochs("stepsPerEpoch = " + written)), "stepsPerEpoch = " + written,
                "stepsPerEpoch = " + echoed + " is not allowed: the number of updates in an epoch must be > 0");
    }

    /** The warmup is 10^12 epochs; 10^12 * 10^8 updates is more than Long.MAX_VALUE (about 9.2 * 10^18). */
    @Test
    void warmupOfMoreThanLongMaxValueUpdatesIsAnErrorOnStepsPerEpoch() {
        assertOnlyError(sched("@WarmupSchedule(steps = 1000000000000L, initLr = 0.1)",
                        epochs("stepsPerEpoch = 100000000L")), "stepsPerEpoch = 100000000L",
                "stepsPerEpoch = 100000000 is not allowed: the warmup of 1000000000000 epochs would be more than"
                        + " Long.MAX_VALUE updates");
    }

    /** Long.MAX_VALUE = 7 * 1317624576693539401: a warmup of 7 epochs of that many updates ends on it exactly. */
    @Test
    void warmupOfExactlyLongMaxValueUpdatesCompiles() {
        Compilation compilation = assertCompilesWithoutWarnings(sched("@WarmupSchedule(steps = 7, initLr = 0.1)",
                epochs("stepsPerEpoch = 1317624576693539401L")));
        StepLr schedule = new Compiler.Loader(compilation).schedule("p.SchedStepLr");
        assertEquals(Long.MAX_VALUE, schedule.warmupSteps());
        assertEquals(0.0, schedule.lr(1317624576693539400L), 0.0);
        assertEquals(0.1 / 7, schedule.lr(1317624576693539401L), 1e-17);
        assertEquals(0.1 * 6 / 7, schedule.lr(Long.MAX_VALUE - 1), 1e-16);
        assertEquals(0.1, schedule.lr(Long.MAX_VALUE), 0.0);
    }

    /** One update an epoch more than the test above: 7 * 1317624576693539402 is more than Long.MAX_VALUE. */
    @Test
    void warmupOfOneEpochMoreThanLongMaxValueUpdatesIsAnError() {
        assertOnlyError(sched("@WarmupSchedule(steps = 7, initLr = 0.1)",
                        epochs("stepsPerEpoch = 1317624576693539402L")), "stepsPerEpoch = 1317624576693539402L",
                "stepsPerEpoch = 1317624576693539402L is not allowed: the warmup of 7 epochs would be more than"
                        + " Long.MAX_VALUE updates");
    }

    // ---------------------------------------------------------------------------------------------- momentum

    /** A one-cycle or cyclic schedule cycles a momentum unless cycleMomentum = false: the error is on stepsPerEpoch. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"@OneCycleSchedule(maxLr = 0.1, totalSteps = 1000)",
        "@CyclicSchedule(baseLr = 0.001, maxLr = 0.1)"})
    void epochsBesideACycledMomentumIsAnErrorOnStepsPerEpoch(String schedule) {
        assertOnlyError(sched(schedule, epochs("stepsPerEpoch = 50")), "stepsPerEpoch = 50", MOMENTUM);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"@OneCycleSchedule(maxLr = 0.1, totalSteps = 1000, cycleMomentum = false)",
        "@CyclicSchedule(baseLr = 0.001, maxLr = 0.1, cycleMomentum = false)"})
    void epochsBesideAScheduleWithoutCycleMomentumCompiles(String schedule) {
        assertCompilesWithoutWarnings(sched(schedule, epochs("stepsPerEpoch = 50")));
    }

    /** stepsPerEpoch is checked first: one error, on it, and not the momentum's as well. */
    @Test
    void stepsPerEpochNotPositiveBesideACycledMomentumIsOneError() {
        assertOnlyError(sched("@OneCycleSchedule(maxLr = 0.1, totalSteps = 1000)", epochs("stepsPerEpoch = 0")),
                "stepsPerEpoch = 0", "stepsPerEpoch = 0 is not allowed: the number of updates in an epoch must be > 0");
    }

    // ---------------------------------------------------------------------------------------------- not with

    @Test
    void epochsBesidePlateauScheduleIsAnError() {
        assertOnlyError(sched("@PlateauSchedule(initLr = 0.1)", epochs("stepsPerEpoch = 50")), EPOCHS,
                "@Epochs is not supported with @PlateauSchedule, whose rate changes at evaluations, not epochs:"
                        + " remove @Epochs");
    }

    @Test
    void epochsBesideUntunedWarmupIsAnError() {
        assertOnlyError(sched(SCHEDULE, "@UntunedWarmup(UntunedRule.LINEAR)", epochs("stepsPerEpoch = 50")), EPOCHS,
                String.format(NOT_WITH, "@UntunedWarmup"));
    }

    @Test
    void epochsBesideAQuantityIsAnError() {
        assertOnlyError(sched(SCHEDULE, "@Quantity(kind = QuantityKind.WEIGHT_DECAY, shape = PhaseShape.COSINE,"
                        + " start = 0.04, end = 0.4, steps = 5000)", epochs("stepsPerEpoch = 50")), EPOCHS,
                String.format(NOT_WITH, "@Quantity"));
    }

    /** javac wraps repeated {@code @Quantity} in {@code @Quantities}, written nowhere: the error is on @Epochs still. */
    @Test
    void epochsBesideRepeatedQuantitiesIsAnError() {
        assertOnlyError(sched(SCHEDULE,
                        "@Quantity(kind = QuantityKind.WEIGHT_DECAY, shape = PhaseShape.COSINE, start = 0.04,"
                                + " end = 0.4, steps = 5000)",
                        "@Quantity(kind = QuantityKind.DROPOUT, shape = PhaseShape.LINEAR, start = 0.1, end = 0.0,"
                                + " steps = 100)",
                        epochs("stepsPerEpoch = 50")), EPOCHS,
                String.format(NOT_WITH, "@Quantity"));
    }

    // ---------------------------------------------------------------------------------------------- everyUpdate

    /** Every update, a length in epochs is converted: one past Long.MAX_VALUE updates is an error on it. */
    @Test
    void aLengthOfMoreThanLongMaxValueUpdatesIsAnErrorOnTheLength() {
        assertOnlyError(sched("@WarmupSchedule(\n        steps = 5,\n        initLr = 0.1,\n"
                        + "        decay = Decay.COSINE,\n        totalSteps = 1000000000000000000L)",
                        epochs("stepsPerEpoch = 10", "everyUpdate = true")), "totalSteps = 1000000000000000000L",
                "totalSteps = 1000000000000000000L epochs is not allowed: at 10 updates an epoch (@Epochs"
                        + " stepsPerEpoch) it is more than Long.MAX_VALUE updates");
    }

    /** Inside a nested annotation, the error is on the phase's length, its message starting with the phase. */
    @Test
    void aPhaseOfMoreThanLongMaxValueUpdatesIsAnErrorOnItsLength() {
        assertOnlyError(sched("@PhasedSchedule(phases = {\n        @Phase(steps = 5, shape = PhaseShape.LINEAR,"
                        + " endLr = 0.1),\n        @Phase(steps = 4611686018427387904L, shape = PhaseShape.CONSTANT,"
                        + " endLr = 0.1)})", epochs("stepsPerEpoch = 2", "everyUpdate = true")),
                "steps = 4611686018427387904L",
                "phase 2: steps = 4611686018427387904L epochs is not allowed: at 2 updates an epoch (@Epochs"
                        + " stepsPerEpoch) it is more than Long.MAX_VALUE updates");
    }

    /** The schedule's own errors show the length as written, in epochs, and in updates, and their limits so too. */
    @Test
    void aScheduleErrorShowsBothUnits() {
        assertOnlyError(sched("@WarmupSchedule(\n        steps = 5,\n        initLr = 0.1,\n"
                        + "        decay = Decay.COSINE,\n        totalSteps = 4)",
                        epochs("stepsPerEpoch = 50", "everyUpdate = true")), "totalSteps = 4",
                "totalSteps = 4 epochs (200 updates) is not allowed: the step at which the rate reaches minLr must be"
                        + " > steps = 5 epochs (250 updates)");
    }

    /** A wrong stepsPerEpoch does not hide the schedule's own errors: both are reported in one compile. */
    @Test
    void stepsPerEpochNotPositiveEveryUpdateAndTheScheduleAreCheckedInOneCompile() {
        JavaFileObject source = sched("@WarmupSchedule(\n        steps = 20,\n        initLr = -1.0)",
                epochs("stepsPerEpoch = 0", "everyUpdate = true"));
        Compilation compilation = Compiler.compile(source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("initLr = -1.0 is not allowed").inFile(source)
                .onLineContaining("initLr = -1.0");
        assertThat(compilation).hadErrorContaining("stepsPerEpoch = 0 is not allowed").inFile(source)
                .onLineContaining("stepsPerEpoch = 0");
        assertThat(compilation).hadErrorCount(2);
    }

    /** A length that is not positive is the schedule's error, on the length as written, not converted. */
    @Test
    void aLengthNotPositiveIsTheSchedulesErrorAsWritten() {
        assertOnlyError(sched("@WarmupSchedule(\n        steps = -4611686018427387905L,\n        initLr = 0.1)",
                        epochs("stepsPerEpoch = 2", "everyUpdate = true")), "steps = -4611686018427387905L",
                "steps = -4611686018427387905L is not allowed: the warmup length W must be >= 0 (0 means no warmup)");
    }

    @Test
    void stepsPerEpochNotPositiveEveryUpdateIsOneError() {
        assertOnlyError(sched(SCHEDULE, epochs("stepsPerEpoch = 0", "everyUpdate = true")), "stepsPerEpoch = 0",
                "stepsPerEpoch = 0 is not allowed: the number of updates in an epoch must be > 0");
    }

    /** A schedule that changes every update goes with a momentum, @UntunedWarmup and @Quantity. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"@OneCycleSchedule(maxLr = 0.1, totalSteps = 10)",
        "@WarmupSchedule(steps = 0, initLr = 0.1, decay = Decay.COSINE, totalSteps = 10)\n"
                + "@UntunedWarmup(UntunedRule.LINEAR)",
        "@WarmupSchedule(steps = 5, initLr = 0.1)\n@Quantity(kind = QuantityKind.WEIGHT_DECAY,"
                + " shape = PhaseShape.COSINE, start = 0.04, end = 0.4, steps = 100)"})
    void everyUpdateGoesWithWhatChangesEveryUpdate(String schedule) {
        assertCompilesWithoutWarnings(sched(schedule, epochs("stepsPerEpoch = 50", "everyUpdate = true")));
    }

    @Test
    void everyUpdateBesidePlateauScheduleIsAnError() {
        assertOnlyError(sched("@PlateauSchedule(initLr = 0.1)", epochs("stepsPerEpoch = 50", "everyUpdate = true")),
                EPOCHS, "@Epochs is not supported with @PlateauSchedule, whose rate changes at evaluations, not"
                        + " epochs: remove @Epochs");
    }

    // ---------------------------------------------------------------------------------------------- the class

    @Test
    void epochsWithoutAScheduleIsAnError() {
        assertOnlyError(sched(epochs("stepsPerEpoch = 50")), EPOCHS, "@Epochs steps a schedule once an epoch, but"
                + " p.Sched has no schedule annotation: add @WarmupSchedule, @PhasedSchedule, @OneCycleSchedule,"
                + " @CyclicSchedule, @WarmRestartsSchedule or @ChainedSchedule beside it");
    }

    @Test
    void theScheduleAndStepsPerEpochAreCheckedInOneCompile() {
        JavaFileObject source = sched("@WarmupSchedule(\n        steps = 20,\n        initLr = -1.0)",
                epochs("stepsPerEpoch = 0"));
        Compilation compilation = Compiler.compile(source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("initLr = -1.0 is not allowed").inFile(source)
                .onLineContaining("initLr = -1.0");
        assertThat(compilation).hadErrorContaining("stepsPerEpoch = 0 is not allowed: the number of updates in an"
                + " epoch must be > 0").inFile(source).onLineContaining("stepsPerEpoch = 0");
        assertThat(compilation).hadErrorCount(2);
    }

    /** A valid @Epochs beside an invalid schedule adds no error of its own. */
    @Test
    void anInvalidScheduleBesideValidEpochsIsOneError() {
        JavaFileObject source = sched("@WarmupSchedule(\n        steps = 20,\n        initLr = -1.0)",
                epochs("stepsPerEpoch = 50"));
        Compilation compilation = Compiler.compile(source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("initLr = -1.0 is not allowed").inFile(source)
                .onLineContaining("initLr = -1.0");
        assertThat(compilation).hadErrorCount(1);
    }

    // ---------------------------------------------------------------------------------------------- the rate

    /**
     * 5 warmup epochs, drops at epochs 30, 60 and 80, 50 updates an epoch: every update of epoch e = step / 50 has
     * the warmup's or the decay's rate at e, by hand from the definitions: 0.1 * e / 5 for e < 5, 0.1 for e in
     * [5, 30), then 0.1 * 0.1^k after k milestones.
     */
    @Test
    void multistepInEpochsIsTheEpochsRate() {
        Compilation compilation = Compiler.compile(JavaFileObjects.forSourceLines("p.X", "package p;", "",
                "import dev.warmup.*;", "",
                "@WarmupSchedule(steps = 5, initLr = 0.1, decay = Decay.MULTISTEP, milestones = {30, 60, 80})",
                "@Epochs(stepsPerEpoch = 50)", "final class X {}"));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.XStepLr");
        StepLr schedule = new Compiler.Loader(compilation).schedule("p.XStepLr");
        assertEquals(250, schedule.warmupSteps());
        assertRates(schedule, 0.0, 0, 49);
        assertRates(schedule, 0.02, 50, 99);
        assertRates(schedule, 0.04, 100, 149);
        assertRates(schedule, 0.06, 150, 199);
        assertRates(schedule, 0.08, 200, 249);
        assertRates(schedule, 0.1, 250, 299, 1000, 1499);
        assertRates(schedule, 0.01, 1500, 1549, 2999);
        assertRates(schedule, 0.001, 3000, 3999);
        assertRates(schedule, 1e-4, 4000, 1_000_000);
        assertEquals(0.1, schedule.peakLr(), 0.0);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** lr(step) is {@code expected} at each step, to a few ulps: the generated code rounds as it computes. */
    private static void assertRates(StepLr schedule, double expected, long... steps) {
        for (long step : steps) {
            assertEquals(expected, schedule.lr(step), 4 * Math.ulp(expected), "lr(" + step + ")");
        }
    }


    /** An {@code @Epochs} with one attribute a line, the first on the line after {@code @Epochs(}. */
    private static String epochs(String... attributes) {
        return ErrorSources.oneAttributeALine(EPOCHS, attributes);
    }

    /** Compiles {@code source} alone: it succeeds without a warning and generates {@code p.SchedStepLr}. */
    private static Compilation assertCompilesWithoutWarnings(JavaFileObject source) {
        Compilation compilation = Compiler.compile(source);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.SchedStepLr");
        return compilation;
    }
}
