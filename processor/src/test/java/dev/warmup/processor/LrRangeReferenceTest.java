package dev.warmup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.warmup.LrRange;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code @LrRangeTest}'s generated ramp against fastai's and Lightning's at every step of the test, as recorded in
 * {@code src/test/resources/lrrange/ramps.csv} by their code transcribed into {@code ramps.py} (its docstring says
 * how), and {@code annotationFor(peakLr)} beside each schedule annotation, the expected text written here from the
 * annotation as written. One compilation of every class, under javac (the values do not depend on the compiler).
 */
class LrRangeReferenceTest {

    /**
     * fastai computes {@code start * (end / start) ** pos} from the low end, the generated class from the high end
     * ({@link ExponentialShape}): each is within 3e-15 relative of the exact value at these settings, and they differ
     * by at most 3.8e-15 (measured when the tolerance was set).
     */
    private static final double RELATIVE_TOLERANCE = 1e-14;

    /** Each case of {@code ramps.csv}: its annotation. */
    private static final Map<String, String> RAMPS = Map.of(
            "fastai_defaults", "@LrRangeTest",
            "demo", "@LrRangeTest(startLr = 1e-5, endLr = 10, steps = 100)",
            "long", "@LrRangeTest(startLr = 1e-5, endLr = 1, steps = 300)",
            "shortest", "@LrRangeTest(startLr = 1e-4, endLr = 10, steps = 7)");

    /** A schedule annotation beside {@code @LrRangeTest}, by class name. */
    private static final Map<String, String> BESIDE = new LinkedHashMap<>();

    static {
        BESIDE.put("Warmup", "@WarmupSchedule(steps = 80, initLr = 0.2, decay = Decay.MULTISTEP,"
                + " milestones = {100, 150})");
        BESIDE.put("Scaled", "@WarmupSchedule(steps = 100, initLr = 0.1, batchSize = 8192, referenceBatchSize = 256)");
        BESIDE.put("OneCycle", "@OneCycleSchedule(maxLr = 0.1, totalSteps = 1000)");
        BESIDE.put("Cyclic", "@CyclicSchedule(baseLr = 0.001, maxLr = 0.1, stepSizeUp = 500)");
        BESIDE.put("Restarts", "@WarmRestartsSchedule(baseLr = 0.1, t0 = 1000, tMult = 2)");
        BESIDE.put("Chained", "@ChainedSchedule(baseLr = 0.1, factors = {@Factor(shape = FactorShape.EXP,"
                + " gamma = 0.999)})");
        BESIDE.put("Plateau", "@PlateauSchedule(initLr = 0.1, patience = 5)");
    }

    private static Compiler.Loader loader;

    @BeforeAll
    static void compile() {
        List<JavaFileObject> sources = new ArrayList<>();
        RAMPS.forEach((name, annotation) -> sources.add(source(className(name), annotation)));
        BESIDE.forEach((name, annotation) -> sources.add(source(name, annotation + "\n@LrRangeTest")));
        Compilation compilation = Compiler.javac().withProcessors(new WarmupProcessor())
                .compile(sources.toArray(JavaFileObject[]::new));
        assertThat(compilation).succeededWithoutWarnings();
        loader = new Compiler.Loader(compilation);
    }

    private static JavaFileObject source(String name, String annotations) {
        return JavaFileObjects.forSourceString("r." + name, "package r;\nimport dev.warmup.*;\n" + annotations
                + "\nfinal class " + name + " {}\n");
    }

    /** {@code fastai_defaults} gives {@code FastaiDefaults}. */
    private static String className(String caseName) {
        StringBuilder name = new StringBuilder();
        for (String part : caseName.split("_")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.toString();
    }

    private static LrRange range(String className) {
        return (LrRange) loader.schedule("r." + className + "LrRange");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fastai_defaults", "demo", "long", "shortest"})
    void theRampIsFastaisAndLightningsOneStepBehind(String caseName) {
        List<String[]> rows = read().stream().filter(r -> r[0].equals(caseName)).toList();
        LrRange range = range(className(caseName));
        int n = rows.size();
        assertEquals(n, range.steps());
        for (int step = 0; step < n; step++) {
            double fastai = Double.parseDouble(rows.get(step)[2]);
            assertClose(fastai, range.lr(step), "step " + step + " against fastai's");
            // Lightning's _ExponentialLR: the start at step 0, then r = (step + 1) / N: our step + 1
            double lightning = Double.parseDouble(rows.get(step)[3]);
            assertClose(lightning, range.lr(step == 0 ? 0 : step + 1), "step " + step + " against Lightning's");
        }
        double endLr = caseName.equals("long") ? 1.0 : 10.0;
        assertEquals(endLr, range.lr(n));
        assertEquals(endLr, range.lr(10L * n));
        assertEquals(endLr, range.peakLr());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Warmup   | 0.0631 | @WarmupSchedule(steps = 80, initLr = 0.0631, decay = Decay.MULTISTEP,"
                + " milestones = {100, 150})",
        // the linear scaling rule: initLr = peakLr * 256 / 8192
        "Scaled   | 3.2    | @WarmupSchedule(steps = 100, initLr = 0.1, batchSize = 8192, referenceBatchSize = 256)",
        "OneCycle | 0.0123 | @OneCycleSchedule(maxLr = 0.0123, totalSteps = 1000)",
        "Cyclic   | 0.05   | @CyclicSchedule(baseLr = 0.001, maxLr = 0.05, stepSizeUp = 500)",
        "Restarts | 0.25   | @WarmRestartsSchedule(baseLr = 0.25, t0 = 1000, tMult = 2.0)",
        "Chained  | 0.05   | @ChainedSchedule(baseLr = 0.05, factors = {@Factor(shape = FactorShape.EXP,"
                + " gamma = 0.999)})",
        "Plateau  | 1.5E-4 | @PlateauSchedule(initLr = 1.5E-4, patience = 5)",
    })
    void annotationForWritesTheScheduleBesideWithThePeak(String name, double peakLr, String expected) {
        assertEquals(expected, range(name).annotationFor(peakLr));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fastai_defaults", "demo"})
    void aloneItWritesNoAnnotation(String caseName) {
        assertEquals("", range(className(caseName)).annotationFor(0.1));
    }

    /** The schedule beside the range test is generated as without it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"Warmup, 80, 0.2", "Scaled, 100, 3.2", "Restarts, 0, 0.1"})
    void theScheduleBesideIsGeneratedToo(String name, long step, double lr) {
        assertEquals(lr, loader.schedule("r." + name + "StepLr").lr(step));
    }

    private static void assertClose(double expected, double actual, String what) {
        assertTrue(Math.abs(actual - expected) <= RELATIVE_TOLERANCE * expected,
                what + ": expected " + expected + ", was " + actual);
    }

    private static List<String[]> read() {
        try (InputStream in = LrRangeReferenceTest.class.getResourceAsStream("/lrrange/ramps.csv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).map(line -> line.split(",")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
