package dev.warmup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.warmup.processor.ErrorSources.annotated;
import static dev.warmup.processor.ErrorSources.phase;
import static dev.warmup.processor.ErrorSources.source;
import static dev.warmup.processor.WarmupScheduleErrorsTest.assertOnlyError;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every error and warning of {@code @WarmRestartsSchedule}:
 * the message, the file, and the line of the attribute at fault; for an attribute of a nested {@code @Phase}, the line
 * of that value inside the phase. Sources put one attribute a line (phases too), so a line names one attribute. The
 * expected messages are the processor's specification, written from its message text.
 */
class WarmRestartsScheduleErrorsTest {

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
    void startLrWithoutWarmupIsAnErrorOnIt() {
        assertOnlyError(annotated("WarmRestartsSchedule", "baseLr = 0.1", "t0 = 1000", "startLr = 0.01"),
                "startLr = 0.01", "startLr = 0.01 has no effect: warmupSteps = 0 means no warmup; remove it, or set"
                        + " warmupSteps > 0");
    }
}
