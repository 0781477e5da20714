package dev.warmup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.warmup.CyclicMode;
import dev.warmup.Decay;
import dev.warmup.FactorShape;
import dev.warmup.PhaseShape;
import dev.warmup.PlateauLr;
import dev.warmup.StepLr;
import dev.warmup.UntunedRule;
import dev.warmup.Warmup;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.LongToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The PyTorch twin of every kind of schedule ({@link PyTorchTwin}) against the generated class: the twin that the
 * processor writes beside each class ({@code <Name>StepLr.py}) is run as a training loop runs it, and the rate PyTorch
 * gives each update must be the generated {@code lr(step)} (and its momentum and quantities, theirs), within the
 * references' tolerances: {@code rtol} of the case, with an absolute floor of 1e-15 times the largest rate.
 *
 * <p>Every case compiles in one compilation: the annotations below, which use every annotation, every {@link Decay},
 * {@link Warmup}, {@link PhaseShape}, {@link FactorShape}, {@link CyclicMode}, {@link dev.warmup.AnnealStrategy},
 * {@link UntunedRule}, plateau mode and threshold mode, {@code @Epochs} both ways, and a cycled momentum; and the
 * annotation of every case of the PyTorch reference set ({@code src/test/resources/refs}, as
 * {@link PyTorchReferenceTest} and {@link PlateauReferenceTest} write them). Then:
 * <ul>
 *   <li>always (no PyTorch needed): each twin is the one recorded in {@code src/test/resources/twins/}, byte for byte,
 *       and the generated class gives the values PyTorch gave that twin when it was recorded (that directory's
 *       README says how); for the reference cases, those values are the reference's too, within its rtol;</li>
 *   <li>where {@code python3} can import torch: every twin is run again, in one Python process
 *       ({@code twins/run_twins.py}), while javac compiles, and the values compared with the generated class (a
 *       reference case's up to step {@value #REFERENCE_RUN}).</li>
 * </ul>
 * {@code -Dwarmup.recordTwins} (with PyTorch) records the twins and their values anew, to be reviewed in the diff.
 */
class PyTorchTwinTest {

    /** The steps (updates) each case runs; the reference cases run their own number. */
    private record Case(String name, String annotation, long updates, double rtol) {}

    /**
     * The relative tolerance of the cases of this test (the reference cases have the reference's), with the absolute
     * floor of 1e-15 times the largest value: PyTorch's recursive forms (ExponentialLR, CosineAnnealingLR,
     * LinearLR, ...) and its {@code 1 + cos} drift or cancel by a few ulps a step, which the floor covers where the
     * rate nears its low end; the largest error above the floor measured is 2.2e-14.
     */
    private static final double RTOL = 1e-12;

    /**
     * With RAdam's warmup factor: pytorch_warmup's {@code rho(s)} from {@code beta2 ** s} loses digits at the first
     * steps, where {@code rho - 4} is small, that the generated class's {@code expm1} keeps (3.75e-12 at step 0).
     */
    private static final double RADAM = 1e-11;

    /** The cases of this test, each one class; see the class Javadoc. */
    private static final List<Case> OWN = List.of(
            // @WarmupSchedule: every warmup and decay, native where PyTorch has the scheduler
            new Case("warmup_linear_exp", "@WarmupSchedule(steps = 100, initLr = 0.1, decay = Decay.EXP,"
                    + " gamma = 0.99)", 600, RTOL),
            new Case("warmup_linear_from_step", "@WarmupSchedule(steps = 50, initLr = 0.4, startLr = 0.004,"
                    + " decay = Decay.STEP, stepSize = 100, gamma = 0.5)", 600, RTOL),
            new Case("warmup_constant_multistep", "@WarmupSchedule(steps = 40, initLr = 0.1, warmup = Warmup.CONSTANT,"
                    + " startLr = 0.01, decay = Decay.MULTISTEP, milestones = {200, 350})", 500, RTOL),
            new Case("warmup_exponential_cosine", "@WarmupSchedule(steps = 60, initLr = 0.05,"
                    + " warmup = Warmup.EXPONENTIAL, startLr = 0.0005, decay = Decay.COSINE, totalSteps = 400,"
                    + " minLr = 0.001)", 500, RTOL),
            new Case("cosine_no_warmup", "@WarmupSchedule(steps = 0, initLr = 0.1, decay = Decay.COSINE,"
                    + " totalSteps = 300)", 450, RTOL),
            new Case("cosine_waves", "@WarmupSchedule(steps = 50, initLr = 5e-4, decay = Decay.COSINE,"
                    + " totalSteps = 450, cycles = 1.5)", 600, RTOL),
            new Case("cosine_powered", "@WarmupSchedule(steps = 50, startLr = 1e-4, initLr = 1e-3,"
                    + " decay = Decay.COSINE, totalSteps = 400, minLr = 1e-5, power = 0.5)", 500, RTOL),
            new Case("linear_decay", "@WarmupSchedule(steps = 30, initLr = 5e-5, decay = Decay.LINEAR,"
                    + " totalSteps = 330, minLr = 1e-6)", 400, RTOL),
            new Case("poly_native", "@WarmupSchedule(steps = 20, startLr = 0.0005, initLr = 0.05, decay = Decay.POLY,"
                    + " totalSteps = 320, power = 2.0)", 400, RTOL),
            new Case("poly_floor", "@WarmupSchedule(steps = 0, initLr = 0.1, decay = Decay.POLY, totalSteps = 300,"
                    + " minLr = 1e-4, power = 0.5)", 400, RTOL),
            new Case("inv_sqrt", "@WarmupSchedule(steps = 100, initLr = 1e-3, decay = Decay.INV_SQRT)", 600, RTOL),
            new Case("repeated_power", "@WarmupSchedule(steps = 10, initLr = 0.5, decay = Decay.REPEATED_POWER,"
                    + " power = 1.01)", 500, RTOL),
            new Case("cosine_restarts", "@WarmupSchedule(steps = 40, initLr = 1e-3, decay = Decay.COSINE_RESTARTS,"
                    + " totalSteps = 440, cycles = 2.5, minLr = 1e-5)", 500, RTOL),
            new Case("inv_time", "@WarmupSchedule(steps = 0, initLr = 0.1, decay = Decay.INV_TIME, gamma = 0.5,"
                    + " stepSize = 50)", 400, RTOL),
            new Case("inv_time_step", "@WarmupSchedule(steps = 25, initLr = 0.1, decay = Decay.INV_TIME_STEP,"
                    + " gamma = 1.0, stepSize = 60)", 400, RTOL),
            new Case("poly_cycle", "@WarmupSchedule(steps = 0, initLr = 0.1, decay = Decay.POLY_CYCLE,"
                    + " totalSteps = 100, minLr = 1e-4, power = 0.5)", 450, RTOL),
            new Case("exp_per_steps_floor", "@WarmupSchedule(steps = 30, warmup = Warmup.CONSTANT, startLr = 0.02,"
                    + " initLr = 0.02, decay = Decay.EXP, gamma = 0.5, stepSize = 50, minLr = 1e-3)", 400, RTOL),
            new Case("exp_per_steps", "@WarmupSchedule(steps = 0, initLr = 0.1, decay = Decay.EXP, gamma = 0.96,"
                    + " stepSize = 25)", 400, RTOL),
            new Case("step_floor", "@WarmupSchedule(steps = 0, initLr = 0.1, decay = Decay.STEP, stepSize = 40,"
                    + " gamma = 0.3, minLr = 0.002)", 400, RTOL),
            new Case("warmup_only", "@WarmupSchedule(steps = 100, initLr = 0.1)", 300, RTOL),
            new Case("warmup_only_constant", "@WarmupSchedule(steps = 50, initLr = 0.1, warmup = Warmup.CONSTANT,"
                    + " startLr = 0.02)", 200, RTOL),
            new Case("constant", "@WarmupSchedule(steps = 0, initLr = 0.03)", 100, RTOL),
            new Case("scaled", "@WarmupSchedule(steps = 50, initLr = 0.1, batchSize = 1024, referenceBatchSize = 256,"
                    + " decay = Decay.COSINE, totalSteps = 300, minLr = 1e-3)", 400, RTOL),
            // @PhasedSchedule: every phase shape, native and written out
            new Case("phased_native", "@PhasedSchedule(phases = {"
                    + " @Phase(steps = 50, shape = PhaseShape.LINEAR, startLr = 0.01, endLr = 0.1),"
                    + " @Phase(steps = 100, shape = PhaseShape.CONSTANT, endLr = 0.1),"
                    + " @Phase(steps = 100, shape = PhaseShape.COSINE, endLr = 0.01),"
                    + " @Phase(steps = 80, shape = PhaseShape.CONSTANT, endLr = 0.005)})", 450, RTOL),
            new Case("phased_native_decays", "@PhasedSchedule(phases = {"
                    + " @Phase(steps = 40, shape = PhaseShape.LINEAR, endLr = 0.2),"
                    + " @Phase(steps = 150, shape = PhaseShape.EXPONENTIAL, endLr = 0.02),"
                    + " @Phase(steps = 100, shape = PhaseShape.POLY, startLr = 0.2, endLr = 0.0, power = 2.0)})", 400,
                    RTOL),
            new Case("phased_cosine_last", "@PhasedSchedule(phases = {"
                    + " @Phase(steps = 30, shape = PhaseShape.CONSTANT, endLr = 0.01),"
                    + " @Phase(steps = 200, shape = PhaseShape.COSINE, startLr = 0.1, endLr = 0.001)})", 400, RTOL),
            new Case("phased_exponential_by_factor", "@PhasedSchedule(phases = {"
                    + " @Phase(steps = 20, shape = PhaseShape.LINEAR, startLr = 0.001, endLr = 0.1),"
                    + " @Phase(shape = PhaseShape.EXPONENTIAL, gamma = 0.98, endLr = 0.01)})", 300, RTOL),
            new Case("phased_written_out", "@PhasedSchedule(phases = {"
                    + " @Phase(steps = 40, shape = PhaseShape.COSINE, startLr = 0.001, endLr = 0.05),"
                    + " @Phase(steps = 40, shape = PhaseShape.EXPONENTIAL, endLr = 0.1),"
                    + " @Phase(steps = 60, shape = PhaseShape.INV_SQRT, endLr = 0.05),"
                    + " @Phase(steps = 50, shape = PhaseShape.ONE_MINUS_SQRT, endLr = 0.01),"
                    + " @Phase(steps = 50, shape = PhaseShape.ONE_MINUS_SQRT, endLr = 0.04),"
                    + " @Phase(steps = 60, shape = PhaseShape.POLY, endLr = 0.005, power = 0.5),"
                    + " @Phase(steps = 60, shape = PhaseShape.COSINE, startLr = 0.08, endLr = 0.002, power = 2.0),"
                    + " @Phase(shape = PhaseShape.EXPONENTIAL, gamma = 1.05, stepSize = 3, endLr = 0.01)})", 600,
                    RTOL),
            new Case("phased_edges", "@PhasedSchedule(phases = {"
                    + " @Phase(steps = 5, shape = PhaseShape.EXPONENTIAL, startLr = 0.1, endLr = 0.05),"
                    + " @Phase(steps = 1, shape = PhaseShape.LINEAR, endLr = 0.2),"
                    + " @Phase(steps = 20, shape = PhaseShape.CONSTANT, endLr = 0.0)})", 60, RTOL),
            new Case("phased_zero", "@PhasedSchedule(phases = {@Phase(steps = 10, shape = PhaseShape.LINEAR,"
                    + " endLr = 0.0)})", 30, RTOL),
            // @OneCycleSchedule: both anneal strategies, three phases, the momentum, @Epochs both ways
            new Case("onecycle_cos_momentum", "@OneCycleSchedule(maxLr = 0.1, totalSteps = 400)", 400, RTOL),
            new Case("onecycle_linear_three_phase", "@OneCycleSchedule(maxLr = 0.05, totalSteps = 300,"
                    + " pctStart = 0.25, annealStrategy = AnnealStrategy.LINEAR, divFactor = 10.0,"
                    + " finalDivFactor = 100.0, threePhase = true, baseMomentum = 0.8, maxMomentum = 0.9)", 300,
                    RTOL),
            new Case("onecycle_epochs", "@OneCycleSchedule(maxLr = 0.1, totalSteps = 20, cycleMomentum = false)"
                    + " @Epochs(stepsPerEpoch = 10)", 200, RTOL),
            new Case("onecycle_every_update", "@OneCycleSchedule(maxLr = 0.1, totalSteps = 8)"
                    + " @Epochs(stepsPerEpoch = 40, everyUpdate = true)", 320, RTOL),
            // @CyclicSchedule: every mode, with and without the momentum
            new Case("cyclic_triangular", "@CyclicSchedule(baseLr = 0.001, maxLr = 0.1, stepSizeUp = 50,"
                    + " stepSizeDown = 80)", 500, RTOL),
            new Case("cyclic_triangular2", "@CyclicSchedule(baseLr = 0.001, maxLr = 0.1, stepSizeUp = 40,"
                    + " mode = CyclicMode.TRIANGULAR2, cycleMomentum = false)", 400, RTOL),
            new Case("cyclic_exp_range", "@CyclicSchedule(baseLr = 0.001, maxLr = 0.1, stepSizeUp = 60,"
                    + " mode = CyclicMode.EXP_RANGE, gamma = 0.995, baseMomentum = 0.85, maxMomentum = 0.95)", 500,
                    RTOL),
            // @WarmRestartsSchedule: PyTorch's (tMult 1, 3, after a warmup), Keras's and timm's
            new Case("restarts_equal", "@WarmRestartsSchedule(baseLr = 0.1, t0 = 50, etaMin = 0.001)", 400, RTOL),
            new Case("restarts_tmult3_warmup", "@WarmRestartsSchedule(baseLr = 0.1, t0 = 10, tMult = 3,"
                    + " warmupSteps = 20, startLr = 0.01)", 500, RTOL),
            new Case("restarts_keras", "@WarmRestartsSchedule(baseLr = 0.1, t0 = 40, tMult = 2, etaMin = 0.001,"
                    + " heightDecay = 0.5)", 600, RTOL),
            new Case("restarts_timm", "@WarmRestartsSchedule(baseLr = 0.1, t0 = 50, tMult = 1.5, etaMin = 1e-5,"
                    + " peakDecay = 0.7, cycles = 4, kDecay = 1.5, warmupSteps = 10, startLr = 1e-4,"
                    + " warmupPrefix = false)", 500, RTOL),
            new Case("restarts_fractional", "@WarmRestartsSchedule(baseLr = 0.1, t0 = 10, tMult = 1.1)", 400, RTOL),
            // @ChainedSchedule: every factor shape, chained natively, and written out
            new Case("chained_native", "@ChainedSchedule(baseLr = 0.1, factors = {"
                    + " @Factor(shape = FactorShape.CONSTANT, factor = 0.5, steps = 30),"
                    + " @Factor(shape = FactorShape.LINEAR, startFactor = 0.1, endFactor = 0.8, steps = 60),"
                    + " @Factor(shape = FactorShape.STEP, stepSize = 70, gamma = 0.7),"
                    + " @Factor(shape = FactorShape.MULTISTEP, milestones = {100, 250}, gamma = 0.5),"
                    + " @Factor(shape = FactorShape.POLY, steps = 400, power = 1.5),"
                    + " @Factor(shape = FactorShape.EXP, gamma = 0.999)})", 450, RTOL),
            new Case("chained_cosine", "@ChainedSchedule(baseLr = 0.1, factors = {"
                    + " @Factor(shape = FactorShape.LINEAR, startFactor = 0.01, steps = 50),"
                    + " @Factor(shape = FactorShape.COSINE, steps = 300, endFactor = 0.1)})", 450, RTOL),
            // @UntunedWarmup: every rule, beside each kind of schedule
            new Case("untuned_linear_phased", "@PhasedSchedule(phases = {"
                    + " @Phase(steps = 100, shape = PhaseShape.CONSTANT, endLr = 1e-3),"
                    + " @Phase(steps = 300, shape = PhaseShape.COSINE, startLr = 1e-3, endLr = 1e-4)})"
                    + " @UntunedWarmup(value = UntunedRule.LINEAR, beta2 = 0.99)", 500, RTOL),
            new Case("untuned_exp_onecycle", "@OneCycleSchedule(maxLr = 0.01, totalSteps = 400)"
                    + " @UntunedWarmup(value = UntunedRule.EXPONENTIAL, beta2 = 0.99)", 400, RTOL),
            new Case("untuned_radam_cyclic", "@CyclicSchedule(baseLr = 1e-4, maxLr = 1e-3, stepSizeUp = 100)"
                    + " @UntunedWarmup(UntunedRule.RADAM)", 500, RADAM),
            new Case("untuned_linear_restarts", "@WarmRestartsSchedule(baseLr = 1e-3, t0 = 100, tMult = 2)"
                    + " @UntunedWarmup(UntunedRule.LINEAR)", 500, RTOL),
            new Case("untuned_exp_chained", "@ChainedSchedule(baseLr = 1e-3, factors = {"
                    + " @Factor(shape = FactorShape.EXP, gamma = 0.995)})"
                    + " @UntunedWarmup(value = UntunedRule.EXPONENTIAL, beta2 = 0.98)", 400, RTOL),
            new Case("untuned_radam_multistep", "@WarmupSchedule(steps = 0, initLr = 1e-3, decay = Decay.MULTISTEP,"
                    + " milestones = {200, 300}) @UntunedWarmup(UntunedRule.RADAM)", 400,
                    RADAM),
            // @Epochs: stepped once an epoch, and every update
            new Case("epochs_warmup_step", "@WarmupSchedule(steps = 2, initLr = 0.1, decay = Decay.STEP,"
                    + " stepSize = 3, gamma = 0.5) @Epochs(stepsPerEpoch = 20)", 200, RTOL),
            new Case("epochs_every_update_cosine", "@WarmupSchedule(steps = 1, initLr = 0.1, decay = Decay.COSINE,"
                    + " totalSteps = 5, minLr = 1e-3) @Epochs(stepsPerEpoch = 60, everyUpdate = true)", 400, RTOL),
            // @Quantity beside the rate: functions of the step in the twin
            new Case("quantities", "@WarmupSchedule(steps = 20, initLr = 0.01, decay = Decay.LINEAR, totalSteps = 300)"
                    + " @Quantity(kind = QuantityKind.WEIGHT_DECAY, shape = PhaseShape.LINEAR, start = 0.0,"
                    + " end = 0.05, steps = 200)"
                    + " @Quantity(kind = QuantityKind.DROPOUT, shape = PhaseShape.CONSTANT, start = 0.1, end = 0.0,"
                    + " steps = 100)"
                    + " @Quantity(kind = QuantityKind.MOMENTUM, shape = PhaseShape.EXPONENTIAL, start = 0.9,"
                    + " end = 0.99, steps = 150)"
                    + " @Quantity(kind = QuantityKind.OTHER, name = \"temperature\", shape = PhaseShape.INV_SQRT,"
                    + " start = 1.0, end = 0.5, steps = 250)", 400, RTOL),
            // @PlateauSchedule: both modes, both threshold modes, a warmup from startLr
            new Case("plateau_max_abs", "@PlateauSchedule(initLr = 0.05, mode = PlateauMode.MAX,"
                    + " thresholdMode = ThresholdMode.ABS, threshold = 0.01, patience = 5, factor = 0.5,"
                    + " minLr = 0.001)", 300, RTOL),
            new Case("plateau_warmup_start", "@PlateauSchedule(initLr = 0.1, warmupSteps = 30, startLr = 0.01,"
                    + " patience = 4, cooldown = 3, eps = 1e-3)", 300, RTOL));

    /**
     * The last step at which a reference case's twin is run again where PyTorch is installed (their runs are up to
     * 64,000 steps, two thirds of the run's time): every recorded value, up to the end, is checked without PyTorch.
     */
    private static final long REFERENCE_RUN = 4000;

    /** Where the recorded twins and values are, in the source tree (written by {@code -Dwarmup.recordTwins}). */
    private static final Path RECORDED = Path.of("src", "test", "resources", "twins");
    /** Where the twins run, with their manifest and the harness. */
    private static final Path WORK = Path.of("target", "pytorch-twins");

    private static final Map<String, Case> CASES = new LinkedHashMap<>();
    private static JsonObject references;
    private static Compiler.Loader loader;
    /** Each case's twin as the processor wrote it now. */
    private static final Map<String, String> TWINS = new LinkedHashMap<>();
    /** Each case's twin as recorded, and the values PyTorch gave it then. */
    private static final Map<String, String> RECORDED_TWINS = new LinkedHashMap<>();
    private static final Map<String, Values> RECORDED_VALUES = new LinkedHashMap<>();
    /** The values PyTorch gives each twin now, where it is installed; null where it is not. */
    private static Map<String, Values> fresh;
    /** What PyTorch raised running a twin, by case. */
    private static final Map<String, String> ERRORS = new LinkedHashMap<>();
    private static String torchVersion;

    /** What a twin gave, by column (lr, momentum, each function of the step), at each step. */
    private record Values(List<Long> steps, Map<String, List<String>> columns) {

        double at(String column, int row) {
            return Double.parseDouble(columns.get(column).get(row));
        }
    }

    @BeforeAll
    static void compileAndRun() throws IOException, InterruptedException {
        try (InputStream in = PyTorchReferenceTest.resource("cases.json")) {
            references = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        }
        OWN.forEach(c -> CASES.put(c.name(), c));
        for (String name : referenceCases(references)) {
            JsonObject meta = references.getAsJsonObject(name);
            String annotation = PlateauReferenceTest.CASES.containsKey(name) ? PlateauReferenceTest.CASES.get(name)
                    : PyTorchReferenceTest.annotationOf(references, name);
            CASES.put("ref_" + name, new Case("ref_" + name, annotation, meta.get("steps").getAsLong(),
                    meta.get("rtol").getAsDouble()));
        }
        boolean record = System.getProperty("warmup.recordTwins") != null;
        Files.createDirectories(WORK);
        Optional<Run> running = Optional.empty();
        if (!record) {
            // PyTorch runs the recorded twins while javac compiles: the test checks that they are the twins written
            // now, byte for byte, so their values are those of the twins written now
            List<JsonObject> manifest = new ArrayList<>();
            for (Case c : CASES.values()) {
                RECORDED_TWINS.put(c.name(), text(resource(c.name() + ".py")));
                RECORDED_VALUES.put(c.name(), readValues(c.name()));
                Path file = WORK.resolve(c.name() + ".py");
                Files.writeString(file, RECORDED_TWINS.get(c.name()));
                List<Long> steps = RECORDED_VALUES.get(c.name()).steps();
                manifest.add(manifestEntry(c, file, c.name().startsWith("ref_") ? steps.stream()
                        .filter(step -> step <= REFERENCE_RUN).toList() : steps,
                        RECORDED_VALUES.get(c.name()).columns().keySet()));
            }
            running = Run.start(manifest, 0);
        }
        List<JavaFileObject> sources = new ArrayList<>();
        for (Case c : CASES.values()) {
            sources.add(JavaFileObjects.forSourceString("twins." + className(c.name()), "package twins;\n"
                    + "import dev.warmup.*;\n" + c.annotation() + "\nfinal class " + className(c.name()) + " {}\n"));
        }
        // without the charts, which this test does not read
        Compilation compilation = Compiler.compiler("-A" + WarmupProcessor.PLOT_OPTION + "=false")
                .withProcessors(new WarmupProcessor()).compile(sources);
        assertThat(compilation).succeededWithoutWarnings();
        loader = new Compiler.Loader(compilation);
        for (Case c : CASES.values()) {
            JavaFileObject twin = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "twins",
                    generatedName(c) + ".py").orElseThrow(() -> new AssertionError("no twin of " + c.name()));
            TWINS.put(c.name(), twin.getCharContent(true).toString());
        }
        if (!record) {
            fresh = running.isEmpty() ? null : running.get().values();
            return;
        }
        List<JsonObject> manifest = new ArrayList<>();
        for (Case c : CASES.values()) {
            Path file = WORK.resolve(c.name() + ".py");
            Files.writeString(file, TWINS.get(c.name()));
            manifest.add(manifestEntry(c, file, sampledSteps(c), columns(c)));
        }
        running = Run.start(manifest, 0);
        fresh = running.isEmpty() ? null : running.get().values();
        assertTrue(fresh != null, "-Dwarmup.recordTwins needs python3 with torch (Debian's python3-torch)");
        assertEquals(Map.of(), ERRORS, "twins that fail in PyTorch");
        Files.createDirectories(RECORDED);
        for (Case c : CASES.values()) {
            Files.writeString(RECORDED.resolve(c.name() + ".py"), TWINS.get(c.name()));
            Files.writeString(RECORDED.resolve(c.name() + ".csv"), csv(fresh.get(c.name())));
            RECORDED_TWINS.put(c.name(), TWINS.get(c.name()));
            RECORDED_VALUES.put(c.name(), fresh.get(c.name()));
        }
    }

    static Stream<String> caseNames() {
        return CASES.isEmpty() ? Stream.concat(OWN.stream().map(Case::name), references().stream()) : CASES.keySet()
                .stream();
    }

    /** The names of the reference cases, before {@link #compileAndRun} has read them. */
    private static List<String> references() {
        try (InputStream in = PyTorchReferenceTest.resource("cases.json")) {
            return referenceCases(JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .getAsJsonObject()).stream().map(n -> "ref_" + n).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The cases of the reference set that have a twin here: all but {@code X_momentum}, the momentum of case X's
     * schedule, which X's twin gives too (X is checked against both).
     */
    private static List<String> referenceCases(JsonObject cases) {
        return cases.keySet().stream().filter(n -> !n.startsWith("_"))
                .filter(n -> !(n.endsWith("_momentum") && cases.has(n.substring(0, n.length() - "_momentum".length()))))
                .sorted().toList();
    }

    @Test
    void everyAnnotationAndEveryShapeHasATwin() {
        String all = OWN.stream().map(Case::annotation).collect(Collectors.joining(" "));
        List<String> missing = new ArrayList<>();
        for (Class<? extends Enum<?>> type : List.of(Decay.class, Warmup.class, PhaseShape.class, FactorShape.class,
                CyclicMode.class, dev.warmup.AnnealStrategy.class, UntunedRule.class, dev.warmup.PlateauMode.class,
                dev.warmup.ThresholdMode.class, dev.warmup.QuantityKind.class)) {
            for (Enum<?> value : type.getEnumConstants()) {
                String written = type.getSimpleName() + "." + value.name();
                boolean byDefault = written.equals("Decay.NONE") || written.equals("Warmup.LINEAR")
                        || written.equals("CyclicMode.TRIANGULAR") || written.equals("AnnealStrategy.COS")
                        || written.equals("PlateauMode.MIN") || written.equals("ThresholdMode.REL");
                if (!byDefault && !all.contains(written)) {
                    missing.add(written);
                }
            }
        }
        for (String annotation : List.of("@WarmupSchedule", "@PhasedSchedule", "@OneCycleSchedule", "@CyclicSchedule",
                "@WarmRestartsSchedule", "@ChainedSchedule", "@PlateauSchedule", "@UntunedWarmup", "@Epochs",
                "@Quantity", "everyUpdate = true", "baseMomentum")) {
            if (!all.contains(annotation)) {
                missing.add(annotation);
            }
        }
        assertEquals(List.of(), missing, "not written by any case");
        assertEquals(references().size(), CASES.size() - OWN.size(), "reference cases");
    }

    /**
     * docs/pytorch-twin.md shows the twin of the README's nanoGPT schedule as the processor writes it (the reference
     * case of the same settings; the header, which names the class, left out).
     */
    @Test
    void theDocsShowTheTwinAsItIs() throws IOException {
        String page = Files.readString(Path.of("..", "docs", "pytorch-twin.md"));
        int start = page.indexOf("```python\n") + "```python\n".length();
        assertEquals(withoutHeader(TWINS.get("ref_nanogpt_cosine")), withoutHeader(page.substring(start,
                page.indexOf("```", start))), "docs/pytorch-twin.md's twin differs from the one the processor writes");
    }

    /** A twin's text from its first line that is not the header's comment. */
    private static String withoutHeader(String twin) {
        return twin.substring(twin.indexOf("\nimport ") >= 0 && twin.indexOf("\nimport ") < twin.indexOf("\nfrom ")
                ? twin.indexOf("\nimport ") : twin.indexOf("\nfrom "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseNames")
    void theTwinIsTheRecordedOne(String name) {
        assertEquals(RECORDED_TWINS.get(name), TWINS.get(name), name + ": the twin the processor writes now is not "
                + "the one recorded in src/test/resources/twins (re-record with -Dwarmup.recordTwins, and review)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseNames")
    void theClassGivesTheValuesRecordedFromPyTorch(String name) {
        assertEquals(columns(CASES.get(name)), RECORDED_VALUES.get(name).columns().keySet(), name + ": what the "
                + "recorded values read");
        compare(name, RECORDED_VALUES.get(name), "recorded");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseNames")
    void pyTorchGivesTheClassValues(String name) {
        assumeTrue(fresh != null, "python3 with torch is not installed: the recorded values are checked instead");
        assertTrue(!ERRORS.containsKey(name), () -> name + ": the twin fails in PyTorch: " + ERRORS.get(name));
        compare(name, fresh.get(name), "PyTorch " + torchVersion);
    }

    /**
     * For the cases of the reference set: the twin's values are the reference's, at every step recorded; its
     * momentum too, where the set has that in a case of its own ({@code X_momentum}).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("caseNames")
    void theTwinOfAReferenceCaseGivesTheReferenceValues(String name) throws IOException {
        assumeTrue(name.startsWith("ref_"));
        String reference = name.substring("ref_".length());
        List<String> checked = new ArrayList<>(List.of(reference));
        if (references.has(reference + "_momentum")) {
            checked.add(reference + "_momentum");
        }
        List<String> failures = new ArrayList<>();
        for (String file : checked) {
            Map<Long, Double> expected = new LinkedHashMap<>();
            try (BufferedReader reader = reader(PyTorchReferenceTest.resource(file + ".csv"))) {
                reader.lines().skip(1).map(line -> line.split(","))
                        .forEach(cells -> expected.put(Long.parseLong(cells[0]), Double.parseDouble(cells[1])));
            }
            JsonObject meta = references.getAsJsonObject(file);
            String column = meta.has("quantity") && meta.get("quantity").getAsString().equals("momentum")
                    ? momentumColumn(name) : "lr";
            Values twin = RECORDED_VALUES.get(name);
            double rtol = meta.get("rtol").getAsDouble();
            double atol = 1e-15 * expected.values().stream().mapToDouble(Math::abs).max().orElseThrow();
            for (int row = 0; row < twin.steps().size(); row++) {
                double want = expected.get(twin.steps().get(row));
                double got = twin.at(column, row);
                if (!(Math.abs(got - want) <= atol || Math.abs(got - want) <= rtol * Math.abs(want))
                        && failures.size() < 5) {
                    failures.add(file + ", " + column + ", step " + twin.steps().get(row) + ": the reference " + want
                            + ", the twin " + got);
                }
            }
        }
        assertTrue(failures.isEmpty(), name + ":\n" + String.join("\n", failures));
    }

    /** Compares every column of {@code values} (PyTorch's) with the generated class, step by step. */
    private static void compare(String name, Values values, String source) {
        Case c = CASES.get(name);
        List<String> failures = new ArrayList<>();
        StringBuilder summary = new StringBuilder();
        for (String column : values.columns().keySet()) {
            if (column.equals("metric")) {
                continue;
            }
            LongToDoubleFunction actual = classValues(c, column);
            double peak = 0;
            for (int row = 0; row < values.steps().size(); row++) {
                peak = Math.max(peak, Math.abs(values.at(column, row)));
            }
            double atol = 1e-15 * peak;
            double worst = 0;
            long worstStep = -1;
            double worstOfAll = 0;
            for (int row = 0; row < values.steps().size(); row++) {
                long step = values.steps().get(row);
                double expected = values.at(column, row);
                double got = actual.applyAsDouble(step);
                double error = Math.abs(got - expected);
                double relative = error / Math.max(Math.abs(expected), Double.MIN_NORMAL);
                if (!(error <= atol || relative <= c.rtol()) && failures.size() < 5) {
                    failures.add(column + " at step " + step + ": PyTorch " + expected + ", the class " + got
                            + " (relative " + relative + ")");
                }
                worstOfAll = Math.max(worstOfAll, relative);
                if (error > atol && relative > worst) {
                    worst = relative;
                    worstStep = step;
                }
            }
            summary.append(String.format(Locale.ROOT, " %s max_rel=%.3g, above the floor %.3g%s", column,
                    worstOfAll, worst, worstStep < 0 ? "" : " at " + worstStep));
        }
        System.out.printf(Locale.ROOT, "twin %-34s %-12s rows=%4d rtol=%.0e%s%n", name, source,
                values.steps().size(), c.rtol(), summary);
        assertTrue(failures.isEmpty(), name + " (" + source + "), over rtol " + c.rtol() + ":\n"
                + String.join("\n", failures));
    }

    /**
     * The generated class's values of a column: {@code lr}; {@code momentum}, its momentum; {@code f:name}, the
     * quantity method the twin's function {@code name} stands for. A plateau class is driven through the case's
     * metrics, observed after each step from its warmup on.
     */
    private static LongToDoubleFunction classValues(Case c, String column) {
        String className = "twins." + generatedName(c);
        if (isPlateau(c)) {
            PlateauLr plateau = loader.plateau(className);
            List<Double> metrics = metrics(c);
            Map<Long, Double> rates = new LinkedHashMap<>();
            for (long step = 0; step < c.updates(); step++) {
                rates.put(step, plateau.lr(step));
                if (step >= plateau.warmupSteps()) {
                    plateau.observe(step, metrics.get((int) step));
                }
            }
            return rates::get;
        }
        StepLr schedule = loader.schedule(className);
        String method = column.equals("lr") ? "lr" : column.equals("momentum") ? "momentum" : javaName(column
                .substring(2));
        try {
            Method values = schedule.getClass().getMethod(method, long.class);
            return step -> {
                try {
                    return (double) values.invoke(schedule, step);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            };
        } catch (NoSuchMethodException e) {
            throw new AssertionError(className + " has no " + method + "(long)", e);
        }
    }

    /** The quantity methods of a case's class besides {@code lr}: {@code momentum}, {@code weightDecay}. */
    private static List<String> quantityMethods(Case c) {
        if (isPlateau(c)) {
            return List.of();
        }
        Class<?> type = loader.schedule("twins." + generatedName(c)).getClass();
        return Stream.of(type.getMethods())
                .filter(m -> m.getReturnType() == double.class && m.getParameterCount() == 1
                        && m.getParameterTypes()[0] == long.class && Modifier.isPublic(m.getModifiers())
                        && m.getDeclaringClass() == type && !m.getName().equals("lr"))
                .map(Method::getName).sorted().toList();
    }

    /** The column of the momentum of a reference case: the optimizer's, or the twin's function's. */
    private static String momentumColumn(String name) {
        return RECORDED_VALUES.get(name).columns().containsKey("momentum") ? "momentum" : "f:"
                + pythonName(quantityMethods(CASES.get(name)).stream().filter(m -> m.toLowerCase(Locale.ROOT)
                        .endsWith("momentum")).findFirst().orElseThrow());
    }

    /**
     * What a case's twin is read for, besides {@code lr}: {@code momentum}, the optimizer's, where its scheduler
     * cycles it; {@code f:name} for each function of the step the twin defines for a quantity method of the class;
     * {@code metric}, for a plateau case, the metric observed after each step.
     */
    private static java.util.Set<String> columns(Case c) {
        java.util.Set<String> columns = new java.util.LinkedHashSet<>(List.of("lr"));
        String text = TWINS.get(c.name());
        for (String method : quantityMethods(c)) {
            if (text.contains("\ndef " + pythonName(method) + "(step):")) {
                columns.add("f:" + pythonName(method));
            } else if (method.equals("momentum")) {
                columns.add("momentum");
            } else {
                throw new AssertionError(c.name() + ": the twin has nothing for " + method + "(step)");
            }
        }
        if (isPlateau(c)) {
            columns.add("metric");
        }
        return columns;
    }

    /** What the harness runs for a case: its twin, the steps, the epoch's length, and what to read besides lr. */
    private static JsonObject manifestEntry(Case c, Path twin, List<Long> steps, java.util.Set<String> columns) {
        JsonObject entry = new JsonObject();
        entry.addProperty("name", c.name());
        entry.addProperty("twin", twin.toAbsolutePath().toString());
        JsonArray array = new JsonArray();
        steps.forEach(array::add);
        entry.add("steps", array);
        JsonArray functions = new JsonArray();
        columns.stream().filter(column -> column.startsWith("f:"))
                .forEach(column -> functions.add(column.substring(2)));
        entry.add("functions", functions);
        entry.addProperty("momentum", columns.contains("momentum"));
        EpochsOf epochs = EpochsOf.of(c.annotation());
        if (epochs.stepsPerEpoch > 1 && !epochs.everyUpdate) {
            entry.addProperty("stepsPerEpoch", epochs.stepsPerEpoch);
        }
        if (isPlateau(c)) {
            JsonArray metrics = new JsonArray();
            metrics(c).forEach(metrics::add);
            entry.add("metrics", metrics);
            java.util.regex.Matcher warmup = java.util.regex.Pattern.compile("warmupSteps = (\\d+)")
                    .matcher(c.annotation());
            entry.addProperty("plateauWarmup", warmup.find() ? Long.parseLong(warmup.group(1)) : 0);
        }
        return entry;
    }

    /** {@code @Epochs} of an annotation text, as the harness needs it. */
    private record EpochsOf(long stepsPerEpoch, boolean everyUpdate) {
        static EpochsOf of(String annotation) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("@Epochs\\(stepsPerEpoch = (\\d+)(, everyUpdate"
                    + " = true)?\\)").matcher(annotation);
            return m.find() ? new EpochsOf(Long.parseLong(m.group(1)), m.group(2) != null) : new EpochsOf(1, false);
        }
    }

    /**
     * The steps a case records: every step up to 100, a hundred more spread over the run, and the steps around
     * each place the rate turns or jumps (at most 24 of them), found from the generated class; every step of a
     * plateau case. {@code OneCycleLR} is not stepped past its last step, {@code totalSteps - 1}.
     */
    private static List<Long> sampledSteps(Case c) {
        long last = c.updates() - 1;
        TreeSet<Long> steps = new TreeSet<>();
        if (isPlateau(c)) {
            for (long step = 0; step <= last; step++) {
                steps.add(step);
            }
            return List.copyOf(steps);
        }
        LongToDoubleFunction lr = classValues(c, "lr");
        for (long step = 0; step <= Math.min(last, 100); step++) {
            steps.add(step);
        }
        long stride = Math.max(1, last / 100);
        for (long step = 0; step <= last; step += stride) {
            steps.add(step);
        }
        steps.add(last);
        double peak = 0;
        for (long step = 0; step <= last; step++) {
            peak = Math.max(peak, Math.abs(lr.applyAsDouble(step)));
        }
        List<Long> turns = new ArrayList<>();
        for (long step = 2; step <= last; step++) {
            double now = lr.applyAsDouble(step) - lr.applyAsDouble(step - 1);
            double before = lr.applyAsDouble(step - 1) - lr.applyAsDouble(step - 2);
            double larger = Math.max(Math.abs(now), Math.abs(before));
            if (larger > 1e-9 * peak && Math.abs(now - before) > 0.5 * larger) {
                turns.add(step - 1);
            }
        }
        for (int i = 0; i < Math.min(24, turns.size()); i++) {
            long turn = turns.get(i * turns.size() / Math.min(24, turns.size()));
            for (long step = turn - 1; step <= Math.min(turn + 1, last); step++) {
                steps.add(step);
            }
        }
        return List.copyOf(steps);
    }

    /**
     * The metric observed after each step of a plateau case: the reference's, or, for this test's own, a loss that
     * falls and stalls (MIN) or an accuracy that rises and stalls (MAX), at 4 decimals.
     */
    private static List<Double> metrics(Case c) {
        if (c.name().startsWith("ref_")) {
            try (BufferedReader reader = reader(PyTorchReferenceTest.resource(c.name().substring(4) + ".csv"))) {
                return reader.lines().skip(1).map(line -> Double.parseDouble(line.split(",")[2])).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        boolean max = c.annotation().contains("PlateauMode.MAX");
        List<Double> metrics = new ArrayList<>();
        for (int step = 0; step < c.updates(); step++) {
            double progress = 1 - Math.exp(-Math.min(step, 60 + (step % 7)) / 40.0);
            double wobble = ((step * 7919) % 13) / 13.0 * 0.004;
            double metric = max ? 0.5 + 0.4 * progress + wobble : 2.0 - 1.5 * progress + wobble;
            metrics.add(Math.round(metric * 1e4) / 1e4);
        }
        return metrics;
    }

    /** The Pythons tried, in order: Debian's, whose python3-torch is PyTorch 1.13, then the one on the path. */
    private static final List<String> PYTHONS = List.of("/usr/bin/python3", "python3");

    /**
     * The twins of a manifest running in one Python process ({@code twins/run_twins.py}), by the
     * {@code PYTHONS.get(python)}, or the next that can be started.
     */
    private record Run(List<JsonObject> manifest, int python, Process process) {

        /** Starts the run, with the first Python from {@code python} on that starts; empty if none does. */
        static Optional<Run> start(List<JsonObject> manifest, int python) throws IOException {
            Path harness = WORK.resolve("run_twins.py");
            try (InputStream in = resource("run_twins.py")) {
                Files.write(harness, in.readAllBytes());
            }
            Path file = WORK.resolve("manifest.json");
            JsonArray cases = new JsonArray();
            manifest.forEach(cases::add);
            Files.writeString(file, new Gson().toJson(cases));
            for (int i = python; i < PYTHONS.size(); i++) {
                try {
                    return Optional.of(new Run(manifest, i, new ProcessBuilder(PYTHONS.get(i), harness.toString(),
                            file.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start()));
                } catch (IOException noSuchPython) {
                    // the next
                }
            }
            return Optional.empty();
        }

        /**
         * What PyTorch gave each twin, by case; null if this Python (and the next) cannot import torch. What a twin
         * that fails raised is in {@link #ERRORS}.
         */
        Map<String, Values> values() throws IOException, InterruptedException {
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return next();
            }
            JsonObject result = JsonParser.parseString(new String(out, StandardCharsets.UTF_8)).getAsJsonObject();
            if (result.get("torch").isJsonNull()) {
                return next();
            }
            torchVersion = result.get("torch").getAsString();
            Map<String, Values> values = new LinkedHashMap<>();
            for (JsonObject entry : manifest) {
                String name = entry.get("name").getAsString();
                JsonObject got = result.getAsJsonObject("cases").getAsJsonObject(name);
                if (got.has("error")) {
                    ERRORS.put(name, got.get("error").getAsString());
                    continue;
                }
                List<Long> steps = entry.getAsJsonArray("steps").asList().stream().map(JsonElement::getAsLong)
                        .toList();
                Map<String, List<String>> columns = new LinkedHashMap<>();
                columns.put("lr", strings(got.getAsJsonArray("lr")));
                if (entry.get("momentum").getAsBoolean()) {
                    columns.put("momentum", strings(got.getAsJsonArray("momentum")));
                }
                for (String function : got.getAsJsonObject("functions").keySet()) {
                    columns.put("f:" + function, strings(got.getAsJsonObject("functions").getAsJsonArray(function)));
                }
                if (entry.has("metrics")) {
                    columns.put("metric", steps.stream().map(s -> entry.getAsJsonArray("metrics").get((int) (long) s)
                            .getAsString()).toList());
                }
                values.put(name, new Values(steps, columns));
            }
            return values;
        }

        private Map<String, Values> next() throws IOException, InterruptedException {
            Optional<Run> next = python + 1 < PYTHONS.size() ? start(manifest, python + 1) : Optional.empty();
            return next.isEmpty() ? null : next.get().values();
        }
    }

    private static List<String> strings(JsonArray array) {
        return array.asList().stream().map(JsonElement::getAsString).toList();
    }

    /** A case's values as a CSV: {@code step}, then each column, as Python printed each value. */
    private static String csv(Values values) {
        StringBuilder csv = new StringBuilder("step," + String.join(",", values.columns().keySet()) + "\n");
        for (int row = 0; row < values.steps().size(); row++) {
            csv.append(values.steps().get(row));
            for (List<String> column : values.columns().values()) {
                csv.append(',').append(column.get(row));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    private static Values readValues(String name) throws IOException {
        try (BufferedReader reader = reader(resource(name + ".csv"))) {
            List<String> header = List.of(reader.readLine().split(","));
            List<Long> steps = new ArrayList<>();
            Map<String, List<String>> columns = new LinkedHashMap<>();
            header.subList(1, header.size()).forEach(h -> columns.put(h, new ArrayList<>()));
            reader.lines().map(line -> line.split(",")).forEach(cells -> {
                steps.add(Long.parseLong(cells[0]));
                for (int i = 1; i < cells.length; i++) {
                    columns.get(header.get(i)).add(cells[i]);
                }
            });
            return new Values(steps, columns);
        }
    }

    private static boolean isPlateau(Case c) {
        return c.annotation().startsWith("@PlateauSchedule");
    }

    private static String generatedName(Case c) {
        return className(c.name()) + (isPlateau(c) ? "PlateauLr" : "StepLr");
    }

    private static String className(String caseName) {
        return PyTorchReferenceTest.className(caseName);
    }

    /** {@code weightDecay} as the twin names its function: {@code weight_decay}. */
    private static String pythonName(String method) {
        return QuantityModel.prefix(method).toLowerCase(Locale.ROOT);
    }

    /** {@code weight_decay} back to {@code weightDecay}. */
    private static String javaName(String function) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char ch : function.toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return name.toString();
    }

    private static InputStream resource(String file) {
        InputStream in = PyTorchTwinTest.class.getResourceAsStream("/twins/" + file);
        if (in == null) {
            throw new IllegalStateException("missing test resource twins/" + file + " (record it with "
                    + "-Dwarmup.recordTwins)");
        }
        return in;
    }

    private static String text(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
