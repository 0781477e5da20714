package dev.warmup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.warmup.processor.ErrorSources.annotated;
import static dev.warmup.processor.ErrorSources.phase;
import static dev.warmup.processor.ErrorSources.source;
import static dev.warmup.processor.WarmupScheduleErrorsTest.assertOnlyError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import dev.warmup.StepLr;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
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

    /** A whole factor echoes as an int, as PyTorch's {@code T_mult} is written; any other as a double. */
    @ParameterizedTest(name = "tMult = {0}")
    @CsvSource(delimiter = '|', value = {
        "0                        | 0",
        "-2                       | -2",
        "0.0                      | 0",
        "0.5                      | 0.5",
        "0.9999999999999999       | 0.9999999999999999",
        "-1.5                     | -1.5",
        "Integer.MIN_VALUE        | -2147483648",
        "-1e300                   | -1.0E300",
        "0.0 / 0.0                | NaN",
        "Double.NaN               | NaN",
        "Double.POSITIVE_INFINITY | Infinity",
        "1.0 / 0.0                | Infinity",
        "Double.NEGATIVE_INFINITY | -Infinity",
    })
    void tMultNotFiniteOrBelowOneIsAnError(String written, String echoed) {
        assertOnlyError(annotated("WarmRestartsSchedule", "baseLr = 0.1", "t0 = 1000", "tMult = " + written),
                "tMult = " + written, "tMult = " + echoed + " is not allowed: the factor by which each cycle is longer"
                        + " than the one before must be finite and >= 1");
    }

    @ParameterizedTest(name = "tMult = {0}")
    @CsvSource(delimiter = '|', value = {
        "1.0000000000000002 | 1.0000000000000002",
        "1.0000001          | 1.0000001",
        "1.0000009          | 1.0000009",
        "1 + 1e-7           | 1.0000001",
    })
    void tMultNotWholeBelowTheLeastIsAnError(String written, String echoed) {
        assertOnlyError(annotated("WarmRestartsSchedule", "baseLr = 0.1", "t0 = 1000", "tMult = " + written),
                "tMult = " + written, "tMult = " + echoed + " is not allowed: a factor that is not whole must be >="
                        + " 1.000001, where the cycles' starts, computed in double, are within a billionth of a"
                        + " cycle; for cycles of equal length, tMult = 1");
    }

    /** Whole factors of any size, the least factor that is not whole, and factors far from whole compile. */
    @ParameterizedTest(name = "tMult = {0}")
    @ValueSource(strings = {"1", "1.0", "2.0", "3", "Integer.MAX_VALUE", "1e10", "1e300", "Double.MAX_VALUE",
        "1.000001", "1.0001", "1.5", "2.5", "1e6 + 0.5", "4503599627370495.5"})
    void tMultWholeOrAtLeastTheLeastCompilesWithoutWarnings(String tMult) {
        Compilation compilation = Compiler.compile(annotated("WarmRestartsSchedule", "baseLr = 0.1", "t0 = 1000",
                "tMult = " + tMult, "cycles = 3"));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.SchedStepLr");
    }

    @Test
    void tMultNotWholeWithOtherErrorsReportsEach() {
        JavaFileObject source = annotated("WarmRestartsSchedule", "baseLr = 0.1", "t0 = 0", "tMult = 0.5",
                "kDecay = 0.0");
        Compilation compilation = Compiler.compile(source);
        assertThat(compilation).hadErrorContaining("t0 = 0 is not allowed").inFile(source)
                .onLineContaining("t0 = 0");
        assertThat(compilation).hadErrorContaining("tMult = 0.5 is not allowed: the factor by which each cycle is"
                + " longer than the one before must be finite and >= 1").inFile(source).onLineContaining("tMult = 0.5");
        assertThat(compilation).hadErrorContaining("kDecay = 0.0 is not allowed").inFile(source)
                .onLineContaining("kDecay = 0.0");
        assertThat(compilation).hadErrorCount(3);
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

    // ------------------------------------------------------------------------------------- heightDecay, peakDecay

    /** Each decay's factor outside (0, 1], as written and as the message shows it. */
    static Stream<Arguments> decaysOutsideZeroToOne() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("Double.NaN", "NaN");
        values.put("0.0", "0.0");
        values.put("-0.0", "-0.0");
        values.put("-0.5", "-0.5");
        values.put("1.5", "1.5");
        values.put("1.0000000000000002", "1.0000000000000002");
        values.put("Double.POSITIVE_INFINITY", "Infinity");
        values.put("Double.NEGATIVE_INFINITY", "-Infinity");
        return Stream.of("heightDecay", "peakDecay").flatMap(attribute -> values.entrySet().stream()
                .map(v -> Arguments.of(attribute, v.getKey(), v.getValue())));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("decaysOutsideZeroToOne")
    void decayOutsideZeroToOneIsAnErrorOnIt(String attribute, String written, String echoed) {
        String what = attribute.equals("peakDecay") ? "rate" : "height above etaMin";
        assertOnlyError(annotated("WarmRestartsSchedule", "baseLr = 0.1", "t0 = 1000", attribute + " = " + written),
                attribute + " = " + written, attribute + " = " + echoed + " is not allowed: the factor of each"
                        + " restart's " + what + " must be in (0, 1]");
    }

    @ParameterizedTest(name = "kDecay = {0}")
    @CsvSource(delimiter = '|', value = {
        "0.0                      | 0.0",
        "-1.0                     | -1.0",
        "Double.NaN               | NaN",
        "Double.POSITIVE_INFINITY | Infinity",
    })
    void kDecayNotFiniteAndPositiveIsAnErrorOnKDecay(String written, String echoed) {
        assertOnlyError(annotated("WarmRestartsSchedule", "baseLr = 0.1", "t0 = 1000", "kDecay = " + written),
                "kDecay = " + written, "kDecay = " + echoed + " is not allowed: the exponent of the cosine's argument"
                        + " must be finite and > 0");
    }

    /** Keras's m_mul and timm's cycle_decay decay a restart two different ways: one of them, in whichever order. */
    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource(delimiter = '|', value = {
        "heightDecay = 0.5 | peakDecay = 0.9",
        "peakDecay = 0.9   | heightDecay = 0.5",
        "heightDecay = 1.0 | peakDecay = 0.9",
        "heightDecay = 0.5 | peakDecay = 1.0",
    })
    void heightDecayAndPeakDecayTogetherIsAnErrorOnPeakDecay(String first, String second) {
        String peak = first.startsWith("peakDecay") ? first : second;
        String height = first.startsWith("peakDecay") ? second : first;
        assertOnlyError(annotated("WarmRestartsSchedule", "baseLr = 0.1", "t0 = 1000", first, second), peak,
                peak + " is not allowed with " + height + ": a restart's rate decays Keras's way (heightDecay, m_mul:"
                        + " etaMin + (baseLr - etaMin) * heightDecay^i) or timm's (peakDecay, cycle_decay: baseLr *"
                        + " peakDecay^i); set one");
    }

    @Test
    void invalidHeightDecayAndPeakDecayAreEachAnErrorOnItsLine() {
        JavaFileObject source = annotated("WarmRestartsSchedule", "baseLr = 0.1", "t0 = 1000", "heightDecay = 0.0",
                "peakDecay = 1.5");
        Compilation compilation = Compiler.compile(source);
        assertThat(compilation).hadErrorContaining("heightDecay = 0.0 is not allowed: the factor of each restart's"
                + " height above etaMin must be in (0, 1]").inFile(source).onLineContaining("heightDecay = 0.0");
        assertThat(compilation).hadErrorContaining("peakDecay = 1.5 is not allowed: the factor of each restart's rate"
                + " must be in (0, 1]").inFile(source).onLineContaining("peakDecay = 1.5");
        assertThat(compilation).hadErrorCount(2);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "heightDecay = 1.0",
        "peakDecay = 1.0",
        "heightDecay = 0.5",
        "peakDecay = 0.5",
        "heightDecay = Double.MIN_VALUE",
        "cycles = 0",
        "cycles = 1",
        "cycles = Long.MAX_VALUE",
    })
    void decaysInZeroToOneAndCyclesFromZeroCompileWithoutWarnings(String attribute) {
        Compilation compilation = Compiler.compile(annotated("WarmRestartsSchedule", "baseLr = 0.1", "t0 = 1000",
                attribute));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.SchedStepLr");
    }

    @Test
    void heightDecayWithCyclesCompilesWithoutWarnings() {
        Compilation compilation = Compiler.compile(annotated("WarmRestartsSchedule", "baseLr = 0.1", "t0 = 1000",
                "heightDecay = 0.5", "cycles = 3"));
        assertThat(compilation).succeededWithoutWarnings();
        StepLr schedule = new Compiler.Loader(compilation).schedule("p.SchedStepLr");
        assertEquals(0.1, schedule.lr(0));
        assertEquals(0.05, schedule.lr(1000)); // etaMin + (baseLr - etaMin) * 0.5^1
        assertEquals(0.025, schedule.lr(2000));
        assertEquals(0.0, schedule.lr(3000)); // after 3 cycles, etaMin
    }

    @Test
    void peakDecayWithWarmupFromStepZeroCompilesWithoutWarnings() {
        Compilation compilation = Compiler.compile(annotated("WarmRestartsSchedule", "baseLr = 0.1", "t0 = 1000",
                "peakDecay = 0.9", "warmupSteps = 10", "warmupPrefix = false"));
        assertThat(compilation).succeededWithoutWarnings();
        StepLr schedule = new Compiler.Loader(compilation).schedule("p.SchedStepLr");
        assertEquals(10, schedule.warmupSteps());
        assertEquals(0.0, schedule.lr(0));
        assertEquals(0.1 * 0.9, schedule.lr(1000)); // warmupPrefix = false: cycle 1 starts at step t0, not W + t0
    }

    // ---------------------------------------------------------------------------------------------------- cycles

    @ParameterizedTest(name = "cycles = {0}")
    @CsvSource(delimiter = '|', value = {
        "-1             | -1",
        "Long.MIN_VALUE | -9223372036854775808L",
    })
    void negativeCyclesIsAnErrorOnCycles(String written, String echoed) {
        assertOnlyError(annotated("WarmRestartsSchedule", "baseLr = 0.1", "t0 = 1000", "cycles = " + written),
                "cycles = " + written, "cycles = " + echoed + " is not allowed: the number of cycles must be >= 1, or"
                        + " 0 for restarts without end");
    }

    // ---------------------------------------------------------------------------------------------- warmupPrefix

    @ParameterizedTest(name = "warmupPrefix = {0}")
    @ValueSource(strings = {"false", "true"})
    void warmupPrefixWithoutWarmupIsAnErrorOnIt(String prefix) {
        assertOnlyError(annotated("WarmRestartsSchedule", "baseLr = 0.1", "t0 = 1000", "warmupPrefix = " + prefix),
                "warmupPrefix = " + prefix, "warmupPrefix = " + prefix + " has no effect: warmupSteps = 0 means no"
                        + " warmup; remove it, or set warmupSteps > 0");
    }

    @Test
    void warmupPrefixWithWarmupStepsZeroIsAnErrorOnWarmupPrefix() {
        assertOnlyError(annotated("WarmRestartsSchedule", "baseLr = 0.1", "t0 = 1000", "warmupSteps = 0",
                        "warmupPrefix = false"), "warmupPrefix = false", "warmupPrefix = false has no effect:"
                        + " warmupSteps = 0 means no warmup; remove it, or set warmupSteps > 0");
    }
}
