package dev.warmup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.warmup.processor.DiagnosticsTest.assertOnlyError;
import static dev.warmup.processor.DiagnosticsTest.assertOnlyWarning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.warmup.StepLr;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every error and warning of {@code @PhasedSchedule}, {@code @OneCycleSchedule}, {@code @CyclicSchedule},
 * {@code @WarmRestartsSchedule} and of {@code @WarmupSchedule}'s linear scaling rule: the message, the file, and the
 * line of the attribute at fault; for an attribute of a nested {@code @Phase}, the line of that value inside the
 * phase. Sources put one attribute a line (phases too), so a line names one attribute. The expected messages are the
 * processor's specification, written from its message text.
 */
class NewAnnotationsDiagnosticsTest {

    // ---------------------------------------------------------------------------------------------- @PhasedSchedule

    @Test
    void noPhasesIsAnErrorOnPhases() {
        assertOnlyError(annotated("PhasedSchedule", "phases = {}"), "phases = {}",
                "phases = {} is not allowed: give at least one @Phase");
    }

    @Test
    void moreThanAThousandPhasesIsAnErrorOnPhases() {
        String phases = Stream.generate(() -> "@Phase(steps = 1, shape = PhaseShape.CONSTANT, endLr = 0.1)")
                .limit(1001).collect(Collectors.joining(",\n                ", "phases = {\n                ", "}"));
        assertOnlyError(annotated("PhasedSchedule", phases), "phases = {",
                "phases = {...} (1001 phases) is not allowed: at most 1000 phases");
    }

    @ParameterizedTest(name = "steps = {0}")
    @ValueSource(strings = {"0", "-5"})
    void phaseStepsNotPositiveIsAnErrorOnThatValueInsideThePhase(String steps) {
        assertOnlyError(phased(phase("steps = 100", "shape = PhaseShape.LINEAR", "endLr = 0.1"),
                        phase("steps = " + steps, "shape = PhaseShape.CONSTANT", "endLr = 0.05")),
                "steps = " + steps, "phase 2: steps = " + steps + " is not allowed: the length of a phase must be > 0");
    }

    @Test
    void phasesEndingAfterLongMaxValueIsAnErrorOnTheStepsThatOverflow() {
        assertOnlyError(phased(phase("steps = 9223372036854775000L", "shape = PhaseShape.LINEAR", "endLr = 0.1"),
                        phase("steps = 808", "shape = PhaseShape.CONSTANT", "endLr = 0.05")),
                "steps = 808", "phase 2: steps = 808 is not allowed: the phases would end after step Long.MAX_VALUE:"
                        + " the steps of all phases must add up to at most Long.MAX_VALUE");
    }

    @ParameterizedTest(name = "endLr = {0}")
    @CsvSource(delimiter = '|', value = {
        "-0.1                     | -0.1",
        "Double.NaN               | NaN",
        "Double.POSITIVE_INFINITY | Infinity",
    })
    void phaseEndLrNotFiniteAndNonNegativeIsAnErrorOnIt(String written, String echoed) {
        assertOnlyError(phased(phase("steps = 100", "shape = PhaseShape.LINEAR", "endLr = " + written)),
                "endLr = " + written, "phase 1: endLr = " + echoed + " is not allowed: the rate at the end of a"
                        + " phase must be finite and >= 0");
    }

    @Test
    void phaseStartLrNegativeIsAnErrorOnIt() {
        assertOnlyError(phased(phase("steps = 100", "shape = PhaseShape.COSINE", "startLr = -1.0", "endLr = 0.1")),
                "startLr = -1.0", "phase 1: startLr = -1.0 is not allowed: the rate at the start of a phase must be"
                        + " finite and >= 0");
    }

    @ParameterizedTest(name = "power = {0}")
    @CsvSource(delimiter = '|', value = {
        "0.0                      | 0.0",
        "-2.0                     | -2.0",
        "Double.POSITIVE_INFINITY | Infinity",
    })
    void polyPowerNotFiniteAndPositiveIsAnErrorOnIt(String written, String echoed) {
        assertOnlyError(phased(phase("steps = 100", "shape = PhaseShape.POLY", "endLr = 0.1", "power = " + written)),
                "power = " + written, "phase 1: power = " + echoed + " is not allowed: the exponent of the polynomial"
                        + " must be finite and > 0");
    }

    @Test
    void exponentialFirstPhaseWithoutStartLrIsAnErrorOnItsShape() {
        assertOnlyError(phased(phase("steps = 100", "shape = PhaseShape.EXPONENTIAL", "endLr = 0.1")),
                "shape = PhaseShape.EXPONENTIAL", "phase 1: shape = PhaseShape.EXPONENTIAL starting at 0.0 (the first"
                        + " phase starts at 0 unless startLr is set) is not allowed: an exponential phase multiplies"
                        + " the rate, so it must start > 0; set startLr");
    }

    @Test
    void exponentialPhaseAfterAPhaseEndingAtZeroIsAnErrorOnItsShape() {
        assertOnlyError(phased(phase("steps = 100", "shape = PhaseShape.LINEAR", "startLr = 0.1", "endLr = 0.0"),
                        phase("steps = 200", "shape = PhaseShape.EXPONENTIAL", "endLr = 0.01")),
                "shape = PhaseShape.EXPONENTIAL", "phase 2: shape = PhaseShape.EXPONENTIAL starting at 0.0 (where"
                        + " phase 1 ends) is not allowed: an exponential phase multiplies the rate, so it must start"
                        + " > 0; set startLr");
    }

    @Test
    void exponentialPhaseStartingAtZeroIsAnErrorOnStartLr() {
        assertOnlyError(phased(phase("steps = 100", "shape = PhaseShape.EXPONENTIAL", "startLr = 0.0",
                        "endLr = 0.1")), "startLr = 0.0", "phase 1: startLr = 0.0 is not allowed: an exponential phase"
                        + " multiplies the rate, so it must start > 0; set startLr");
    }

    @Test
    void exponentialPhaseEndingAtZeroIsAnErrorOnEndLr() {
        assertOnlyError(phased(phase("steps = 100", "shape = PhaseShape.EXPONENTIAL", "startLr = 0.1",
                        "endLr = 0.0")), "endLr = 0.0", "phase 1: endLr = 0.0 is not allowed: an exponential phase"
                        + " multiplies the rate, so it must end > 0");
    }

    @Test
    void inverseSqrtPhaseEndingAtZeroIsAnErrorOnEndLr() {
        assertOnlyError(phased(phase("steps = 100", "shape = PhaseShape.INV_SQRT", "startLr = 0.1", "endLr = 0.0")),
                "endLr = 0.0", "phase 1: endLr = 0.0 is not allowed: an inverse square root phase ends at a rate > 0");
    }

    @Test
    void inverseSqrtPhaseThatWouldRiseIsAnErrorOnItsShape() {
        assertOnlyError(phased(phase("steps = 100", "shape = PhaseShape.LINEAR", "endLr = 0.01"),
                        phase("steps = 200", "shape = PhaseShape.INV_SQRT", "endLr = 0.02")),
                "shape = PhaseShape.INV_SQRT", "phase 2: shape = PhaseShape.INV_SQRT starting at 0.01 (where phase 1"
                        + " ends) is not allowed: an inverse square root phase falls, so it must start above"
                        + " endLr = 0.02");
    }

    @Test
    void inverseSqrtPhaseStartingBelowItsEndIsAnErrorOnStartLr() {
        assertOnlyError(phased(phase("steps = 100", "shape = PhaseShape.INV_SQRT", "startLr = 0.01",
                        "endLr = 0.02")), "startLr = 0.01", "phase 1: startLr = 0.01 is not allowed: an inverse square"
                        + " root phase falls, so it must start above endLr = 0.02");
    }

    @Test
    void inverseSqrtPhaseWithoutAFiniteTimeScaleIsAnErrorOnEndLr() {
        assertOnlyError(phased(phase("steps = 100", "shape = PhaseShape.INV_SQRT", "startLr = 1e200",
                        "endLr = 1e-200")), "endLr = 1e-200", "phase 1: endLr = 1.0E-200 is not allowed: the time scale"
                        + " tau = L * b^2 / (a^2 - b^2) that reaches it from a = 1.0E200 is 0.0; it must be finite and"
                        + " > 0");
    }

    @Test
    void phaseRatesThatOverflowAreAnErrorOnEndLr() {
        assertOnlyError(phased(phase("steps = 3", "shape = PhaseShape.LINEAR", "startLr = Double.MAX_VALUE",
                        "endLr = 0.0")), "endLr = 0.0", "phase 1: endLr = 0.0 is not allowed: the rate at step 0"
                        + " computes as Infinity; rates this close to Double.MAX_VALUE overflow");
    }

    @Test
    void startLrOfAConstantPhaseIsAWarningOnIt() {
        assertOnlyWarning(phased(phase("steps = 100", "shape = PhaseShape.CONSTANT", "startLr = 0.5",
                "endLr = 0.1")), "startLr = 0.5", "phase 1: startLr = 0.5 is ignored: a CONSTANT phase holds endLr"
                + " throughout");
    }

    @Test
    void powerOfAPhaseThatIsNotPolyIsAWarningOnIt() {
        assertOnlyWarning(phased(phase("steps = 100", "shape = PhaseShape.LINEAR", "endLr = 0.1", "power = 2.0")),
                "power = 2.0", "phase 1: power = 2.0 is ignored: shape = PhaseShape.LINEAR does not use it");
    }

    @Test
    void everyErrorOfEveryPhaseIsReportedInOneCompile() {
        JavaFileObject source = phased(
                phase("steps = 0", "shape = PhaseShape.LINEAR", "endLr = 0.1"),
                phase("steps = 200", "shape = PhaseShape.COSINE", "endLr = -1.0"),
                phase("steps = 300", "shape = PhaseShape.POLY", "endLr = 0.01", "power = -3.0"),
                phase("steps = 400", "shape = PhaseShape.EXPONENTIAL", "startLr = 0.0", "endLr = 0.001"));
        Compilation compilation = Compiler.compile(source);
        assertThat(compilation).failed();
        for (String line : List.of("steps = 0", "endLr = -1.0", "power = -3.0", "startLr = 0.0")) {
            assertThat(compilation).hadErrorContaining(line + " is not allowed").inFile(source)
                    .onLineContaining(line);
        }
        assertThat(compilation).hadErrorCount(4);
    }

    // ---------------------------------------------------------------------------------------------- @OneCycleSchedule

    @ParameterizedTest(name = "maxLr = {0}")
    @CsvSource(delimiter = '|', value = {
        "0.0                      | 0.0",
        "-0.1                     | -0.1",
        "Double.NaN               | NaN",
        "Double.POSITIVE_INFINITY | Infinity",
    })
    void oneCycleMaxLrNotFiniteAndPositiveIsAnError(String written, String echoed) {
        assertOnlyError(annotated("OneCycleSchedule", "maxLr = " + written, "totalSteps = 1000"),
                "maxLr = " + written, "maxLr = " + echoed + " is not allowed: the peak rate must be finite and > 0");
    }

    @ParameterizedTest(name = "totalSteps = {0}")
    @ValueSource(strings = {"1", "0", "-1000"})
    void oneCycleTotalStepsBelowTwoIsAnError(String total) {
        assertOnlyError(annotated("OneCycleSchedule", "maxLr = 0.1", "totalSteps = " + total),
                "totalSteps = " + total, "totalSteps = " + total + " is not allowed: the length of the cycle must be"
                        + " > 1 step");
    }

    @ParameterizedTest(name = "pctStart = {0}")
    @CsvSource(delimiter = '|', value = {
        "0.0        | 0.0",
        "1.0        | 1.0",
        "-0.3       | -0.3",
        "1.5        | 1.5",
        "Double.NaN | NaN",
    })
    void pctStartOutsideZeroToOneIsAnError(String written, String echoed) {
        assertOnlyError(annotated("OneCycleSchedule", "maxLr = 0.1", "totalSteps = 1000", "pctStart = " + written),
                "pctStart = " + written, "pctStart = " + echoed + " is not allowed: the fraction of the cycle spent"
                        + " rising must be in (0, 1)");
    }

    @Test
    void divFactorNotPositiveIsAnError() {
        assertOnlyError(annotated("OneCycleSchedule", "maxLr = 0.1", "totalSteps = 1000", "divFactor = 0.0"),
                "divFactor = 0.0", "divFactor = 0.0 is not allowed: the ratio of maxLr to the starting rate must be"
                        + " finite and > 0");
    }

    @Test
    void finalDivFactorNotFiniteIsAnError() {
        assertOnlyError(annotated("OneCycleSchedule", "maxLr = 0.1", "totalSteps = 1000",
                        "finalDivFactor = Double.NaN"), "finalDivFactor = Double.NaN", "finalDivFactor = NaN is not"
                        + " allowed: the ratio of the starting rate to the final one must be finite and > 0");
    }

    @Test
    void risingPhaseWithoutAStepIsAnErrorOnPctStart() {
        assertOnlyError(annotated("OneCycleSchedule", "maxLr = 0.1", "totalSteps = 20", "pctStart = 0.05"),
                "pctStart = 0.05", "pctStart = 0.05 is not allowed: the rising phase ends at step pctStart *"
                        + " totalSteps - 1 = 0.0 with totalSteps = 20, so it has no step to rise in (PyTorch divides by"
                        + " zero or skips it); pctStart * totalSteps must be > 1");
    }

    @Test
    void fallingPhaseWithoutAStepIsAnErrorOnPctStart() {
        assertOnlyError(annotated("OneCycleSchedule", "maxLr = 0.1", "totalSteps = 18014398509481987L",
                        "pctStart = 0.9999999999999999"), "pctStart = 0.9999999999999999", "pctStart ="
                        + " 0.9999999999999999 is not allowed: the rising phase ends at step pctStart * totalSteps - 1"
                        + " = 1.8014398509481984E16, not before the last step totalSteps - 1 = 18014398509481986, so"
                        + " the falling phase would be empty");
    }

    @Test
    void threePhasesWithAnEmptyThirdIsAnErrorOnPctStart() {
        assertOnlyError(annotated("OneCycleSchedule", "maxLr = 0.1", "totalSteps = 100", "pctStart = 0.6",
                        "threePhase = true"), "pctStart = 0.6", "pctStart = 0.6 is not allowed: with threePhase = true"
                        + " the second phase ends at step 2 * pctStart * totalSteps - 2 = 118.0, not before the last"
                        + " step totalSteps - 1 = 99, so the third phase would be empty; use pctStart <= 0.5");
    }

    @Test
    void startingRateThatOverflowsIsAnErrorOnDivFactor() {
        assertOnlyError(annotated("OneCycleSchedule", "maxLr = 1e300", "totalSteps = 1000", "divFactor = 1e-10"),
                "divFactor = 1e-10", "divFactor = 1.0E-10 is not allowed: the starting rate maxLr / divFactor ="
                        + " Infinity must be finite");
    }

    @Test
    void finalRateThatOverflowsIsAnErrorOnFinalDivFactor() {
        assertOnlyError(annotated("OneCycleSchedule", "maxLr = 1e300", "totalSteps = 1000", "divFactor = 1.0",
                        "finalDivFactor = 1e-10"), "finalDivFactor = 1e-10", "finalDivFactor = 1.0E-10 is not allowed:"
                        + " the final rate maxLr / divFactor / finalDivFactor = Infinity must be finite");
    }

    @Test
    void oneCycleConstantsThatOverflowAreAnErrorOnMaxLr() {
        // the falling phase spans 10 - 1 - (0.95 * 10 - 1) = 0.5 steps: its slope is twice maxLr
        assertOnlyError(annotated("OneCycleSchedule", "maxLr = Double.MAX_VALUE", "totalSteps = 10",
                        "pctStart = 0.95", "annealStrategy = AnnealStrategy.LINEAR"), "maxLr = Double.MAX_VALUE",
                "maxLr = 1.7976931348623157E308 is not allowed: the constant PHASE_2_SLOPE (|b - a| / L of phase 2) is"
                        + " not finite; rates this close to Double.MAX_VALUE overflow");
    }

    // ---------------------------------------------------------------------------------------------- @CyclicSchedule

    @ParameterizedTest(name = "baseLr = {0}")
    @CsvSource(delimiter = '|', value = {
        "-0.1       | -0.1",
        "Double.NaN | NaN",
    })
    void cyclicBaseLrNotFiniteAndNonNegativeIsAnError(String written, String echoed) {
        assertOnlyError(annotated("CyclicSchedule", "baseLr = " + written, "maxLr = 0.1"), "baseLr = " + written,
                "baseLr = " + echoed + " is not allowed: the rate at the start of every cycle must be finite and >= 0");
    }

    @ParameterizedTest(name = "maxLr = {0}")
    @CsvSource(delimiter = '|', value = {
        "0.01                     | 0.01",
        "Double.POSITIVE_INFINITY | Infinity",
    })
    void cyclicMaxLrBelowBaseLrOrInfiniteIsAnError(String written, String echoed) {
        assertOnlyError(annotated("CyclicSchedule", "baseLr = 0.1", "maxLr = " + written), "maxLr = " + written,
                "maxLr = " + echoed + " is not allowed: the rate at the peak of the first cycle must be finite and >="
                        + " baseLr = 0.1");
    }

    @Test
    void cyclicMaxLrIsCheckedAloneWhenBaseLrIsInvalid() {
        JavaFileObject source = annotated("CyclicSchedule", "baseLr = -1.0", "maxLr = Double.NaN");
        Compilation compilation = Compiler.compile(source);
        assertThat(compilation).hadErrorContaining("maxLr = NaN is not allowed: the rate at the peak of the first cycle"
                + " must be finite and >= 0").inFile(source).onLineContaining("maxLr = Double.NaN");
        assertThat(compilation).hadErrorContaining("baseLr = -1.0 is not allowed").inFile(source)
                .onLineContaining("baseLr = -1.0");
        assertThat(compilation).hadErrorCount(2);
    }

    @ParameterizedTest(name = "stepSizeUp = {0}")
    @ValueSource(strings = {"0", "-500"})
    void stepSizeUpNotPositiveIsAnError(String up) {
        assertOnlyError(annotated("CyclicSchedule", "baseLr = 0.001", "maxLr = 0.1", "stepSizeUp = " + up),
                "stepSizeUp = " + up, "stepSizeUp = " + up + " is not allowed: the steps from the start of a cycle to"
                        + " its peak must be > 0");
    }

    @Test
    void stepSizeDownSetToZeroIsAnError() {
        assertOnlyError(annotated("CyclicSchedule", "baseLr = 0.001", "maxLr = 0.1", "stepSizeDown = 0"),
                "stepSizeDown = 0", "stepSizeDown = 0 is not allowed: the steps from the peak of a cycle to the start"
                        + " of the next must be > 0");
    }

    @Test
    void cycleLongerThanLongMaxValueIsAnErrorOnStepSizeDown() {
        assertOnlyError(annotated("CyclicSchedule", "baseLr = 0.001", "maxLr = 0.1",
                        "stepSizeUp = Long.MAX_VALUE", "stepSizeDown = 1"), "stepSizeDown = 1", "stepSizeDown = 1 is"
                        + " not allowed: a cycle of stepSizeUp + stepSizeDown steps must be at most Long.MAX_VALUE"
                        + " steps");
    }

    @Test
    void symmetricCycleLongerThanLongMaxValueIsAnErrorOnStepSizeUp() {
        assertOnlyError(annotated("CyclicSchedule", "baseLr = 0.001", "maxLr = 0.1",
                        "stepSizeUp = 5000000000000000000L"), "stepSizeUp = 5000000000000000000L", "stepSizeUp ="
                        + " 5000000000000000000L is not allowed: a cycle of stepSizeUp + stepSizeDown steps must be at"
                        + " most Long.MAX_VALUE steps");
    }

    @ParameterizedTest(name = "gamma = {0}")
    @CsvSource(delimiter = '|', value = {
        "0.0        | 0.0",
        "1.5        | 1.5",
        "Double.NaN | NaN",
    })
    void expRangeGammaOutsideZeroToOneIsAnError(String written, String echoed) {
        assertOnlyError(annotated("CyclicSchedule", "baseLr = 0.001", "maxLr = 0.1", "mode = CyclicMode.EXP_RANGE",
                        "gamma = " + written), "gamma = " + written, "gamma = " + echoed + " is not allowed: the factor"
                        + " of the height per step must be in (0, 1]");
    }

    @Test
    void cyclicRatesThatOverflowAreAnErrorOnMaxLr() {
        assertOnlyError(annotated("CyclicSchedule", "baseLr = 0.0", "maxLr = Double.MAX_VALUE", "stepSizeUp = 3"),
                "maxLr = Double.MAX_VALUE", "maxLr = 1.7976931348623157E308 is not allowed: the rate at step 3"
                        + " computes as Infinity; rates this close to Double.MAX_VALUE overflow");
    }

    @Test
    void gammaWithoutExpRangeIsAWarningOnIt() {
        assertOnlyWarning(annotated("CyclicSchedule", "baseLr = 0.001", "maxLr = 0.1", "gamma = 0.99"),
                "gamma = 0.99", "gamma = 0.99 is ignored: mode = CyclicMode.TRIANGULAR does not use it");
    }

    // ---------------------------------------------------------------------------------------- @WarmRestartsSchedule

    @ParameterizedTest(name = "baseLr = {0}")
    @ValueSource(strings = {"0.0", "-0.1"})
    void restartsBaseLrNotPositiveIsAnError(String base) {
        assertOnlyError(annotated("WarmRestartsSchedule", "baseLr = " + base, "t0 = 1000"), "baseLr = " + base,
                "baseLr = " + base + " is not allowed: the rate at every restart must be finite and > 0");
    }

    @ParameterizedTest(name = "t0 = {0}")
    @ValueSource(strings = {"0", "-1"})
    void firstCycleNotPositiveIsAnError(String t0) {
        assertOnlyError(annotated("WarmRestartsSchedule", "baseLr = 0.1", "t0 = " + t0), "t0 = " + t0,
                "t0 = " + t0 + " is not allowed: the length of the first cycle must be > 0");
    }

    @ParameterizedTest(name = "tMult = {0}")
    @ValueSource(strings = {"0", "-2"})
    void tMultBelowOneIsAnError(String tMult) {
        assertOnlyError(annotated("WarmRestartsSchedule", "baseLr = 0.1", "t0 = 1000", "tMult = " + tMult),
                "tMult = " + tMult, "tMult = " + tMult + " is not allowed: the factor by which each cycle is longer"
                        + " than the one before must be >= 1");
    }

    @ParameterizedTest(name = "etaMin = {0}")
    @CsvSource(delimiter = '|', value = {
        "0.2        | 0.2",
        "-0.01      | -0.01",
        "Double.NaN | NaN",
    })
    void etaMinOutsideZeroToBaseLrIsAnError(String written, String echoed) {
        assertOnlyError(annotated("WarmRestartsSchedule", "baseLr = 0.1", "t0 = 1000", "etaMin = " + written),
                "etaMin = " + written, "etaMin = " + echoed + " is not allowed: the rate at the end of each cycle must"
                        + " be in [0, baseLr] = [0, 0.1]");
    }

    @Test
    void etaMinAndStartLrAreCheckedAloneWhenBaseLrIsInvalid() {
        JavaFileObject source = annotated("WarmRestartsSchedule", "baseLr = 0.0", "t0 = 1000", "etaMin = -1.0",
                "warmupSteps = 100", "startLr = -2.0");
        Compilation compilation = Compiler.compile(source);
        assertThat(compilation).hadErrorContaining("etaMin = -1.0 is not allowed: the rate at the end of each cycle"
                + " must be finite and >= 0").inFile(source).onLineContaining("etaMin = -1.0");
        assertThat(compilation).hadErrorContaining("startLr = -2.0 is not allowed: the rate at step 0 must be finite"
                + " and >= 0").inFile(source).onLineContaining("startLr = -2.0");
        assertThat(compilation).hadErrorContaining("baseLr = 0.0 is not allowed").inFile(source)
                .onLineContaining("baseLr = 0.0");
        assertThat(compilation).hadErrorCount(3);
    }

    @Test
    void negativeWarmupIsAnError() {
        assertOnlyError(annotated("WarmRestartsSchedule", "baseLr = 0.1", "t0 = 1000", "warmupSteps = -1"),
                "warmupSteps = -1", "warmupSteps = -1 is not allowed: the warmup length W must be >= 0 (0 means no"
                        + " warmup)");
    }

    @Test
    void warmupStartAboveBaseLrIsAnError() {
        assertOnlyError(annotated("WarmRestartsSchedule", "baseLr = 0.1", "t0 = 1000", "warmupSteps = 100",
                        "startLr = 0.2"), "startLr = 0.2", "startLr = 0.2 is not allowed: the rate at step 0 must be in"
                        + " [0, baseLr] = [0, 0.1]");
    }

    @Test
    void restartRatesThatOverflowAreAnErrorOnBaseLr() {
        assertOnlyError(annotated("WarmRestartsSchedule", "baseLr = Double.MAX_VALUE", "t0 = 1000",
                        "etaMin = 8.070702685795609E307"), "baseLr = Double.MAX_VALUE", "baseLr ="
                        + " 1.7976931348623157E308 is not allowed: the rate at step 0 computes as Infinity; rates this"
                        + " close to Double.MAX_VALUE overflow");
    }

    @Test
    void startLrWithoutWarmupIsAWarningOnIt() {
        assertOnlyWarning(annotated("WarmRestartsSchedule", "baseLr = 0.1", "t0 = 1000", "startLr = 0.01"),
                "startLr = 0.01", "startLr = 0.01 is ignored: warmupSteps = 0 means no warmup");
    }

    // ---------------------------------------------------------------------------------------------- every annotation

    @ParameterizedTest(name = "@{0}")
    @MethodSource("validOfEachAnnotation")
    void invalidNameIsAnErrorOnName(String annotation, List<String> attributes) {
        List<String> withName = new ArrayList<>(attributes);
        withName.add("name = \"my-schedule\"");
        assertOnlyError(annotated(annotation, withName.toArray(String[]::new)), "name = \"my-schedule\"",
                "name = \"my-schedule\" is not allowed: the generated class's simple name must be a Java identifier"
                        + " that can name a class, or \"\" for the default");
    }

    @ParameterizedTest(name = "@{0}")
    @MethodSource("validOfEachAnnotation")
    void annotationOnAnInterfaceIsAnErrorOnTheAnnotation(String annotation, List<String> attributes) {
        assertOnlyError(source("interface", annotation, attributes.toArray(String[]::new)), "@" + annotation + "(",
                "@" + annotation + " is not allowed on an interface p.Sched: annotate a class or a record");
    }

    @ParameterizedTest(name = "@{0}")
    @MethodSource("validOfEachAnnotation")
    void defaultNameTakenIsAnErrorOnTheAnnotation(String annotation, List<String> attributes) {
        JavaFileObject annotated = annotated(annotation, attributes.toArray(String[]::new));
        Compilation compilation = Compiler.compile(annotated,
                JavaFileObjects.forSourceLines("p.SchedStepLr", "package p;", "", "class SchedStepLr {}"));
        assertThat(compilation).hadErrorContaining("The generated class p.SchedStepLr would clash with the existing"
                + " type p.SchedStepLr; set name = \"...\" to another simple name").inFile(annotated)
                .onLineContaining("@" + annotation + "(");
        assertThat(compilation).hadErrorCount(1);
    }

    @ParameterizedTest(name = "@{0}")
    @MethodSource("validOfEachAnnotation")
    void eachAnnotationGeneratesItsClassWithoutWarnings(String annotation, List<String> attributes) {
        Compilation compilation = Compiler.compile(annotated(annotation, attributes.toArray(String[]::new)));
        assertThat(compilation).succeededWithoutWarnings();
        StepLr schedule = new Compiler.Loader(compilation).schedule("p.SchedStepLr");
        assertTrue(Double.isFinite(schedule.lr(Long.MAX_VALUE)) && schedule.lr(0) >= 0);
        assertThat(compilation).generatedSourceFile("p.SchedStepLr").contentsAsUtf8String()
                .contains("from @" + annotation + "(");
    }

    static Stream<Arguments> validOfEachAnnotation() {
        return Stream.of(
                Arguments.of("PhasedSchedule", List.of("phases = {@Phase(steps = 10, shape = PhaseShape.LINEAR,"
                        + " endLr = 0.1)}")),
                Arguments.of("OneCycleSchedule", List.of("maxLr = 0.1", "totalSteps = 1000")),
                Arguments.of("CyclicSchedule", List.of("baseLr = 0.001", "maxLr = 0.1")),
                Arguments.of("WarmRestartsSchedule", List.of("baseLr = 0.1", "t0 = 1000")));
    }

    @Test
    void twoScheduleAnnotationsOnOneClassIsAnErrorOnTheSecond() {
        JavaFileObject source = JavaFileObjects.forSourceLines("p.Sched",
                "package p;",
                "",
                "import dev.warmup.*;",
                "",
                "@WarmupSchedule(steps = 100, initLr = 0.1)",
                "@CyclicSchedule(baseLr = 0.001, maxLr = 0.1)",
                "final class Sched {}");
        assertOnlyError(source, "@CyclicSchedule(", "@CyclicSchedule is not allowed together with @WarmupSchedule on"
                + " p.Sched: a class declares one schedule; annotate another class with @CyclicSchedule");
    }

    @Test
    void schedulesOfTwoAnnotationsNamingTheSameClassIsAnErrorOnTheSecondName() {
        JavaFileObject first = JavaFileObjects.forSourceLines("p.First",
                "package p;",
                "",
                "@dev.warmup.WarmupSchedule(steps = 100, initLr = 0.1, name = \"Shared\")",
                "final class First {}");
        JavaFileObject second = source("final class", "CyclicSchedule", "baseLr = 0.001", "maxLr = 0.1",
                "name = \"Shared\"");
        Compilation compilation = Compiler.compile(first, second);
        assertThat(compilation).hadErrorContaining("Another @WarmupSchedule of this compilation, on p.First, generates p.Shared"
                + " too;"
                + " set name = \"...\" to another simple name").inFile(second).onLineContaining("name = \"Shared\"");
        assertThat(compilation).hadErrorCount(1);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("erroneousValues")
    void valueThatDoesNotCompileIsLeftToJavac(String annotation, String erroneous, List<String> attributes) {
        Compilation compilation = Compiler.compile(annotated(annotation, attributes.toArray(String[]::new)));
        assertThat(compilation).failed();
        List<String> errors = compilation.errors().stream().map(d -> d.getMessage(Locale.ROOT)).toList();
        assertTrue(errors.stream().noneMatch(m -> m.contains("warmup processor failed") || m.contains("is not allowed")),
                errors::toString);
        for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
            assertEquals(6 + attributes.indexOf(erroneous), error.getLineNumber(), errors::toString);
        }
        assertTrue(compilation.warnings().isEmpty(), () -> "no processor warnings: " + compilation.warnings());
    }

    static Stream<Arguments> erroneousValues() {
        return Stream.of(
                erroneous("CyclicSchedule", "baseLr = 0.001", "maxLr = 0.1", "mode = CyclicMode.NOPE"),
                erroneous("OneCycleSchedule", "maxLr = 0.1", "totalSteps = 1000", "threePhase = \"yes\""),
                erroneous("WarmRestartsSchedule", "baseLr = 0.1", "t0 = 1000", "tMult = 2.5"),
                erroneous("PhasedSchedule",
                        "phases = {@Phase(steps = 10, shape = PhaseShape.NOPE, endLr = 0.1)}"),
                erroneous("PhasedSchedule",
                        "phases = {@Phase(steps = 10, shape = PhaseShape.LINEAR, endLr = \"fast\")}"));
    }

    private static Arguments erroneous(String annotation, String... attributes) {
        return Arguments.of(annotation, attributes[attributes.length - 1], List.of(attributes));
    }

    // ------------------------------------------------------------------------ @WarmupSchedule's linear scaling rule

    @Test
    void linearScalingRuleScalesInitLrExactly() throws IOException {
        JavaFileObject source = annotated("WarmupSchedule", "steps = 100", "initLr = 0.1", "batchSize = 8192",
                "referenceBatchSize = 256", "decay = Decay.COSINE", "totalSteps = 1000", "minLr = 0.5");
        Compilation compilation = Compiler.compile(source);
        assertThat(compilation).succeededWithoutWarnings();
        StepLr schedule = new Compiler.Loader(compilation).schedule("p.SchedStepLr");
        assertEquals(3.2, schedule.lr(100)); // 0.1 * 8192 / 256, exactly the double 3.2
        assertEquals(1.6, schedule.lr(50));
        assertEquals(0.5, schedule.lr(1000)); // minLr = 0.5 is allowed: it is below the scaled 3.2, not below 0.1
        String generated = compilation.generatedFile(StandardLocation.SOURCE_OUTPUT, "p/SchedStepLr.java")
                .orElseThrow().getCharContent(false).toString();
        assertTrue(generated.contains("(initLr scaled by the linear scaling rule: 0.1 * 8192 / 256 = 3.2)"), generated);
        assertTrue(generated.contains("batchSize = 8192, referenceBatchSize = 256"), generated);
    }

    @Test
    void batchSizeWithoutReferenceBatchSizeIsAnErrorOnBatchSize() {
        assertOnlyError(annotated("WarmupSchedule", "steps = 100", "initLr = 0.1", "batchSize = 8192"),
                "batchSize = 8192", "batchSize = 8192 is not allowed without referenceBatchSize: the linear scaling"
                        + " rule multiplies initLr by batchSize / referenceBatchSize; set referenceBatchSize to the"
                        + " batch size initLr was tuned for (Goyal et al. used 256)");
    }

    @Test
    void referenceBatchSizeWithoutBatchSizeIsAnErrorOnReferenceBatchSize() {
        assertOnlyError(annotated("WarmupSchedule", "steps = 100", "initLr = 0.1", "referenceBatchSize = 256"),
                "referenceBatchSize = 256", "referenceBatchSize = 256 is not allowed without batchSize: the linear"
                        + " scaling rule multiplies initLr by batchSize / referenceBatchSize; set batchSize to the"
                        + " batch size trained with");
    }

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource(delimiter = '|', value = {
        "batchSize = 0          | referenceBatchSize = 256  | batchSize = 0",
        "batchSize = 8192       | referenceBatchSize = -256 | referenceBatchSize = -256",
    })
    void batchSizeNotPositiveIsAnErrorOnIt(String batch, String reference, String wrong) {
        assertOnlyError(annotated("WarmupSchedule", "steps = 100", "initLr = 0.1", batch, reference), wrong,
                wrong + " is not allowed: a batch size must be > 0");
    }

    @ParameterizedTest(name = "initLr = {0}")
    @CsvSource(delimiter = '|', value = {
        "1e308            | 8192 | 1   | 1.0E308 * 8192 / 1 = Infinity",
        "Double.MIN_VALUE | 1    | 256 | 5.0E-324 * 1 / 256 = 0.0",
    })
    void scaledRateNotFiniteAndPositiveIsAnErrorOnBatchSize(String initLr, String batch, String reference,
            String scaling) {
        assertOnlyError(annotated("WarmupSchedule", "steps = 100", "initLr = " + initLr, "batchSize = " + batch,
                        "referenceBatchSize = " + reference), "batchSize = " + batch, "batchSize = " + batch + " is not"
                        + " allowed: the scaled rate " + scaling + " must be finite and > 0");
    }

    @Test
    void startLrIsComparedWithTheScaledRate() {
        assertOnlyError(annotated("WarmupSchedule", "steps = 100", "initLr = 0.1", "batchSize = 512",
                        "referenceBatchSize = 256", "startLr = 0.3"), "startLr = 0.3", "startLr = 0.3 is not allowed:"
                        + " the rate at step 0 must be in [0, initLr * batchSize / referenceBatchSize] = [0, 0.2]");
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** {@code @<annotation>} with {@code attributes}, one a line, on {@code final class p.Sched}. */
    private static JavaFileObject annotated(String annotation, String... attributes) {
        return source("final class", annotation, attributes);
    }

    private static JavaFileObject source(String declaration, String annotation, String... attributes) {
        List<String> lines = new ArrayList<>(List.of("package p;", "", "import dev.warmup.*;", "",
                "@" + annotation + "("));
        for (int i = 0; i < attributes.length; i++) {
            lines.add("        " + attributes[i] + (i < attributes.length - 1 ? "," : ")"));
        }
        lines.add(declaration + " Sched {}");
        return JavaFileObjects.forSourceLines("p.Sched", lines);
    }

    /** {@code @PhasedSchedule} of the given phases (each from {@link #phase}). */
    private static JavaFileObject phased(String... phases) {
        return annotated("PhasedSchedule", "phases = {\n" + String.join(",\n", phases) + "}");
    }

    /** A {@code @Phase} with one attribute a line. */
    private static String phase(String... attributes) {
        return "                @Phase(\n" + Stream.of(attributes).map(a -> "                        " + a)
                .collect(Collectors.joining(",\n")) + ")";
    }
}
