package dev.warmup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.warmup.processor.ErrorSources.annotated;
import static dev.warmup.processor.ErrorSources.phase;
import static dev.warmup.processor.ErrorSources.source;
import static dev.warmup.processor.WarmupScheduleErrorsTest.assertOnlyError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.warmup.StepLr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The errors every schedule annotation shares (its name, two schedules on a class, a value that does not
 * compile):
 * the message, the file, and the line of the attribute at fault; for an attribute of a nested {@code @Phase}, the line
 * of that value inside the phase. Sources put one attribute a line (phases too), so a line names one attribute. The
 * expected messages are the processor's specification, written from its message text.
 */
class EveryAnnotationErrorsTest {

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
                Arguments.of("WarmRestartsSchedule", List.of("baseLr = 0.1", "t0 = 1000")),
                Arguments.of("ChainedSchedule", List.of("baseLr = 0.1", "factors = {@Factor(shape = FactorShape.EXP,"
                        + " gamma = 0.999)}")));
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
                erroneous("WarmRestartsSchedule", "baseLr = 0.1", "t0 = 1000", "tMult = \"2\""),
                erroneous("PhasedSchedule",
                        "phases = {@Phase(steps = 10, shape = PhaseShape.NOPE, endLr = 0.1)}"),
                erroneous("PhasedSchedule",
                        "phases = {@Phase(steps = 10, shape = PhaseShape.LINEAR, endLr = \"fast\")}"),
                erroneous("ChainedSchedule", "baseLr = 0.1",
                        "factors = {@Factor(shape = FactorShape.NOPE, gamma = 0.999)}"));
    }

    private static Arguments erroneous(String annotation, String... attributes) {
        return Arguments.of(annotation, attributes[attributes.length - 1], List.of(attributes));
    }
}
