package dev.warmup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.warmup.StepLr;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code @Epochs(everyUpdate = true)}: a schedule whose lengths are stated in epochs and which changes every update is
 * the same schedule with each length multiplied by stepsPerEpoch by hand. Each case is written twice, in epochs with
 * {@code @Epochs} and in updates as a user would convert it, and the two generated classes must give the same bits at
 * every step tried, for the rate and for every other quantity (a cycled momentum, a {@code @Quantity}).
 */
class EpochLengthsTest {

    private static final long PER_EPOCH = 37;

    /** Each case: the annotations in epochs, and the same in updates, every length times 37 by hand. */
    private record Case(String inEpochs, String inUpdates, List<String> methods) {}

    private static final Map<String, Case> CASES = Map.of(
            "Warmup", new Case("@WarmupSchedule(steps = 5, initLr = 0.1, decay = Decay.MULTISTEP,"
                    + " milestones = {30, 60, 80})",
                    "@WarmupSchedule(steps = 185, initLr = 0.1, decay = Decay.MULTISTEP,"
                            + " milestones = {1110, 2220, 2960})", List.of("lr")),
            "WarmupStep", new Case("@WarmupSchedule(steps = 2, initLr = 0.1, decay = Decay.STEP, stepSize = 7)",
                    "@WarmupSchedule(steps = 74, initLr = 0.1, decay = Decay.STEP, stepSize = 259)", List.of("lr")),
            "Cosine", new Case("@WarmupSchedule(steps = 5, initLr = 0.1, decay = Decay.COSINE, totalSteps = 90,"
                    + " minLr = 1e-4)", "@WarmupSchedule(steps = 185, initLr = 0.1, decay = Decay.COSINE,"
                    + " totalSteps = 3330, minLr = 1e-4)", List.of("lr")),
            "Phased", new Case("@PhasedSchedule(phases = {@Phase(steps = 3, shape = PhaseShape.LINEAR, endLr = 0.2),"
                    + " @Phase(steps = 40, shape = PhaseShape.EXPONENTIAL, endLr = 0.002)})",
                    "@PhasedSchedule(phases = {@Phase(steps = 111, shape = PhaseShape.LINEAR, endLr = 0.2),"
                            + " @Phase(steps = 1480, shape = PhaseShape.EXPONENTIAL, endLr = 0.002)})",
                    List.of("lr")),
            "OneCycle", new Case("@OneCycleSchedule(maxLr = 0.1, totalSteps = 30)",
                    "@OneCycleSchedule(maxLr = 0.1, totalSteps = 1110)", List.of("lr", "momentum")),
            "Cyclic", new Case("@CyclicSchedule(baseLr = 0.001, maxLr = 0.1, stepSizeUp = 4, stepSizeDown = 6,"
                    + " mode = CyclicMode.TRIANGULAR2)", "@CyclicSchedule(baseLr = 0.001, maxLr = 0.1,"
                    + " stepSizeUp = 148, stepSizeDown = 222, mode = CyclicMode.TRIANGULAR2)",
                    List.of("lr", "momentum")),
            "CyclicHalf", new Case("@CyclicSchedule(baseLr = 0.001, maxLr = 0.1, stepSizeDown = 3,"
                    + " cycleMomentum = false)", "@CyclicSchedule(baseLr = 0.001, maxLr = 0.1, stepSizeDown = 111,"
                    + " cycleMomentum = false)", List.of("lr")),
            "Restarts", new Case("@WarmRestartsSchedule(baseLr = 0.1, t0 = 10, tMult = 2, etaMin = 1e-3,"
                    + " warmupSteps = 2)", "@WarmRestartsSchedule(baseLr = 0.1, t0 = 370, tMult = 2, etaMin = 1e-3,"
                    + " warmupSteps = 74)", List.of("lr")),
            "Chained", new Case("@ChainedSchedule(baseLr = 0.1, factors = {@Factor(shape = FactorShape.LINEAR,"
                    + " startFactor = 0.1, steps = 5), @Factor(shape = FactorShape.MULTISTEP, milestones = {30, 60},"
                    + " gamma = 0.1), @Factor(shape = FactorShape.STEP, stepSize = 3, gamma = 0.9)})",
                    "@ChainedSchedule(baseLr = 0.1, factors = {@Factor(shape = FactorShape.LINEAR,"
                            + " startFactor = 0.1, steps = 185), @Factor(shape = FactorShape.MULTISTEP,"
                            + " milestones = {1110, 2220}, gamma = 0.1), @Factor(shape = FactorShape.STEP,"
                            + " stepSize = 111, gamma = 0.9)})", List.of("lr")),
            "Quantities", new Case("@WarmupSchedule(steps = 0, initLr = 0.1, decay = Decay.STEP, stepSize = 5)\n@UntunedWarmup(UntunedRule.LINEAR)\n"
                    + "@Quantity(kind = QuantityKind.WEIGHT_DECAY, shape = PhaseShape.COSINE, start = 0.04,"
                    + " end = 0.4, steps = 100)\n@Quantity(kind = QuantityKind.DROPOUT, shape = PhaseShape.CONSTANT,"
                    + " start = 0.1, end = 0.0, steps = 3)",
                    "@WarmupSchedule(steps = 0, initLr = 0.1, decay = Decay.STEP, stepSize = 185)\n@UntunedWarmup(UntunedRule.LINEAR)\n"
                            + "@Quantity(kind = QuantityKind.WEIGHT_DECAY, shape = PhaseShape.COSINE,"
                            + " start = 0.04, end = 0.4, steps = 3700)\n@Quantity(kind = QuantityKind.DROPOUT,"
                            + " shape = PhaseShape.CONSTANT, start = 0.1, end = 0.0, steps = 111)",
                    List.of("lr", "weightDecay", "dropout")));

    private static Compilation compilation;
    private static Compiler.Loader loader;

    @BeforeAll
    static void compile() {
        List<JavaFileObject> sources = new ArrayList<>();
        CASES.forEach((name, c) -> {
            sources.add(JavaFileObjects.forSourceString("p." + name + "Epochs", "package p;\nimport dev.warmup.*;\n"
                    + c.inEpochs() + "\n@Epochs(stepsPerEpoch = " + PER_EPOCH + ", everyUpdate = true)\n"
                    + "final class " + name + "Epochs {}\n"));
            sources.add(JavaFileObjects.forSourceString("p." + name + "Updates", "package p;\nimport dev.warmup.*;\n"
                    + c.inUpdates() + "\nfinal class " + name + "Updates {}\n"));
        });
        compilation = Compiler.compile(sources.toArray(JavaFileObject[]::new));
        assertThat(compilation).succeededWithoutWarnings();
        loader = new Compiler.Loader(compilation);
    }

    static List<String> cases() {
        return CASES.keySet().stream().sorted().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void lengthsInEpochsAreTheLengthsTimesStepsPerEpoch(String name) throws Throwable {
        Case c = CASES.get(name);
        StepLr inEpochs = loader.schedule("p." + name + "EpochsStepLr");
        StepLr inUpdates = loader.schedule("p." + name + "UpdatesStepLr");
        List<Long> steps = new ArrayList<>(List.of(Long.MAX_VALUE));
        for (long step = 0; step < 200 * PER_EPOCH; step++) {
            steps.add(step);
        }
        Random random = new Random(11);
        for (int i = 0; i < 1000; i++) {
            steps.add(random.nextLong() & Long.MAX_VALUE);
        }
        for (String method : c.methods()) {
            MethodHandle epochs = handle(inEpochs, method);
            MethodHandle updates = handle(inUpdates, method);
            for (long step : steps) {
                assertEquals(Double.doubleToRawLongBits((double) updates.invoke(step)),
                        Double.doubleToRawLongBits((double) epochs.invoke(step)), name + "." + method + " at " + step);
            }
        }
        assertEquals(inUpdates.warmupSteps(), inEpochs.warmupSteps(), name);
        assertEquals(inUpdates.peakLr(), inEpochs.peakLr(), name);
    }

    /** The class Javadoc and toString show each length as written, in epochs, and in updates. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theGeneratedClassShowsBothUnits(String name) throws Exception {
        String source = compilation.generatedSourceFile("p." + name + "EpochsStepLr").orElseThrow().getCharContent(
                true).toString();
        assertTrue(source.contains(" epochs (") && source.contains(" updates)"), name + ":\n" + source);
        assertTrue(source.contains("its lengths stated in epochs of 37 updates"), name + ":\n" + source);
        String text = loader.schedule("p." + name + "EpochsStepLr").toString();
        assertTrue(text.contains("@Epochs(stepsPerEpoch = 37, everyUpdate = true)") && text.contains(" epochs ("),
                text);
        String chart = new String(compilation.generatedFile(StandardLocation.SOURCE_OUTPUT, "p",
                name + "EpochsStepLr.svg").orElseThrow().openInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (inEpochsWarmup(name) > 0) {
            assertTrue(chart.contains("(epoch " + inEpochsWarmup(name) + ")"), name + ":\n" + chart);
        }
    }

    /**
     * A length left to its default keeps it, in updates: {@code @CyclicSchedule}'s {@code stepSizeUp} of 2000, as
     * PyTorch's {@code step_size_up}; the {@code stepSizeDown} written is in epochs.
     */
    @Test
    void aDefaultLengthStaysInUpdates() {
        StepLr epochs = loader.schedule("p.CyclicHalfEpochsStepLr");
        // up over 2000 updates from 0.001 to 0.1, then down over 3 epochs of 37 updates
        assertEquals(0.1, epochs.lr(2000), 1e-15);
        assertEquals(0.001 + (0.1 - 0.001) / 2, epochs.lr(1000), 1e-15);
        assertEquals(0.001, epochs.lr(2000 + 111), 1e-15);
        assertTrue(epochs.toString().contains("stepSizeDown = 3 epochs (111 updates)"), epochs.toString());
    }

    /** The warmup in epochs of the cases with one, as written above. */
    private static long inEpochsWarmup(String name) {
        return switch (name) {
            case "Warmup", "Cosine" -> 5;
            case "WarmupStep", "Restarts" -> 2;
            default -> 0;
        };
    }

    private static MethodHandle handle(StepLr schedule, String method) throws ReflectiveOperationException {
        return MethodHandles.publicLookup().findVirtual(schedule.getClass(), method,
                MethodType.methodType(double.class, long.class)).bindTo(schedule);
    }
}
