package dev.warmup.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The report reads JMH's JSON and puts ratios in the right rows; no benchmark runs here. */
class ReportTest {

    private static String run(String benchmark, String paramName, String param, double score, double bytes) {
        return run(benchmark, paramName, param, score, "0.1", bytes);
    }

    private static String run(String benchmark, String paramName, String param, double score, String error,
            double bytes) {
        return """
                {"jmhVersion": "1.37", "benchmark": "%s", "mode": "avgt", "forks": 1, "jdkVersion": "17.0.15",
                 "vmName": "OpenJDK 64-Bit Server VM", "warmupIterations": 2, "warmupTime": "1 s",
                 "measurementIterations": 3, "measurementTime": "1 s", "params": {"%s": "%s"},
                 "primaryMetric": {"score": %s, "scoreError": %s, "scoreUnit": "ns/op"},
                 "secondaryMetrics": {"gc.alloc.rate.norm": {"score": %s, "scoreUnit": "B/op"}}}
                """.formatted(benchmark, paramName, param, score, error, bytes);
    }

    @Test
    void shapeRowHasGeneratedOverHandAndPeerRowHasGeneratedOverPeer() {
        String prefix = "dev.warmup.benchmarks.";
        String json = "[" + String.join(",",
                run(prefix + "ShapeBenchmark.callHand", "shape", "COSINE", 4.0, 0.0),
                run(prefix + "ShapeBenchmark.callGenerated", "shape", "COSINE", 6.0, 0.00001),
                run(prefix + "ShapeBenchmark.sweepHand", "shape", "COSINE", 2.0, 0.0),
                run(prefix + "ShapeBenchmark.sweepGenerated", "shape", "COSINE", 3.0, 0.00002),
                // an earlier run's fill, which --table may still be given: no column of its own
                run(prefix + "ShapeBenchmark.fillGenerated", "shape", "COSINE", 0.5, 0.0),
                run(prefix + "PeerBenchmark.callPeer", "peer", "COSINE_DJL", 12.0, 0.0),
                run(prefix + "PeerBenchmark.sweepPeer", "peer", "COSINE_DJL", 1.5, 16.0)) + "]";

        String tables = Report.tables(json);

        assertTrue(tables.startsWith("JDK 17.0.15"), tables);
        assertTrue(tables.contains("| decay COSINE | 4.00 ± 0.10 | 6.00 ± 0.10 | 1.50 | 2.00 ± 0.10 | 3.00 ± 0.10 "
                + "| 1.50 | 0.0 | 2.0e-05 |"), tables);
        assertTrue(!tables.contains("0.50 ± 0.10"), tables);
        assertTrue(tables.contains("| decay COSINE | DJL CosineTracker | 12.00 ± 0.10 | 0.50 | 1.50 ± 0.10 | 2.00 "
                + "| 16 |"), tables);
    }

    @Test
    void shapeWithOnlyItsCallsMeasuredHasDashesForItsSweepsAndNoErrorWhereJmhHasNone() {
        String prefix = "dev.warmup.benchmarks.ShapeBenchmark.";
        String json = "[" + String.join(",",
                run(prefix + "callHand", "shape", "EXP", 8.0, 0.0),
                // one measured iteration: JMH writes its error as "NaN"
                run(prefix + "callGenerated", "shape", "EXP", 4.0, "\"NaN\"", 0.0)) + "]";

        String tables = Report.tables(json);

        assertTrue(tables.contains("| decay EXP | 8.00 ± 0.10 | 4.00 | 0.50 | – | – | – | 0.0 | 0.0 |"), tables);
        assertTrue(!tables.contains("decay COSINE"), tables);
    }
}
