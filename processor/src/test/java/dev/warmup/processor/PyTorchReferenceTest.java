package dev.warmup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated schedules against PyTorch 1.13's own values ({@code src/test/resources/refs}, see its README): every
 * recorded step of every case, within the case's rtol. The annotation of each case that one {@code @WarmupSchedule}
 * expresses comes from {@code cases.json}, written by whoever recorded the values, not from this project; the cases
 * that need the other annotations have none there, and theirs are written here, from the PyTorch construction that
 * each case's description gives (and the recorded values where it gives less). The plateau cases, whose rates depend
 * on a metric, are {@link PlateauReferenceTest}'s.
 */
class PyTorchReferenceTest {

    private static final String ONE_CYCLE = "@OneCycleSchedule(maxLr = 0.1, totalSteps = 10000)";
    private static final String ONE_CYCLE_EPOCHS = "@OneCycleSchedule(maxLr = 0.1, totalSteps = 20)"
            + " @Epochs(stepsPerEpoch = 50, everyUpdate = true)";
    private static final String CYCLIC = "@CyclicSchedule(baseLr = 0.001, maxLr = 0.1, stepSizeUp = 500,"
            + " baseMomentum = 0.8, maxMomentum = 0.9)";

    /** The annotations of the cases that {@code cases.json} gives none for. */
    private static final Map<String, String> WRITTEN_HERE = Map.ofEntries(
            // OneCycleLR(max_lr 0.1, 10000 steps, cos, pct_start 0.3, div 25, final_div 1e4)
            Map.entry("onecycle_cos", "@OneCycleSchedule(maxLr = 0.1, totalSteps = 10000, pctStart = 0.3,"
                    + " annealStrategy = AnnealStrategy.COS, divFactor = 25.0, finalDivFactor = 1e4)"),
            // OneCycleLR linear, three_phase; the values show PyTorch's defaults otherwise: 0.004 at step 0, 0.1 at
            // step 2999 and 5998 steps back to 0.004, 4e-7 at the end
            Map.entry("onecycle_linear_3phase", "@OneCycleSchedule(maxLr = 0.1, totalSteps = 10000,"
                    + " annealStrategy = AnnealStrategy.LINEAR, threePhase = true)"),
            // CyclicLR(0.001, 0.1, 500, triangular2)
            Map.entry("cyclic_triangular2", "@CyclicSchedule(baseLr = 0.001, maxLr = 0.1, stepSizeUp = 500,"
                    + " mode = CyclicMode.TRIANGULAR2)"),
            // CosineAnnealingWarmRestarts(T_0 1000, T_mult 2, eta_min 1e-4) on an optimiser at lr 0.1 (step 0)
            Map.entry("sgdr_tmult2", "@WarmRestartsSchedule(baseLr = 0.1, t0 = 1000, tMult = 2, etaMin = 1e-4)"),
            // warmup 1000 (linear from 0), stable to 8000, linear decay to 0 at 10000 (Hugging Face's WSD)
            Map.entry("hf_wsd_linear", "@PhasedSchedule(phases = {"
                    + " @Phase(steps = 1000, shape = PhaseShape.LINEAR, endLr = 1e-3),"
                    + " @Phase(steps = 7000, shape = PhaseShape.CONSTANT, endLr = 1e-3),"
                    + " @Phase(steps = 2000, shape = PhaseShape.LINEAR, endLr = 0.0)})"),
            // the same with Hugging Face's 1-sqrt decay (get_wsd_schedule, decay_type '1-sqrt', min_lr_ratio 0)
            Map.entry("hf_wsd_1sqrt", "@PhasedSchedule(phases = {"
                    + " @Phase(steps = 1000, shape = PhaseShape.LINEAR, endLr = 1e-3),"
                    + " @Phase(steps = 7000, shape = PhaseShape.CONSTANT, endLr = 1e-3),"
                    + " @Phase(steps = 2000, shape = PhaseShape.ONE_MINUS_SQRT, endLr = 0.0)})"),
            // HF get_cosine_schedule_with_warmup(num_warmup_steps=500, num_training_steps=8000, num_cycles=1.0), 5e-5
            Map.entry("hf_cosine_full_cycle", "@WarmupSchedule(steps = 500, initLr = 5e-5, decay = Decay.COSINE,"
                    + " totalSteps = 8000, cycles = 1.0)"),
            // HF get_cosine_with_hard_restarts_schedule_with_warmup(num_warmup_steps=1000, num_training_steps=11000,
            // num_cycles=2.5), 1e-3
            Map.entry("hf_cosine_hard_restarts_2p5", "@WarmupSchedule(steps = 1000, initLr = 1e-3,"
                    + " decay = Decay.COSINE_RESTARTS, totalSteps = 11000, cycles = 2.5)"),
            // ChainedScheduler([LinearLR(0.01, total_iters 1000), ExponentialLR(0.999)]) on SGD at lr 0.1
            Map.entry("chained_linear_exp_1k", "@ChainedSchedule(baseLr = 0.1, factors = {"
                    + " @Factor(shape = FactorShape.LINEAR, startFactor = 0.01, steps = 1000),"
                    + " @Factor(shape = FactorShape.EXP, gamma = 0.999)})"),
            // pytorch_warmup's UntunedLinearWarmup / UntunedExponentialWarmup on Adam(lr 1e-3, betas (0.9, 0.999))
            // over a constant LambdaLR, and RAdamWarmup over LambdaLR's cosine 0.5 * (1 + cos(pi t / 5000))
            Map.entry("untuned_linear_warmup", "@WarmupSchedule(steps = 0, initLr = 1e-3)"
                    + " @UntunedWarmup(UntunedRule.LINEAR)"),
            Map.entry("untuned_exp_warmup", "@WarmupSchedule(steps = 0, initLr = 1e-3)"
                    + " @UntunedWarmup(UntunedRule.EXPONENTIAL)"),
            Map.entry("radam_warmup_cosine", "@WarmupSchedule(steps = 0, initLr = 1e-3, decay = Decay.COSINE,"
                    + " totalSteps = 5000) @UntunedWarmup(value = UntunedRule.RADAM, beta2 = 0.999)"),
            // OneCycleLR(max_lr=0.1, total_steps=10000) on SGD(momentum=0.9): PyTorch's defaults cycle the momentum
            // between base_momentum 0.85 and max_momentum 0.95; the annotation's defaults are the same
            Map.entry("onecycle_momentum_cos", ONE_CYCLE),
            Map.entry("onecycle_momentum_cos_momentum", ONE_CYCLE),
            // CyclicLR(0.001, 0.1, step_size_up=500, triangular, cycle_momentum, base_momentum 0.8, max 0.9)
            Map.entry("cyclic_momentum_triangular", CYCLIC),
            Map.entry("cyclic_momentum_triangular_momentum", CYCLIC),
            // DINO's teacher momentum, cosine_scheduler(0.996, 1.0, 100 epochs, 50 updates each), beside a rate
            // schedule (the case records the momentum only)
            // Keras's CosineDecayRestarts(0.1, 1000, t_mul=2.0, m_mul=0.5, alpha=0.01): alpha * 0.1 is the floor,
            // which m_mul does not scale
            Map.entry("keras_cosine_restarts_mmul", "@WarmRestartsSchedule(baseLr = 0.1, t0 = 1000, tMult = 2,"
                    + " etaMin = 0.001, heightDecay = 0.5)"),
            // ChainedScheduler([LinearLR(start_factor=0.1, total_iters=5), MultiStepLR([30, 60, 80], 0.1)]) on lr 0.1,
            // stepped once per epoch of 50 updates
            Map.entry("epoch_warmup_multistep", "@ChainedSchedule(baseLr = 0.1, factors = {"
                    + " @Factor(shape = FactorShape.LINEAR, startFactor = 0.1, steps = 5),"
                    + " @Factor(shape = FactorShape.MULTISTEP, milestones = {30, 60, 80}, gamma = 0.1)})"
                    + " @Epochs(stepsPerEpoch = 50)"),
            // timm's CosineLRScheduler(t_initial=100, lr_min=1e-5, warmup_t=5, warmup_lr_init=1e-4) on lr 0.1, its
            // defaults: stepped per epoch (100 updates), no warmup_prefix, cycle_limit 1
            Map.entry("timm_cosine_epochs", "@WarmRestartsSchedule(baseLr = 0.1, t0 = 100, etaMin = 1e-5,"
                    + " warmupSteps = 5, startLr = 1e-4, warmupPrefix = false, cycles = 1)"
                    + " @Epochs(stepsPerEpoch = 100)"),
            // OneCycleLR(max_lr=0.1, epochs=20, steps_per_epoch=50) on SGD(momentum=0.9), stepped every update: its
            // length in epochs, which the processor converts
            Map.entry("onecycle_epochs", ONE_CYCLE_EPOCHS),
            Map.entry("onecycle_epochs_momentum", ONE_CYCLE_EPOCHS),
            Map.entry("dino_teacher_momentum", "@WarmupSchedule(steps = 500, initLr = 5e-4, decay = Decay.COSINE,"
                    + " totalSteps = 5000, minLr = 1e-6) @Quantity(kind = QuantityKind.MOMENTUM,"
                    + " name = \"teacherMomentum\", shape = PhaseShape.COSINE, start = 0.996, end = 1.0,"
                    + " steps = 5000)"));

    /** The generated method whose values a case records, where it is not {@code lr}. */
    private static final Map<String, String> METHODS = Map.of(
            "onecycle_momentum_cos_momentum", "momentum",
            "onecycle_epochs_momentum", "momentum",
            "cyclic_momentum_triangular_momentum", "momentum",
            "dino_teacher_momentum", "teacherMomentum");

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
                            + annotationOf(name) + "\n"
                            + "final class " + className(name) + " {}\n"));
        }
        Compilation compilation = Compiler.compile(sources.toArray(JavaFileObject[]::new));
        assertThat(compilation).succeededWithoutWarnings();
        loader = new Compiler.Loader(compilation);
    }

    static Stream<String> caseNames() {
        if (cases == null) {
            try {
                compileEveryCase();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return cases.keySet().stream().filter(name -> !name.startsWith("_"))
                .filter(name -> !PlateauReferenceTest.CASES.containsKey(name)).sorted();
    }

    /** The annotation of a case: from cases.json, or written here where it has none. */
    private static String annotationOf(String name) {
        return annotationOf(cases, name);
    }

    /** The annotation of case {@code name} of {@code cases} (cases.json): its own, or written here. */
    static String annotationOf(JsonObject cases, String name) {
        JsonObject attributes = cases.getAsJsonObject(name).getAsJsonObject("annotation");
        if (attributes.isEmpty()) {
            String written = WRITTEN_HERE.get(name);
            assertNotNull(written, "case " + name + " has no annotation in cases.json and none written here");
            return written;
        }
        return annotation(attributes);
    }

    @Test
    void everyCaseOfTheReferenceSetIsChecked() {
        assertEquals(31, caseNames().count(), "cases in cases.json");
        assertEquals(Set.copyOf(WRITTEN_HERE.keySet()), caseNames()
                .filter(name -> cases.getAsJsonObject(name).getAsJsonObject("annotation").isEmpty())
                .collect(Collectors.toSet()), "the cases whose annotation is written here");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseNames")
    void matchesPyTorchAtEveryRecordedStep(String name) throws IOException, ReflectiveOperationException {
        JsonObject meta = cases.getAsJsonObject(name);
        double rtol = meta.get("rtol").getAsDouble();
        List<double[]> reference = readCsv(name + ".csv");
        assertEquals(meta.get("steps").getAsInt(), reference.size(), "steps recorded");
        double atol = 1e-15 * reference.stream().mapToDouble(r -> Math.abs(r[1])).max().orElseThrow();

        StepLr schedule = loader.schedule("refs." + className(name) + "StepLr");
        String method = METHODS.getOrDefault(name, "lr");
        assertEquals(meta.get("quantity") == null ? "lr" : meta.get("quantity").getAsString(),
                method.equals("lr") ? "lr" : "momentum", "what the case records");
        java.lang.reflect.Method values = schedule.getClass().getMethod(method, long.class);
        LongToDoubleFunction value = step -> {
            try {
                return (double) values.invoke(schedule, step);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        };
        writeCsv(name, value, reference.size(), method);
        double worst = 0;
        long worstStep = -1;
        double worstAboveFloor = 0;
        List<String> failures = new ArrayList<>();
        for (double[] row : reference) {
            long step = (long) row[0];
            double expected = row[1];
            double actual = value.applyAsDouble(step);
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
            if (error > atol) {
                worstAboveFloor = Math.max(worstAboveFloor, relative);
            }
        }
        System.out.printf(Locale.ROOT, "%-28s steps=%6d rtol=%.0e max_rel=%.3g at step %d, above the floor %.3g%n",
                name, reference.size(), rtol, worst, worstStep, worstAboveFloor);
        assertTrue(failures.isEmpty(), name + " over rtol " + rtol + ":\n" + String.join("\n", failures));
    }

    /**
     * Writes what the generated class gives as {@code target/pytorch-reference/<case>.csv}, in the reference's format,
     * so that the reference set's own {@code compare.py} can check it too.
     */
    private static void writeCsv(String name, LongToDoubleFunction schedule, int steps, String header)
            throws IOException {
        Path dir = Path.of("target", "pytorch-reference");
        Files.createDirectories(dir);
        StringBuilder csv = new StringBuilder("step," + header + "\n");
        for (int step = 0; step < steps; step++) {
            csv.append(step).append(',').append(schedule.applyAsDouble(step)).append('\n');
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

    static String className(String caseName) {
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

    static InputStream resource(String file) {
        InputStream in = PyTorchReferenceTest.class.getResourceAsStream("/refs/" + file);
        if (in == null) {
            throw new IllegalStateException("missing test resource refs/" + file);
        }
        return in;
    }
}
