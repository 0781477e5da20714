package dev.warmup.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Runs every arm from every seed, one run per task on as many threads as there are cores, with a progress bar. Runs
 * share nothing but the (read-only) data, and each is fixed by its seed, so the results do not depend on the number
 * of threads or on which finishes first.
 */
final class ExperimentRunner {

    private ExperimentRunner() {}

    /** Returns, for each arm in the given order, its runs by seed (index 0 is seed 1). */
    static Map<Arm, RunResult[]> runAll(List<Arm> arms, Dataset.Split data, TrainingSettings settings, int seeds) {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), arms.size() * seeds));
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "warmup-demo-training");
            thread.setDaemon(true);
            return thread;
        });
        try (ProgressBar progress = new ProgressBarBuilder().setTaskName("Training").setUnit(" runs", 1)
                .setInitialMax((long) arms.size() * seeds).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250).build()) {
            Map<Arm, List<Future<RunResult>>> futures = new LinkedHashMap<>();
            for (Arm arm : arms) {
                List<Future<RunResult>> bySeed = new ArrayList<>();
                for (int seed = 1; seed <= seeds; seed++) {
                    long runSeed = seed;
                    bySeed.add(pool.submit(() -> {
                        RunResult result = TrainingRun.train(arm, data, settings, runSeed);
                        progress.step();
                        return result;
                    }));
                }
                futures.put(arm, bySeed);
            }
            Map<Arm, RunResult[]> results = new LinkedHashMap<>();
            for (Map.Entry<Arm, List<Future<RunResult>>> entry : futures.entrySet()) {
                RunResult[] runs = new RunResult[seeds];
                for (int s = 0; s < seeds; s++) {
                    runs[s] = entry.getValue().get(s).get();
                }
                results.put(entry.getKey(), runs);
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a training run failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
