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
 * Every error and warning of {@code @CyclicSchedule}:
 * the message, the file, and the line of the attribute at fault; for an attribute of a nested {@code @Phase}, the line
 * of that value inside the phase. Sources put one attribute a line (phases too), so a line names one attribute. The
 * expected messages are the processor's specification, written from its message text.
 */
class CyclicScheduleErrorsTest {

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
    void gammaWithoutExpRangeIsAnErrorOnIt() {
        assertOnlyError(annotated("CyclicSchedule", "baseLr = 0.001", "maxLr = 0.1", "gamma = 0.99"),
                "gamma = 0.99", "gamma = 0.99 has no effect: mode = CyclicMode.TRIANGULAR does not use it; remove it,"
                        + " or set mode = CyclicMode.EXP_RANGE");
    }
}
