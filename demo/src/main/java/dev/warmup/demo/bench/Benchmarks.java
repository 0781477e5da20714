package dev.warmup.demo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs every schedule benchmark in one JMH run with the GC profiler, writes JMH's JSON to
 * {@code target/jmh-result.json}, and prints per variant: ns per step, the ratio to {@code handInline} of the same
 * schedule and shape, and {@code gc.alloc.rate.norm}; then every variant's largest error against PyTorch.
 * JMH's own command-line options may be given (for example {@code -f 1 -wi 1 -i 1} for a quick look).
 */
public final class Benchmarks {

    private Benchmarks() {}

    public static void main(String[] args) throws Exception {
        Path json = Path.of("target", "jmh-result.json").toAbsolutePath();
        Files.createDirectories(json.getParent());
        CommandLineOptions commandLine = new CommandLineOptions(args);
        OptionsBuilder builder = new OptionsBuilder();
        builder.parent(commandLine)
                .addProfiler(GCProfiler.class)
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString());
        if (commandLine.getIncludes().isEmpty()) {
            builder.include("dev\\.warmup\\.demo\\..*Benchmark\\..*");
        }
        Collection<RunResult> results = new Runner(builder.build()).run();
        System.out.println();
        System.out.println(table(results));
        System.out.println(trainingShare(results));
        System.out.println("JMH results: " + json);
        System.out.println();
        System.out.println(PeerAccuracy.table());
    }

    /** The schedule's share of the demo's training step, from {@code TrainingStepBenchmark}. */
    static String trainingShare(Collection<RunResult> results) {
        double step = Double.NaN;
        double lr = Double.NaN;
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            if (benchmark.endsWith("TrainingStepBenchmark.trainingStep")) {
                step = result.getPrimaryResult().getScore();
            } else if (benchmark.endsWith("TrainingStepBenchmark.scheduleLr")) {
                lr = result.getPrimaryResult().getScore();
            }
        }
        return String.format(Locale.ROOT, "Demo training step: %.0f ns; its lr(step): %.2f ns; the schedule's share: "
                + "%.5f %%%n", step, lr, 100 * lr / step);
    }

    /** Markdown: one row per benchmark, grouped by schedule and shape, ratios against handInline. */
    static String table(Collection<RunResult> results) {
        Map<String, Map<String, double[]>> groups = new TreeMap<>();
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            if (!benchmark.startsWith(Benchmarks.class.getPackageName())) {
                continue;
            }
            String[] parts = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1)
                    .split("\\.");
            String schedule = parts[0].replace("Benchmark", "");
            String method = parts[1];
            String shape = method.startsWith("sweep") ? "sweep" : "call";
            String variant = method.substring(shape.length());
            Result<?> alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
            groups.computeIfAbsent(schedule + " / " + shape, k -> new LinkedHashMap<>())
                    .put(variant, new double[] {result.getPrimaryResult().getScore(),
                            result.getPrimaryResult().getScoreError(), alloc == null ? Double.NaN : alloc.getScore()});
        }
        StringBuilder text = new StringBuilder(
                "| schedule / shape | variant | ns per step | ± | × handInline | B per step |\n|---|---|---:|---:|---:|---:|\n");
        for (Map.Entry<String, Map<String, double[]>> group : groups.entrySet()) {
            double[] hand = group.getValue().get("HandInline");
            for (Map.Entry<String, double[]> row : group.getValue().entrySet()) {
                double[] r = row.getValue();
                text.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f | %s | %s |%n", group.getKey(),
                        row.getKey(), r[0], r[1], hand == null ? "" : String.format(Locale.ROOT, "%.2f", r[0] / hand[0]),
                        Double.isNaN(r[2]) ? "" : String.format(Locale.ROOT, "%.3g", r[2])));
            }
        }
        return text.toString();
    }
}
