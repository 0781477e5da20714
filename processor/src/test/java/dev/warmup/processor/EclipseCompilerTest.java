package dev.warmup.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.warmup.Decay;
import dev.warmup.Warmup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The processor under javac and the Eclipse compiler side by side, whatever {@link Compiler#PROPERTY} says: the two
 * give the same generated sources, and what differs between them is pinned here. The rest of the suite runs once
 * under each compiler (see the surefire executions of processor/pom.xml).
 *
 * <p>Known issues are processor bugs that only ECJ shows. Each test named {@code knownIssue...} asserts the bug as
 * it is today, so that it fails once the bug is fixed; then remove it, and its workaround in {@link Compiler}.
 */
class EclipseCompilerTest {

    /** One schedule of every warmup with every decay, and a few shapes of annotated type. */
    private static List<JavaFileObject> everyShape() {
        List<JavaFileObject> sources = new ArrayList<>();
        Map<Decay, String> needs = Map.ofEntries(
                Map.entry(Decay.EXP, ", gamma = 0.999"),
                Map.entry(Decay.STEP, ", stepSize = 300"),
                Map.entry(Decay.MULTISTEP, ", milestones = {1000, 2000, 3000}"),
                Map.entry(Decay.COSINE, ", totalSteps = 10000, minLr = 1e-5"),
                Map.entry(Decay.LINEAR, ", totalSteps = 10000"),
                Map.entry(Decay.POLY, ", totalSteps = 10000, power = 2.5"),
                Map.entry(Decay.REPEATED_POWER, ", power = 1.0001"),
                Map.entry(Decay.COSINE_RESTARTS, ", totalSteps = 10000, minLr = 1e-5, cycles = 2.5"),
                Map.entry(Decay.INV_TIME, ", gamma = 0.5, stepSize = 1000"),
                Map.entry(Decay.INV_TIME_STEP, ", gamma = 0.5, stepSize = 1000"),
                Map.entry(Decay.POLY_CYCLE, ", totalSteps = 10000, minLr = 1e-5, power = 2.0"));
        for (Warmup warmup : Warmup.values()) {
            for (Decay decay : Decay.values()) {
                String name = warmup + "_" + decay;
                sources.add(JavaFileObjects.forSourceString("same." + name, "package same;\n"
                        + "import dev.warmup.*;\n"
                        + "@WarmupSchedule(steps = 500, initLr = 0.5, warmup = Warmup." + warmup
                        + ", startLr = 0.005, decay = Decay." + decay + needs.getOrDefault(decay, "") + ")\n"
                        + "final class " + name + " {}\n"));
            }
        }
        String milestones = LongStream.rangeClosed(1, 40).mapToObj(i -> Long.toString(1000 * i))
                .collect(Collectors.joining(", "));
        sources.add(JavaFileObjects.forSourceString("same.Outer", "package same;\n"
                + "import dev.warmup.*;\n"
                + "class Outer {\n"
                + "  @WarmupSchedule(steps = 0, initLr = 0.1, decay = Decay.MULTISTEP, milestones = {" + milestones
                + "})\n"
                + "  static final class Many {}\n"
                + "  @WarmupSchedule(steps = 10, initLr = 1.0, name = \"Named\") record Run(int epochs) {}\n"
                + "}\n"));
        return sources;
    }

    /** The processor's output does not depend on the compiler: the same bytes, file by file. */
    @Test
    void javacAndEcjGenerateTheSameSources() {
        List<JavaFileObject> sources = everyShape();
        Compilation javac = Compiler.javac().withProcessors(new WarmupProcessor()).compile(sources);
        Compilation ecj = Compiler.ecj().withProcessors(new WarmupProcessor()).compile(sources);
        assertThat(javac).succeededWithoutWarnings();
        assertThat(ecj).succeededWithoutWarnings();
        Map<String, String> fromJavac = generatedSources(javac);
        Map<String, String> fromEcj = generatedSources(ecj);
        assertEquals(sources.size() + 1, fromJavac.size(), fromJavac.keySet()::toString);
        assertEquals(fromJavac.keySet(), fromEcj.keySet());
        fromJavac.forEach((file, text) -> assertEquals(text, fromEcj.get(file), file));
    }

    /**
     * With more than 8 milestones the generated class reads {@code RATES[0]} and declares no {@code INIT_LR}: ECJ, as
     * Eclipse shows it to users, would warn about an unused field (it did, before the fix; javac has no such warning).
     */
    @Test
    void manyMilestonesLeaveNoUnusedFieldForEcjToWarnAbout() {
        JavaFileObject source = JavaFileObjects.forSourceString("p.Many", "package p;\n"
                + "import dev.warmup.*;\n"
                + "@WarmupSchedule(steps = 0, initLr = 0.1, decay = Decay.MULTISTEP,\n"
                + "    milestones = {10, 20, 30, 40, 50, 60, 70, 80, 90})\n"
                + "final class Many {}\n");
        assertThat(Compiler.plainEcj().withProcessors(new WarmupProcessor()).compile(source))
                .succeededWithoutWarnings();
        assertThat(Compiler.javac().withProcessors(new WarmupProcessor()).compile(source))
                .succeededWithoutWarnings();
    }

    /**
     * A value of the wrong type (a String for a double) is an error of the compiler's, which the processor leaves to
     * it: javac gives the processor the value as an error, and ECJ's {@code Elements.getElementValuesWithDefaults}
     * throws (ECJ's {@code ShouldNotImplement}); either way the processor adds no error of its own.
     */
    @Test
    void aValueOfTheWrongTypeIsOnlyEcjsError() {
        JavaFileObject source = JavaFileObjects.forSourceString("p.Fast", "package p;\n"
                + "import dev.warmup.*;\n"
                + "@WarmupSchedule(steps = 100, initLr = \"fast\")\n"
                + "final class Fast {}\n");
        Compilation compilation = Compiler.ecj().withProcessors(new WarmupProcessor()).compile(source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("Type mismatch: cannot convert from java.lang.String to double");
        assertThat(compilation).hadErrorCount(1);
    }

    /**
     * Not the processor's: ECJ's Messager places a diagnostic on a class, an interface or an enum, but has no case for
     * a record (ECJ 3.44, {@code BaseMessagerImpl.createProblem}), so a diagnostic on a record has no file and no
     * line; Eclipse shows it without a marker on the source. javac places it on the attribute. The fuzz test leaves
     * records out under ECJ for this reason.
     */
    @Test
    void ecjPlacesNoDiagnosticOnARecord() {
        JavaFileObject source = JavaFileObjects.forSourceLines("p.Run",
                "package p;",
                "import dev.warmup.*;",
                "@WarmupSchedule(",
                "        steps = -1,",
                "        initLr = 0.1)",
                "record Run(int epochs) {}");
        Diagnostic<? extends JavaFileObject> javac = onlyError(Compiler.javac(), source);
        assertEquals(source, javac.getSource());
        assertEquals(4, javac.getLineNumber());
        Diagnostic<? extends JavaFileObject> ecj = onlyError(Compiler.ecj(), source);
        assertNull(ecj.getSource());
        assertEquals(0, ecj.getLineNumber());
        assertEquals(javac.getMessage(Locale.ROOT), ecj.getMessage(Locale.ROOT));
    }

    /**
     * ECJ hands the annotated types to the processor in another order than javac (a hash set by simple name, where
     * javac keeps source order; the {@code RoundEnvironment} promises none). The processor sorts them by name, so
     * when two schedules clash the error is on the same one under both compilers.
     */
    @Test
    void bothCompilersReportAClashOnTheSameSchedule() {
        JavaFileObject first = JavaFileObjects.forSourceLines("p.First", "package p;",
                "@dev.warmup.WarmupSchedule(steps = 1, initLr = 0.1, name = \"Shared\")", "class First {}");
        JavaFileObject second = JavaFileObjects.forSourceLines("p.Second", "package p;",
                "@dev.warmup.WarmupSchedule(steps = 1, initLr = 0.2, name = \"Shared\")", "class Second {}");
        assertEquals(second, onlyError(Compiler.javac(), first, second).getSource());
        assertEquals(second, onlyError(Compiler.ecj(), first, second).getSource());
        assertEquals(second, onlyError(Compiler.ecj(), second, first).getSource());
    }

    private static Diagnostic<? extends JavaFileObject> onlyError(com.google.testing.compile.Compiler compiler,
            JavaFileObject... sources) {
        Compilation compilation = compiler.withProcessors(new WarmupProcessor()).compile(sources);
        assertEquals(1, compilation.errors().size(), compilation.errors()::toString);
        Diagnostic<? extends JavaFileObject> error = compilation.errors().get(0);
        assertTrue(error.getMessage(Locale.ROOT).contains("not allowed")
                || error.getMessage(Locale.ROOT).contains("Another @WarmupSchedule"), error::toString);
        return error;
    }

    /** Every generated source of a compilation, by path. */
    static Map<String, String> generatedSources(Compilation compilation) {
        Map<String, String> sources = new TreeMap<>();
        for (JavaFileObject file : compilation.generatedSourceFiles()) {
            try {
                sources.put(file.toUri().getPath(), file.getCharContent(false).toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sources;
    }
}
