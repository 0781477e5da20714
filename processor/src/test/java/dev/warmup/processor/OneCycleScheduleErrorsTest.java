package dev.warmup.processor;

import static dev.warmup.processor.ErrorSources.annotated;
import static dev.warmup.processor.ErrorSources.phase;
import static dev.warmup.processor.WarmupScheduleErrorsTest.assertOnlyError;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every error of {@code @OneCycleSchedule}:
 * the message, the file, and the line of the attribute at fault; for an attribute of a nested {@code @Phase}, the line
 * of that value inside the phase. Sources put one attribute a line (phases too), so a line names one attribute. The
 * expected messages are the processor's specification, written from its message text.
 */
class OneCycleScheduleErrorsTest {

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
}
