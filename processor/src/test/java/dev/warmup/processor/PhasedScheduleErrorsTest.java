package dev.warmup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.warmup.processor.ErrorSources.annotated;
import static dev.warmup.processor.ErrorSources.phase;
import static dev.warmup.processor.ErrorSources.phased;
import static dev.warmup.processor.ErrorSources.source;
import static dev.warmup.processor.WarmupScheduleErrorsTest.assertOnlyError;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every error and warning of {@code @PhasedSchedule} and its {@code @Phase}s:
 * the message, the file, and the line of the attribute at fault; for an attribute of a nested {@code @Phase}, the line
 * of that value inside the phase. Sources put one attribute a line (phases too), so a line names one attribute. The
 * expected messages are the processor's specification, written from its message text.
 */
class PhasedScheduleErrorsTest {

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

    // ---------------------------------------------------------------------------------------------- by its factor

    /** An exponential phase given by its factor lasts until it reaches endLr: its length is not written. */
    @Test
    void stepsWithGammaIsAnErrorOnSteps() {
        assertOnlyError(phased(phase("steps = 100", "shape = PhaseShape.EXPONENTIAL", "startLr = 1e-4",
                        "endLr = 0.1", "gamma = 2.0")), "steps = 100", "phase 1: steps = 100 is not allowed with gamma:"
                        + " an exponential phase given by its factor lasts until its rate reaches endLr; remove steps,"
                        + " or gamma");
    }

    @Test
    void aPhaseWithoutStepsOrGammaIsAnErrorOnThePhase() {
        assertOnlyError(phased(phase("shape = PhaseShape.LINEAR", "endLr = 0.1")), "@Phase(", "phase 1: steps is"
                + " required: set the length of the phase (or, for an EXPONENTIAL phase, gamma, its factor per step,"
                + " for a phase that lasts until it reaches endLr)");
    }

    @ParameterizedTest(name = "gamma = {0}")
    @CsvSource(delimiter = '|', value = {
        "1.0        | 1.0",
        "0.0        | 0.0",
        "-2.0       | -2.0",
        "Double.NaN | NaN",
    })
    void gammaNotFinitePositiveAndOtherThanOneIsAnErrorOnIt(String written, String echoed) {
        assertOnlyError(phased(phase("shape = PhaseShape.EXPONENTIAL", "startLr = 1e-4", "endLr = 0.1",
                        "gamma = " + written)), "gamma = " + written, "phase 1: gamma = " + echoed + " is not allowed:"
                        + " the factor per stepSize steps must be finite, > 0 and not 1");
    }

    @ParameterizedTest(name = "gamma = {0}, endLr = {1}")
    @CsvSource(delimiter = '|', value = {
        "0.5 | 0.1   | rises, so the factor must be > 1",
        "2.0 | 1e-5  | falls, so the factor must be < 1",
    })
    void gammaAgainstTheDirectionIsAnErrorOnIt(String gamma, String endLr, String why) {
        assertOnlyError(phased(phase("shape = PhaseShape.EXPONENTIAL", "startLr = 1e-4", "endLr = " + endLr,
                        "gamma = " + gamma)), "gamma = " + gamma, "phase 1: gamma = " + gamma + " is not allowed: from"
                        + " 1.0E-4 to endLr = " + Literals.ofDouble(Double.parseDouble(endLr)) + " the rate " + why);
    }

    @Test
    void gammaWithAnEndEqualToTheStartIsAnErrorOnEndLr() {
        assertOnlyError(phased(phase("steps = 10", "shape = PhaseShape.LINEAR", "endLr = 1e-1"),
                        phase("shape = PhaseShape.EXPONENTIAL", "endLr = 0.1", "gamma = 2.0")), "endLr = 0.1",
                "phase 2: endLr = 0.1 is not allowed: an exponential phase given by its factor must move: set an endLr"
                        + " other than its start, 0.1");
    }

    /**
     * From Double.MIN_VALUE to 1 by a factor a hair above 1 every 3 steps: 3 * 744.4 / 2.2e-16 = 1.0e19 steps, more
     * than Long.MAX_VALUE.
     */
    @Test
    void aPhaseByItsFactorLongerThanLongMaxValueIsAnErrorOnGamma() {
        assertOnlyError(phased(phase("shape = PhaseShape.EXPONENTIAL", "startLr = Double.MIN_VALUE", "endLr = 1.0",
                        "gamma = 1.0000000000000002", "stepSize = 3")), "gamma = 1.0000000000000002", "phase 1: gamma ="
                        + " 1.0000000000000002 is not allowed: from 5.0E-324 to endLr = 1.0 by this factor the phase"
                        + " would last more than Long.MAX_VALUE steps");
    }

    @Test
    void gammaOnAnotherShapeHasNoEffect() {
        assertOnlyError(phased(phase("steps = 100", "shape = PhaseShape.LINEAR", "endLr = 0.1", "gamma = 2.0")),
                "gamma = 2.0", "phase 1: gamma = 2.0 has no effect: shape = PhaseShape.LINEAR does not use it; remove"
                        + " it, or set shape = PhaseShape.EXPONENTIAL");
    }

    @Test
    void stepSizeWithoutGammaHasNoEffect() {
        assertOnlyError(phased(phase("steps = 100", "shape = PhaseShape.EXPONENTIAL", "startLr = 1e-4",
                        "endLr = 0.1", "stepSize = 10")), "stepSize = 10", "phase 1: stepSize = 10 has no effect: it is"
                        + " the steps of gamma, which is not set; remove it, or set gamma");
    }

    @Test
    void stepSizeNotPositiveIsAnErrorOnIt() {
        assertOnlyError(phased(phase("shape = PhaseShape.EXPONENTIAL", "startLr = 1e-4", "endLr = 0.1",
                        "gamma = 2.0", "stepSize = 0")), "stepSize = 0", "phase 1: stepSize = 0 is not allowed: the"
                        + " steps over which the rate is multiplied by gamma must be > 0");
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

    @ParameterizedTest(name = "power = {0}")
    @CsvSource(delimiter = '|', value = {
        "0.0        | 0.0",
        "-1.0       | -1.0",
        "Double.NaN | NaN",
    })
    void cosinePowerNotFiniteAndPositiveIsAnErrorOnIt(String written, String echoed) {
        assertOnlyError(phased(phase("steps = 100", "shape = PhaseShape.LINEAR", "endLr = 0.1"),
                        phase("steps = 100", "shape = PhaseShape.COSINE", "endLr = 0.0", "power = " + written)),
                "power = " + written, "phase 2: power = " + echoed + " is not allowed: the exponent of the cosine"
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
    void startLrOfAConstantPhaseIsAnErrorOnIt() {
        assertOnlyError(phased(phase("steps = 100", "shape = PhaseShape.CONSTANT", "startLr = 0.5",
                "endLr = 0.1")), "startLr = 0.5", "phase 1: startLr = 0.5 has no effect: a CONSTANT phase holds endLr"
                + " throughout; remove it");
    }

    @Test
    void powerOfAPhaseThatIsNotPolyIsAnErrorOnIt() {
        assertOnlyError(phased(phase("steps = 100", "shape = PhaseShape.LINEAR", "endLr = 0.1", "power = 2.0")),
                "power = 2.0", "phase 1: power = 2.0 has no effect: shape = PhaseShape.LINEAR does not use it; remove"
                        + " it, or set shape = PhaseShape.POLY or PhaseShape.COSINE");
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
}
