package dev.warmup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.warmup.Boundary;
import dev.warmup.StepLr;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code boundaries()} and {@code part(step)} of generated classes: the steps where each part starts, known from the
 * annotation (the warmup's end, the milestones, the restarts {@code t0 * (2^i - 1)}, the cycles of
 * {@code stepSizeUp + stepSizeDown}, epochs times their updates), what starts there, and the rate there.
 */
class BoundariesTest {

    private static Compiler.Loader loader;

    @BeforeAll
    static void compile() {
        Compilation compilation = Compiler.compileWithoutLint(
                source("Warm", "@WarmupSchedule(steps = 2500, initLr = 0.1, decay = Decay.EXP, gamma = 0.9999)"),
                source("Milestones", "@WarmupSchedule(steps = 500, initLr = 0.1, decay = Decay.MULTISTEP,"
                        + " milestones = {30_000, 60_000})"),
                source("Restarts", "@WarmRestartsSchedule(baseLr = 0.1, t0 = 100, tMult = 2)\n@RunLength(1000)"),
                source("Cyclic", "@CyclicSchedule(baseLr = 0.001, maxLr = 0.1, stepSizeUp = 200)"),
                source("ImageNet", "@ChainedSchedule(baseLr = 0.1, factors = {@Factor(shape = FactorShape.LINEAR,"
                        + " startFactor = 0.1, steps = 5), @Factor(shape = FactorShape.MULTISTEP,"
                        + " milestones = {30, 60}, gamma = 0.1)})\n@Epochs(stepsPerEpoch = 50)"),
                // drops of four factors up to a run of 1e9 steps: millions of boundaries, more than a class can list
                source("ManyDrops", "@ChainedSchedule(baseLr = 0.1, factors = {@Factor(shape = FactorShape.STEP,"
                        + " stepSize = 101, gamma = 0.999), @Factor(shape = FactorShape.STEP, stepSize = 103,"
                        + " gamma = 0.999), @Factor(shape = FactorShape.STEP, stepSize = 107, gamma = 0.999),"
                        + " @Factor(shape = FactorShape.STEP, stepSize = 109, gamma = 0.999)})\n"
                        + "@RunLength(1_000_000_000)"));
        assertThat(compilation).succeededWithoutWarnings();
        loader = new Compiler.Loader(compilation);
    }

    private static javax.tools.JavaFileObject source(String name, String annotations) {
        return JavaFileObjects.forSourceString("b." + name, "package b;\nimport dev.warmup.*;\n" + annotations
                + "\nfinal class " + name + " {}\n");
    }

    private static List<Long> steps(StepLr schedule) {
        return schedule.boundaries().stream().map(Boundary::step).toList();
    }

    @Test
    void aWarmupThenADecay() {
        StepLr warm = loader.schedule("b.WarmStepLr");
        assertEquals(List.of(new Boundary(0, "linear warmup", 0.0), new Boundary(2500, "exponential decay", 0.1)),
                warm.boundaries());
        assertEquals(0, warm.part(2499).step());
        assertEquals(2500, warm.part(2500).step());
        assertEquals("exponential decay", warm.part(Long.MAX_VALUE).what());
        assertThrows(IllegalArgumentException.class, () -> warm.part(-1));
    }

    @Test
    void eachMilestoneWithTheRateAfterIt() {
        StepLr milestones = loader.schedule("b.MilestonesStepLr");
        assertEquals(List.of(new Boundary(0, "linear warmup", 0.0), new Boundary(500, "multi-step decay", 0.1),
                new Boundary(30_000, "milestone 30000", 0.1 * 0.1), new Boundary(60_000, "milestone 60000",
                        0.1 * 0.1 * 0.1)), milestones.boundaries());
        assertEquals(500, milestones.part(29_999).step());
        assertEquals("milestone 30000", milestones.part(30_000).what());
    }

    /** Restarts at t0 (2^i - 1): 0, 100, 300, 700, and 1500, the first past the run's 1000 steps. */
    @Test
    void restartsUpToTheRunsEnd() {
        StepLr restarts = loader.schedule("b.RestartsStepLr");
        assertEquals(List.of(0L, 100L, 300L, 700L, 1500L), steps(restarts));
        assertEquals("cycle 4", restarts.part(999).what());
        for (Boundary boundary : restarts.boundaries()) {
            assertEquals(0.1, boundary.lr(), boundary.toString());
        }
    }

    /** Cycles of 400 steps without end: the first 16 repeats after the first cycle. */
    @Test
    void aCyclicScheduleListsItsFirstCycles() {
        StepLr cyclic = loader.schedule("b.CyclicStepLr");
        assertEquals(LongStream.rangeClosed(0, 16).map(i -> 400 * i).boxed().toList(), steps(cyclic));
        assertEquals("cycle 3", cyclic.part(1199).what());
    }

    /** Stepped once an epoch of 50 updates: each boundary at its epoch's first update. */
    @Test
    void epochsAtTheirFirstUpdate() {
        StepLr imageNet = loader.schedule("b.ImageNetStepLr");
        assertEquals(List.of(0L, 250L, 1500L, 3000L), steps(imageNet));
        assertEquals("factor 2: milestone 30 (epoch 30)", imageNet.part(1500).what());
        assertEquals(0.1 * 0.1, imageNet.part(1500).lr());
    }

    /** The first 1,000 boundaries, so that the class's static initialiser fits a method's 64 KB. */
    @Test
    void atMostAThousandBoundaries() {
        StepLr drops = loader.schedule("b.ManyDropsStepLr");
        assertEquals(1000, drops.boundaries().size());
        assertEquals(List.of(0L, 101L, 103L, 107L, 109L, 202L), steps(drops).subList(0, 6));
    }

    @Test
    void aLambdaIsOnePart() {
        StepLr lambda = step -> 0.01;
        assertEquals(List.of(new Boundary(0, "the schedule", 0.01)), lambda.boundaries());
        assertEquals(0, lambda.part(1_000_000).step());
    }
}
