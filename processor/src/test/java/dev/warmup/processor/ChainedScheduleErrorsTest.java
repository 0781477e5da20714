package dev.warmup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.warmup.processor.ErrorSources.annotated;
import static dev.warmup.processor.WarmupScheduleErrorsTest.assertOnlyError;
import static dev.warmup.processor.WarmupScheduleErrorsTest.assertOnlyWarning;

import com.google.testing.compile.Compilation;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every error and warning of {@code @ChainedSchedule} and its {@code @Factor}s (docs/chained-schedule.md):
 * the message, the file, and the line of the attribute at fault; for an attribute of a nested {@code @Factor}, the
 * line of that value inside the factor. Sources put one attribute a line (factors too), so a line names one
 * attribute. The expected messages are the processor's specification, written from its message text. Run under
 * javac and under ECJ (the surefire executions).
 */
class ChainedScheduleErrorsTest {

    /** {@code @ChainedSchedule(baseLr = 0.1, factors = {...})} of the given factors (each from {@link #factor}). */
    static JavaFileObject chained(String... factors) {
        return annotated("ChainedSchedule", "baseLr = 0.1", "factors = {\n" + String.join(",\n", factors) + "}");
    }

    /** A {@code @Factor} with one attribute a line. */
    static String factor(String... attributes) {
        return "                @Factor(\n" + Stream.of(attributes).map(a -> "                        " + a)
                .collect(Collectors.joining(",\n")) + ")";
    }

    private static final String EXP = factor("shape = FactorShape.EXP", "gamma = 0.999");

    // ---------------------------------------------------------------------------------------------- @ChainedSchedule

    @ParameterizedTest(name = "baseLr = {0}")
    @CsvSource(delimiter = '|', value = {
        "0                        | 0.0",
        "-0.1                     | -0.1",
        "Double.NaN               | NaN",
        "Double.POSITIVE_INFINITY | Infinity",
    })
    void baseLrNotFiniteAndPositiveIsAnErrorOnIt(String written, String echoed) {
        assertOnlyError(annotated("ChainedSchedule", "baseLr = " + written, "factors = {" + EXP + "}"),
                "baseLr = " + written, "baseLr = " + echoed + " is not allowed: the rate the factors multiply must be"
                        + " finite and > 0");
    }

    @Test
    void noFactorsIsAnErrorOnFactors() {
        assertOnlyError(annotated("ChainedSchedule", "baseLr = 0.1", "factors = {}"), "factors = {}",
                "factors = {} is not allowed: a chain needs between 1 and 16 factors");
    }

    @Test
    void seventeenFactorsIsAnErrorOnFactors() {
        String[] factors = Stream.generate(() -> "@Factor(shape = FactorShape.EXP, gamma = 0.999)").limit(17)
                .toArray(String[]::new);
        assertOnlyError(annotated("ChainedSchedule", "baseLr = 0.1", "factors = {\n" + String.join(",\n", factors)
                + "}"), "factors = {", "factors = {...} (17 factors) is not allowed: a chain needs between 1 and 16"
                        + " factors");
    }

    @Test
    void sixteenFactorsAreAllowed() {
        String[] factors = Stream.generate(() -> "@Factor(shape = FactorShape.EXP, gamma = 0.999)").limit(16)
                .toArray(String[]::new);
        Compilation compilation = Compiler.compile(annotated("ChainedSchedule", "baseLr = 0.1",
                "factors = {\n" + String.join(",\n", factors) + "}"));
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void everyProblemIsReportedInOneCompile() {
        JavaFileObject source = annotated("ChainedSchedule", "baseLr = -1.0", "factors = {\n"
                + factor("shape = FactorShape.LINEAR", "startFactor = 0.0", "steps = 100") + ",\n"
                + factor("shape = FactorShape.EXP", "gamma = 1.5") + "}");
        Compilation compilation = Compiler.compile(source);
        assertThat(compilation).hadErrorContaining("baseLr = -1.0 is not allowed").inFile(source)
                .onLineContaining("baseLr = -1.0");
        assertThat(compilation).hadErrorContaining("factor 1: startFactor = 0.0 is not allowed").inFile(source)
                .onLineContaining("startFactor = 0.0");
        assertThat(compilation).hadErrorContaining("factor 2: gamma = 1.5 is not allowed").inFile(source)
                .onLineContaining("gamma = 1.5");
        assertThat(compilation).hadErrorCount(3);
    }

    // ------------------------------------------------------------------------------------------------- @Factor

    @ParameterizedTest(name = "{0} without {1}")
    @CsvSource(delimiter = '|', value = {
        "CONSTANT  | factor      | steps = 10       | the factor in [0, 1] of the first steps, PyTorch's factor",
        "CONSTANT  | steps       | factor = 0.5     | the number of steps the factor changes over, PyTorch's total_iters",
        "LINEAR    | startFactor | steps = 10       | the factor at step 0 in (0, 1], PyTorch's start_factor",
        "LINEAR    | steps       | startFactor = 0.5 | the number of steps the factor changes over, PyTorch's total_iters",
        "EXP       | gamma       |                  | the factor per step in (0, 1], PyTorch's gamma",
        "STEP      | stepSize    | gamma = 0.5      | the number of steps between drops",
        "MULTISTEP | milestones  | gamma = 0.5      | the steps at which the factor is multiplied by gamma",
        "POLY      | steps       | power = 2.0      | the number of steps the factor changes over, PyTorch's total_iters",
        "COSINE    | steps       | endFactor = 0.1  | the number of steps the factor changes over, PyTorch's T_max",
    })
    void aRequiredAttributeMissingIsAnErrorOnTheShape(String shape, String missing, String other, String what) {
        String factor = other == null ? factor("shape = FactorShape." + shape)
                : factor("shape = FactorShape." + shape, other);
        assertOnlyError(chained(factor), "shape = FactorShape." + shape, "factor 1: " + missing + " is required with"
                + " shape = FactorShape." + shape + ": set " + missing + " to " + what);
    }

    @ParameterizedTest(name = "factor = {0}")
    @CsvSource(delimiter = '|', value = {
        "1.5        | 1.5",
        "-0.1       | -0.1",
        "Double.NaN | NaN",
    })
    void constantFactorOutsideZeroOneIsAnErrorOnIt(String written, String echoed) {
        assertOnlyError(chained(factor("shape = FactorShape.CONSTANT", "factor = " + written, "steps = 10")),
                "factor = " + written, "factor 1: factor = " + echoed + " is not allowed: ConstantLR's factor must be"
                        + " in [0, 1]");
    }

    @ParameterizedTest(name = "startFactor = {0}")
    @CsvSource(delimiter = '|', value = {
        "0.0        | 0.0",
        "1.5        | 1.5",
        "-1         | -1.0",
        "Double.NaN | NaN",
    })
    void linearStartFactorOutsideItsRangeIsAnErrorOnIt(String written, String echoed) {
        assertOnlyError(chained(factor("shape = FactorShape.LINEAR", "startFactor = " + written, "steps = 10")),
                "startFactor = " + written, "factor 1: startFactor = " + echoed + " is not allowed: LinearLR's start"
                        + " factor must be in (0, 1]");
    }

    @ParameterizedTest(name = "{0} endFactor = {1}")
    @CsvSource(delimiter = '|', value = {
        "LINEAR | 2.0        | 2.0",
        "COSINE | -0.5       | -0.5",
        "COSINE | Double.NaN | NaN",
    })
    void endFactorOutsideZeroOneIsAnErrorOnIt(String shape, String written, String echoed) {
        String factor = shape.equals("LINEAR")
                ? factor("shape = FactorShape.LINEAR", "startFactor = 0.5", "steps = 10", "endFactor = " + written)
                : factor("shape = FactorShape.COSINE", "steps = 10", "endFactor = " + written);
        assertOnlyError(chained(factor), "endFactor = " + written, "factor 1: endFactor = " + echoed + " is not"
                + " allowed: the end factor must be in [0, 1]");
    }

    @ParameterizedTest(name = "{0} steps = {1}")
    @CsvSource(delimiter = '|', value = {
        "CONSTANT | 0  | factor = 0.5",
        "LINEAR   | -5 | startFactor = 0.5",
        "POLY     | 0  | power = 2.0",
        "COSINE   | -1 | endFactor = 0.0",
    })
    void stepsNotPositiveIsAnErrorOnIt(String shape, String steps, String other) {
        assertOnlyError(chained(EXP, factor("shape = FactorShape." + shape, other, "steps = " + steps)),
                "steps = " + steps, "factor 2: steps = " + steps + " is not allowed: the factor's length must be > 0"
                        + " steps");
    }

    @ParameterizedTest(name = "{0} gamma = {1}")
    @CsvSource(delimiter = '|', value = {
        "EXP       | 1.01       | 1.01 | the factor per step       | ",
        "EXP       | 0.0        | 0.0  | the factor per step       | ",
        "EXP       | Double.NaN | NaN  | the factor per step       | ",
        "STEP      | 2          | 2.0  | the factor per drop       | stepSize = 10",
        "MULTISTEP | -0.5       | -0.5 | the factor per milestone  | milestones = {10, 20}",
    })
    void gammaOutsideZeroOneIsAnErrorOnIt(String shape, String written, String echoed, String what, String other) {
        String factor = other == null ? factor("shape = FactorShape." + shape, "gamma = " + written)
                : factor("shape = FactorShape." + shape, other, "gamma = " + written);
        assertOnlyError(chained(factor), "gamma = " + written, "factor 1: gamma = " + echoed + " is not allowed: "
                + what + " must be in (0, 1]");
    }

    @ParameterizedTest(name = "stepSize = {0}")
    @CsvSource({"0", "-3"})
    void stepSizeNotPositiveIsAnErrorOnIt(String stepSize) {
        assertOnlyError(chained(factor("shape = FactorShape.STEP", "stepSize = " + stepSize)),
                "stepSize = " + stepSize, "factor 1: stepSize = " + stepSize + " is not allowed: the number of steps"
                        + " between drops must be > 0");
    }

    @ParameterizedTest(name = "milestones = {0}")
    @CsvSource(delimiter = '|', value = {
        "{}        | {}         | give at least one",
        "{20, 10}  | {20, 10}   | 10 follows 20",
        "{10, 10}  | {10, 10}   | 10 follows 10",
        "{-1, 10}  | {-1, 10}   | -1 is negative",
    })
    void milestonesNotStrictlyIncreasingNonNegativeIsAnErrorOnThem(String written, String echoed, String why) {
        assertOnlyError(chained(factor("shape = FactorShape.MULTISTEP", "milestones = " + written)),
                "milestones = " + written, "factor 1: milestones = " + echoed + " is not allowed: milestones must be"
                        + " strictly increasing steps >= 0, at most 1000 of them; " + why);
    }

    @Test
    void moreThanAThousandMilestonesIsAnErrorOnThem() {
        String milestones = LongStream.range(0, 1001).mapToObj(Long::toString)
                .collect(Collectors.joining(", ", "{", "}"));
        assertOnlyError(chained(factor("shape = FactorShape.MULTISTEP", "milestones = " + milestones)),
                "milestones = {0, 1", "milestones must be strictly increasing steps >= 0, at most 1000 of them;"
                        + " there are 1001");
    }

    @ParameterizedTest(name = "power = {0}")
    @CsvSource(delimiter = '|', value = {
        "0                        | 0.0",
        "-1                       | -1.0",
        "Double.NaN               | NaN",
        "Double.POSITIVE_INFINITY | Infinity",
    })
    void polyPowerNotFinitePositiveIsAnErrorOnIt(String written, String echoed) {
        assertOnlyError(chained(factor("shape = FactorShape.POLY", "steps = 100", "power = " + written)),
                "power = " + written, "factor 1: power = " + echoed + " is not allowed: the exponent of the polynomial"
                        + " must be finite and > 0");
    }

    /**
     * ECJ throws when asked to place a message inside a nested annotation that has an empty array ({@code {}}); the
     * processor then places it on {@code factors}: the same message, in the same file, no failure.
     */
    @Test
    void anEmptyArrayInAFactorStillGivesItsMessages() {
        JavaFileObject source = chained(factor("shape = FactorShape.LINEAR", "startFactor = 0.0", "steps = 10",
                "milestones = {}"));
        Compilation compilation = Compiler.compile(source);
        assertThat(compilation).hadErrorContaining("factor 1: startFactor = 0.0 is not allowed: LinearLR's start factor"
                + " must be in (0, 1]").inFile(source);
        assertThat(compilation).hadErrorContaining("factor 1: milestones = {} has no effect: shape ="
                + " FactorShape.LINEAR does not use it; remove it").inFile(source);
        assertThat(compilation).hadErrorCount(2);
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource(delimiter = '|', value = {
        "LINEAR   | gamma = 0.5       | gamma = 0.5      | startFactor = 0.5 | steps = 10",
        "EXP      | steps = 100       | steps = 100      | gamma = 0.9       | ",
        "CONSTANT | power = 2.0       | power = 2.0      | factor = 0.5      | steps = 10",
        "STEP     | endFactor = 0.2   | endFactor = 0.2  | stepSize = 10     | ",
        "COSINE   | milestones = {5}  | milestones = {5} | steps = 10        | ",
        "POLY     | factor = 0.5      | factor = 0.5     | steps = 10        | ",
    })
    void anAttributeTheShapeDoesNotUseIsAnErrorOnIt(String shape, String unused, String echoed, String first,
            String second) {
        String factor = second == null ? factor("shape = FactorShape." + shape, first, unused)
                : factor("shape = FactorShape." + shape, first, second, unused);
        assertOnlyError(chained(factor), unused, "factor 1: " + echoed + " has no effect: shape = FactorShape."
                + shape + " does not use it; remove it");
    }

    // ---------------------------------------------------------------------------------------------- warnings

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "CONSTANT  | factor = 1.0      | steps = 10      | factor = 1.0",
        "LINEAR    | startFactor = 1.0 | steps = 10      | startFactor = 1.0",
        "EXP       | gamma = 1.0       |                 | gamma = 1.0",
        "STEP      | gamma = 1.0       | stepSize = 10   | gamma = 1.0",
        "COSINE    | endFactor = 1.0   | steps = 10      | endFactor = 1.0",
    })
    void aFactorThatIsOneEverywhereIsAWarningOnItsValue(String shape, String value, String other, String echoed) {
        String factor = other == null ? factor("shape = FactorShape." + shape, value)
                : factor("shape = FactorShape." + shape, value, other);
        assertOnlyWarning(chained(factor), value, "factor 1: " + echoed + " makes this factor 1 at every step: it"
                + " leaves the rate unchanged");
    }
}
