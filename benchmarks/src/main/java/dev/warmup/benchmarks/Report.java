package dev.warmup.benchmarks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * One command, one table: {@code java -jar benchmarks/target/benchmarks.jar [JMH options]} runs the shapes, the peers
 * and the training step (or what JMH's own include patterns select) with the GC profiler, writes JMH's JSON result
 * ({@code jmh-result.json} in the working directory unless {@code -rff} says otherwise), then reads it back and prints
 * Markdown tables: per shape the generated class against the same formula by hand, per call and per step of a sweep;
 * per peer the generated class against it; ratios side by side with {@code gc.alloc.rate.norm}.
 * {@code --table <file.json>...} prints the tables of earlier runs (their results together) without running anything.
 */
public final class Report {

    private Report() {}

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("--table")) {
            JsonArray runs = new JsonArray();
            for (String file : List.of(args).subList(1, args.length)) {
                runs.addAll(JsonParser.parseString(Files.readString(Path.of(file), StandardCharsets.UTF_8))
                        .getAsJsonArray());
            }
            System.out.println(tables(runs.toString()));
            return;
        }
        CommandLineOptions commandLine = new CommandLineOptions(args);
        Path json = Path.of(commandLine.getResult().orElse("jmh-result.json")).toAbsolutePath();
        OptionsBuilder builder = new OptionsBuilder();
        builder.parent(commandLine)
                .addProfiler(GCProfiler.class)
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString());
        if (commandLine.getIncludes().isEmpty()) {
            builder.include("dev\\.warmup\\.benchmarks\\.(Shape|Peer)Benchmark\\.")
                    .include("dev\\.warmup\\.demo\\.TrainingStepBenchmark\\.");
        }
        new Runner(builder.build()).run();
        System.out.println();
        System.out.println(tables(Files.readString(json, StandardCharsets.UTF_8)));
        System.out.println("JMH results: " + json);
    }

    /** One measured benchmark: score and error in its unit, and bytes allocated per operation. */
    private record Score(double score, double error, double bytes) {
        /** The score ± its error; the score alone where JMH has no error (a single measured iteration). */
        String ns() {
            return Double.isNaN(error) ? String.format(Locale.ROOT, "%.2f", score)
                    : String.format(Locale.ROOT, "%.2f ± %.2f", score, error);
        }
    }

    /** The Markdown tables of a JMH JSON result. */
    static String tables(String jmhJson) {
        JsonArray runs = JsonParser.parseString(jmhJson).getAsJsonArray();
        Map<String, Score> scores = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        for (JsonElement element : runs) {
            JsonObject run = element.getAsJsonObject();
            if (text.length() == 0) {
                text.append(String.format(Locale.ROOT,
                        "JDK %s (%s), JMH %s: %d fork(s), %d × %s warm-up, %d × %s measured; ns per call or step, "
                                + "± JMH's 99.9 %% error; B = gc.alloc.rate.norm per call or step.%n%n",
                        run.get("jdkVersion").getAsString(), run.get("vmName").getAsString(),
                        run.get("jmhVersion").getAsString(), run.get("forks").getAsInt(),
                        run.get("warmupIterations").getAsInt(), run.get("warmupTime").getAsString(),
                        run.get("measurementIterations").getAsInt(), run.get("measurementTime").getAsString()));
            }
            String benchmark = run.get("benchmark").getAsString();
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            String klass = benchmark.substring(0, benchmark.lastIndexOf('.'));
            klass = klass.substring(klass.lastIndexOf('.') + 1);
            String param = "";
            if (run.has("params")) {
                param = run.getAsJsonObject("params").entrySet().iterator().next().getValue().getAsString();
            }
            JsonObject primary = run.getAsJsonObject("primaryMetric");
            JsonObject secondary = run.getAsJsonObject("secondaryMetrics");
            double bytes = secondary != null && secondary.has("gc.alloc.rate.norm")
                    ? secondary.getAsJsonObject("gc.alloc.rate.norm").get("score").getAsDouble() : Double.NaN;
            scores.put(klass + "." + method + "/" + param, new Score(primary.get("score").getAsDouble(),
                    primary.get("scoreError").getAsDouble(), bytes));
        }
        appendShapes(text, scores);
        appendPeers(text, scores);
        appendTrainingStep(text, scores);
        return text.toString();
    }

    private static void appendShapes(StringBuilder text, Map<String, Score> scores) {
        StringBuilder rows = new StringBuilder();
        for (Shape shape : Shape.values()) {
            Score callHand = scores.get("ShapeBenchmark.callHand/" + shape);
            Score callGenerated = scores.get("ShapeBenchmark.callGenerated/" + shape);
            Score sweepHand = scores.get("ShapeBenchmark.sweepHand/" + shape);
            Score sweepGenerated = scores.get("ShapeBenchmark.sweepGenerated/" + shape);
            if (callHand == null && callGenerated == null && sweepHand == null && sweepGenerated == null) {
                continue;
            }
            rows.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    shape.label, ns(callHand), ns(callGenerated), ratio(callGenerated, callHand), ns(sweepHand),
                    ns(sweepGenerated), ratio(sweepGenerated, sweepHand), bytes(callHand, sweepHand),
                    bytes(callGenerated, sweepGenerated)));
        }
        if (rows.length() > 0) {
            text.append("Generated (through `StepLr`) against the same formula by hand (generated / hand: below 1, "
                            + "the generated class is faster):\n\n")
                    .append("| shape | call: hand | generated | generated / hand | sweep: hand | generated "
                            + "| generated / hand | B, hand | B, generated |\n")
                    .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n").append(rows).append('\n');
        }
    }

    private static void appendPeers(StringBuilder text, Map<String, Score> scores) {
        StringBuilder rows = new StringBuilder();
        for (Peer peer : Peer.values()) {
            Score call = scores.get("PeerBenchmark.callPeer/" + peer);
            Score sweep = scores.get("PeerBenchmark.sweepPeer/" + peer);
            if (call == null && sweep == null) {
                continue;
            }
            Score callGenerated = scores.get("ShapeBenchmark.callGenerated/" + peer.shape);
            Score sweepGenerated = scores.get("ShapeBenchmark.sweepGenerated/" + peer.shape);
            rows.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", peer.shape.label,
                    peer.label, ns(call), ratio(callGenerated, call), ns(sweep), ratio(sweepGenerated, sweep),
                    bytes(call, sweep)));
        }
        if (rows.length() > 0) {
            text.append("The peers, where they have the shape (generated / peer: below 1, the generated class is "
                            + "faster):\n\n")
                    .append("| shape | peer | call | generated / peer | sweep | generated / peer | B, peer |\n")
                    .append("|---|---|---:|---:|---:|---:|---:|\n").append(rows).append('\n');
        }
    }

    private static void appendTrainingStep(StringBuilder text, Map<String, Score> scores) {
        Score step = scores.get("TrainingStepBenchmark.trainingStep/");
        Score lr = scores.get("TrainingStepBenchmark.scheduleLr/");
        if (step != null && lr != null) {
            text.append(String.format(Locale.ROOT, "The demo's training step: %.0f ns; its lr(step): %.2f ns; the "
                    + "schedule's share: %.5f %%%n%n", step.score, lr.score, 100 * lr.score / step.score));
        }
    }

    private static String ns(Score score) {
        return score == null ? "–" : score.ns();
    }

    private static String ratio(Score numerator, Score denominator) {
        return numerator == null || denominator == null ? "–"
                : String.format(Locale.ROOT, "%.2f", numerator.score / denominator.score);
    }

    /** The largest allocation per call or step among the scores. */
    private static String bytes(Score... measured) {
        double most = Double.NaN;
        for (Score score : measured) {
            if (score != null && !Double.isNaN(score.bytes)) {
                most = Double.isNaN(most) ? score.bytes : Math.max(most, score.bytes);
            }
        }
        if (Double.isNaN(most)) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.2g", most);
    }
}
