package dev.warmup.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.warmup.StepLr;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** The generated class as source and as a class: its text, its determinism, its names and its shape. */
class GeneratedSourceTest {

    private static final JavaFileObject CIFAR10 = JavaFileObjects.forSourceLines("p.Cifar10",
            "package p;",
            "import dev.warmup.Decay;",
            "import dev.warmup.WarmupSchedule;",
            "@WarmupSchedule(steps = 2500, initLr = 0.1, decay = Decay.EXP, gamma = 0.9999)",
            "final class Cifar10 {}");

    /** The design card's example, as reviewed in {@code src/test/resources/golden/Cifar10StepLr.java}. */
    @Test
    void designCardGeneratesTheReviewedSource() throws IOException {
        assertGeneratesTheGolden(CIFAR10, "Cifar10StepLr");
    }

    /** Hugging Face's warmup-stable-decay as phases, as reviewed in {@code golden/WsdStepLr.java}. */
    private static final JavaFileObject WSD = JavaFileObjects.forSourceLines("p.Wsd",
            "package p;",
            "import dev.warmup.*;",
            "@PhasedSchedule(phases = {",
            "        @Phase(steps = 1000, shape = PhaseShape.LINEAR, endLr = 1e-3),",
            "        @Phase(steps = 7000, shape = PhaseShape.CONSTANT, endLr = 1e-3),",
            "        @Phase(steps = 2000, shape = PhaseShape.LINEAR, endLr = 0.0)})",
            "final class Wsd {}");

    @Test
    void warmupStableDecayGeneratesTheReviewedSource() throws IOException {
        assertGeneratesTheGolden(WSD, "WsdStepLr");
    }

    /** PyTorch's {@code OneCycleLR}, three phases, as reviewed in {@code golden/OneCycleStepLr.java}. */
    @Test
    void oneCycleGeneratesTheReviewedSource() throws IOException {
        assertGeneratesTheGolden(JavaFileObjects.forSourceLines("p.OneCycle",
                "package p;",
                "import dev.warmup.*;",
                "@OneCycleSchedule(maxLr = 0.1, totalSteps = 1001, pctStart = 0.25, threePhase = true)",
                "final class OneCycle {}"), "OneCycleStepLr");
    }

    /**
     * DINO's three schedules, the rate and two {@code @Quantity} beside it, with the ND4J adapter's nested schedules
     * left out (no ND4J here), as reviewed in {@code golden/DinoStepLr.java}.
     */
    @Test
    void quantitiesGenerateTheReviewedSource() throws IOException {
        assertGeneratesTheGolden(JavaFileObjects.forSourceLines("p.Dino",
                "package p;",
                "import dev.warmup.*;",
                "@WarmupSchedule(steps = 500, initLr = 5e-4, decay = Decay.COSINE, totalSteps = 5000, minLr = 1e-6)",
                "@Quantity(kind = QuantityKind.WEIGHT_DECAY, shape = PhaseShape.COSINE, start = 0.04, end = 0.4,"
                        + " steps = 5000)",
                "@Quantity(kind = QuantityKind.MOMENTUM, name = \"teacherMomentum\", shape = PhaseShape.COSINE,"
                        + " start = 0.996, end = 1.0, steps = 5000)",
                "final class Dino {}"), "DinoStepLr");
    }

    /**
     * timm's {@code CosineLRScheduler(t_initial=100, lr_min=1e-5, cycle_decay=0.5, cycle_limit=3, warmup_t=5,
     * warmup_lr_init=1e-4)} stepped per update, without warmup_prefix, as reviewed in {@code golden/TimmStepLr.java}.
     */
    @Test
    void restartsAsTimmHasThemGenerateTheReviewedSource() throws IOException {
        assertGeneratesTheGolden(JavaFileObjects.forSourceLines("p.Timm",
                "package p;",
                "import dev.warmup.*;",
                "@WarmRestartsSchedule(baseLr = 0.1, t0 = 100, etaMin = 1e-5, peakDecay = 0.5, cycles = 3,"
                        + " warmupSteps = 5, startLr = 1e-4, warmupPrefix = false)",
                "final class Timm {}"), "TimmStepLr");
    }

    /**
     * A learning-rate range test beside the schedule whose peak it is to find, as reviewed in
     * {@code golden/DigitsLrRange.java} (the schedule's own class is as without it).
     */
    @Test
    void rangeTestGeneratesTheReviewedSource() throws IOException {
        assertGeneratesTheGolden(JavaFileObjects.forSourceLines("p.Digits",
                "package p;",
                "import dev.warmup.*;",
                "@WarmupSchedule(steps = 80, initLr = 0.2, decay = Decay.MULTISTEP, milestones = {100, 150})",
                "@LrRangeTest(startLr = 1e-5, endLr = 10, steps = 100)",
                "final class Digits {}"), "DigitsLrRange");
    }

    /** PyTorch's {@code CyclicLR} in mode exp_range, as reviewed in {@code golden/ClrStepLr.java}. */
    @Test
    void cyclicGeneratesTheReviewedSource() throws IOException {
        assertGeneratesTheGolden(JavaFileObjects.forSourceLines("p.Clr",
                "package p;",
                "import dev.warmup.*;",
                "@CyclicSchedule(baseLr = 0.001, maxLr = 0.1, mode = CyclicMode.EXP_RANGE, gamma = 0.9999)",
                "final class Clr {}"), "ClrStepLr");
    }

    /** SGDR with a linear warmup and cycles tripling, as reviewed in {@code golden/SgdrStepLr.java}. */
    @Test
    void warmRestartsGeneratesTheReviewedSource() throws IOException {
        assertGeneratesTheGolden(JavaFileObjects.forSourceLines("p.Sgdr",
                "package p;",
                "import dev.warmup.*;",
                "@WarmRestartsSchedule(baseLr = 0.1, t0 = 10, tMult = 3, warmupSteps = 5, startLr = 0.01)",
                "final class Sgdr {}"), "SgdrStepLr");
    }

    /**
     * Keras's {@code CosineDecayRestarts(0.1, 100, t_mul=1.5, m_mul=0.8, alpha=0.01)}: cycles 1.5 times longer each,
     * found at run time, as reviewed in {@code golden/KerasStepLr.java}.
     */
    @Test
    void restartsOfAFactorNotWholeGenerateTheReviewedSource() throws IOException {
        assertGeneratesTheGolden(JavaFileObjects.forSourceLines("p.Keras",
                "package p;",
                "import dev.warmup.*;",
                "@WarmRestartsSchedule(baseLr = 0.1, t0 = 100, tMult = 1.5, heightDecay = 0.8, etaMin = 0.01 * 0.1)",
                "final class Keras {}"), "KerasStepLr");
    }

    /**
     * Optax's {@code exponential_decay(0.1, 1000, 0.5, transition_begin=200, end_value=0.01)}: a decay to a floor,
     * as reviewed in {@code golden/OptaxStepLr.java}.
     */
    @Test
    void decayToAFloorGeneratesTheReviewedSource() throws IOException {
        assertGeneratesTheGolden(JavaFileObjects.forSourceLines("p.Optax",
                "package p;",
                "import dev.warmup.*;",
                "@WarmupSchedule(steps = 200, warmup = Warmup.CONSTANT, startLr = 0.1, initLr = 0.1,",
                "        decay = Decay.EXP, gamma = 0.5, stepSize = 1000, minLr = 0.01)",
                "final class Optax {}"), "OptaxStepLr");
    }

    /** The warmup_then_plateau reference's schedule, as reviewed in {@code golden/WarmupPlateauPlateauLr.java}. */
    static final JavaFileObject WARMUP_PLATEAU = JavaFileObjects.forSourceLines("p.WarmupPlateau",
            "package p;",
            "import dev.warmup.*;",
            "@PlateauSchedule(initLr = 0.1, factor = 0.3, patience = 10, threshold = 1e-3, cooldown = 5,",
            "        minLr = 1e-5, warmupSteps = 100)",
            "final class WarmupPlateau {}");

    @Test
    void plateauGeneratesTheReviewedSource() throws IOException {
        assertGeneratesTheGolden(WARMUP_PLATEAU, "WarmupPlateauPlateauLr");
    }

    @Test
    void plateauGivesTheSameBytesAndChartForTheSameInput() {
        JavaFileObject max = JavaFileObjects.forSourceLines("p.Accuracy",
                "package p;",
                "import dev.warmup.*;",
                "@PlateauSchedule(initLr = 0.05, mode = PlateauMode.MAX, thresholdMode = ThresholdMode.ABS,",
                "        threshold = 0.001, patience = 2)",
                "final class Accuracy {}");
        Compilation first = Compiler.compile(WARMUP_PLATEAU, max);
        Compilation again = Compiler.compile(max, WARMUP_PLATEAU);
        for (String name : new String[] {"p.WarmupPlateauPlateauLr", "p.AccuracyPlateauLr"}) {
            assertEquals(source(first, name), source(again, name), name);
            String chart = name.substring(2) + ".svg";
            String svg = chart(first, chart);
            assertEquals(svg, chart(again, chart), chart);
            assertTrue(svg.contains(name.substring(2) + ": fastest decay (no improvement after the first"
                    + " evaluation)"), svg);
        }
    }

    private static String chart(Compilation compilation, String file) {
        try {
            return compilation.generatedFile(StandardLocation.SOURCE_OUTPUT, "p", file).orElseThrow()
                    .getCharContent(true).toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** PyTorch's {@code ChainedScheduler} of issue 16, as reviewed in {@code golden/ChainedStepLr.java}. */
    private static final JavaFileObject CHAINED = JavaFileObjects.forSourceLines("p.Chained",
            "package p;",
            "import dev.warmup.*;",
            "@ChainedSchedule(baseLr = 0.1, factors = {",
            "        @Factor(shape = FactorShape.LINEAR, startFactor = 0.01, steps = 1000),",
            "        @Factor(shape = FactorShape.EXP, gamma = 0.999)})",
            "final class Chained {}");

    @Test
    void chainedGeneratesTheReviewedSource() throws IOException {
        assertGeneratesTheGolden(CHAINED, "ChainedStepLr");
    }

    /** RAdam's warmup beside a cosine decay (issue 16), as reviewed in {@code golden/AdamCosineStepLr.java}. */
    @Test
    void untunedWarmupGeneratesTheReviewedSource() throws IOException {
        assertGeneratesTheGolden(JavaFileObjects.forSourceLines("p.AdamCosine",
                "package p;",
                "import dev.warmup.*;",
                "@WarmupSchedule(steps = 0, initLr = 1e-3, decay = Decay.COSINE, totalSteps = 5000)",
                "@UntunedWarmup(UntunedRule.RADAM)",
                "final class AdamCosine {}"), "AdamCosineStepLr");
    }

    /**
     * He et al.'s constant warmup with no decay: its table names the rate each part holds, startLr through the warmup
     * and initLr after it (a constant part holds its end rate, which for these two is the one the user wrote).
     */
    @Test
    void constantPartsNameTheRateTheyHold() {
        String source = source(Compiler.compile(JavaFileObjects.forSourceLines("p.ResNet",
                "package p;",
                "import dev.warmup.*;",
                "@WarmupSchedule(steps = 400, initLr = 0.1, warmup = Warmup.CONSTANT, startLr = 0.01)",
                "final class ResNet {}")), "p.ResNetStepLr");
        assertTrue(source.contains(" * 0 <= t < 400  startLr  START_LR\n * t >= 400      initLr   INIT_LR\n"), source);
        assertTrue(source.contains(" * START_LR      0.01   startLr\n"), source);
        assertTrue(source.contains(" * INIT_LR       0.1    initLr\n"), source);
    }

    /**
     * Generates {@code simpleName} from {@code source} and compares it with its golden. With
     * {@code -Dwarmup.updateGoldens} (e.g. {@code mvn -o -pl processor verify -Dtest=GeneratedSourceTest
     * -Dwarmup.updateGoldens}), it first writes what was generated over the golden in {@code src/test/resources},
     * to be reviewed in the diff.
     */
    private static void assertGeneratesTheGolden(JavaFileObject source, String simpleName) throws IOException {
        Compilation compilation = Compiler.compile(source);
        assertThat(compilation).succeededWithoutWarnings();
        if (!Compiler.isEcj()) {
            // The generated Javadoc is valid HTML and its inline tags are closed, as javadoc checks them.
            assertThat(Compiler.javac("-Xdoclint:all,-missing").withProcessors(new WarmupProcessor()).compile(source))
                    .succeededWithoutWarnings();
        }
        if (System.getProperty("warmup.updateGoldens") != null) {
            Files.writeString(Path.of("src/test/resources/golden", simpleName + ".java"),
                    source(compilation, "p." + simpleName), StandardCharsets.UTF_8);
            return;
        }
        assertThat(compilation).generatedSourceFile("p." + simpleName).contentsAsUtf8String()
                .isEqualTo(golden(simpleName + ".java"));
    }

    @Test
    void newAnnotationsGiveTheSameBytesForTheSameInput() {
        JavaFileObject others = JavaFileObjects.forSourceLines("p.Others",
                "package p;",
                "import dev.warmup.*;",
                "final class Others {",
                "  @OneCycleSchedule(maxLr = 0.1, totalSteps = 1001, pctStart = 0.25, threePhase = true)",
                "  static final class One {}",
                "  @CyclicSchedule(baseLr = 0.001, maxLr = 0.1, mode = CyclicMode.EXP_RANGE, gamma = 0.9999)",
                "  static final class Clr {}",
                "  @WarmRestartsSchedule(baseLr = 0.1, t0 = 10, tMult = 3, warmupSteps = 5, startLr = 0.01)",
                "  @LrRangeTest(steps = 300)",
                "  static final class Sgdr {}",
                "}");
        Compilation first = Compiler.compile(WSD, others, CHAINED);
        Compilation again = Compiler.compile(CHAINED, others, WSD);
        for (String name : new String[] {"p.WsdStepLr", "p.Others_OneStepLr", "p.Others_ClrStepLr",
            "p.Others_SgdrStepLr", "p.Others_SgdrLrRange", "p.ChainedStepLr"}) {
            assertEquals(source(first, name), source(again, name), name);
        }
    }

    @Test
    void sameInputGivesTheSameBytes() {
        JavaFileObject other = JavaFileObjects.forSourceLines("p.Other",
                "package p;",
                "@dev.warmup.WarmupSchedule(steps = 400, initLr = 0.1, warmup = dev.warmup.Warmup.CONSTANT,",
                "    startLr = 0.01, decay = dev.warmup.Decay.MULTISTEP, milestones = {32000, 48000})",
                "final class Other {}");
        String first = source(Compiler.compile(CIFAR10, other), "p.Cifar10StepLr");
        String again = source(Compiler.compile(other, CIFAR10), "p.Cifar10StepLr");
        assertEquals(first, again);
    }

    @Test
    void nestedClassesAreNamedAfterEveryEnclosingClass() {
        Compilation compilation = Compiler.compile(JavaFileObjects.forSourceLines("p.Outer",
                "package p;",
                "import dev.warmup.WarmupSchedule;",
                "public class Outer {",
                "  static class Middle {",
                "    @WarmupSchedule(steps = 10, initLr = 0.5)",
                "    private static final class Inner {}",
                "  }",
                "}"));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.Outer_Middle_InnerStepLr").isNotNull();
        assertEquals(0.25, new Compiler.Loader(compilation).schedule("p.Outer_Middle_InnerStepLr").lr(5));
    }

    @Test
    void genericClassesRecordsAndTheDefaultPackageWork() {
        Compilation compilation = Compiler.compile(
                JavaFileObjects.forSourceLines("p.Generic",
                        "package p;",
                        "@dev.warmup.WarmupSchedule(steps = 4, initLr = 1.0)",
                        "abstract class Generic<T extends Comparable<T>> implements java.util.function.Supplier<T> {}"),
                JavaFileObjects.forSourceLines("p.Run",
                        "package p;",
                        "@dev.warmup.WarmupSchedule(steps = 0, initLr = 0.2)",
                        "record Run(int epochs) {}"),
                JavaFileObjects.forSourceLines("Plain",
                        "@dev.warmup.WarmupSchedule(steps = 8, initLr = 0.4, name = \"PlainSchedule\")",
                        "class Plain {}"));
        assertThat(compilation).succeededWithoutWarnings();
        Compiler.Loader loader = new Compiler.Loader(compilation);
        assertEquals(0.75, loader.schedule("p.GenericStepLr").lr(3));
        assertEquals(0.2, loader.schedule("p.RunStepLr").lr(0));
        assertEquals(0.1, loader.schedule("PlainSchedule").lr(2));
    }

    @Test
    void generatedClassIsFinalStatelessAndHasOneInstance() throws ReflectiveOperationException {
        Compilation compilation = Compiler.compile(CIFAR10);
        Class<?> type = new Compiler.Loader(compilation).loadClass("p.Cifar10StepLr");
        assertTrue(Modifier.isPublic(type.getModifiers()) && Modifier.isFinal(type.getModifiers()));
        assertTrue(StepLr.class.isAssignableFrom(type));
        for (Field field : type.getDeclaredFields()) {
            assertTrue(Modifier.isStatic(field.getModifiers()) && Modifier.isFinal(field.getModifiers()),
                    field + " is state");
        }
        assertEquals(1, type.getDeclaredConstructors().length);
        assertTrue(Modifier.isPrivate(type.getDeclaredConstructors()[0].getModifiers()));
        StepLr schedule = (StepLr) type.getField("INSTANCE").get(null);
        assertEquals(2500, schedule.warmupSteps());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> schedule.lr(-3));
        assertThat(negative).hasMessageThat().contains("-3");
        assertThat(schedule.toString()).contains("initLr = 0.1");
    }

    @Test
    void exponentialDecayUsesAPrecomputedLogarithmNotPow() {
        String source = source(Compiler.compile(CIFAR10), "p.Cifar10StepLr");
        assertThat(source).doesNotContain("Math.pow");
        assertThat(source).doesNotContain("Math.log");
        assertThat(source).contains("return INIT_LR * Math.exp(DECAY_LOG_GAMMA * (step - WARMUP_STEPS));");
    }

    @Test
    void manyMilestonesBecomeABinarySearchOverConstantArrays() {
        StringBuilder milestones = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            milestones.append(i == 1 ? "" : ", ").append(i * 100);
        }
        Compilation compilation = Compiler.compile(JavaFileObjects.forSourceLines("p.Many",
                "package p;",
                "@dev.warmup.WarmupSchedule(steps = 50, initLr = 1.0, decay = dev.warmup.Decay.MULTISTEP,",
                "    gamma = 0.5, milestones = {" + milestones + "})",
                "final class Many {}"));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(source(compilation, "p.ManyStepLr")).contains("binarySearch(MILESTONES, step)");
        StepLr schedule = new Compiler.Loader(compilation).schedule("p.ManyStepLr");
        assertEquals(1.0, schedule.lr(99));
        assertEquals(0.5, schedule.lr(100));
        assertEquals(0.5, schedule.lr(199));
        assertEquals(0.125, schedule.lr(350));
        assertEquals(Math.scalb(1.0, -20), schedule.lr(2000));
        assertEquals(Math.scalb(1.0, -20), schedule.lr(Long.MAX_VALUE));
    }

    /**
     * The PyTorch twin is a resource beside the class, in the class output (so in the jar), under both compilers, with
     * the text the class Javadoc shows.
     */
    @Test
    void thePyTorchTwinIsAResourceBesideTheClass() throws IOException {
        Compilation compilation = Compiler.compile(CIFAR10);
        String twin = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "p", "Cifar10StepLr.py").orElseThrow()
                .getCharContent(false).toString();
        assertThat(twin).startsWith("# PyTorch 1.13 twin of p.Cifar10StepLr");
        assertThat(twin).contains("scheduler = SequentialLR(optimizer, schedulers=[warmup, decay], milestones=[2500])");
        String javadoc = twin.lines().map(line -> line.isEmpty() ? " *\n" : " * " + line + "\n")
                .collect(java.util.stream.Collectors.joining());
        assertThat(source(compilation, "p.Cifar10StepLr")).contains("<pre>{@code\n" + javadoc + " * }</pre>");
    }

    @Test
    void generatedSourceCarriesTheGeneratedAnnotationAndNoNonFiniteLiteral() {
        String source = source(Compiler.compile(CIFAR10), "p.Cifar10StepLr");
        assertThat(source).contains("@Generated(");
        assertThat(source).contains("value = \"dev.warmup.processor.WarmupProcessor\"");
        assertThat(source).doesNotContain("Infinity");
        assertThat(source).doesNotContain("NaN");
    }

    private static String source(Compilation compilation, String className) {
        try {
            return compilation.generatedFile(StandardLocation.SOURCE_OUTPUT, className.replace('.', '/') + ".java")
                    .orElseThrow().getCharContent(false).toString();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** docs/generated-code.md shows the design card's generated class as it is: its listing is the golden. */
    @Test
    void theDocsListTheGeneratedClassAsItIs() throws IOException {
        String page = Files.readString(Path.of("..", "docs", "generated-code.md"));
        int start = page.indexOf("```java\n") + "```java\n".length();
        assertEquals(golden("Cifar10StepLr.java"), page.substring(start, page.indexOf("```", start)),
                "docs/generated-code.md's listing differs from golden/Cifar10StepLr.java: copy the golden into it");
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = GeneratedSourceTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
