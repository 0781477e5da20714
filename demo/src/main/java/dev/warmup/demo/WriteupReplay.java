package dev.warmup.demo;

import dev.warmup.StepLr;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Replays the warmup write-up's 15,000-step simulation with a generated {@code REPEATED_POWER} schedule, and lists the
 * lines where it differs from the write-up's own loop. The write-up is the text on learning-rate warmup that this
 * project summarises; its simulation is a Python loop, ported line for line in {@link #writeupLoopRates}.
 *
 * <p>The write-up's loop, for {@code t} from 0, sets {@code lr = 0.1 * t / 2500} while {@code t < 2500} and
 * {@code lr = lr ** 1.0001} after, then prints {@code t + 1} and {@code lr} every 100 steps with {@code %.3f}. So line
 * {@code n} shows the rate of step {@code n - 1}, and its decay starts from step 2499's value, 0.09996, with one power
 * already applied at step 2500: {@code 0.09996^(1.0001^(t - 2499))}. The generated schedule's decay starts from
 * exactly 0.1 at step 2500, {@code 0.1^(1.0001^(t - 2500))}, as {@code @WarmupSchedule} defines every decay. The two
 * differ by under 0.1 % of the rate, enough to round differently on a few lines.
 */
final class WriteupReplay {

    static final int WARMUP_STEPS = 2500;
    static final double PEAK_RATE = 0.1;
    static final double POWER = 1.0001;
    static final int TOTAL_STEPS = 15_000;
    static final int PRINT_EVERY = 100;

    private WriteupReplay() {}

    /** The write-up's own loop, line for line: the rate of every step, carried from one step to the next. */
    static double[] writeupLoopRates() {
        double[] rates = new double[TOTAL_STEPS];
        double lr = 0;
        for (int t = 0; t < TOTAL_STEPS; t++) {
            if (t < WARMUP_STEPS) {
                lr = PEAK_RATE * t / WARMUP_STEPS;
            } else {
                lr = Math.pow(lr, POWER);
            }
            rates[t] = lr;
        }
        return rates;
    }

    /** The rates of the same steps from the generated schedule, each computed from its step alone. */
    static double[] scheduleRates(StepLr schedule) {
        double[] rates = new double[TOTAL_STEPS];
        schedule.fill(rates, 0);
        return rates;
    }

    /** The printed lines: for {@code n = 100, 200, ..., 15000}, the rate of step {@code n - 1}. */
    static List<String> lines(double[] rates) {
        List<String> lines = new ArrayList<>();
        for (int n = PRINT_EVERY; n <= TOTAL_STEPS; n += PRINT_EVERY) {
            lines.add(line(n, rates[n - 1]));
        }
        return lines;
    }

    /** One line as the write-up prints it, with Python's {@code %.3f}. */
    static String line(int trainSteps, double lr) {
        return "train_steps:" + threeDecimals(trainSteps) + "--warmup_steps:" + threeDecimals(WARMUP_STEPS)
                + "--learning_rate:" + threeDecimals(lr);
    }

    /**
     * Python's (and C's) {@code %.3f}: the exact binary value rounded half-even. Java's {@code %.3f} rounds the
     * shortest decimal form half-up instead, which can differ on a value that is close to a tie.
     */
    static String threeDecimals(double value) {
        return new BigDecimal(value).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
    }

    /**
     * Writes the replay's 150 lines to {@code file}, and prints where they are and every line that differs from the
     * write-up's loop, and why.
     */
    static void print(StepLr schedule, Path file, PrintStream out) throws IOException {
        double[] generated = scheduleRates(schedule);
        double[] writeup = writeupLoopRates();
        List<String> generatedLines = lines(generated);
        List<String> writeupLines = lines(writeup);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, generatedLines);
        List<Integer> differing = new ArrayList<>();
        for (int i = 0; i < generatedLines.size(); i++) {
            if (!generatedLines.get(i).equals(writeupLines.get(i))) {
                differing.add(i);
            }
        }
        out.printf(Locale.ROOT, "The warmup write-up this project summarises simulates a schedule in Python: %,d"
                + " steps, linear warmup to %s over %,d steps, then lr = lr ** %s every step, lr printed every %d"
                + " steps with %%.3f. Replayed with %s:%n", TOTAL_STEPS, PEAK_RATE, WARMUP_STEPS, POWER, PRINT_EVERY,
                schedule);
        out.printf(Locale.ROOT, "  its %d lines are in %s; %d differ from the write-up's own loop:%n",
                generatedLines.size(), file, differing.size());
        for (int i : differing) {
            int n = (i + 1) * PRINT_EVERY;
            out.printf(Locale.ROOT, "  train_steps %5d: generated %s (%.6f), write-up %s (%.6f)%n", n,
                    threeDecimals(generated[n - 1]), generated[n - 1], threeDecimals(writeup[n - 1]), writeup[n - 1]);
        }
        out.printf(Locale.ROOT, "Why: the write-up's decay starts from step 2499's value, 0.09996, and applies its"
                + " first power at step 2500, so it runs 0.09996^(1.0001^(t - 2499)); the generated decay starts"
                + " from 0.1 itself at step 2500, 0.1^(1.0001^(t - 2500)). The write-up's rate is lower by %.3f %% at"
                + " step %d to %.3f %% at step %d, which moves these lines across a rounding boundary of %%.3f.%n",
                100 * relativeShortfall(generated, writeup, WARMUP_STEPS), WARMUP_STEPS,
                100 * relativeShortfall(generated, writeup, TOTAL_STEPS - 1), TOTAL_STEPS - 1);
    }

    private static double relativeShortfall(double[] generated, double[] writeup, int step) {
        return (generated[step] - writeup[step]) / generated[step];
    }
}
