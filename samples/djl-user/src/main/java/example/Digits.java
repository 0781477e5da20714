package example;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;

/**
 * The test set of the UCI Optical Recognition of Handwritten Digits data (E. Alpaydin and C. Kaynak, 1998, UCI
 * Machine Learning Repository, CC BY 4.0): {@code digits.csv.gz} beside this class, 1,797 lines of 64 pixel counts
 * in 0..16 (an 8x8 image) and the digit.
 *
 * @param pixels the images one after the other, {@value #PIXELS} values each, divided by 16 into [0, 1]
 * @param labels the digit of each image
 */
record Digits(float[] pixels, int[] labels) {

    static final int PIXELS = 64;
    static final int CLASSES = 10;

    /** All 1,797 images, in an order shuffled once with a fixed seed. */
    static Digits load() {
        List<String> lines = new ArrayList<>();
        try (InputStream in = Digits.class.getResourceAsStream("digits.csv.gz");
                BufferedReader reader = new BufferedReader(
                        new InputStreamReader(new GZIPInputStream(in), StandardCharsets.US_ASCII))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Collections.shuffle(lines, new Random(42));

        float[] pixels = new float[lines.size() * PIXELS];
        int[] labels = new int[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            for (int p = 0; p < PIXELS; p++) {
                pixels[i * PIXELS + p] = Integer.parseInt(cells[p]) / 16f;
            }
            labels[i] = Integer.parseInt(cells[PIXELS]);
        }
        return new Digits(pixels, labels);
    }

    int size() {
        return labels.length;
    }

    /** Images {@code from} (inclusive) to {@code to} (exclusive). */
    Digits range(int from, int to) {
        return new Digits(Arrays.copyOfRange(pixels, from * PIXELS, to * PIXELS),
                Arrays.copyOfRange(labels, from, to));
    }
}
