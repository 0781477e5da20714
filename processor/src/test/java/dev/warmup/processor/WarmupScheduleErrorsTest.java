package dev.warmup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every error and warning of {@code @WarmupSchedule}, and the processor's own (the class annotated, the generated
 * name): what it says, that it points at the attribute at fault (or, when there is
 * none, at the annotation), and that a warning still generates the class. Sources put one attribute per line, so a
 * line names one attribute. The expected messages are the processor's specification, written from its message text.
 */
class WarmupScheduleErrorsTest {

    /** The line javac points at when a diagnostic is about the annotation as a whole. */
    private static final String ANNOTATION = "@WarmupSchedule(";

    /** What each decay needs, besides steps and initLr, to be valid, so that a test changes only what it checks. */
    private static final Map<String, List<String>> NEEDS = Map.of(
            "EXP", List.of(),
            "STEP", List.of("stepSize = 10"),
            "MULTISTEP", List.of("milestones = {200, 300}"),
            "COSINE", List.of("totalSteps = 1000"),
            "LINEAR", List.of("totalSteps = 1000"),
            "POLY", List.of("totalSteps = 1000"));

    // ---------------------------------------------------------------------------------------------- steps, initLr

    @Test
    void negativeStepsIsAnErrorOnSteps() {
        assertOnlyError(schedule("steps = -1", "initLr = 0.1"), "steps = -1",
                "steps = -1 is not allowed: the warmup length W must be >= 0 (0 means no warmup)");
    }

    @ParameterizedTest(name = "initLr = {0}")
    @CsvSource(delimiter = '|', value = {
        "Double.NaN               | NaN",
        "0.0                      | 0.0",
        "-0.1                     | -0.1",
        "Double.POSITIVE_INFINITY | Infinity",
    })
    void initLrThatIsNotFiniteAndPositiveIsAnErrorOnInitLr(String written, String echoed) {
        assertOnlyError(schedule("steps = 100", "initLr = " + written), "initLr = " + written,
                "initLr = " + echoed + " is not allowed: the preset learning rate must be finite and > 0");
    }

    // ---------------------------------------------------------------------------------------------- warmup, startLr

    @ParameterizedTest(name = "startLr = {0}")
    @ValueSource(strings = {"-0.01", "0.2"})
    void startLrOutsideZeroToInitLrIsAnErrorOnStartLr(String startLr) {
        assertOnlyError(schedule("steps = 100", "initLr = 0.1", "startLr = " + startLr), "startLr = " + startLr,
                "startLr = " + startLr + " is not allowed: the rate at step 0 must be in [0, initLr] = [0, 0.1]");
    }

    /** A continuous exponential decay over stepSize steps (Keras's decay_steps): stepSize must be > 0. */
    @ParameterizedTest(name = "stepSize = {0}")
    @ValueSource(strings = {"0", "-5"})
    void exponentialDecayOverStepSizeNotPositiveIsAnErrorOnStepSize(String size) {
        assertOnlyError(schedule("steps = 0", "initLr = 0.1", "decay = Decay.EXP", "gamma = 0.96",
                        "stepSize = " + size), "stepSize = " + size, "stepSize = " + size + " is not allowed: the number"
                        + " of steps over which the rate is multiplied by gamma must be > 0");
    }

    /** A warmup that would fall: the message says which annotation writes it (Optax's init_value > peak_value). */
    @Test
    void startLrAboveInitLrPointsToAPhasedSchedule() {
        assertOnlyError(schedule("steps = 100", "initLr = 0.1", "startLr = 0.2"), "startLr = 0.2",
                "startLr = 0.2 is not allowed: the rate at step 0 must be in [0, initLr] = [0, 0.1]; a rate that falls"
                        + " from startLr to initLr before the decay (Optax's warmup_cosine_decay_schedule with"
                        + " init_value > peak_value) is a @PhasedSchedule: a LINEAR phase with startLr, then the"
                        + " decay's phase");
    }

    @Test
    void exponentialWarmupWithStartLrUnsetIsAnErrorOnWarmup() {
        assertOnlyError(schedule("steps = 100", "initLr = 0.1", "warmup = Warmup.EXPONENTIAL"),
                "warmup = Warmup.EXPONENTIAL",
                "startLr = 0.0 is not allowed with warmup = Warmup.EXPONENTIAL: an exponential warmup multiplies the"
                        + " rate, so it must start from startLr > 0");
    }

    @Test
    void exponentialWarmupWithStartLrZeroIsAnErrorOnStartLr() {
        assertOnlyError(schedule("steps = 100", "initLr = 0.1", "warmup = Warmup.EXPONENTIAL", "startLr = 0.0"),
                "startLr = 0.0",
                "startLr = 0.0 is not allowed with warmup = Warmup.EXPONENTIAL: an exponential warmup multiplies the"
                        + " rate, so it must start from startLr > 0");
    }

    // ---------------------------------------------------------------------------------------------- gamma

    @ParameterizedTest(name = "decay = Decay.{0}, gamma = {1}")
    @CsvSource(delimiter = '|', value = {
        "EXP       | 0.0        | 0.0",
        "EXP       | 1.5        | 1.5",
        "EXP       | Double.NaN | NaN",
        "STEP      | 0.0        | 0.0",
        "STEP      | 1.5        | 1.5",
        "STEP      | Double.NaN | NaN",
        "MULTISTEP | 0.0        | 0.0",
        "MULTISTEP | 1.5        | 1.5",
        "MULTISTEP | Double.NaN | NaN",
    })
    void gammaOutsideZeroToOneIsAnErrorOnGamma(String decay, String written, String echoed) {
        List<String> attributes = new ArrayList<>(List.of("steps = 100", "initLr = 0.1", "decay = Decay." + decay));
        attributes.addAll(NEEDS.get(decay));
        attributes.add("gamma = " + written);
        assertOnlyError(schedule(attributes), "gamma = " + written,
                "gamma = " + echoed + " is not allowed: the decay factor must be in (0, 1]");
    }

    // ---------------------------------------------------------------------------------------------- STEP

    @Test
    void stepDecayWithoutStepSizeIsAnErrorOnDecay() {
        assertOnlyError(schedule("steps = 100", "initLr = 0.1", "decay = Decay.STEP"), "decay = Decay.STEP",
                "stepSize is required with decay = Decay.STEP: set stepSize to the number of steps between drops");
    }

    @ParameterizedTest(name = "stepSize = {0}")
    @ValueSource(strings = {"0", "-10"})
    void stepSizeNotPositiveIsAnErrorOnStepSize(String stepSize) {
        assertOnlyError(schedule("steps = 100", "initLr = 0.1", "decay = Decay.STEP", "stepSize = " + stepSize),
                "stepSize = " + stepSize,
                "stepSize = " + stepSize + " is not allowed: the number of steps between drops must be > 0");
    }

    // ---------------------------------------------------------------------------------------------- MULTISTEP

    @Test
    void multistepDecayWithoutMilestonesIsAnErrorOnDecay() {
        assertOnlyError(schedule("steps = 100", "initLr = 0.1", "decay = Decay.MULTISTEP"), "decay = Decay.MULTISTEP",
                "milestones is required with decay = Decay.MULTISTEP: set milestones to the absolute steps at which"
                        + " the rate is multiplied by gamma");
    }

    @Test
    void emptyMilestonesIsAnErrorOnMilestones() {
        assertOnlyError(schedule("steps = 100", "initLr = 0.1", "decay = Decay.MULTISTEP", "milestones = {}"),
                "milestones = {}", milestonesError("{}", 100, "give at least one"));
    }

    @ParameterizedTest(name = "milestones = {0}")
    @CsvSource(delimiter = '|', value = {
        "{200, 300, 300} | 300 follows 300",
        "{200, 400, 300} | 300 follows 400",
    })
    void milestonesNotStrictlyIncreasingIsAnErrorOnMilestones(String milestones, String problem) {
        assertOnlyError(
                schedule("steps = 100", "initLr = 0.1", "decay = Decay.MULTISTEP", "milestones = " + milestones),
                "milestones = " + milestones, milestonesError(milestones, 100, problem));
    }

    @Test
    void milestoneBeforeTheEndOfWarmupIsAnErrorOnMilestones() {
        assertOnlyError(schedule("steps = 100", "initLr = 0.1", "decay = Decay.MULTISTEP", "milestones = {99, 200}"),
                "milestones = {99, 200}", milestonesError("{99, 200}", 100, "99 is before the end of warmup"));
    }

    @Test
    void moreThanAThousandMilestonesIsAnErrorOnMilestones() {
        String milestones = milestones(100, 1001);
        assertOnlyError(
                schedule("steps = 100", "initLr = 0.1", "decay = Decay.MULTISTEP", "milestones = " + milestones),
                "milestones = {", milestonesError("{100, 101, 102, 103, 104, 105, ..., 1100} (1001 values)", 100,
                        "there are 1001"));
    }

    // ---------------------------------------------------------------------------------- INV_TIME, INV_TIME_STEP

    @ParameterizedTest(name = "decay = Decay.{0}")
    @ValueSource(strings = {"INV_TIME", "INV_TIME_STEP"})
    void inverseTimeWithoutGammaIsAnErrorOnDecay(String decay) {
        assertOnlyError(schedule("steps = 100", "initLr = 0.1", "decay = Decay." + decay, "stepSize = 10"),
                "decay = Decay." + decay, "gamma is required with decay = Decay." + decay + ": set gamma to the decay"
                        + " rate (Keras's decay_rate), finite and > 0");
    }

    @ParameterizedTest(name = "decay = Decay.{0}, gamma = {1}")
    @CsvSource(delimiter = '|', value = {
        "INV_TIME      | -1.0                     | -1.0",
        "INV_TIME      | 0.0                      | 0.0",
        "INV_TIME      | Double.NaN               | NaN",
        "INV_TIME_STEP | Double.POSITIVE_INFINITY | Infinity",
        "INV_TIME_STEP | -0.5                     | -0.5",
    })
    void inverseTimeGammaNotFiniteAndPositiveIsAnErrorOnGamma(String decay, String written, String echoed) {
        assertOnlyError(schedule("steps = 100", "initLr = 0.1", "decay = Decay." + decay, "stepSize = 10",
                        "gamma = " + written), "gamma = " + written,
                "gamma = " + echoed + " is not allowed: the decay rate of an inverse time decay must be finite and"
                        + " > 0");
    }

    @Test
    void inverseTimeStaircaseWithoutStepSizeIsAnErrorOnDecay() {
        assertOnlyError(schedule("steps = 100", "initLr = 0.1", "decay = Decay.INV_TIME_STEP", "gamma = 0.5"),
                "decay = Decay.INV_TIME_STEP", "stepSize is required with decay = Decay.INV_TIME_STEP: set stepSize"
                        + " to the number of steps of each whole step of the staircase (Keras's decay_steps)");
    }

    @ParameterizedTest(name = "stepSize = {0}")
    @ValueSource(strings = {"0", "-10"})
    void inverseTimeStaircaseStepSizeNotPositiveIsAnErrorOnStepSize(String stepSize) {
        assertOnlyError(schedule("steps = 100", "initLr = 0.1", "decay = Decay.INV_TIME_STEP", "gamma = 0.5",
                        "stepSize = " + stepSize), "stepSize = " + stepSize, "stepSize = " + stepSize
                        + " is not allowed: the number of steps of each whole step of the staircase must be > 0");
    }

    @ParameterizedTest(name = "stepSize = {0}")
    @ValueSource(strings = {"0", "-10"})
    void inverseTimeStepSizeNotPositiveIsAnErrorOnStepSize(String stepSize) {
        assertOnlyError(schedule("steps = 100", "initLr = 0.1", "decay = Decay.INV_TIME", "gamma = 0.5",
                        "stepSize = " + stepSize), "stepSize = " + stepSize, "stepSize = " + stepSize
                        + " is not allowed: the number of steps over which the decay rate applies once must be > 0");
    }

    // ------------------------------------------------------------------------------------ COSINE, LINEAR, POLY

    @ParameterizedTest(name = "decay = Decay.{0}")
    @ValueSource(strings = {"COSINE", "LINEAR", "POLY", "COSINE_RESTARTS", "POLY_CYCLE"})
    void decayToMinLrWithoutTotalStepsIsAnErrorOnDecay(String decay) {
        assertOnlyError(schedule("steps = 100", "initLr = 0.1", "decay = Decay." + decay), "decay = Decay." + decay,
                "totalSteps is required with decay = Decay." + decay + ": set totalSteps to the absolute step at"
                        + " which the rate reaches minLr");
    }

    @ParameterizedTest(name = "decay = Decay.{0}, totalSteps = {1}")
    @CsvSource(delimiter = '|', value = {
        "COSINE | 100",
        "LINEAR | 100",
        "POLY   | 100",
        "COSINE | 50",
        "LINEAR | 0",
        "POLY   | -1",
        "COSINE_RESTARTS | 100",
        "POLY_CYCLE      | 99",
    })
    void totalStepsNotAfterWarmupIsAnErrorOnTotalSteps(String decay, String totalSteps) {
        assertOnlyError(
                schedule("steps = 100", "initLr = 0.1", "decay = Decay." + decay, "totalSteps = " + totalSteps),
                "totalSteps = " + totalSteps, "totalSteps = " + totalSteps
                        + " is not allowed: the step at which the rate reaches minLr must be > steps = 100");
    }

    @ParameterizedTest(name = "decay = Decay.{0}, minLr = {1}")
    @CsvSource(delimiter = '|', value = {
        "COSINE | 0.1        | 0.1",
        "LINEAR | 0.2        | 0.2",
        "POLY   | -0.01      | -0.01",
        "COSINE | Double.NaN | NaN",
        "POLY_CYCLE | 0.1    | 0.1",
        "POLY_CYCLE | -0.0001 | -1.0E-4",
    })
    void minLrOutsideZeroToInitLrIsAnErrorOnMinLr(String decay, String written, String echoed) {
        assertOnlyError(schedule("steps = 100", "initLr = 0.1", "decay = Decay." + decay, "totalSteps = 1000",
                        "minLr = " + written), "minLr = " + written,
                "minLr = " + echoed + " is not allowed: the final rate must be in [0, initLr) = [0, 0.1)");
    }

    @ParameterizedTest(name = "power = {0}")
    @CsvSource(delimiter = '|', value = {
        "0.0                      | 0.0",
        "-1.0                     | -1.0",
        "Double.POSITIVE_INFINITY | Infinity",
    })
    void polyPowerNotFiniteAndPositiveIsAnErrorOnPower(String written, String echoed) {
        assertOnlyError(schedule("steps = 100", "initLr = 0.1", "decay = Decay.POLY", "totalSteps = 1000",
                        "power = " + written), "power = " + written,
                "power = " + echoed + " is not allowed: the exponent of the polynomial must be finite and > 0");
    }

    @ParameterizedTest(name = "power = {0}")
    @CsvSource(delimiter = '|', value = {
        "0.0        | 0.0",
        "Double.NaN | NaN",
    })
    void polyCyclePowerNotFiniteAndPositiveIsAnErrorOnPower(String written, String echoed) {
        assertOnlyError(schedule("steps = 100", "initLr = 0.1", "decay = Decay.POLY_CYCLE", "totalSteps = 1000",
                        "power = " + written), "power = " + written,
                "power = " + echoed + " is not allowed: the exponent of the polynomial must be finite and > 0");
    }

    @ParameterizedTest(name = "power = {0}")
    @CsvSource(delimiter = '|', value = {
        "0.0                      | 0.0",
        "-1.5                     | -1.5",
        "Double.POSITIVE_INFINITY | Infinity",
    })
    void cosinePowerNotFiniteAndPositiveIsAnErrorOnPower(String written, String echoed) {
        assertOnlyError(schedule("steps = 100", "initLr = 0.1", "decay = Decay.COSINE", "totalSteps = 1000",
                        "power = " + written), "power = " + written,
                "power = " + echoed + " is not allowed: the exponent of the cosine must be finite and > 0");
    }

    /** Optax's exponent raises its one half wave; Hugging Face's waves have none, so no other cycles take one. */
    @ParameterizedTest(name = "cycles = {0}")
    @ValueSource(strings = {"1.0", "1.5"})
    void cosinePowerWithCyclesOtherThanAHalfWaveIsAnErrorOnPower(String cycles) {
        assertOnlyError(schedule("steps = 100", "initLr = 0.1", "decay = Decay.COSINE", "totalSteps = 1000",
                        "cycles = " + cycles, "power = 2.0"), "power = 2.0",
                "power = 2.0 is not allowed: with decay = Decay.COSINE, a power raises the one half wave of cycles ="
                        + " 0.5 (Optax's exponent), but cycles = " + cycles + "; remove power, or cycles");
    }

    // ------------------------------------------------------------------------------ cycles, COSINE_RESTARTS

    @ParameterizedTest(name = "decay = Decay.{0}, cycles = {1}")
    @CsvSource(delimiter = '|', value = {
        "COSINE          | 0.0                      | 0.0",
        "COSINE          | -1.0                     | -1.0",
        "COSINE_RESTARTS | Double.NaN               | NaN",
        "COSINE_RESTARTS | Double.POSITIVE_INFINITY | Infinity",
    })
    void cyclesNotFiniteAndPositiveIsAnErrorOnCycles(String decay, String written, String echoed) {
        assertOnlyError(schedule("steps = 100", "initLr = 0.1", "decay = Decay." + decay, "totalSteps = 1000",
                        "cycles = " + written), "cycles = " + written,
                "cycles = " + echoed + " is not allowed: the number of cosine cycles must be finite and > 0");
    }

    /** The nearest values worked out by hand: 0.1 * 1024 = 102.4, 1024 / 3 = 341.33, 0.0009765 * 1024 = 0.99994. */
    @ParameterizedTest(name = "decay = Decay.{0}, cycles = {1}")
    @CsvSource(delimiter = '|', value = {
        "COSINE          | 0.1       | 0.1                | values are 0.099609375 (102/1024) and 0.1005859375 (103/1024)",
        "COSINE_RESTARTS | 1.0 / 3   | 0.3333333333333333 | values are 0.3330078125 (341/1024) and 0.333984375 (342/1024)",
        "COSINE_RESTARTS | 0.0009765 | 9.765E-4           | value is 9.765625E-4 (1/1024)",
    })
    void cyclesNotAMultipleOfOne1024thIsAnErrorOnCyclesWithTheNearestAllowed(String decay, String written,
            String echoed, String nearest) {
        assertOnlyError(schedule("steps = 100", "initLr = 0.1", "decay = Decay." + decay, "totalSteps = 1000",
                        "cycles = " + written), "cycles = " + written,
                "cycles = " + echoed + " is not allowed: cycles must be a multiple of 1/1024 (e.g. 0.5, 1, 2.5,"
                        + " 0.125), so that restarts fall on exact steps; the nearest allowed " + nearest);
    }

    @ParameterizedTest(name = "decay = Decay.{0}")
    @ValueSource(strings = {"COSINE", "COSINE_RESTARTS"})
    void cyclesTooManyForTheDecaysLengthIsAnErrorOnCycles(String decay) {
        // 1e15 * 2048 * 900 = 1.8e21 >= 2^63 = 9.2e18
        assertOnlyError(schedule("steps = 100", "initLr = 0.1", "decay = Decay." + decay, "totalSteps = 1000",
                        "cycles = 1e15"), "cycles = 1e15",
                "cycles = 1.0E15 is not allowed: with totalSteps - steps = 900, max(cycles, 1) * 2048 * (totalSteps"
                        + " - steps) must stay below 2^63, so that the exact position in a cycle fits in a long");
    }

    @Test
    void restartsOverTooLongADecayIsAnErrorOnTotalSteps() {
        // cycles unset (1): 2048 * (2^53 - 100) >= 2^63
        assertOnlyError(schedule("steps = 100", "initLr = 0.1", "decay = Decay.COSINE_RESTARTS",
                        "totalSteps = 1L << 53"), "totalSteps = 1L << 53",
                "totalSteps = 9007199254740992L is not allowed: with decay = Decay.COSINE_RESTARTS, 2048 *"
                        + " (totalSteps - steps) must stay below 2^63, so that the exact position in a cycle fits in"
                        + " a long");
    }

    @Test
    void smallCyclesCountAsOneInTheLimit() {
        // 1/1024 of a cycle over 2^52 steps: the position's denominator is 1024 * 2^52, so the limit holds as for 1
        assertOnlyError(schedule("steps = 0", "initLr = 0.1", "decay = Decay.COSINE_RESTARTS",
                        "totalSteps = 1L << 52", "cycles = 1.0 / 1024"), "cycles = 1.0 / 1024",
                "cycles = 9.765625E-4 is not allowed: with totalSteps - steps = 4503599627370496, max(cycles, 1) *"
                        + " 2048 * (totalSteps - steps) must stay below 2^63");
    }

    // ---------------------------------------------------------------------------------------------- INV_SQRT

    @Test
    void inverseSqrtDecayWithoutWarmupIsAnErrorOnSteps() {
        assertOnlyError(schedule("steps = 0", "initLr = 0.1", "decay = Decay.INV_SQRT"), "steps = 0",
                "steps = 0 is not allowed: decay = Decay.INV_SQRT computes initLr * sqrt(W / t), which needs a"
                        + " warmup of steps > 0");
    }

    // ---------------------------------------------------------------------------------------------- REPEATED_POWER

    @ParameterizedTest(name = "power = {0}")
    @ValueSource(strings = {"1.0", "0.5"})
    void repeatedPowerWithPowerNotAboveOneIsAnErrorOnPower(String power) {
        assertOnlyError(schedule("steps = 100", "initLr = 0.1", "decay = Decay.REPEATED_POWER", "power = " + power),
                "power = " + power, repeatedPowerError(power));
    }

    @Test
    void repeatedPowerWithPowerUnsetIsAnErrorOnDecay() {
        assertOnlyError(schedule("steps = 100", "initLr = 0.1", "decay = Decay.REPEATED_POWER"),
                "decay = Decay.REPEATED_POWER", "power is required with decay = Decay.REPEATED_POWER: set power to"
                        + " the power the rate is raised to every step, > 1 (the write-up uses 1.0001)");
    }

    @ParameterizedTest(name = "initLr = {0}")
    @ValueSource(strings = {"1.0", "2.0"})
    void repeatedPowerWithInitLrNotBelowOneIsAnErrorOnInitLr(String initLr) {
        assertOnlyError(schedule("steps = 100", "initLr = " + initLr, "decay = Decay.REPEATED_POWER",
                        "power = 1.0001"), "initLr = " + initLr,
                "initLr = " + initLr + " is not allowed: with decay = Decay.REPEATED_POWER, lr^power decays only for"
                        + " initLr < 1");
    }

    // ---------------------------------------------------------------------------------------------- name

    @ParameterizedTest(name = "name = {0}")
    @ValueSource(strings = {"\"1st\"", "\"my-schedule\"", "\"p.Other\"", "\" \"", "\"class\"", "\"true\"", "\"_\"",
        "\"var\"", "\"record\"", "\"yield\"", "\"sealed\"", "\"permits\""})
    void nameThatIsNotAnIdentifierOrIsAKeywordIsAnErrorOnName(String name) {
        JavaFileObject source = schedule("steps = 100", "initLr = 0.1", "name = " + name);
        Compilation compilation = Compiler.compile(source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining(invalidNameError(name))
                .inFile(source).onLineContaining("name = " + name);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void defaultNameTakenByATypeOfTheCompilationIsAnErrorOnTheAnnotation() {
        JavaFileObject annotated = schedule("steps = 100", "initLr = 0.1");
        JavaFileObject taken =
                JavaFileObjects.forSourceLines("p.SchedStepLr", "package p;", "", "class SchedStepLr {}");
        Compilation compilation = Compiler.compile(annotated, taken);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("The generated class p.SchedStepLr would clash with the existing type"
                        + " p.SchedStepLr; set name = \"...\" to another simple name")
                .inFile(annotated).onLineContaining(ANNOTATION);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void nameTakenByATypeOfTheCompilationIsAnErrorOnName() {
        JavaFileObject annotated = schedule("steps = 100", "initLr = 0.1", "name = \"Taken\"");
        JavaFileObject taken = JavaFileObjects.forSourceLines("p.Taken", "package p;", "", "class Taken {}");
        Compilation compilation = Compiler.compile(annotated, taken);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("The generated class p.Taken would clash with the existing type p.Taken;"
                        + " set name = \"...\" to another simple name")
                .inFile(annotated).onLineContaining("name = \"Taken\"");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void twoSchedulesNamingTheSameClassIsAnErrorOnTheSecondName() {
        JavaFileObject first = annotated("First", "final class", "steps = 100", "initLr = 0.1", "name = \"Shared\"");
        JavaFileObject second = annotated("Second", "final class", "steps = 100", "initLr = 0.2", "name = \"Shared\"");
        Compilation compilation = Compiler.compile(first, second);
        // The error is on the schedule the processor meets second: it takes them in order of name, whatever order
        // the compiler hands them over in.
        JavaFileObject metSecond = second;
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("Another @WarmupSchedule of this compilation, on p.First, generates p.Shared"
                        + " too;"
                        + " set name = \"...\" to another simple name")
                .inFile(metSecond).onLineContaining("name = \"Shared\"");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void nestedAndTopLevelClassWithTheSameDefaultNameIsAnErrorOnTheSecondAnnotation() {
        JavaFileObject nested = JavaFileObjects.forSourceLines("p.Outer",
                "package p;",
                "",
                "import dev.warmup.*;",
                "",
                "class Outer {",
                "    @WarmupSchedule(",
                "            steps = 100,",
                "            initLr = 0.1)",
                "    static final class Inner {}",
                "}");
        JavaFileObject topLevel = annotated("Outer_Inner", "final class", "steps = 100", "initLr = 0.2");
        Compilation compilation = Compiler.compile(nested, topLevel);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("Another @WarmupSchedule of this compilation, on"
                        + " p.Outer.Inner, generates p.Outer_InnerStepLr too; set name = \"...\" to another simple name")
                .inFile(topLevel).onLineContaining(ANNOTATION);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void defaultNameTakenByALookalikeOfAGeneratedClassInTheCompilationIsAnErrorOnTheAnnotation() {
        // Looks like an earlier output (final, implements StepLr, has INSTANCE), so the clash check lets it pass,
        // but it is a source of this compilation, so the Filer refuses to write the class again.
        JavaFileObject annotated = schedule("steps = 100", "initLr = 0.1");
        JavaFileObject lookalike = JavaFileObjects.forSourceLines("p.SchedStepLr",
                "package p;",
                "",
                "final class SchedStepLr implements dev.warmup.StepLr {",
                "    static final SchedStepLr INSTANCE = new SchedStepLr();",
                "",
                "    @Override",
                "    public double lr(long step) {",
                "        return 0.1;",
                "    }",
                "}");
        Compilation compilation = Compiler.compile(annotated, lookalike);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("Cannot write p.SchedStepLr: ")
                .inFile(annotated).onLineContaining(ANNOTATION);
        assertThat(compilation).hadErrorContaining("; set name = \"...\" to write it under another name")
                .inFile(annotated).onLineContaining(ANNOTATION);
        assertThat(compilation).hadErrorCount(1);
    }

    // ---------------------------------------------------------------------------------------------- annotated kind

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "interface  | an interface",
        "enum       | an enum",
        "@interface | an annotation type",
    })
    void annotationOnATypeThatIsNotAClassIsAnErrorOnTheAnnotation(String declaration, String described) {
        assertOnlyError(annotated("Sched", declaration, "steps = 100", "initLr = 0.1"), ANNOTATION,
                "@WarmupSchedule is not allowed on " + described + " p.Sched: annotate a class or a record");
    }

    // ---------------------------------------------------------------------------------------------- several at once

    /**
     * The problems of the schedule and of its {@code @Adapters} are reported in one compile, not one build after
     * another. The class path is the annotations only, as a user's project without ND4J.
     */
    @Test
    void adaptersErrorsComeWithTheSchedulesErrorsInOneCompile() throws java.net.URISyntaxException {
        java.io.File annotations = new java.io.File(dev.warmup.StepLr.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        JavaFileObject source = JavaFileObjects.forSourceLines("p.Cifar10",
                "package p;",
                "import dev.warmup.*;",
                "@WarmupSchedule(steps = 2500, initLr = -0.1)",
                "@Adapters(Framework.ND4J)",
                "final class Cifar10 {}");
        Compilation compilation = Compiler.compiler().withProcessors(new WarmupProcessor())
                .withClasspath(List.of(annotations))
                .compile(source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("initLr = -0.1 is not allowed: the preset learning rate must be "
                + "finite and > 0").inFile(source).onLine(3);
        assertThat(compilation).hadErrorContaining("@Adapters: Framework.ND4J needs org.nd4j:nd4j-api on the compile "
                + "class path").inFile(source).onLine(4);
        assertThat(compilation).hadErrorCount(2);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("severalErrors")
    void everyErrorOfOneAnnotationIsReportedInOneCompile(List<String> attributes, List<String> wrong) {
        JavaFileObject source = schedule(attributes);
        Compilation compilation = Compiler.compile(source);
        assertThat(compilation).failed();
        for (String attribute : wrong) {
            assertThat(compilation).hadErrorContaining(attribute + " is not allowed")
                    .inFile(source).onLineContaining(attribute);
        }
        assertThat(compilation).hadErrorCount(wrong.size());
    }

    static Stream<Arguments> severalErrors() {
        return Stream.of(
                Arguments.of(List.of("steps = 100", "initLr = 0.1", "startLr = 0.2", "decay = Decay.STEP",
                                "gamma = 0.0", "stepSize = 0"),
                        List.of("startLr = 0.2", "gamma = 0.0", "stepSize = 0")),
                Arguments.of(List.of("steps = 100", "initLr = 0.1", "startLr = -0.01", "decay = Decay.POLY",
                                "totalSteps = 50", "minLr = 0.2", "power = 0.0"),
                        List.of("startLr = -0.01", "totalSteps = 50", "minLr = 0.2", "power = 0.0")),
                Arguments.of(List.of("steps = 100", "initLr = 0.1", "decay = Decay.MULTISTEP", "gamma = 1.5",
                                "milestones = {99}"),
                        List.of("gamma = 1.5", "milestones = {99}")),
                Arguments.of(List.of("steps = 100", "initLr = 1.0", "startLr = 2.0", "decay = Decay.REPEATED_POWER",
                                "power = 1.0"),
                        List.of("initLr = 1.0", "startLr = 2.0", "power = 1.0")),
                // An invalid steps or initLr does not hide the errors of attributes that do not depend on them.
                Arguments.of(List.of("steps = -1", "initLr = 0.1", "decay = Decay.EXP", "gamma = 0.0",
                                "name = \"1st\""),
                        List.of("steps = -1", "gamma = 0.0", "name = \"1st\"")),
                Arguments.of(List.of("steps = 100", "initLr = 0.0", "decay = Decay.STEP", "gamma = 2.0",
                                "stepSize = -5"),
                        List.of("initLr = 0.0", "gamma = 2.0", "stepSize = -5")),
                Arguments.of(List.of("steps = -3", "initLr = -1.0", "decay = Decay.MULTISTEP",
                                "milestones = {300, 200}"),
                        List.of("steps = -3", "initLr = -1.0", "milestones = {300, 200}")));
    }

    @Test
    void errorsAndWarningsOfOneAnnotationAreReportedTogether() {
        JavaFileObject source = schedule("steps = 100", "initLr = 0.1", "decay = Decay.EXP", "gamma = 0.0",
                "totalSteps = 1000");
        Compilation compilation = Compiler.compile(source);
        assertThat(compilation).hadErrorContaining("gamma = 0.0 is not allowed")
                .inFile(source).onLineContaining("gamma = 0.0");
        assertThat(compilation).hadErrorContaining("totalSteps = 1000 has no effect")
                .inFile(source).onLineContaining("totalSteps = 1000");
        assertThat(compilation).hadErrorCount(2);
    }

    /** With EXP and STEP, minLr is the floor of the decay (Optax's end_value): in [0, initLr). */
    @ParameterizedTest(name = "decay = Decay.{0}, minLr = {1}")
    @CsvSource(delimiter = '|', value = {
        "EXP  | 0.1                      | 0.1",
        "EXP  | -1e-3                    | -0.001",
        "EXP  | 0.2                      | 0.2",
        "STEP | 0.5                      | 0.5",
        "STEP | Double.NaN               | NaN",
        "EXP  | Double.POSITIVE_INFINITY | Infinity",
    })
    void floorOutsideZeroToInitLrIsAnErrorOnMinLr(String decay, String written, String echoed) {
        assertOnlyError(schedule("steps = 100", "initLr = 0.1", "decay = Decay." + decay, "stepSize = 10",
                        "minLr = " + written), "minLr = " + written,
                "minLr = " + echoed + " is not allowed: the floor of the decay must be in [0, initLr) = [0, 0.1)");
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("unusedAttributes")
    void attributeSetButUnusedIsAnErrorOnIt(List<String> attributes, String line, String message) {
        assertOnlyError(schedule(attributes), line, message);
    }

    static Stream<Arguments> unusedAttributes() {
        return Stream.of(
                unused("gamma = 0.5 has no effect: decay = Decay.NONE does not use it; "
                        + "remove it, or choose a decay that uses it (Decay.EXP, Decay.STEP, Decay.MULTISTEP,"
                        + " Decay.INV_TIME, Decay.INV_TIME_STEP)",
                        "steps = 100", "initLr = 0.1", "gamma = 0.5"),
                unused("totalSteps = 1000 has no effect: decay = Decay.EXP does not use it; "
                        + "remove it, or choose a decay that uses it (Decay.COSINE, Decay.LINEAR, Decay.POLY, Decay.COSINE_RESTARTS,"
                        + " Decay.POLY_CYCLE)",
                        "steps = 100", "initLr = 0.1", "decay = Decay.EXP", "totalSteps = 1000"),
                unused("minLr = 0.01 has no effect: decay = Decay.MULTISTEP does not use it; "
                        + "remove it, or choose a decay that uses it (Decay.EXP, Decay.STEP, Decay.COSINE, Decay.LINEAR,"
                        + " Decay.POLY, Decay.COSINE_RESTARTS, Decay.POLY_CYCLE)",
                        "steps = 100", "initLr = 0.1", "decay = Decay.MULTISTEP", "milestones = {200}",
                        "minLr = 0.01"),
                unused("stepSize = 10 has no effect: decay = Decay.MULTISTEP does not use it; "
                        + "remove it, or choose a decay that uses it (Decay.EXP, Decay.STEP, Decay.INV_TIME,"
                        + " Decay.INV_TIME_STEP)",
                        "steps = 100", "initLr = 0.1", "decay = Decay.MULTISTEP", "milestones = {200}",
                        "stepSize = 10"),
                unused("milestones = {200, 300} has no effect: decay = Decay.STEP does not use it; "
                        + "remove it, or choose a decay that uses it (Decay.MULTISTEP)",
                        "steps = 100", "initLr = 0.1", "decay = Decay.STEP", "stepSize = 10",
                        "milestones = {200, 300}"),
                unused("power = 2.0 has no effect: decay = Decay.LINEAR does not use it; remove it, or choose a decay"
                        + " that uses it (Decay.COSINE, Decay.POLY, Decay.REPEATED_POWER, Decay.POLY_CYCLE)",
                        "steps = 100", "initLr = 0.1", "decay = Decay.LINEAR", "totalSteps = 1000", "power = 2.0"),
                unused("power = 2.0 has no effect: decay = Decay.COSINE_RESTARTS does not use it; remove it, or choose"
                        + " a decay that uses it (Decay.COSINE, Decay.POLY, Decay.REPEATED_POWER, Decay.POLY_CYCLE)",
                        "steps = 100", "initLr = 0.1", "decay = Decay.COSINE_RESTARTS", "totalSteps = 1000",
                        "power = 2.0"),
                unused("cycles = 2.0 has no effect: decay = Decay.LINEAR does not use it; "
                        + "remove it, or choose a decay that uses it (Decay.COSINE, Decay.COSINE_RESTARTS)",
                        "steps = 100", "initLr = 0.1", "decay = Decay.LINEAR", "totalSteps = 1000", "cycles = 2.0"),
                unused("cycles = 0.5 has no effect: decay = Decay.NONE does not use it; "
                        + "remove it, or choose a decay that uses it (Decay.COSINE, Decay.COSINE_RESTARTS)",
                        "steps = 100", "initLr = 0.1", "cycles = 0.5"),
                unused("gamma = 0.5 has no effect: decay = Decay.INV_SQRT does not use it; "
                        + "remove it, or choose a decay that uses it (Decay.EXP, Decay.STEP, Decay.MULTISTEP,"
                        + " Decay.INV_TIME, Decay.INV_TIME_STEP)",
                        "steps = 100", "initLr = 0.1", "decay = Decay.INV_SQRT", "gamma = 0.5"),
                unused("milestones = {200} has no effect: decay = Decay.INV_TIME does not use it; "
                        + "remove it, or choose a decay that uses it (Decay.MULTISTEP)",
                        "steps = 100", "initLr = 0.1", "decay = Decay.INV_TIME", "gamma = 0.5", "milestones = {200}"),
                unused("cycles = 2.0 has no effect: decay = Decay.POLY_CYCLE does not use it; "
                        + "remove it, or choose a decay that uses it (Decay.COSINE, Decay.COSINE_RESTARTS)",
                        "steps = 100", "initLr = 0.1", "decay = Decay.POLY_CYCLE", "totalSteps = 1000",
                        "cycles = 2.0"),
                unused("startLr = 0.01 has no effect: steps = 0 means no warmup; remove it, or set steps > 0",
                        "steps = 0", "initLr = 0.1", "startLr = 0.01"),
                unused("warmup = Warmup.EXPONENTIAL has no effect: steps = 0 means no warmup; remove it, or set steps > 0",
                        "steps = 0", "initLr = 0.1", "warmup = Warmup.EXPONENTIAL"));
    }

    /** A case of {@link #unusedAttributes}: the last attribute is the unused one. */
    private static Arguments unused(String message, String... attributes) {
        return Arguments.of(List.of(attributes), attributes[attributes.length - 1], message);
    }

    // ---------------------------------------------------------------------------------------------- warnings

    @Test
    void constantWarmupWithStartLrUnsetIsAWarningOnWarmup() {
        assertOnlyWarning(schedule("steps = 100", "initLr = 0.1", "warmup = Warmup.CONSTANT"),
                "warmup = Warmup.CONSTANT", constantWarmupAtZeroWarning());
    }

    /** {@code -Awarmup.strict=true}: the same warning, as an error on the same attribute, and no class. */
    @Test
    void strictModeMakesAWarningAnError() {
        JavaFileObject source = schedule("steps = 100", "initLr = 0.1", "warmup = Warmup.CONSTANT");
        Compilation compilation = Compiler.compiler("-Awarmup.strict=true").withProcessors(new WarmupProcessor())
                .compile(source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining(constantWarmupAtZeroWarning() + " (a warning, made an error by"
                + " -Awarmup.strict=true)").inFile(source).onLineContaining("warmup = Warmup.CONSTANT");
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadWarningCount(0);
    }

    @Test
    void constantWarmupWithStartLrZeroIsAWarningOnStartLr() {
        assertOnlyWarning(schedule("steps = 100", "initLr = 0.1", "warmup = Warmup.CONSTANT", "startLr = 0.0"),
                "startLr = 0.0", constantWarmupAtZeroWarning());
    }

    // ---------------------------------------------------------------------------------------------- no false alarms

    @Test
    void valuesOnTheEdgeOfTheAllowedRangesCompileWithoutWarnings() {
        JavaFileObject[] sources = {
            annotated("StartAtInit", "final class", "steps = 100", "initLr = 0.1", "startLr = 0.1"),
            annotated("GammaOne", "final class", "steps = 100", "initLr = 0.1", "decay = Decay.EXP", "gamma = 1.0"),
            annotated("MilestoneAtWarmupEnd", "final class", "steps = 100", "initLr = 0.1",
                    "decay = Decay.MULTISTEP", "milestones = {100}"),
            annotated("AThousandMilestones", "final class", "steps = 100", "initLr = 0.1",
                    "decay = Decay.MULTISTEP", "milestones = " + milestones(100, 1000)),
            annotated("TotalJustAfterWarmup", "final class", "steps = 100", "initLr = 0.1", "decay = Decay.COSINE",
                    "totalSteps = 101", "minLr = 0.0"),
            annotated("NoWarmupWithDecay", "final class", "steps = 0", "initLr = 0.1", "decay = Decay.LINEAR",
                    "totalSteps = 1"),
            annotated("StepSizeOne", "final class", "steps = 100", "initLr = 0.1", "decay = Decay.STEP",
                    "stepSize = 1"),
            annotated("RepeatedPower", "final class", "steps = 100", "initLr = 0.999",
                    "decay = Decay.REPEATED_POWER", "power = 1.0001"),
            annotated("ARecord", "record", "steps = 100", "initLr = 0.1"),
            annotated("SmallestCycles", "final class", "steps = 100", "initLr = 0.1",
                    "decay = Decay.COSINE_RESTARTS", "totalSteps = 101", "cycles = 1.0 / 1024"),
            annotated("RestartsAtTheLimit", "final class", "steps = 0", "initLr = 0.1",
                    "decay = Decay.COSINE_RESTARTS", "totalSteps = (1L << 52) - 1"),
            annotated("HalfWaveAnyLength", "final class", "steps = 0", "initLr = 0.1", "decay = Decay.COSINE",
                    "totalSteps = Long.MAX_VALUE", "cycles = 0.5"),
            annotated("InverseTimeHugeRate", "final class", "steps = 100", "initLr = 0.1",
                    "decay = Decay.INV_TIME", "gamma = Double.MAX_VALUE"),
            annotated("InverseTimeTinyRate", "final class", "steps = 0", "initLr = 0.1", "decay = Decay.INV_TIME",
                    "gamma = Double.MIN_VALUE", "stepSize = Long.MAX_VALUE"),
            annotated("InverseTimeStaircase", "final class", "steps = Long.MAX_VALUE", "initLr = 0.1",
                    "decay = Decay.INV_TIME_STEP", "gamma = Double.MAX_VALUE", "stepSize = 1"),
            annotated("PolyCycleLongest", "final class", "steps = 0", "initLr = 0.1", "decay = Decay.POLY_CYCLE",
                    "totalSteps = Long.MAX_VALUE", "minLr = 0.001", "power = 0.5"),
            annotated("PolyCycleOneStep", "final class", "steps = Long.MAX_VALUE - 1", "initLr = 0.1",
                    "decay = Decay.POLY_CYCLE", "totalSteps = Long.MAX_VALUE", "power = 3.0"),
            annotated("CosinePowerHalfWave", "final class", "steps = 100", "initLr = 0.1", "decay = Decay.COSINE",
                    "totalSteps = 1000", "cycles = 0.5", "power = 1e300"),
            annotated("CosinePowerTiny", "final class", "steps = 0", "initLr = 0.1", "decay = Decay.COSINE",
                    "totalSteps = Long.MAX_VALUE", "minLr = 1e-5", "power = Double.MIN_VALUE"),
            annotated("ManyWaves", "final class", "steps = 100", "initLr = 0.1", "decay = Decay.COSINE",
                    "totalSteps = 1100", "minLr = 0.001", "cycles = 1000.25"),
        };
        Compilation compilation = Compiler.compileWithoutLint(sources);
        assertThat(compilation).succeededWithoutWarnings();
        for (JavaFileObject source : sources) {
            String name = source.getName().replaceAll(".*/|\\.java$", "");
            assertThat(compilation).generatedSourceFile("p." + name + "StepLr");
        }
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("erroneousValues")
    void valueThatDoesNotCompileIsLeftToJavac(List<String> attributes, String erroneous) {
        Compilation compilation = Compiler.compile(schedule(attributes));
        assertThat(compilation).failed();
        List<String> errors = compilation.errors().stream()
                .map(d -> d.getMessage(Locale.ROOT)).collect(Collectors.toList());
        assertTrue(errors.stream().noneMatch(m -> m.contains("warmup processor failed")), errors::toString);
        for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
            assertEquals(lineOf(attributes, erroneous), error.getLineNumber(), () -> "javac's error is on "
                    + erroneous + ", and the processor adds none: " + errors);
        }
        assertTrue(compilation.warnings().isEmpty(), () -> "no processor warnings: " + compilation.warnings());
    }

    static Stream<Arguments> erroneousValues() {
        return Stream.of(
                erroneous("steps = 100", "initLr = 0.1", "decay = Decay.NOPE"),
                erroneous("steps = 100", "initLr = 0.1", "warmup = Warmup.NOPE"),
                erroneous("initLr = 0.1", "steps = 2.5"),
                erroneous("steps = 100", "initLr = \"fast\""),
                erroneous("steps = 100", "initLr = 0.1", "gamma = NOPE"),
                erroneous("steps = 100", "initLr = 0.1", "decay = Decay.MULTISTEP", "milestones = {200, NOPE}"),
                erroneous("steps = 100", "initLr = 0.1", "name = 42"));
    }

    /** A case of {@link #erroneousValues}: the last attribute does not compile. */
    private static Arguments erroneous(String... attributes) {
        return Arguments.of(List.of(attributes), attributes[attributes.length - 1]);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** {@code @WarmupSchedule} with {@code attributes}, one a line, on {@code final class p.Sched}. */
    private static JavaFileObject schedule(String... attributes) {
        return annotated("Sched", "final class", attributes);
    }

    private static JavaFileObject schedule(List<String> attributes) {
        return schedule(attributes.toArray(String[]::new));
    }

    /** {@code @WarmupSchedule} with {@code attributes}, one a line, on {@code <declaration> p.<simpleName>}. */
    private static JavaFileObject annotated(String simpleName, String declaration, String... attributes) {
        List<String> lines = new ArrayList<>(List.of("package p;", "", "import dev.warmup.*;", "", ANNOTATION));
        for (int i = 0; i < attributes.length; i++) {
            lines.add("        " + attributes[i] + (i < attributes.length - 1 ? "," : ")"));
        }
        lines.add(declaration + " " + simpleName + (declaration.equals("record") ? "()" : "") + " {}");
        return JavaFileObjects.forSourceLines("p." + simpleName, lines);
    }

    /** The line of {@code attribute} in the source {@link #schedule(String...)} makes of {@code attributes}. */
    private static long lineOf(List<String> attributes, String attribute) {
        return 6 + attributes.indexOf(attribute);
    }

    /** {@code count} milestones from {@code first} on, one apart, as an array initialiser. */
    private static String milestones(long first, int count) {
        return LongStream.range(first, first + count).mapToObj(Long::toString)
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String milestonesError(String milestones, long steps, String problem) {
        return "milestones = " + milestones + " is not allowed: milestones must be strictly increasing steps >= "
                + "steps = " + steps + " (the end of warmup), at most 1000 of them; " + problem;
    }

    private static String repeatedPowerError(String power) {
        return "power = " + power + " is not allowed: with decay = Decay.REPEATED_POWER, lr^power decays only for"
                + " a finite power > 1";
    }

    private static String invalidNameError(String name) {
        return "name = " + name + " is not allowed: the generated class's simple name must be a Java identifier"
                + " that can name a class, or \"\" for the default";
    }

    private static String constantWarmupAtZeroWarning() {
        return "startLr = 0.0 with warmup = Warmup.CONSTANT: the rate is 0 for the first 100 steps, so they train"
                + " nothing; set startLr to the small warmup rate (He et al. 2016 used initLr / 10)";
    }

    /** Compiles {@code source} alone: it fails with one error, {@code message}, on the line containing {@code line}. */
    static void assertOnlyError(JavaFileObject source, String line, String message) {
        Compilation compilation = Compiler.compile(source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(line);
        assertThat(compilation).hadErrorCount(1);
    }

    /**
     * Compiles {@code source} alone: it succeeds with one warning, {@code message}, on the line containing
     * {@code line}, and generates {@code p.SchedStepLr}.
     */
    static void assertOnlyWarning(JavaFileObject source, String line, String message) {
        Compilation compilation = Compiler.compile(source);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining(message).inFile(source).onLineContaining(line);
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation).generatedSourceFile("p.SchedStepLr");
    }
}
