package dev.warmup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.warmup.StepLr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * {@code @Epochs}: a schedule stepped once an epoch is the same schedule in epochs, read at {@code step /
 * stepsPerEpoch}. Each annotation is compiled twice, alone (its lengths read as steps, standing for epochs) and with
 * {@code @Epochs}, and the second must give, for every update, the first's value at the update's epoch, to the bit;
 * its warmup is the first's times stepsPerEpoch; and with the ND4J adapter, DL4J's epoch argument picks the rate.
 */
class EpochsTest {

    private static final Map<String, String> SCHEDULES = Map.of(
            "Warmup", "@WarmupSchedule(steps = 5, initLr = 0.1, decay = Decay.COSINE, totalSteps = 90, minLr = 1e-4)",
            "Phased", "@PhasedSchedule(phases = {@Phase(steps = 3, shape = PhaseShape.LINEAR, endLr = 0.2),"
                    + " @Phase(steps = 40, shape = PhaseShape.EXPONENTIAL, endLr = 0.002)})",
            "OneCycle", "@OneCycleSchedule(maxLr = 0.1, totalSteps = 30, cycleMomentum = false)",
            "Cyclic", "@CyclicSchedule(baseLr = 0.001, maxLr = 0.1, stepSizeUp = 4, mode = CyclicMode.TRIANGULAR2,"
                    + " cycleMomentum = false)",
            "Restarts", "@WarmRestartsSchedule(baseLr = 0.1, t0 = 10, tMult = 2, etaMin = 1e-3, warmupSteps = 2)",
            "Chained", "@ChainedSchedule(baseLr = 0.1, factors = {@Factor(shape = FactorShape.LINEAR,"
                    + " startFactor = 0.1, steps = 5), @Factor(shape = FactorShape.MULTISTEP, milestones = {30, 60},"
                    + " gamma = 0.1)})");

    private static final long PER_EPOCH = 37;
    private static Compilation compilation;
    private static Compiler.Loader loader;

    @BeforeAll
    static void compile() {
        List<JavaFileObject> sources = new ArrayList<>();
        SCHEDULES.forEach((name, annotation) -> {
            sources.add(JavaFileObjects.forSourceString("p." + name, "package p;\nimport dev.warmup.*;\n" + annotation
                    + "\nfinal class " + name + " {}\n"));
            sources.add(JavaFileObjects.forSourceString("p." + name + "Epochs", "package p;\nimport dev.warmup.*;\n"
                    + annotation + "\n@Epochs(stepsPerEpoch = " + PER_EPOCH + ")\n@Adapters(Framework.ND4J)\n"
                    + "final class " + name + "Epochs {}\n"));
        });
        compilation = Compiler.compile(sources.toArray(JavaFileObject[]::new));
        assertThat(compilation).succeededWithoutWarnings();
        loader = new Compiler.Loader(compilation);
    }

    /**
     * The class Javadoc shows each length in epochs and in updates; the chart is per update, its markers give the
     * schedule's boundary in epochs and the update it falls on.
     */
    @Test
    void theJavadocAndTheChartShowBothUnits() throws IOException {
        String source = compilation.generatedSourceFile("p.WarmupEpochsStepLr").orElseThrow().getCharContent(true)
                .toString();
        assertTrue(source.contains("steps = 5 epochs (185 updates)") && source.contains("totalSteps = 90 epochs"
                + " (3330 updates)"), source);
        String chart = new String(compilation.generatedFile(StandardLocation.SOURCE_OUTPUT, "p",
                "WarmupEpochsStepLr.svg").orElseThrow().openInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // the warmup of 5 epochs ends at update 5 * 37 = 185
        assertTrue(chart.contains("W = 5 (epochs; update 185)"), chart);
    }

    @Test
    void everyUpdateOfAnEpochUsesTheEpochsRate() {
        Random random = new Random(7);
        for (String name : SCHEDULES.keySet()) {
            StepLr inEpochs = loader.schedule("p." + name + "StepLr");
            StepLr perUpdate = loader.schedule("p." + name + "EpochsStepLr");
            List<Long> steps = new ArrayList<>(List.of(0L, 1L, PER_EPOCH - 1, PER_EPOCH, Long.MAX_VALUE));
            for (long step = 0; step < 200 * PER_EPOCH; step++) {
                steps.add(step);
            }
            for (int i = 0; i < 1000; i++) {
                steps.add(random.nextLong() & Long.MAX_VALUE);
            }
            for (long step : steps) {
                assertEquals(Double.doubleToRawLongBits(inEpochs.lr(step / PER_EPOCH)),
                        Double.doubleToRawLongBits(perUpdate.lr(step)), name + " at step " + step);
            }
            assertEquals(inEpochs.warmupSteps() * PER_EPOCH, perUpdate.warmupSteps(), name);
            assertEquals(inEpochs.peakLr(), perUpdate.peakLr(), name);
        }
    }

    /** DL4J's epoch count picks the rate, whatever the iteration: the epoch argument of a per-epoch schedule. */
    @Test
    void nd4jTakesDl4jsEpoch() {
        for (String name : SCHEDULES.keySet()) {
            StepLr inEpochs = loader.schedule("p." + name + "StepLr");
            ISchedule nd4j = (ISchedule) loader.schedule("p." + name + "EpochsStepLr");
            for (int epoch = 0; epoch < 120; epoch++) {
                assertEquals(inEpochs.lr(epoch), nd4j.valueAt(epoch * 1000 + 3, epoch), name + " epoch " + epoch);
                assertEquals(inEpochs.lr(epoch), nd4j.valueAt(0, epoch), name + " epoch " + epoch);
            }
        }
    }
}
