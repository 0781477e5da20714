package dev.warmup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import ai.djl.training.tracker.Tracker;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.warmup.StepLr;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Constructor;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/**
 * {@code @Adapters}: the generated class against the real framework jars (test scope), through the frameworks' own
 * API where it needs no native engine: DJL's {@code Optimizer.sgd()} builder, ND4J's {@code Sgd} updater and its
 * shaded Jackson. The {@code frameworks} module trains with both engines.
 */
class AdaptersTest {

    private static final JavaFileObject CIFAR10 = JavaFileObjects.forSourceLines("p.Cifar10",
            "package p;",
            "import dev.warmup.*;",
            "@WarmupSchedule(steps = 2500, initLr = 0.1, decay = Decay.EXP, gamma = 0.9999)",
            "@Adapters({Framework.DJL, Framework.ND4J})",
            "final class Cifar10 {}");

    @Test
    void djlTrackerGivesUpdateKTheRateAfterKMinusOneSteps() throws Exception {
        StepLr schedule = compileCifar10();
        Tracker tracker = (Tracker) schedule;

        // DJL's optimizers count updates from 1: the k-th asks for getNewValue(k), and must get lr(k - 1), as the
        // k-th optimizer.step() does in PyTorch. DJL works in float: the rate is lr rounded to float, exactly.
        for (int update = 1; update < 20_000; update += 37) {
            assertEquals((float) schedule.lr(update - 1), tracker.getNewValue(update), "update " + update);
        }
        assertEquals((float) schedule.lr(2499), tracker.getNewValue(2500));
        // 0 is never passed by DJL's optimizers; it reads as before the first update. Negative counts are errors.
        assertEquals((float) schedule.lr(0), tracker.getNewValue(0));
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> tracker.getNewValue(-1));
        assertEquals("numUpdate must be >= 0, was -1", negative.getMessage());
        // As a ParameterTracker (what DJL's optimizer builders take): the same rate for every parameter.
        ParameterTracker perParameter = tracker;
        assertEquals((float) schedule.lr(2499), perParameter.getNewValue("weight", 2500));
        assertEquals((float) schedule.lr(2499), perParameter.getNewValue("bias", 2500));
        Optimizer.sgd().setLearningRateTracker(tracker).build();
    }

    @Test
    void nd4jScheduleCountsIterationsAndSurvivesJavaSerialisationAndJson() throws Exception {
        StepLr schedule = compileCifar10();

        // ND4J counts iterations from 0 (updates done before this one): valueAt(i, epoch) is lr(i) for every epoch,
        // and an updater hands it on.
        ISchedule nd4j = (ISchedule) schedule;
        for (int step = 0; step < 20_000; step += 37) {
            assertEquals(schedule.lr(step), nd4j.valueAt(step, 3), "step " + step);
        }
        assertSame(nd4j, nd4j.clone());
        Sgd updater = new Sgd(nd4j);
        assertEquals(schedule.lr(4000), updater.getLearningRate(4000, 0));

        // Stateless: every instance equals every other, whatever made it (here: reflection, as a deserialiser that
        // bypasses factories would), with one hash code; and nothing else is equal.
        Constructor<?> constructor = schedule.getClass().getDeclaredConstructor();
        constructor.setAccessible(true);
        Object another = constructor.newInstance();
        assertNotSame(schedule, another);
        assertEquals(schedule, another);
        assertEquals(schedule.hashCode(), another.hashCode());
        assertNotEquals(schedule, new MapSchedule(ScheduleType.ITERATION, Map.of(0, 0.1)));
        assertNotEquals(schedule, null);

        // Java serialisation (DL4J's ModelSerializer keeps configurations as JSON, Spark ships them serialised):
        // the one instance comes back.
        assertSame(schedule, ((Sgd) javaSerialised(updater, schedule.getClass().getClassLoader()))
                .getLearningRateSchedule());

        // ND4J's shaded Jackson, which DL4J's configuration JSON goes through: the one instance again, by the
        // generated @JsonCreator, not a new one by the private constructor. Jackson finds the class by the
        // thread's context class loader.
        ObjectMapper mapper = new ObjectMapper();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(schedule.getClass().getClassLoader());
        try {
            String json = mapper.writeValueAsString(new Sgd(nd4j));
            assertTrue(json.contains("\"@class\":\"p.Cifar10StepLr\""), json);
            Sgd restored = mapper.readValue(json, Sgd.class);
            assertSame(schedule, restored.getLearningRateSchedule());
            assertEquals(new Sgd(nd4j), restored);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** {@code @Adapters} beside {@code @ChainedSchedule}: the same adapters over the product of factors. */
    @Test
    void adaptersWorkBesideAChainedSchedule() throws Exception {
        Compilation compilation = Compiler.compile(JavaFileObjects.forSourceLines("p.Chained",
                "package p;",
                "import dev.warmup.*;",
                "@ChainedSchedule(baseLr = 0.1, factors = {",
                "        @Factor(shape = FactorShape.LINEAR, startFactor = 0.01, steps = 1000),",
                "        @Factor(shape = FactorShape.EXP, gamma = 0.999)})",
                "@Adapters({Framework.DJL, Framework.ND4J})",
                "final class Chained {}"));
        assertThat(compilation).succeededWithoutWarnings();
        StepLr schedule = new Compiler.Loader(compilation).schedule("p.ChainedStepLr");
        Tracker tracker = (Tracker) schedule;
        ISchedule nd4j = (ISchedule) schedule;
        for (int update = 1; update < 6000; update += 7) {
            assertEquals((float) schedule.lr(update - 1), tracker.getNewValue(update), "update " + update);
            assertEquals(schedule.lr(update), nd4j.valueAt(update, 0), "iteration " + update);
        }
        // 0.1 * 0.01 at step 0, as ChainedScheduler's first rate (chained_linear_exp_1k.csv, first row)
        assertEquals(0.001, nd4j.valueAt(0, 0), 1e-18);
        Optimizer.sgd().setLearningRateTracker(tracker).build();
        ObjectMapper mapper = new ObjectMapper();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(schedule.getClass().getClassLoader());
        try {
            Sgd restored = mapper.readValue(mapper.writeValueAsString(new Sgd(nd4j)), Sgd.class);
            assertSame(schedule, restored.getLearningRateSchedule());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * A quantity beside the rate gets, with ND4J, a nested {@code ISchedule} of its own: the momentum a one-cycle
     * schedule cycles (for {@code Nesterovs}) and a dropout's retain probability (DL4J's {@code Dropout} takes the
     * probability to keep a unit), stateless, one instance through JSON and Java serialisation.
     */
    @Test
    void nd4jSchedulesEachQuantityInANestedClass() throws Exception {
        Compilation compilation = Compiler.compile(JavaFileObjects.forSourceLines("p.Cycle",
                "package p;",
                "import dev.warmup.*;",
                "@OneCycleSchedule(maxLr = 0.1, totalSteps = 1000)",
                "@Quantity(kind = QuantityKind.DROPOUT, shape = PhaseShape.LINEAR, start = 0.0, end = 0.1,"
                        + " steps = 500)",
                "@Adapters(Framework.ND4J)",
                "final class Cycle {}"));
        assertThat(compilation).succeededWithoutWarnings();
        Compiler.Loader loader = new Compiler.Loader(compilation);
        StepLr schedule = loader.schedule("p.CycleStepLr");
        Class<?> momentumClass = loader.loadClass("p.CycleStepLr$MomentumSchedule");
        ISchedule momentum = (ISchedule) momentumClass.getField("INSTANCE").get(null);
        ISchedule retain = (ISchedule) loader.loadClass("p.CycleStepLr$DropoutSchedule").getField("INSTANCE")
                .get(null);
        java.lang.reflect.Method momentumOf = schedule.getClass().getMethod("momentum", long.class);
        java.lang.reflect.Method dropoutOf = schedule.getClass().getMethod("dropout", long.class);
        for (int step = 0; step < 1200; step += 7) {
            assertEquals((double) momentumOf.invoke(schedule, (long) step), momentum.valueAt(step, 2), "step " + step);
            assertEquals(1 - (double) dropoutOf.invoke(schedule, (long) step), retain.valueAt(step, 2),
                    "step " + step);
        }
        // PyTorch's default momentum at the start of the cycle and at its peak; the dropout after its ramp
        assertEquals(0.95, momentum.valueAt(0, 0));
        assertEquals(0.85, momentum.valueAt(299, 0), 1e-15);
        assertEquals(0.9, retain.valueAt(500, 0));
        assertSame(momentum, momentum.clone());

        Nesterovs updater = new Nesterovs((ISchedule) schedule, momentum);
        assertEquals((double) momentumOf.invoke(schedule, 123L), updater.currentMomentum(123, 0));
        ObjectMapper mapper = new ObjectMapper();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(schedule.getClass().getClassLoader());
        try {
            String json = mapper.writeValueAsString(updater);
            assertTrue(json.contains("\"@class\":\"p.CycleStepLr$MomentumSchedule\""), json);
            Nesterovs restored = mapper.readValue(json, Nesterovs.class);
            assertSame(momentum, restored.getMomentumISchedule());
            assertSame(schedule, restored.getLearningRateSchedule());
        } finally {
            thread.setContextClassLoader(previous);
        }
        assertSame(momentum, ((Nesterovs) javaSerialised(updater, schedule.getClass().getClassLoader()))
                .getMomentumISchedule());
    }

    /** {@code object} through Java serialisation and back, its classes found by {@code loader}. */
    private static Object javaSerialised(Object object, ClassLoader loader) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())) {
            @Override
            protected Class<?> resolveClass(java.io.ObjectStreamClass desc) throws ClassNotFoundException {
                return Class.forName(desc.getName(), false, loader);
            }
        }) {
            return in.readObject();
        }
    }

    private static StepLr compileCifar10() {
        Compilation compilation = Compiler.compile(CIFAR10);
        assertThat(compilation).succeededWithoutWarnings();
        return new Compiler.Loader(compilation).schedule("p.Cifar10StepLr");
    }

    @Test
    void withoutAdaptersNothingOfTheFrameworksIsReferenced() throws Exception {
        Compilation compilation = Compiler.compile(JavaFileObjects.forSourceLines("p.Plain",
                "package p;",
                "@dev.warmup.WarmupSchedule(steps = 10, initLr = 0.1)",
                "final class Plain {}"));
        assertThat(compilation).succeededWithoutWarnings();
        String source = compilation.generatedSourceFile("p.PlainStepLr").orElseThrow().getCharContent(false)
                .toString();
        assertEquals(-1, source.indexOf("ai.djl"));
        assertEquals(-1, source.indexOf("org.nd4j"));
    }

    @Test
    void askingForAFrameworkThatIsNotOnTheClassPathIsAnErrorOnAdapters() throws URISyntaxException {
        // The compile class path of a user's project without ND4J: the annotations only.
        File annotations = new File(StepLr.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Compilation compilation = Compiler.javac().withProcessors(new WarmupProcessor())
                .withClasspath(List.of(annotations))
                .compile(JavaFileObjects.forSourceLines("p.Cifar10",
                        "package p;",
                        "import dev.warmup.*;",
                        "@WarmupSchedule(steps = 2500, initLr = 0.1)",
                        "@Adapters(Framework.ND4J)",
                        "final class Cifar10 {}"));
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("@Adapters: Framework.ND4J needs org.nd4j:nd4j-api on the compile "
                + "class path (org.nd4j.linalg.schedule.ISchedule is not there)")
                .inFile(compilation.sourceFiles().get(0)).onLineContaining("@Adapters(Framework.ND4J)");
        assertThat(compilation).hadErrorCount(1);
    }
}
