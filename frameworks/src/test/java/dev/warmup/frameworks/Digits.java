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
    /** The lines of the file. */
    static final int IMAGES = 1797;

    /** {@code features[b]}: minibatch b, row-major {@code BATCH x PIXELS}; {@code labels[b]}: its digits. */
    final float[][] features;
    final int[][] labels;

    private Digits(float[][] features, int[][] labels) {
        this.features = features;
        this.labels = labels;
    }

    /** The first {@code batches} minibatches; the file is found through the system property {@code digits.csv}. */
    static Digits load(int batches) {
        Images images = images(batches * BATCH);
        float[][] features = new float[batches][BATCH * PIXELS];
        int[][] labels = new int[batches][BATCH];
        for (int b = 0; b < batches; b++) {
            System.arraycopy(images.features, b * BATCH * PIXELS, features[b], 0, BATCH * PIXELS);
            System.arraycopy(images.labels, b * BATCH, labels[b], 0, BATCH);
        }
        return new Digits(features, labels);
    }

    /** The first {@code count} images, in file order: pixels / 16 row-major, {@code count x PIXELS}, and digits. */
    static Images images(int count) {
        Path file = Path.of(System.getProperty("digits.csv",
                "../demo/src/main/resources/dev/warmup/demo/digits.csv.gz"));
        float[] features = new float[count * PIXELS];
        int[] labels = new int[count];
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.US_ASCII))) {
            for (int row = 0; row < count; row++) {
                String[] cells = reader.readLine().split(",");
                if (cells.length != PIXELS + 1) {
                    throw new IOException(file + " line " + (row + 1) + ": " + cells.length + " cells");
                }
                for (int pixel = 0; pixel < PIXELS; pixel++) {
                    features[row * PIXELS + pixel] = Integer.parseInt(cells[pixel]) / 16f;
                }
                labels[row] = Integer.parseInt(cells[PIXELS]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Images(features, labels);
    }

    /** Image {@code i}: pixels {@code features[i * PIXELS .. (i + 1) * PIXELS)}, digit {@code labels[i]}. */
    record Images(float[] features, int[] labels) {}
}
