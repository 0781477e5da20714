package dev.warmup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.warmup.PlateauLr;
import dev.warmup.PlateauState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Classes generated from {@code @PlateauSchedule} against PyTorch 1.13's {@code ReduceLROnPlateau}
 * ({@code src/test/resources/refs}, see its README): each case's CSV gives, per step, the rate PyTorch used and the
 * metric passed to {@code plateau.step} after it. The test feeds the same metrics to {@code observe} and compares every
 * rate: within the case's rtol (with compare.py's floor of 1e-15 times the largest rate) everywhere, and bit for bit
 * from step W on, where both apply the same operations to the same state. Halfway through, the run is saved, encoded
 * as text, decoded and restored into a new instance that carries on; it must give the same rates, the same
 * {@code observe} results and the same final state as an instance that was never interrupted.
 */
class PlateauReferenceTest {

    /**
     * The annotation of each case, written from the PyTorch construction in its description in {@code cases.json}
     * (its {@code annotation} there is empty), by name.
     */
    static final Map<String, String> CASES = Map.of(
            // ReduceLROnPlateau(mode='min', factor=0.5, patience=3, threshold=1e-4, threshold_mode='rel',
            // cooldown=2, min_lr=1e-4, eps=1e-8) on SGD lr 0.1
            "plateau_min_rel", "@PlateauSchedule(initLr = 0.1, factor = 0.5, patience = 3, threshold = 1e-4,"
                    + " cooldown = 2, minLr = 1e-4)",
            // lr set by hand to 0.1 * t / 100 for t <= 100, then ReduceLROnPlateau(mode='min', factor=0.3,
            // patience=10, threshold=1e-3, threshold_mode='rel', cooldown=5, min_lr=1e-5, eps=1e-8), stepped from
            // the metric after step 100 on
            "warmup_then_plateau", "@PlateauSchedule(initLr = 0.1, factor = 0.3, patience = 10, threshold = 1e-3,"
                    + " cooldown = 5, minLr = 1e-5, warmupSteps = 100)");

    private static JsonObject cases;
    private static Compiler.Loader loader;

    @BeforeAll
    static void compileEveryCase() throws IOException {
        try (InputStream in = PyTorchReferenceTest.resource("cases.json")) {
            cases = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        }
        List<JavaFileObject> sources = new ArrayList<>();
        for (String name : CASES.keySet()) {
            String className = PyTorchReferenceTest.className(name);
            sources.add(JavaFileObjects.forSourceString("refs." + className, "package refs;\n"
                    + "import dev.warmup.*;\n" + CASES.get(name) + "\nfinal class " + className + " {}\n"));
        }
        Compilation compilation = Compiler.compile(sources.toArray(JavaFileObject[]::new));
        assertThat(compilation).succeededWithoutWarnings();
        loader = new Compiler.Loader(compilation);
    }

    static Stream<String> caseNames() {
        return CASES.keySet().stream().sorted();
    }

    /** A new instance of the class generated for a case. */
    private static PlateauLr newSchedule(String name) {
        return loader.plateau("refs." + PyTorchReferenceTest.className(name) + "PlateauLr");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseNames")
    void matchesPyTorchAtEveryStepAndAcrossACheckpoint(String name) throws IOException {
        JsonObject meta = cases.getAsJsonObject(name);
        double rtol = meta.get("rtol").getAsDouble();
        List<double[]> rows = readCsv(name + ".csv");
        assertEquals(meta.get("steps").getAsInt(), rows.size(), "steps recorded");
        double atol = 1e-15 * rows.stream().mapToDouble(r -> Math.abs(r[1])).max().orElseThrow();

        PlateauLr schedule = newSchedule(name);
        PlateauLr uninterrupted = newSchedule(name);
        long w = schedule.warmupSteps();
        double worst = 0;
        long worstStep = -1;
        int reductions = 0;
        int referenceReductions = 0;
        List<String> failures = new ArrayList<>();
        StringBuilder csv = new StringBuilder("step,lr\n");
        for (int i = 0; i < rows.size(); i++) {
            long step = (long) rows.get(i)[0];
            double expected = rows.get(i)[1];
            double metric = rows.get(i)[2];
            double actual = schedule.lr(step);
            csv.append(step).append(',').append(actual).append('\n');
            assertEquals(Double.doubleToRawLongBits(uninterrupted.lr(step)), Double.doubleToRawLongBits(actual),
                    "step " + step + ": the restored run differs from the uninterrupted one");
            double error = Math.abs(actual - expected);
            double relative = error / Math.max(Math.abs(expected), Double.MIN_NORMAL);
            boolean exactRequired = step >= w;
            boolean ok = exactRequired ? actual == expected : error <= atol || relative <= rtol;
            if (!ok && failures.size() < 5) {
                failures.add("step " + step + ": expected " + expected + ", got " + actual + " (relative " + relative
                        + (exactRequired ? ", and from W on it must be bit for bit)" : ")"));
            }
            if (relative > worst) {
                worst = relative;
                worstStep = step;
            }
            if (i > 0 && step > w && expected != rows.get(i - 1)[1]) {
                referenceReductions++;
            }
            boolean reduced = schedule.observe(step, metric);
            assertEquals(uninterrupted.observe(step, metric), reduced, "observe after step " + step);
            reductions += reduced ? 1 : 0;
            if (i == rows.size() / 2) {
                PlateauState saved = schedule.state();
                PlateauLr restored = newSchedule(name);
                restored.restore(PlateauState.decode(saved.encode()));
                assertEquals(saved, restored.state(), "the state after save, encode, decode and restore");
                schedule = restored;
            }
        }
        assertEquals(uninterrupted.state(), schedule.state(), "the final states");
        // What observe returned agrees with where the reference's rate changes (the last rows' reduction, if any,
        // would show after the end: at most one more).
        assertTrue(reductions == referenceReductions || reductions == referenceReductions + 1,
                "observe returned true " + reductions + " times; the reference's rate changes " + referenceReductions
                        + " times");
        Path dir = Path.of("target", "pytorch-reference");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".csv"), csv);
        System.out.printf(Locale.ROOT, "%-24s steps=%6d rtol=%.0e max_rel=%.3g at step %d, reductions=%d%n", name,
                rows.size(), rtol, worst, worstStep, reductions);
        assertTrue(failures.isEmpty(), name + ":\n" + String.join("\n", failures));
    }

    /** The rows of a CSV of the plateau cases: step, lr, metric. */
    private static List<double[]> readCsv(String file) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(PyTorchReferenceTest.resource(file),
                StandardCharsets.UTF_8))) {
            assertEquals("step,lr,metric", reader.readLine(), file + "'s header");
            return reader.lines().map(line -> line.split(","))
                    .map(cells -> new double[] {Long.parseLong(cells[0]), Double.parseDouble(cells[1]),
                            Double.parseDouble(cells[2])})
                    .toList();
        }
    }
}
