package dev.warmup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.warmup.processor.ErrorSources.annotated;
import static dev.warmup.processor.WarmupScheduleErrorsTest.assertOnlyError;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every error and warning of {@code @PlateauSchedule}: the message, the file, and the line of the attribute at fault
 * (sources put one attribute a line). The expected messages are the processor's specification, written from the
 * rules of docs/plateau-schedule.md.
 */
class PlateauScheduleErrorsTest {

    private static final String PLATEAU = "PlateauSchedule";

    @ParameterizedTest(name = "initLr = {0}")
    @CsvSource(delimiter = '|', value = {
        "0.0        | 0.0",
        "-0.1       | -0.1",
        "Double.NaN | NaN",
        "1.0 / 0.0  | Infinity",
    })
    void initLrNotFinitePositiveIsAnError(String written, String echoed) {
        assertOnlyError(annotated(PLATEAU, "initLr = " + written), "initLr = " + written,
                "initLr = " + echoed + " is not allowed: the starting rate must be finite and > 0");
    }

    @ParameterizedTest(name = "factor = {0}")
    @CsvSource(delimiter = '|', value = {
        "1.0        | 1.0",
        "0.0        | 0.0",
        "-0.5       | -0.5",
        "2.0        | 2.0",
        "Double.NaN | NaN",
    })
    void factorOutsideZeroToOneIsAnError(String written, String echoed) {
        assertOnlyError(annotated(PLATEAU, "initLr = 0.1", "factor = " + written), "factor = " + written,
                "factor = " + echoed + " is not allowed: each reduction multiplies the rate by factor, which must be"
                        + " in (0, 1)");
    }

    @Test
    void negativePatienceIsAnError() {
        assertOnlyError(annotated(PLATEAU, "initLr = 0.1", "patience = -1"), "patience = -1",
                "patience = -1 is not allowed: the number of evaluations without improvement to wait must be >= 0");
    }

    @ParameterizedTest(name = "threshold = {0}")
    @CsvSource(delimiter = '|', value = {
        "1.0        | 1.0",
        "1.5        | 1.5",
        "-1e-4      | -1.0E-4",
        "Double.NaN | NaN",
    })
    void relativeThresholdInMinModeMustBeBelowOne(String written, String echoed) {
        assertOnlyError(annotated(PLATEAU, "initLr = 0.1", "threshold = " + written), "threshold = " + written,
                "threshold = " + echoed + " is not allowed with mode = MIN and thresholdMode = REL: an improvement"
                        + " must beat best * (1 - threshold), so threshold must be in [0, 1)");
    }

    @ParameterizedTest(name = "{0}, threshold = {1}")
    @CsvSource(delimiter = '|', value = {
        "mode = PlateauMode.MAX                          | -1.0                     | -1.0",
        "mode = PlateauMode.MAX                          | Double.POSITIVE_INFINITY | Infinity",
        "thresholdMode = ThresholdMode.ABS               | -0.5                     | -0.5",
        "thresholdMode = ThresholdMode.ABS               | Double.NaN               | NaN",
    })
    void otherThresholdsMustBeFiniteAndNotNegative(String mode, String written, String echoed) {
        assertOnlyError(annotated(PLATEAU, "initLr = 0.1", mode, "threshold = " + written), "threshold = " + written,
                "threshold = " + echoed + " is not allowed: how much an improvement must beat the best metric by"
                        + " must be finite and >= 0");
    }

    @Test
    void thresholdsOfOneAndAboveAreAllowedWhereTheyMeanSomething() {
        // MAX mode, relative: best * 2 and best * 11; MIN mode, absolute: best - 10.
        for (String attributes : new String[] {"mode = PlateauMode.MAX, threshold = 1.0",
                "mode = PlateauMode.MAX, threshold = 10.0", "thresholdMode = ThresholdMode.ABS, threshold = 10.0"}) {
            Compilation compilation = Compiler.compile(JavaFileObjects.forSourceString("p.Sched",
                    "package p; import dev.warmup.*; @PlateauSchedule(initLr = 0.1, " + attributes
                            + ") final class Sched {}"));
            assertThat(compilation).succeededWithoutWarnings();
        }
    }

    @Test
    void negativeCooldownIsAnError() {
        assertOnlyError(annotated(PLATEAU, "initLr = 0.1", "cooldown = -1"), "cooldown = -1",
                "cooldown = -1 is not allowed: the number of evaluations after a reduction that do not count as bad"
                        + " must be >= 0");
    }

    @ParameterizedTest(name = "minLr = {0}")
    @CsvSource(delimiter = '|', value = {
        "0.2        | 0.2",
        "-0.01      | -0.01",
        "Double.NaN | NaN",
    })
    void minLrOutsideZeroToInitLrIsAnError(String written, String echoed) {
        assertOnlyError(annotated(PLATEAU, "initLr = 0.1", "minLr = " + written), "minLr = " + written,
                "minLr = " + echoed + " is not allowed: the lowest rate must be in [0, initLr] = [0, 0.1]");
    }

    @ParameterizedTest(name = "eps = {0}")
    @CsvSource(delimiter = '|', value = {
        "Double.NaN               | NaN",
        "-1e-8                    | -1.0E-8",
        "Double.POSITIVE_INFINITY | Infinity",
    })
    void epsNotFiniteOrNegativeIsAnError(String written, String echoed) {
        assertOnlyError(annotated(PLATEAU, "initLr = 0.1", "eps = " + written), "eps = " + written,
                "eps = " + echoed + " is not allowed: the smallest change applied must be finite and >= 0");
    }

    @Test
    void negativeWarmupIsAnError() {
        assertOnlyError(annotated(PLATEAU, "initLr = 0.1", "warmupSteps = -1"), "warmupSteps = -1",
                "warmupSteps = -1 is not allowed: the warmup length W must be >= 0 (0 means no warmup)");
    }

    @ParameterizedTest(name = "startLr = {0}")
    @ValueSource(strings = {"0.2", "-0.01"})
    void warmupStartOutsideZeroToInitLrIsAnError(String start) {
        assertOnlyError(annotated(PLATEAU, "initLr = 0.1", "warmupSteps = 100", "startLr = " + start),
                "startLr = " + start, "startLr = " + start + " is not allowed: the rate at step 0 must be in [0,"
                        + " initLr] = [0, 0.1]");
    }

    @Test
    void invalidNameIsAnError() {
        assertOnlyError(annotated(PLATEAU, "initLr = 0.1", "name = \"record\""), "name = \"record\"",
                "name = \"record\" is not allowed: " + Checks.NAME_ALLOWED);
    }

    @Test
    void everyProblemIsReportedInOneCompile() {
        JavaFileObject source = annotated(PLATEAU, "initLr = 0.0", "factor = 1.0", "patience = -2", "cooldown = -3",
                "minLr = -1.0", "eps = -1.0", "warmupSteps = 10", "startLr = -2.0");
        Compilation compilation = Compiler.compile(source);
        assertThat(compilation).hadErrorContaining("initLr = 0.0 is not allowed").inFile(source)
                .onLineContaining("initLr = 0.0");
        assertThat(compilation).hadErrorContaining("factor = 1.0 is not allowed").inFile(source)
                .onLineContaining("factor = 1.0");
        assertThat(compilation).hadErrorContaining("patience = -2 is not allowed").inFile(source)
                .onLineContaining("patience = -2");
        assertThat(compilation).hadErrorContaining("cooldown = -3 is not allowed").inFile(source)
                .onLineContaining("cooldown = -3");
        // with initLr invalid, the rates that it bounds are checked alone
        assertThat(compilation).hadErrorContaining("minLr = -1.0 is not allowed: the lowest rate must be finite and"
                + " >= 0").inFile(source).onLineContaining("minLr = -1.0");
        assertThat(compilation).hadErrorContaining("eps = -1.0 is not allowed").inFile(source)
                .onLineContaining("eps = -1.0");
        assertThat(compilation).hadErrorContaining("startLr = -2.0 is not allowed: the rate at step 0 must be"
                + " finite and >= 0").inFile(source).onLineContaining("startLr = -2.0");
        assertThat(compilation).hadErrorCount(7);
    }

    @Test
    void nd4jAdapterIsAnErrorOnItsValue() {
        JavaFileObject source = JavaFileObjects.forSourceLines("p.Sched",
                "package p;",
                "import dev.warmup.*;",
                "@PlateauSchedule(initLr = 0.1)",
                "@Adapters({",
                "        Framework.DJL,",
                "        Framework.ND4J})",
                "final class Sched {}");
        Compilation compilation = Compiler.compile(source);
        assertThat(compilation).failed();
        // javac points at the array value, which starts on the line of @Adapters; ECJ at the annotation
        assertThat(compilation).hadErrorContaining("Framework.ND4J is not allowed with @PlateauSchedule: ND4J's"
                + " ISchedule must hold no state (DL4J clones it per layer and rebuilds it from JSON); call"
                + " net.setLearningRate(schedule.lr()) after observe returns true").inFile(source)
                .onLineContaining("@Adapters({");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aTypeOfTheTargetNameIsAnErrorOnName() {
        JavaFileObject schedule = annotated(PLATEAU, "initLr = 0.1");
        JavaFileObject taken = JavaFileObjects.forSourceString("p.SchedPlateauLr",
                "package p; final class SchedPlateauLr {}");
        Compilation compilation = Compiler.compile(schedule, taken);
        assertThat(compilation).hadErrorContaining("The generated class p.SchedPlateauLr would clash with the"
                + " existing type p.SchedPlateauLr; set name = \"...\" to another simple name").inFile(schedule)
                .onLineContaining("@PlateauSchedule(");
    }

    @Test
    void annotationOnAnInterfaceIsAnErrorOnTheAnnotation() {
        assertOnlyError(ErrorSources.source("interface", PLATEAU, "initLr = 0.1"), "@PlateauSchedule(",
                "@PlateauSchedule is not allowed on an interface p.Sched: annotate a class or a record");
    }

    @Test
    void aSecondScheduleAnnotationIsAnErrorOnIt() {
        JavaFileObject source = JavaFileObjects.forSourceLines("p.Sched",
                "package p;",
                "import dev.warmup.*;",
                "@WarmupSchedule(steps = 100, initLr = 0.1)",
                "@PlateauSchedule(initLr = 0.1)",
                "final class Sched {}");
        assertOnlyError(source, "@PlateauSchedule(", "@PlateauSchedule is not allowed together with"
                + " @WarmupSchedule on p.Sched: a class declares one schedule; annotate another class with"
                + " @PlateauSchedule");
    }

    // ------------------------------------------------------------------------------------------------- warnings

    @Test
    void startLrWithoutWarmupIsAnErrorOnIt() {
        assertOnlyError(annotated(PLATEAU, "initLr = 0.1", "startLr = 0.01"), "startLr = 0.01",
                "startLr = 0.01 has no effect: warmupSteps = 0 means no warmup; remove it, or set warmupSteps > 0");
    }

    @Test
    void epsThatIgnoresEveryReductionIsAWarningOnIt() {
        assertOnlyWarning(annotated(PLATEAU, "initLr = 1.0", "factor = 0.5", "eps = 0.5"), "eps = 0.5",
                "eps = 0.5 ignores every reduction: the first would lower the rate by initLr - max(initLr * factor,"
                        + " minLr) = 0.5, not more than eps; the rate stays 1.0");
    }

    @Test
    void minLrEqualToInitLrIsAWarningOnTheAnnotationWhenEpsIsUnset() {
        assertOnlyWarning(annotated(PLATEAU, "initLr = 0.1", "minLr = 0.1"), "@PlateauSchedule(",
                "eps = 1.0E-8 ignores every reduction: the first would lower the rate by initLr - max(initLr *"
                        + " factor, minLr) = 0.0, not more than eps; the rate stays 0.1");
    }

    /** As {@link WarmupScheduleErrorsTest#assertOnlyWarning}, for {@code p.SchedPlateauLr}. */
    private static void assertOnlyWarning(JavaFileObject source, String line, String message) {
        Compilation compilation = Compiler.compile(source);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining(message).inFile(source).onLineContaining(line);
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation).generatedSourceFile("p.SchedPlateauLr");
    }
}
