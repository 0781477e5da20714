package dev.warmup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.warmup.StepLr;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URISyntaxException;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * {@code @Adapters}: the generated class against the real framework jars (test scope), through the frameworks' own
 * API where it needs no native engine: DJL's {@code Optimizer.sgd()} builder and ND4J's {@code Sgd} updater.
 */
class AdaptersTest {

    private static final JavaFileObject CIFAR10 = JavaFileObjects.forSourceLines("p.Cifar10",
            "package p;",
            "import dev.warmup.*;",
            "@WarmupSchedule(steps = 2500, initLr = 0.1, decay = Decay.EXP, gamma = 0.9999)",
            "@Adapters({Framework.DJL, Framework.ND4J})",
            "final class Cifar10 {}");

    @Test
    void generatedClassIsADjlTrackerAndAnNd4jSchedule() throws Exception {
        Compilation compilation = Compiler.compile(CIFAR10);
        assertThat(compilation).succeededWithoutWarnings();
        StepLr schedule = new Compiler.Loader(compilation).schedule("p.Cifar10StepLr");

        // DJL works in float: the tracker gives lr rounded to float, exactly.
        Tracker tracker = (Tracker) schedule;
        for (int step = 0; step < 20_000; step += 37) {
            assertEquals((float) schedule.lr(step), tracker.getNewValue(step), "step " + step);
        }
        assertEquals((float) schedule.lr(2500), tracker.getNewValue("weight", 2500));
        Optimizer.sgd().setLearningRateTracker(tracker).build();

        // ND4J counts iterations: valueAt(i, epoch) is lr(i) for every epoch, and an updater hands it on.
        ISchedule nd4j = (ISchedule) schedule;
        for (int step = 0; step < 20_000; step += 37) {
            assertEquals(schedule.lr(step), nd4j.valueAt(step, 3), "step " + step);
        }
        assertSame(nd4j, nd4j.clone());
        Sgd updater = new Sgd(nd4j);
        assertEquals(schedule.lr(4000), updater.getLearningRate(4000, 0));
        // DL4J serialises updaters: the schedule comes back as the one instance.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(nd4j);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())) {
            @Override
            protected Class<?> resolveClass(java.io.ObjectStreamClass desc) throws ClassNotFoundException {
                return Class.forName(desc.getName(), false, schedule.getClass().getClassLoader());
            }
        }) {
            assertSame(schedule, in.readObject());
        }
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
