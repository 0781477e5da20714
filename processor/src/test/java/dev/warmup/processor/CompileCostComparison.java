package dev.warmup.processor;

import com.palantir.javapoet.JavaFile;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.annotation.processing.Processor;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The processor's own time ({@code process()} per class) of several builds of it, compared in one JVM: each build is
 * loaded by a class loader of its own (its {@code annotations/target/classes} and {@code processor/target/classes},
 * then this class path's JavaPoet), and the builds compile the same annotated classes in
 * turns, run after run. A machine whose speed drifts, by a factor of 1.5 from one JVM to the next here, then slows
 * every build alike, and the ratio of each run's times to the first build's is steadier than the medians.
 *
 * <p>Arguments: the number of classes, of measured runs and of warm-up runs, then {@code name=dir} for each build,
 * {@code dir} a checkout compiled with {@code mvn -q -pl annotations,processor compile}. For example, from the root
 * of this checkout, with an older one beside it: {@code mvn -q -pl processor test-compile exec:java -Dexec.skip=false
 * -Dexec.classpathScope=test -Dexec.mainClass=dev.warmup.processor.CompileCostComparison
 * -Dexec.args="100 30 10 old=$PWD/../old new=$PWD"}
 */
public final class CompileCostComparison {

    private CompileCostComparison() {}

    public static void main(String[] args) throws Exception {
        int classes = Integer.parseInt(args[0]);
        int runs = Integer.parseInt(args[1]);
        int warmupRuns = Integer.parseInt(args[2]);
        List<String> names = new ArrayList<>();
        List<ClassLoader> loaders = new ArrayList<>();
        for (String build : Arrays.asList(args).subList(3, args.length)) {
            String[] nameAndDir = build.split("=", 2);
            names.add(nameAndDir[0]);
            loaders.add(loaderOf(Path.of(nameAndDir[1])));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        // The annotated sources compile against this checkout's annotations, whichever build processes them.
        String classPath = Path.of(dev.warmup.WarmupSchedule.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()).toString();
        Path dir = Files.createTempDirectory("warmup-compile-cost");
        List<Path> sources = CompileCostBenchmark.writeSources(dir, classes);
        double[][] perClass = new double[names.size()][runs];
        for (int run = -warmupRuns; run < runs; run++) {
            for (int build = 0; build < names.size(); build++) {
                Processor processor = (Processor) loaders.get(build)
                        .loadClass("dev.warmup.processor.WarmupProcessor").getConstructor().newInstance();
                CompileCostBenchmark.TimedProcessor timed = new CompileCostBenchmark.TimedProcessor(processor);
                CompileCostBenchmark.compile(javac, classPath, sources, dir, timed);
                if (run >= 0) {
                    perClass[build][run] = timed.nanos / 1e6 / classes;
                }
            }
        }
        CompileCostBenchmark.deleteRecursively(dir);
        System.out.println("javac " + System.getProperty("java.version") + ", " + classes + " classes, "
                + warmupRuns + " warm-up + " + runs + " measured runs, builds in turns; process() per class:");
        for (int build = 0; build < names.size(); build++) {
            double[] sorted = perClass[build].clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "%-10s median %.3f ms (quartiles %.3f, %.3f)%n", names.get(build),
                    sorted[runs / 2], sorted[runs / 4], sorted[3 * runs / 4]);
        }
        for (int build = 1; build < names.size(); build++) {
            double[] ratios = new double[runs];
            for (int run = 0; run < runs; run++) {
                ratios[run] = perClass[build][run] / perClass[0][run];
            }
            Arrays.sort(ratios);
            System.out.printf(Locale.ROOT, "%s / %s, run by run: median %.3f (quartiles %.3f, %.3f)%n",
                    names.get(build), names.get(0), ratios[runs / 2], ratios[runs / 4], ratios[3 * runs / 4]);
        }
    }

    /** A build's classes, then JavaPoet, its one dependency, over the platform class loader (javax.annotation...). */
    private static ClassLoader loaderOf(Path checkout) throws MalformedURLException, URISyntaxException {
        URL[] urls = {
            checkout.resolve("annotations/target/classes").toUri().toURL(),
            checkout.resolve("processor/target/classes").toUri().toURL(),
            JavaFile.class.getProtectionDomain().getCodeSource().getLocation().toURI().toURL(),
        };
        return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
    }
}
