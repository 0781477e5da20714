package dev.warmup.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * What the processor costs a user's build: javac, through {@code javax.tools}, on 1, 100 and 1000 annotated classes,
 * with and without the processor, several runs each after warm-up runs, median wall time. The processor's own share
 * is the time spent inside its {@code process()} (reading, validating, writing sources), measured by a delegating
 * processor, as wall time and as the compiling thread's CPU time; the rest of the difference is javac parsing and
 * compiling the generated classes. Run it on a quiet machine: wall times count whatever else runs.
 *
 * <p>Arguments: the numbers of classes, by default 1 100 1000; {@code -Dwarmup.plot=false} leaves the charts out;
 * {@code -Dwarmup.warmupRuns=10 -Dwarmup.measuredRuns=15} takes more runs than the default 3 and 7. One JVM's
 * median can differ from the next one's by a factor of 1.5 on a shared machine: to compare two versions of the
 * processor, run them in turns, several JVMs each.
 * Run, after {@code mvn -q -DskipTests install}: {@code mvn -q -pl processor test-compile exec:java
 * -Dexec.skip=false -Dexec.classpathScope=test -Dexec.mainClass=dev.warmup.processor.CompileCostBenchmark}
 */
public final class CompileCostBenchmark {

    /** {@code -Dwarmup.warmupRuns=N}, {@code -Dwarmup.measuredRuns=N}: more runs for a noisy machine. */
    private static final int WARMUP_RUNS = Integer.getInteger("warmup.warmupRuns", 3);
    private static final int MEASURED_RUNS = Integer.getInteger("warmup.measuredRuns", 7);
    /** {@code -Dwarmup.plot=false} measures the processor without its SVG charts. */
    private static final String PLOT = System.getProperty("warmup.plot", "true");

    private CompileCostBenchmark() {}

    public static void main(String[] args) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        // What the annotated sources need: the annotations and StepLr (the processor itself is passed as an object).
        String classPath = Path.of(dev.warmup.WarmupSchedule.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()).toString();
        System.out.println("javac " + System.getProperty("java.version") + ", " + WARMUP_RUNS + " warm-up + "
                + MEASURED_RUNS + " measured runs each, median wall time; -Awarmup.plot=" + PLOT);
        System.out.printf(Locale.ROOT, "%7s %11s %11s %15s %15s %15s %20s%n", "classes", "without ms", "with ms",
                "added/class ms", "process() ms", "process() cpu ms", "process()/class ms");
        int[] counts = args.length == 0 ? new int[] {1, 100, 1000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        for (int classes : counts) {
            Path dir = Files.createTempDirectory("warmup-compile-cost");
            List<Path> sources = writeSources(dir, classes);
            double without = median(classes, () -> compile(javac, classPath, sources, dir, null));
            double with = median(classes,
                    () -> compile(javac, classPath, sources, dir, new TimedProcessor(new WarmupProcessor())));
            double[] process = processTime(javac, classPath, sources, dir);
            System.out.printf(Locale.ROOT, "%7d %11.1f %11.1f %15.3f %15.1f %15.1f %20.3f%n", classes, without,
                    with, (with - without) / classes, process[0], process[1], process[0] / classes);
            deleteRecursively(dir);
        }
    }

    /** The medians of the wall and thread CPU time spent inside process(), in ms, over runs of their own. */
    private static double[] processTime(JavaCompiler javac, String classPath, List<Path> sources, Path dir) {
        double[] wall = new double[MEASURED_RUNS];
        double[] cpu = new double[MEASURED_RUNS];
        for (int run = -WARMUP_RUNS; run < MEASURED_RUNS; run++) {
            TimedProcessor timed = new TimedProcessor(new WarmupProcessor());
            compile(javac, classPath, sources, dir, timed);
            if (run >= 0) {
                wall[run] = timed.nanos / 1e6;
                cpu[run] = timed.cpuNanos / 1e6;
            }
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new double[] {wall[MEASURED_RUNS / 2], cpu[MEASURED_RUNS / 2]};
    }

    private static double median(int classes, Runnable compile) {
        double[] times = new double[MEASURED_RUNS];
        for (int run = -WARMUP_RUNS; run < MEASURED_RUNS; run++) {
            long start = System.nanoTime();
            compile.run();
            if (run >= 0) {
                times[run] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(times);
        return times[MEASURED_RUNS / 2];
    }

    static void compile(JavaCompiler javac, String classPath, List<Path> sources, Path dir,
            Processor processor) {
        Path out = dir.resolve("out-" + System.nanoTime());
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, null)) {
            Files.createDirectories(out);
            List<String> options = new ArrayList<>(List.of("-classpath", classPath, "-d", out.toString(),
                    "-s", out.toString(), "--release", "17"));
            if (processor == null) {
                options.add("-proc:none");
            } else {
                options.add("-Awarmup.plot=" + PLOT);
            }
            JavaCompiler.CompilationTask task = javac.getTask(Writer.nullWriter(), files, null, options, null,
                    files.getJavaFileObjectsFromPaths(sources));
            if (processor != null) {
                task.setProcessors(List.of(processor));
            }
            if (!task.call()) {
                throw new IllegalStateException("compilation failed in " + dir);
            }
            deleteRecursively(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code count} annotated classes, cycling through the shapes so every kind of generated code is compiled. */
    static List<Path> writeSources(Path dir, int count) throws IOException {
        String[] annotations = {
            "@WarmupSchedule(steps = 2500, initLr = 0.1, decay = Decay.EXP, gamma = 0.9999)",
            "@WarmupSchedule(steps = 2000, initLr = 6e-4, startLr = 6e-7, decay = Decay.COSINE, totalSteps = 20000,"
                    + " minLr = 6e-5)",
            "@WarmupSchedule(steps = 400, initLr = 0.1, warmup = Warmup.CONSTANT, startLr = 0.01,"
                    + " decay = Decay.MULTISTEP, milestones = {32000, 48000})",
            "@WarmupSchedule(steps = 500, initLr = 5e-5, decay = Decay.LINEAR, totalSteps = 10000)",
        };
        Path pkg = Files.createDirectories(dir.resolve("src/bench"));
        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path source = pkg.resolve("Schedule" + i + ".java");
            Files.writeString(source, "package bench;\nimport dev.warmup.*;\n" + annotations[i % annotations.length]
                    + "\nfinal class Schedule" + i + " {}\n");
            sources.add(source);
        }
        return sources;
    }

    static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Counts the time spent inside the delegate's {@code process()}. */
    static final class TimedProcessor extends ForwardingProcessor {
        long nanos;
        private long cpuNanos;

        TimedProcessor(Processor delegate) {
            super(delegate);
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            try {
                return delegate.process(annotations, round);
            } finally {
                nanos += System.nanoTime() - start;
                cpuNanos += threads.getCurrentThreadCpuTime() - cpuStart;
            }
        }
    }
}
