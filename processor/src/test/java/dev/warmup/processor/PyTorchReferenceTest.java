package dev.warmup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.warmup.StepLr;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated schedules against PyTorch 1.13's own values ({@code src/test/resources/refs}, see its README): every
 * recorded step of every case that one {@code @WarmupSchedule} expresses, within the case's rtol. The annotation of
 * each case comes from {@code cases.json}, written by whoever recorded the values, not from this project.
 */
class PyTorchReferenceTest {

    private static JsonObject cases;
    private static Compiler.Loader loader;

    @BeforeAll
    static void compileEveryCase() throws IOException {
        try (InputStream in = resource("cases.json")) {
            cases = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        }
        List<JavaFileObject> sources = new ArrayList<>();
        for (String name : caseNames().toList()) {
            sources.add(JavaFileObjects.forSourceString("refs." + className(name),
                    "package refs;\n"
                            + "import dev.warmup.*;\n"
                            + annotation(cases.getAsJsonObject(name).getAsJsonObject("annotation")) + "\n"
                            + "final class " + className(name) + " {}\n"));
        }
        Compilation compilation = Compiler.compile(sources.toArray(JavaFileObject[]::new));
        assertThat(compilation).succeededWithoutWarnings();
        loader = new Compiler.Loader(compilation);
    }

    static Stream<String> caseNames() throws IOException {
        if (cases == null) {
            compileEveryCase();
        }
        return cases.keySet().stream().filter(name -> !name.startsWith("_"))
                .filter(name -> !cases.getAsJsonObject(name).getAsJsonObject("annotation").isEmpty())
                .sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseNames")
    void matchesPyTorchAtEveryRecordedStep(String name) throws IOException {
        JsonObject meta = cases.getAsJsonObject(name);
        double rtol = meta.get("rtol").getAsDouble();
        List<double[]> reference = readCsv(name + ".csv");
        assertEquals(meta.get("steps").getAsInt(), reference.size(), "steps recorded");
        double atol = 1e-15 * reference.stream().mapToDouble(r -> Math.abs(r[1])).max().orElseThrow();

        StepLr schedule = loader.schedule("refs." + className(name) + "StepLr");
        writeCsv(name, schedule, reference.size());
        double worst = 0;
        long worstStep = -1;
        List<String> failures = new ArrayList<>();
        for (double[] row : reference) {
            long step = (long) row[0];
            double expected = row[1];
            double actual = schedule.lr(step);
            double error = Math.abs(actual - expected);
            double relative = error / Math.max(Math.abs(expected), Double.MIN_NORMAL);
            if (!(error <= atol || relative <= rtol) && failures.size() < 5) {
                failures.add("step " + step + ": expected " + expected + ", got " + actual + " (relative " + relative
                        + ")");
            }
            if (relative > worst) {
                worst = relative;
                worstStep = step;
            }
        }
        System.out.printf(Locale.ROOT, "%-24s steps=%6d rtol=%.0e max_rel=%.3g at step %d%n", name,
                reference.size(), rtol, worst, worstStep);
        assertTrue(failures.isEmpty(), name + " over rtol " + rtol + ":\n" + String.join("\n", failures));
    }

    /**
     * Writes what the generated class gives as {@code target/pytorch-reference/<case>.csv}, in the reference's format,
     * so that the reference set's own {@code compare.py} can check it too.
     */
    private static void writeCsv(String name, StepLr schedule, int steps) throws IOException {
        Path dir = Path.of("target", "pytorch-reference");
        Files.createDirectories(dir);
        StringBuilder csv = new StringBuilder("step,lr\n");
        for (int step = 0; step < steps; step++) {
            csv.append(step).append(',').append(schedule.lr(step)).append('\n');
        }
        Files.writeString(dir.resolve(name + ".csv"), csv);
    }

    /** The annotation of a case, from its attributes in cases.json. */
    private static String annotation(JsonObject attributes) {
        return attributes.entrySet().stream().map(PyTorchReferenceTest::attribute)
                .collect(Collectors.joining(", ", "@WarmupSchedule(", ")"));
    }

    private static String attribute(Map.Entry<String, JsonElement> entry) {
        String key = entry.getKey();
        JsonElement value = entry.getValue();
        String source;
        switch (key) {
            case "warmup" -> source = "Warmup." + value.getAsString();
            case "decay" -> source = "Decay." + value.getAsString();
            case "steps", "stepSize", "totalSteps" -> source = value.getAsLong() + "L";
            case "milestones" -> source = value.getAsJsonArray().asList().stream()
                    .map(m -> m.getAsLong() + "L").collect(Collectors.joining(", ", "{", "}"));
            default -> source = Double.toString(value.getAsDouble());
        }
        return key + " = " + source;
    }

    private static String className(String caseName) {
        return Stream.of(caseName.split("_"))
                .map(part -> Character.toUpperCase(part.charAt(0)) + part.substring(1))
                .collect(Collectors.joining());
    }

    private static List<double[]> readCsv(String file) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(resource(file),
                StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).map(line -> line.split(","))
                    .map(cells -> new double[] {Long.parseLong(cells[0]), Double.parseDouble(cells[1])})
                    .toList();
        }
    }

    private static InputStream resource(String file) {
        InputStream in = PyTorchReferenceTest.class.getResourceAsStream("/refs/" + file);
        if (in == null) {
            throw new IllegalStateException("missing test resource refs/" + file);
        }
        return in;
    }
}
