package dev.warmup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The schedule lint: each class of one compilation (under javac, and under ECJ in the build's second run) has a
 * schedule that is wrong for its {@code @RunLength}, or for its own end, in one way; its warnings must be exactly
 * the expected ones, each on the attribute at fault (the text the diagnostic starts at), under its key, with what it
 * saw and what to write. {@code @SuppressWarnings} silences all of them or one key; {@code -Werror} fails the build.
 */
class LintTest {

    /** A class's annotations, and the warnings expected on it: key, the source text it points at, a fragment. */
    private record Case(String annotations, List<Expected> warnings) {}

    private record Expected(String key, String at, String fragment) {}

    /**
     * Where the warning starts in {@code source}: javac places it on the value ({@code at}), an element of an array
     * included; ECJ on the attribute's name ({@code totalSteps = 700}), and an element on its array's. Both place it
     * on a nested annotation ({@code @Phase(...)}).
     */
    private static int expectedStart(String source, String at) {
        int value = source.indexOf(at);
        if (!Compiler.isEcj() || at.startsWith("@")) {
            return value;
        }
        java.util.regex.Matcher attribute = java.util.regex.Pattern.compile("\\w+ = ").matcher(source);
        int start = -1;
        while (attribute.find() && attribute.start() < value) {
            start = attribute.start();
        }
        return start;
    }

    private static final Map<String, Case> CASES = new LinkedHashMap<>();

    private static Case of(String annotations, Expected... warnings) {
        return new Case(annotations, List.of(warnings));
    }

    private static Expected warning(String key, String at, String fragment) {
        return new Expected("warmup:" + key, at, fragment);
    }

    static {
        // a milestone placed at the run's end to switch the last drop off
        CASES.put("PastEnd", of("@WarmupSchedule(steps = 500, initLr = 0.1, decay = Decay.MULTISTEP,"
                + " milestones = {30_000, 60_000, 90_000})\n@RunLength(90_000)",
                warning("past-end", "90_000}", "milestone 90000 starts at step 90000, at or past the end of the run"
                        + " (@RunLength(90000)), so it never takes effect; write milestones below 90000")));
        // a cosine that ends at step 700 of a 1000-step run: 30 % at its floor
        CASES.put("Floor", of("@WarmupSchedule(steps = 50, initLr = 0.1, decay = Decay.COSINE, totalSteps = 700,"
                + " minLr = 1e-5)\n@RunLength(1000)",
                warning("floor", "700,", "the rate reaches its final 1.0E-5 at step 700 and holds it for the last 300"
                        + " steps of the run (@RunLength(1000)), 30 % of it (more than 20 %): stretch the schedule to"
                        + " end at step 1000")));
        // a warmup of 40 % of the run
        CASES.put("LongWarmup", of("@WarmupSchedule(steps = 400, initLr = 0.1, decay = Decay.COSINE,"
                + " totalSteps = 1000)\n@RunLength(1000)",
                warning("long-warmup", "400,", "the warmup lasts 400 steps, 40 % of the run (@RunLength(1000)): a"
                        + " warmup longer than a quarter of the run leaves little of it at the peak rate; warm up for"
                        + " at most 250 steps")));
        // the same, against the schedule's own end when no run length is stated
        CASES.put("LongWarmupOwnEnd", of("@WarmupSchedule(steps = 400, initLr = 0.1, decay = Decay.COSINE,"
                + " totalSteps = 1000)",
                warning("long-warmup", "400,", "the warmup lasts 400 steps, 40 % of the schedule, which ends at step"
                        + " 1000")));
        // 0.9999^2400 = 0.787: the run ends near the peak
        CASES.put("HighEnd", of("@WarmupSchedule(steps = 100, initLr = 0.1, decay = Decay.EXP, gamma = 0.9999)\n"
                + "@RunLength(2500)",
                warning("high-end", "0.9999)", "the rate at the last step of the run (@RunLength(2500)), step 2499, is"
                        + " 0.07867, 79 % of the peak 0.1")));
        // restarts at 0, 100, 300, 700, 1500: a run of 1000 stops 3/8 into the fourth cycle
        CASES.put("CutRestart", of("@WarmRestartsSchedule(baseLr = 0.1, t0 = 100, tMult = 2)\n@RunLength(1000)",
                warning("cut", "100, tMult", "the run ends 38 % into cycle 4 (steps 700 to 1500)")));
        // a cosine decay to step 2000 in a run of 1000
        CASES.put("CutCosine", of("@WarmupSchedule(steps = 100, initLr = 0.1, decay = Decay.COSINE,"
                + " totalSteps = 2000)\n@RunLength(1000)",
                warning("cut", "2000)", "the run ends 47 % into cosine decay (steps 100 to 2000)"),
                warning("", "", "set totalSteps = 1000 to end it with the run")));
        // a cosine phase cut: the warning is on the phase
        CASES.put("CutPhase", of("@PhasedSchedule(phases = {@Phase(shape = PhaseShape.LINEAR, steps = 100,"
                + " endLr = 0.1), @Phase(shape = PhaseShape.COSINE, steps = 1000, endLr = 0)})\n@RunLength(700)",
                warning("cut", "@Phase(shape = PhaseShape.COSINE", "the run ends 60 % into phase 2: cosine 0.1 -> 0.0"
                        + " (steps 100 to 1100)"),
                warning("", "", "make the phase 600 steps long (steps = 600)")));
        CASES.put("CutOneCycle", of("@OneCycleSchedule(maxLr = 0.1, totalSteps = 1000)\n@RunLength(600)",
                warning("cut", "1000)", "the run ends 43 % into phase 2: annealing to the final rate (steps 300 to"
                        + " 1000)")));
        CASES.put("CutCyclic", of("@CyclicSchedule(baseLr = 0.001, maxLr = 0.1, stepSizeUp = 200)\n"
                + "@RunLength(1000)",
                warning("cut", "200)", "the run ends 50 % into cycle 3 (steps 800 to 1200)")));
        // epochs: the schedule's unit; a milestone of a factor
        CASES.put("PastEndEpochs", of("@ChainedSchedule(baseLr = 0.1, factors = {@Factor(shape = FactorShape.LINEAR,"
                + " startFactor = 0.1, steps = 5), @Factor(shape = FactorShape.MULTISTEP, milestones = {30, 60, 80},"
                + " gamma = 0.1)})\n@Epochs(stepsPerEpoch = 50)\n@RunLength(70)",
                warning("past-end", "80}", "factor 2: milestone 80 starts at epoch 80, at or past the end of the run"
                        + " (@RunLength(70))")));
        // lengths in epochs converted to updates: the advice in epochs, as the attribute is written; the warmup is
        // 250 of 5000 updates, the run 3000: (3000 - 250) / (5000 - 250) = 58 %
        CASES.put("CutEveryUpdate", of("@WarmupSchedule(steps = 5, initLr = 0.1, decay = Decay.COSINE, totalSteps = 100)"
                + "\n@Epochs(stepsPerEpoch = 50, everyUpdate = true)\n@RunLength(60)",
                warning("cut", "100)", "the run ends 58 % into cosine decay"),
                warning("", "", "set totalSteps = 60 to end it with the run, or train to step 5000")));
        // a warmup to a rate held for good, and the classic multi-step chain (5 warmup epochs, drops at 150 and 225 of
        // 300): nothing is wrong with either
        CASES.put("ConstantAfterWarmup", of("@WarmupSchedule(steps = 500, initLr = 0.1)\n@RunLength(10_000)"));
        CASES.put("ChainedMultiStep", of("@ChainedSchedule(baseLr = 0.1, factors = {@Factor(shape = FactorShape.LINEAR,"
                + " startFactor = 0.1, steps = 5), @Factor(shape = FactorShape.MULTISTEP, milestones = {150, 225},"
                + " gamma = 0.1)})\n@Epochs(stepsPerEpoch = 391)\n@RunLength(300)"));
        // a schedule that fits its run: no warning
        CASES.put("Fits", of("@WarmupSchedule(steps = 50, initLr = 0.1, decay = Decay.COSINE, totalSteps = 1000)\n"
                + "@RunLength(1000)"));
        CASES.put("FitsRestarts", of("@WarmRestartsSchedule(baseLr = 0.1, t0 = 100, tMult = 2)\n@RunLength(1500)"));
        // silenced: every key, or one
        CASES.put("SuppressedAll", of("@SuppressWarnings(\"warmup\")\n@WarmupSchedule(steps = 500, initLr = 0.1,"
                + " decay = Decay.MULTISTEP, milestones = {600, 900})\n@RunLength(900)"));
        CASES.put("SuppressedOne", of("@SuppressWarnings(\"warmup:past-end\")\n@WarmupSchedule(steps = 400,"
                + " initLr = 0.1, decay = Decay.MULTISTEP, milestones = {600, 1000})\n@RunLength(1000)",
                warning("long-warmup", "400,", "the warmup lasts 400 steps")));
    }

    private static Compilation compilation;
    private static final Map<String, String> SOURCES = new LinkedHashMap<>();

    @BeforeAll
    static void compile() {
        List<JavaFileObject> files = new ArrayList<>();
        CASES.forEach((name, c) -> {
            String source = "package l;\nimport dev.warmup.*;\n" + c.annotations() + "\nfinal class " + name + " {}\n";
            SOURCES.put(name, source);
            files.add(JavaFileObjects.forSourceString("l." + name, source));
        });
        compilation = Compiler.compile(files.toArray(JavaFileObject[]::new));
        assertThat(compilation).succeeded();
    }

    /** The processor's lint warnings on the class {@code name}. */
    private static List<Diagnostic<? extends JavaFileObject>> lintWarnings(String name) {
        return compilation.diagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.WARNING && d.getSource() != null
                        && d.getSource().getName().endsWith("/" + name + ".java")
                        && d.getMessage(Locale.ROOT).startsWith("[warmup:"))
                .toList();
    }

    @Test
    void eachCaseHasItsWarningsOnTheAttributeAtFault() {
        for (Map.Entry<String, Case> entry : CASES.entrySet()) {
            String name = entry.getKey();
            List<Expected> expected = entry.getValue().warnings().stream().filter(e -> !e.at().isEmpty()).toList();
            List<Diagnostic<? extends JavaFileObject>> warnings = lintWarnings(name);
            assertEquals(expected.size(), warnings.size(), () -> name + ": " + warnings.stream()
                    .map(d -> d.getMessage(Locale.ROOT)).collect(Collectors.joining("\n")));
            String source = SOURCES.get(name);
            for (Expected e : expected) {
                Diagnostic<? extends JavaFileObject> found = warnings.stream()
                        .filter(d -> d.getMessage(Locale.ROOT).startsWith("[" + e.key() + "] ")).findFirst()
                        .orElseThrow(() -> new AssertionError(name + ": no " + e.key() + " warning"));
                String message = found.getMessage(Locale.ROOT);
                assertTrue(message.contains(e.fragment()), () -> name + ": " + message);
                assertTrue(source.indexOf(e.at()) >= 0 && source.indexOf(e.at(), source.indexOf(e.at()) + 1) < 0,
                        name + ": " + e.at() + " is unique");
                long at = expectedStart(source, e.at());
                assertEquals(at, found.getStartPosition(), () -> name + ": " + message + " at "
                        + source.substring((int) found.getStartPosition()));
            }
            // fragments of the same warning, written apart for reading
            for (Expected e : entry.getValue().warnings()) {
                if (e.at().isEmpty()) {
                    assertTrue(warnings.stream().anyMatch(d -> d.getMessage(Locale.ROOT).contains(e.fragment())),
                            name + ": " + e.fragment());
                }
            }
        }
    }

    /** javac's {@code -Werror} (ECJ, through the compiler API, takes no such option). */
    @Test
    void werrorMakesALintWarningFailTheBuild() {
        String source = "package l;\nimport dev.warmup.*;\n" + CASES.get("PastEnd").annotations()
                + "\nfinal class PastEnd {}\n";
        Compilation failed = Compiler.javac("-Werror").withProcessors(new WarmupProcessor())
                .compile(JavaFileObjects.forSourceString("l.PastEnd", source));
        assertThat(failed).failed();
        assertThat(failed).hadWarningContaining("[warmup:past-end] milestone 90000 starts at step 90000");
    }

    @Test
    void runLengthMustBePositiveAndBesideASchedule() {
        Compilation zero = Compiler.compile(JavaFileObjects.forSourceString("l.Zero", "package l;\n"
                + "import dev.warmup.*;\n@WarmupSchedule(steps = 10, initLr = 0.1)\n@RunLength(0)\nfinal class Zero {}\n"));
        assertThat(zero).hadErrorContaining("value = 0 is not allowed: the run's length (@RunLength) must be > 0 steps");
        Compilation plateau = Compiler.compile(JavaFileObjects.forSourceString("l.P", "package l;\n"
                + "import dev.warmup.*;\n@PlateauSchedule(initLr = 0.1)\n@RunLength(100)\nfinal class P {}\n"));
        assertThat(plateau).hadErrorContaining("@RunLength is not supported with @PlateauSchedule");
        Compilation alone = Compiler.compile(JavaFileObjects.forSourceString("l.A", "package l;\n"
                + "import dev.warmup.*;\n@RunLength(100)\nfinal class A {}\n"));
        assertThat(alone).hadErrorContaining("@RunLength states the run a schedule is checked against, but l.A has no"
                + " schedule annotation");
    }
}
