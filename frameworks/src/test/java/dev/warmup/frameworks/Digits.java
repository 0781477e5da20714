package dev.warmup.frameworks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The first images of the UCI digits data that the demo ships ({@code demo/src/main/resources/dev/warmup/demo/
 * digits.csv.gz}: 64 pixel counts in 0..16 and the digit, a line each), pixels divided by 16, in file order, in
 * minibatches of {@value #BATCH}.
 */
final class Digits {

    static final int PIXELS = 64;
    static final int CLASSES = 10;
    static final int BATCH = 32;

    /** {@code features[b]}: minibatch b, row-major {@code BATCH x PIXELS}; {@code labels[b]}: its digits. */
    final float[][] features;
    final int[][] labels;

    private Digits(float[][] features, int[][] labels) {
        this.features = features;
        this.labels = labels;
    }

    /** The first {@code batches} minibatches; the file is found through the system property {@code digits.csv}. */
    static Digits load(int batches) {
        Path file = Path.of(System.getProperty("digits.csv",
                "../demo/src/main/resources/dev/warmup/demo/digits.csv.gz"));
        float[][] features = new float[batches][BATCH * PIXELS];
        int[][] labels = new int[batches][BATCH];
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.US_ASCII))) {
            for (int row = 0; row < batches * BATCH; row++) {
                String[] cells = reader.readLine().split(",");
                if (cells.length != PIXELS + 1) {
                    throw new IOException(file + " line " + (row + 1) + ": " + cells.length + " cells");
                }
                for (int pixel = 0; pixel < PIXELS; pixel++) {
                    features[row / BATCH][row % BATCH * PIXELS + pixel] = Integer.parseInt(cells[pixel]) / 16f;
                }
                labels[row / BATCH][row % BATCH] = Integer.parseInt(cells[PIXELS]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Digits(features, labels);
    }
}
