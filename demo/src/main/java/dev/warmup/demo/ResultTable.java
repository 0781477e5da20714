package dev.warmup.demo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the experiment's results as one Markdown table (readable in a terminal, and pasted as is into the README):
 * a heading row per comparison, then one row per arm.
 */
final class ResultTable {

    private ResultTable() {}

    static void print(List<WarmupExperiment.Comparison> comparisons, Map<Arm, ArmSummary> summaries, int trainSize,
            TrainingSettings settings, PrintStream out) {
        String target = String.format(Locale.ROOT, "%.0f %%", 100 * settings.targetAccuracy());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"schedule", "diverged (95 % CI)", "at step: median (range)", "collapsed (95 % CI)",
            "peak loss", "final training loss", "test accuracy %", "steps to " + target + " (runs)",
            "epochs to " + target});
        for (WarmupExperiment.Comparison comparison : comparisons) {
            String[] heading = new String[rows.get(0).length];
            Arrays.fill(heading, "");
            heading[0] = "**" + comparison.title() + "**";
            rows.add(heading);
            for (Arm arm : comparison.arms()) {
                rows.add(row(summaries.get(arm), trainSize));
            }
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            if (!row[0].startsWith("**")) { // headings may overflow their cell
                for (int c = 0; c < row.length; c++) {
                    widths[c] = Math.max(widths[c], row[c].length());
                }
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            out.println(line(rows.get(r), widths));
            if (r == 0) {
                String[] rule = new String[widths.length];
                for (int c = 0; c < rule.length; c++) {
                    rule[c] = (c == 0 ? "-" : "") + "-".repeat(Math.max(1, widths[c] - 1)) + (c == 0 ? "" : ":");
                }
                out.println(line(rule, widths));
            }
        }
    }

    private static String[] row(ArmSummary summary, int trainSize) {
        Spread steps = summary.stepsToTarget();
        return new String[] {
            summary.arm().name(),
            summary.diverged().format(),
            summary.formatDivergenceSteps(),
            summary.collapsed().format(),
            summary.peakLoss().format("%.1f"),
            summary.finalTrainLoss().format("%.4f"),
            summary.testAccuracy().scaled(100).format("%.1f"),
            steps.format("%.0f") + " (" + steps.count() + "/" + summary.diverged().runs() + ")",
            steps.scaled((double) summary.arm().batchSize() / trainSize).format("%.1f"),
        };
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder("|");
        for (int c = 0; c < cells.length; c++) {
            String cell = cells[c];
            int pad = Math.max(0, widths[c] - cell.length());
            line.append(' ').append(c == 0 ? cell + " ".repeat(pad) : " ".repeat(pad) + cell).append(" |");
        }
        return line.toString();
    }
}
