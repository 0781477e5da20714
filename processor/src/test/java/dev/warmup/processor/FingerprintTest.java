package dev.warmup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code fingerprint()}: the first 16 hexadecimal digits of the SHA-256 of the schedule's settings. A base schedule
 * and variants of it, each with one setting changed (classes {@code V<variant>}), compile in one batch: every variant's fingerprint differs from
 * every other's, except the variants that change nothing of the schedule (the generated class's name, a default
 * written out), whose fingerprint is the base's.
 */
class FingerprintTest {

    private static final String BASE = "@WarmupSchedule(steps = 100, initLr = 0.1, decay = Decay.EXP, gamma = 0.99,"
            + " stepSize = 10, minLr = 1e-3)";

    /** Variants of the base, each one change; the base itself first. */
    private static final Map<String, String> VARIANTS = new LinkedHashMap<>();

    static {
        VARIANTS.put("Base", BASE);
        VARIANTS.put("Steps", BASE.replace("steps = 100", "steps = 101"));
        VARIANTS.put("InitLr", BASE.replace("initLr = 0.1", "initLr = 0.10000000000000002"));
        VARIANTS.put("StartLr", BASE.replace("initLr = 0.1,", "initLr = 0.1, startLr = 1e-4,"));
        VARIANTS.put("Warmup", BASE.replace("initLr = 0.1,", "initLr = 0.1, warmup = Warmup.CONSTANT,"
                + " startLr = 1e-4,"));
        VARIANTS.put("Decay", BASE.replace("decay = Decay.EXP", "decay = Decay.STEP"));
        VARIANTS.put("Gamma", BASE.replace("gamma = 0.99", "gamma = 0.98"));
        VARIANTS.put("StepSize", BASE.replace("stepSize = 10", "stepSize = 11"));
        VARIANTS.put("Floor", BASE.replace("minLr = 1e-3", "minLr = 2e-3"));
        VARIANTS.put("NoFloor", BASE.replace(", minLr = 1e-3", ""));
        VARIANTS.put("Epochs", BASE + "\n@Epochs(stepsPerEpoch = 50)");
        VARIANTS.put("EpochsLonger", BASE + "\n@Epochs(stepsPerEpoch = 51)");
        VARIANTS.put("EveryUpdate", BASE + "\n@Epochs(stepsPerEpoch = 50, everyUpdate = true)");
        VARIANTS.put("Untuned", BASE + "\n@UntunedWarmup(UntunedRule.LINEAR)");
        VARIANTS.put("Quantity", BASE + "\n@Quantity(kind = QuantityKind.WEIGHT_DECAY, shape = PhaseShape.COSINE,"
                + " start = 0.04, end = 0.4, steps = 5000)");
        VARIANTS.put("QuantityEnd", BASE + "\n@Quantity(kind = QuantityKind.WEIGHT_DECAY, shape = PhaseShape.COSINE,"
                + " start = 0.04, end = 0.41, steps = 5000)");
        VARIANTS.put("Phased", "@PhasedSchedule(phases = {@Phase(steps = 100, shape = PhaseShape.LINEAR, endLr = 0.1),"
                + " @Phase(steps = 900, shape = PhaseShape.COSINE, endLr = 1e-3)})");
        VARIANTS.put("PhasedEnd", "@PhasedSchedule(phases = {@Phase(steps = 100, shape = PhaseShape.LINEAR,"
                + " endLr = 0.1), @Phase(steps = 900, shape = PhaseShape.COSINE, endLr = 2e-3)})");
        VARIANTS.put("OneCycle", "@OneCycleSchedule(maxLr = 0.1, totalSteps = 1000)");
        VARIANTS.put("OneCycleMomentum", "@OneCycleSchedule(maxLr = 0.1, totalSteps = 1000, maxMomentum = 0.96)");
        // two quantities, then the same two with their names swapped: other methods, another schedule
        String named = "\n@Quantity(kind = QuantityKind.OTHER, name = \"%s\", shape = PhaseShape.LINEAR, start = 0.1,"
                + " end = 0.2, steps = 10)\n@Quantity(kind = QuantityKind.OTHER, name = \"%s\","
                + " shape = PhaseShape.LINEAR, start = 0.9, end = 0.8, steps = 10)";
        VARIANTS.put("Quantities", BASE + String.format(named, "a", "b"));
        VARIANTS.put("QuantitiesSwapped", BASE + String.format(named, "b", "a"));
    }

    /** Variants that change nothing of the schedule: the base's fingerprint. */
    private static final Map<String, String> SAME = Map.of(
            "Named", BASE.replace("minLr = 1e-3)", "minLr = 1e-3, name = \"Renamed\")"),
            "LinearWrittenOut", BASE.replace("initLr = 0.1,", "initLr = 0.1, warmup = Warmup.LINEAR,"));

    private static Map<String, String> fingerprints;

    @BeforeAll
    static void compile() {
        fingerprints = fingerprintsOf(compileAll());
    }

    private static Compilation compileAll() {
        Map<String, String> all = new LinkedHashMap<>(VARIANTS);
        all.putAll(SAME);
        List<JavaFileObject> sources = all.entrySet().stream().map(e -> JavaFileObjects.forSourceString(
                "f.V" + e.getKey(), "package f;\nimport dev.warmup.*;\n" + e.getValue() + "\nfinal class V"
                        + e.getKey() + " {}\n")).toList();
        Compilation compilation = Compiler.compile(sources.toArray(JavaFileObject[]::new));
        assertThat(compilation).succeeded();
        return compilation;
    }

    private static Map<String, String> fingerprintsOf(Compilation compilation) {
        Compiler.Loader loader = new Compiler.Loader(compilation);
        Map<String, String> result = new HashMap<>();
        for (String name : VARIANTS.keySet()) {
            result.put(name, loader.schedule("f.V" + name + "StepLr").fingerprint());
        }
        result.put("Named", loader.schedule("f.Renamed").fingerprint());
        result.put("LinearWrittenOut", loader.schedule("f.VLinearWrittenOutStepLr").fingerprint());
        return result;
    }

    @Test
    void everyChangedSettingGivesAnotherFingerprint() {
        Map<String, String> seen = new HashMap<>();
        for (String name : VARIANTS.keySet()) {
            String fingerprint = fingerprints.get(name);
            assertTrue(fingerprint.matches("[0-9a-f]{16}"), name + ": " + fingerprint);
            String before = seen.put(fingerprint, name);
            assertEquals(null, before, name + " and " + before + " have the same fingerprint " + fingerprint);
        }
    }

    @Test
    void theNameAndADefaultWrittenOutChangeNothing() {
        for (String name : SAME.keySet()) {
            assertEquals(fingerprints.get("Base"), fingerprints.get(name), name);
        }
    }

    /**
     * The fingerprint is SHA-256 of every attribute of the annotation, in declaration order, defaults included and the
     * name left out: computed here from that text (from build to build, the goldens pin the bytes).
     */
    @Test
    void theFingerprintIsTheHashOfTheSettings() throws Exception {
        String settings = "@WarmupSchedule(steps = 100, initLr = 0.1, batchSize = 0, referenceBatchSize = 0,"
                + " warmup = Warmup.LINEAR, startLr = 0.0, decay = Decay.EXP, gamma = 0.99, stepSize = 10,"
                + " milestones = {}, totalSteps = 0, minLr = 0.001, cycles = NaN, power = 1.0)";
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(settings.getBytes(StandardCharsets.UTF_8));
        assertEquals(HexFormat.of().formatHex(digest).substring(0, 16), fingerprints.get("Base"));
    }
}
