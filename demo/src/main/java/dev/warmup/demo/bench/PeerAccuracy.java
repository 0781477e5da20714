package dev.warmup.demo.bench;

import ai.djl.training.tracker.Tracker;
import dev.warmup.StepLr;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.LongToDoubleFunction;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Every benchmarked variant's largest relative error against PyTorch's own values for the same schedule (the
 * reference cases in {@code src/main/resources/refs}), over every recorded step whose reference value is not 0.
 */
final class PeerAccuracy {

    private PeerAccuracy() {}

    public static void main(String[] args) {
        System.out.println(table());
    }

    static String table() {
        StringBuilder text = new StringBuilder("| schedule (reference case) | generated | handInline | djl (float) | nd4j | lambda |\n"
                + "|---|---:|---:|---:|---:|---:|\n");
        text.append(row("CardExp (card_linear_exp)", "card_linear_exp", BenchSchedules_CardExpStepLr.INSTANCE,
                HandInline::cardExp, Peers.djlCardExp(), Peers.nd4jCardExp(), Peers.lambdaCardExp()));
        text.append(row("NanoGptCosine (nanogpt_cosine)", "nanogpt_cosine", BenchSchedules_NanoGptCosineStepLr.INSTANCE,
                HandInline::nanoGptCosine, Peers.djlNanoGptCosine(), Peers.nd4jNanoGptCosine(),
                Peers.lambdaNanoGptCosine()));
        text.append(row("ResNetMultiStep (resnet110_constant)", "resnet110_constant",
                BenchSchedules_ResNetMultiStepStepLr.INSTANCE, HandInline::resNetMultiStep,
                Peers.djlResNetMultiStep(), Peers.nd4jResNetMultiStep(), Peers.lambdaResNetMultiStep()));
        return text.toString();
    }

    private static String row(String label, String referenceCase, StepLr generated, LongToDoubleFunction hand,
            Tracker djl, ISchedule nd4j, Peers.LambdaLr lambda) {
        double[] reference = read(referenceCase);
        return String.format(Locale.ROOT, "| %s | %.2g | %.2g | %.2g | %.2g | %.2g |%n", label,
                worst(reference, generated::lr), worst(reference, hand),
                worst(reference, step -> djl.getNewValue((int) step)), worst(reference, step -> nd4j.valueAt((int) step, 0)),
                worst(reference, lambda::lr));
    }

    /** Largest relative error over the reference case of that name. */
    static double worst(String referenceCase, LongToDoubleFunction lr) {
        return worst(read(referenceCase), lr);
    }

    /** Largest relative error over the case, steps in increasing order (DJL's trackers need that). */
    private static double worst(double[] reference, LongToDoubleFunction lr) {
        double worst = 0;
        for (int step = 0; step < reference.length; step++) {
            double value = lr.applyAsDouble(step);
            if (reference[step] != 0) {
                worst = Math.max(worst, Math.abs(value - reference[step]) / Math.abs(reference[step]));
            }
        }
        return worst;
    }

    private static double[] read(String referenceCase) {
        try (InputStream in = PeerAccuracy.class.getResourceAsStream("/refs/" + referenceCase + ".csv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(',') + 1)))
                    .toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
