package dev.warmup.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warmup.StepLr;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Any legal layout of a user's sources builds, the way each build tool hands them to the compiler: several
 * package-private top-level classes in one file named after none of them, an unrelated file of the same kind in the
 * package, a nested annotated class, and a type of the package named after a {@code java.lang} type the generated code
 * uses. Compiled from files on disk (the source path needs them) by javac and by ECJ, whatever
 * {@link Compiler#PROPERTY} says.
 */
class SourceLayoutTest {

    /** The {@code -sourcepath} option: the source root, an empty one, or none. */
    enum SourcePath { ROOT, EMPTY, NONE }

    /** How a build tool passes the sources. */
    enum Build {
        /** Maven's compiler plugin: every source, and {@code -sourcepath} set to the source roots. */
        MAVEN(SourcePath.ROOT, "javac"),
        /** Plain {@code javac -d out Sources.java}: no source path. */
        JAVAC_WITHOUT_SOURCEPATH(SourcePath.NONE, "javac"),
        /** Gradle: every source, and an empty {@code -sourcepath}. */
        GRADLE(SourcePath.EMPTY, "javac"),
        /** Eclipse's compiler, with the source path set (as m2e's build does) and without. */
        ECJ_MAVEN(SourcePath.ROOT, "ecj"),
        ECJ_WITHOUT_SOURCEPATH(SourcePath.NONE, "ecj");

        final SourcePath sourcePath;
        final String compiler;

        Build(SourcePath sourcePath, String compiler) {
            this.sourcePath = sourcePath;
            this.compiler = compiler;
        }
    }

    /** The README's examples, several in one file named after none of them. */
    private static final String SCHEDULES = """
            package com.example;

            import dev.warmup.*;

            @WarmupSchedule(steps = 2000, startLr = 6e-7, initLr = 6e-4, decay = Decay.COSINE, totalSteps = 20000,
                    minLr = 6e-5)
            final class NanoGpt {}

            @OneCycleSchedule(maxLr = 0.1, totalSteps = 10000)
            final class SuperConvergence {}

            @PlateauSchedule(initLr = 0.1, factor = 0.5, patience = 3, cooldown = 2, minLr = 1e-4)
            final class ValLoss {}
            """;

    /** A file of the package whose name matches none of its classes, one of them named after java.lang.Math. */
    private static final String MISC = """
            package com.example;

            final class Helper {}

            final class Math {
                static double exp(double x) {
                    return 0;
                }
            }
            """;

    /** A nested annotated class, in a file named after its outer class. */
    private static final String OUTER = """
            package com.example;

            import dev.warmup.*;

            final class Outer {
                @WarmupSchedule(steps = 10, initLr = 0.5)
                static final class Inner {}
            }
            """;

    @ParameterizedTest
    @EnumSource(Build.class)
    void everyLegalLayoutBuilds(Build build, @TempDir Path dir) throws Exception {
        Path root = dir.resolve("src");
        Path pkg = Files.createDirectories(root.resolve("com/example"));
        List<Path> sources = List.of(write(pkg, "Schedules.java", SCHEDULES), write(pkg, "Misc.java", MISC),
                write(pkg, "Outer.java", OUTER));
        Path out = Files.createDirectories(dir.resolve("out"));

        List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-s", out.toString(),
                "-classpath", Path.of(StepLr.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                        .toString()));
        switch (build.sourcePath) {
            case ROOT -> options.addAll(List.of("-sourcepath", root.toString()));
            case EMPTY -> options.addAll(List.of("-sourcepath", ""));
            case NONE -> { }
        }
        options.addAll(build.compiler.equals("ecj") ? List.of("-17") : List.of("--release", "17"));
        JavaCompiler compiler = build.compiler.equals("ecj") ? new EclipseCompiler()
                : ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok;
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            JavaCompiler.CompilationTask task = compiler.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources));
            task.setProcessors(List.of(new WarmupProcessor()));
            ok = task.call();
        }
        List<String> errors = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(Locale.ROOT))
                .toList();
        assertTrue(ok && errors.isEmpty(), () -> build + ": " + errors);

        try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()},
                getClass().getClassLoader())) {
            // By hand from the settings: the linear warmup 6e-7 + (6e-4 - 6e-7) * 1000 / 2000, and 0.5 * 5 / 10.
            assertEquals(3.003e-4, instance(loader, "com.example.NanoGptStepLr").lr(1000), 1e-19);
            assertEquals(0.25, instance(loader, "com.example.Outer_InnerStepLr").lr(5), 0.0);
            // OneCycleLR's defaults: from max_lr / 25 at step 0 to max_lr at 30 % of the steps, minus one.
            assertEquals(0.004, instance(loader, "com.example.SuperConvergenceStepLr").lr(0), 1e-18);
            assertTrue(Files.exists(out.resolve("com/example/ValLossPlateauLr.class")));
        }
        // The package's Math does not capture the generated code's calls.
        String nanoGpt = Files.readString(out.resolve("com/example/NanoGptStepLr.java"));
        assertTrue(nanoGpt.contains("java.lang.Math."), "java.lang.Math written qualified");
        assertTrue(!nanoGpt.matches("(?s).*[^.]\\bMath\\..*"), "no unqualified Math. in NanoGptStepLr");
    }

    private static StepLr instance(ClassLoader loader, String name) throws ReflectiveOperationException {
        return (StepLr) loader.loadClass(name).getField("INSTANCE").get(null);
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
