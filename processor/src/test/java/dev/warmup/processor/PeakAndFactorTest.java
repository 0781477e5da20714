package dev.warmup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.warmup.PlateauLr;
import dev.warmup.StepLr;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code peakLr()} and {@code factor(step)} of every annotation: the peak is the rate the annotation declares (written
 * here from each annotation's attributes), and the factor is the rate over it, PyTorch's {@code LambdaLR} factor, so
 * that a parameter group with base rate b trains with {@code b * factor(step)}.
 */
class PeakAndFactorTest {

    /** Each schedule's annotation, and its peak rate read off it by hand. */
    private static final Map<String, Map.Entry<String, Double>> SCHEDULES = Map.of(
            "Warmup", Map.entry("@WarmupSchedule(steps = 100, initLr = 0.1, decay = Decay.COSINE, totalSteps = 1000)",
                    0.1),
            "Phased", Map.entry("@PhasedSchedule(phases = {@Phase(steps = 10, shape = PhaseShape.LINEAR, endLr = 0.3),"
                    + " @Phase(steps = 90, shape = PhaseShape.COSINE, endLr = 0.01)})", 0.3),
            "OneCycle", Map.entry("@OneCycleSchedule(maxLr = 0.2, totalSteps = 1000)", 0.2),
            "Cyclic", Map.entry("@CyclicSchedule(baseLr = 0.001, maxLr = 0.05, stepSizeUp = 100)", 0.05),
            "Restarts", Map.entry("@WarmRestartsSchedule(baseLr = 0.4, t0 = 100, warmupSteps = 10)", 0.4),
            "Chained", Map.entry("@ChainedSchedule(baseLr = 0.5, factors = {@Factor(shape = FactorShape.LINEAR,"
                    + " startFactor = 0.01, steps = 100), @Factor(shape = FactorShape.EXP, gamma = 0.99)})", 0.5),
            "Untuned", Map.entry("@WarmupSchedule(steps = 0, initLr = 0.003) @UntunedWarmup(UntunedRule.LINEAR)",
                    0.003),
            // the linear scaling rule: the warmup reaches 0.1 * 1024 / 256
            "Scaled", Map.entry("@WarmupSchedule(steps = 100, initLr = 0.1, batchSize = 1024,"
                    + " referenceBatchSize = 256)", 0.4));

    private static Compiler.Loader loader;

    @BeforeAll
    static void compile() {
        List<JavaFileObject> sources = SCHEDULES.entrySet().stream()
                .map(e -> JavaFileObjects.forSourceString("p." + e.getKey(), "package p;\nimport dev.warmup.*;\n"
                        + e.getValue().getKey() + "\nfinal class " + e.getKey() + " {}\n"))
                .toList();
        Compilation compilation = Compiler.compile(sources.toArray(JavaFileObject[]::new));
        assertThat(compilation).succeededWithoutWarnings();
        loader = new Compiler.Loader(compilation);
    }

    static Stream<String> schedules() {
        return SCHEDULES.keySet().stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void peakIsTheDeclaredRateAndTheFactorTheRateOverIt(String name) {
        StepLr schedule = loader.schedule("p." + name + "StepLr");
        double peak = SCHEDULES.get(name).getValue();
        assertEquals(peak, schedule.peakLr(), name);
        for (long step = 0; step < 2000; step += 7) {
            assertEquals(schedule.lr(step) / peak, schedule.factor(step), name + " at step " + step);
        }
        assertThrows(IllegalArgumentException.class, () -> schedule.factor(-1));
    }

    @Test
    void theFactorReachesOneAtThePeak() {
        assertEquals(1.0, loader.schedule("p.WarmupStepLr").factor(100), 1e-15);
        assertEquals(1.0, loader.schedule("p.PhasedStepLr").factor(10), 1e-15);
        assertEquals(1.0, loader.schedule("p.CyclicStepLr").factor(100), 1e-15);
        assertEquals(1.0, loader.schedule("p.RestartsStepLr").factor(10), 1e-15);
    }

    /** Parameter groups with their own peaks, as a layer-wise decay gives them: each its peak times the factor. */
    @Test
    void layerWiseDecayScalesOneSchedule() {
        StepLr schedule = loader.schedule("p.WarmupStepLr");
        double top = 5e-5;
        for (int layer = 0; layer < 12; layer++) {
            double groupPeak = top * Math.pow(0.75, 11 - layer);
            // 0.1 at step 100 is the peak, and half-way down the cosine (step 550) is 0.05: the factor is 1 and 0.5.
            assertEquals(groupPeak, groupPeak * schedule.factor(100), 1e-15 * groupPeak);
            assertEquals(groupPeak * 0.5, groupPeak * schedule.factor(550), 1e-15 * groupPeak);
        }
    }

    @Test
    void aLambdaPeaksAtItsWarmupSteps() {
        StepLr constant = step -> 0.01;
        assertEquals(0.01, constant.peakLr());
        assertEquals(1.0, constant.factor(123));
    }

    @Test
    void plateauIsRelativeToInitLr() throws ReflectiveOperationException {
        Compilation compilation = Compiler.compile(JavaFileObjects.forSourceLines("p.Plateau",
                "package p;",
                "import dev.warmup.*;",
                "@PlateauSchedule(initLr = 0.1, factor = 0.5, patience = 0, warmupSteps = 10)",
                "final class Plateau {}"));
        assertThat(compilation).succeededWithoutWarnings();
        PlateauLr plateau = (PlateauLr) new Compiler.Loader(compilation).loadClass("p.PlateauPlateauLr")
                .getConstructor().newInstance();
        assertEquals(0.1, plateau.peakLr());
        assertEquals(0.5, plateau.factor(5));
        plateau.observe(10, 1.0);
        plateau.observe(11, 2.0);
        assertEquals(0.5, plateau.factor(12));
    }
}
