package dev.warmup.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads the UCI "Optical Recognition of Handwritten Digits" test set (E. Alpaydin and C. Kaynak, 1998, CC BY 4.0)
 * that ships in the demo's resources: 1,797 lines of 64 pixel counts in 0..16 (an 8x8 image) and the digit last.
 */
final class DigitsCsv {

    static final String RESOURCE = "digits.csv.gz";
    static final int PIXELS = 64;
    static final int CLASSES = 10;
    /** The largest pixel value: a pixel counts the set pixels in a 4x4 block of the original 32x32 bitmap. */
    static final int MAX_PIXEL = 16;

    private DigitsCsv() {}

    /**
     * Loads the shipped data set with pixels scaled to [0, 1] (divided by {@value #MAX_PIXEL}).
     *
     * <p>Why not per-pixel standardisation: some border pixels are non-zero in one or two images only, and dividing by
     * their tiny standard deviation turns those into inputs of 20 to 40. The batches that hold them give loss spikes
     * at any point of training, at every learning rate, which would bury the early-training instability that the
     * demo is about. One common scale keeps every input in [0, 1].
     */
    static Dataset load() {
        return loadRaw().scaled(1.0 / MAX_PIXEL);
    }

    /** Loads the shipped data set as pixel counts in 0..{@value #MAX_PIXEL}. */
    static Dataset loadRaw() {
        try (InputStream resource = DigitsCsv.class.getResourceAsStream(RESOURCE)) {
            if (resource == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing next to " + DigitsCsv.class);
            }
            return parse(new GZIPInputStream(resource));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Parses uncompressed CSV lines of {@value #PIXELS} pixels and a label; fails on the first malformed line. */
    static Dataset parse(InputStream csv) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.US_ASCII))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
        }
        double[] features = new double[lines.size() * PIXELS];
        int[] labels = new int[lines.size()];
        for (int row = 0; row < lines.size(); row++) {
            try {
                labels[row] = parseRow(lines.get(row), features, row * PIXELS);
            } catch (IllegalArgumentException e) { // NumberFormatException included
                throw new IOException("line " + (row + 1) + ": " + e.getMessage(), e);
            }
        }
        return new Dataset(features, labels, PIXELS, CLASSES);
    }

    /** Writes one line's pixels to {@code features} from {@code offset} and returns its label. */
    private static int parseRow(String line, double[] features, int offset) {
        String[] fields = line.split(",");
        if (fields.length != PIXELS + 1) {
            throw new IllegalArgumentException(fields.length + " fields, expected " + (PIXELS + 1));
        }
        for (int pixel = 0; pixel < PIXELS; pixel++) {
            int value = Integer.parseInt(fields[pixel].trim());
            if (value < 0 || value > MAX_PIXEL) {
                throw new IllegalArgumentException("pixel " + value + " outside 0.." + MAX_PIXEL);
            }
            features[offset + pixel] = value;
        }
        return Integer.parseInt(fields[PIXELS].trim());
    }
}
