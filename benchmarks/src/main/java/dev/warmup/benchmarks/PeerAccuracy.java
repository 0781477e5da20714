package dev.warmup.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.LongToDoubleFunction;

/**
 * The three PyTorch reference cases among the shapes, each variant's largest relative error against PyTorch's own
 * values (the processor's test resources {@code refs/*.csv}, packed into this module's jar by its POM), over every
 * recorded step whose reference value is not 0.
 */
final class PeerAccuracy {

    private PeerAccuracy() {}

    public static void main(String[] args) {
        System.out.println(table());
    }

    static String table() {
        return "| schedule (reference case) | generated | hand | DJL (float) | ND4J | LambdaLR in Java |\n"
                + "|---|---:|---:|---:|---:|---:|\n"
                + row(Shape.CARD_EXP, "card_linear_exp", Peer.CARD_EXP_DJL, Peer.CARD_EXP_ND4J, Peer.CARD_EXP_LAMBDA)
                + row(Shape.NANO_GPT_COSINE, "nanogpt_cosine", Peer.NANO_GPT_COSINE_DJL, Peer.NANO_GPT_COSINE_ND4J,
                        Peer.NANO_GPT_COSINE_LAMBDA)
                + row(Shape.RESNET_MULTI_STEP, "resnet110_constant", Peer.RESNET_MULTI_STEP_DJL,
                        Peer.RESNET_MULTI_STEP_ND4J, Peer.RESNET_MULTI_STEP_LAMBDA);
    }

    private static String row(Shape shape, String referenceCase, Peer djl, Peer nd4j, Peer lambda) {
        double[] reference = read(referenceCase);
        return String.format(Locale.ROOT, "| %s (%s) | %.2g | %.2g | %.2g | %.2g | %.2g |%n", shape, referenceCase,
                worst(reference, shape.generated::lr), worst(reference, shape.hand),
                worst(reference, djl.factory.get()), worst(reference, nd4j.factory.get()),
                worst(reference, lambda.factory.get()));
    }

    /** Largest relative error over the reference case of that name. */
    static double worst(String referenceCase, LongToDoubleFunction lr) {
        return worst(read(referenceCase), lr);
    }

    /** Largest relative error over the case, steps in increasing order (DJL's stateful trackers need that). */
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
