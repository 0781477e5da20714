package dev.warmup.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DigitsCsvTest {

    @Test
    void shippedDataSetIsTheUciTestSet() {
        Dataset digits = DigitsCsv.load();
        assertEquals(1797, digits.size());
        assertEquals(64, digits.featureCount());
        int[] perClass = new int[10];
        for (int label : digits.labels()) {
            perClass[label]++;
        }
        for (int count : perClass) {
            assertTrue(count >= 170 && count <= 190, "about 180 images per digit: " + count);
        }
        double max = 0;
        for (double value : digits.features()) {
            assertTrue(value >= 0 && value <= 1, "scaled to [0, 1]: " + value);
            max = Math.max(max, value);
        }
        assertEquals(1.0, max, "16 / 16");
    }

    @Test
    void splitIsFixedDisjointAndComplete() {
        Dataset digits = DigitsCsv.loadRaw();
        Dataset.Split split = digits.split(0.2, 2017);
        Dataset.Split again = digits.split(0.2, 2017);
        assertEquals(359, split.test().size());
        assertEquals(1438, split.train().size());
        assertArrayEquals(split.train().features(), again.train().features(), 0);
        assertArrayEquals(split.test().labels(), again.test().labels());

        Set<String> all = new HashSet<>();
        for (Dataset part : new Dataset[] {split.train(), split.test()}) {
            for (int e = 0; e < part.size(); e++) {
                all.add(row(part, e));
            }
        }
        Set<String> original = new HashSet<>();
        for (int e = 0; e < digits.size(); e++) {
            original.add(row(digits, e));
        }
        assertEquals(original, all, "every image in exactly one part (up to duplicate images)");
    }

    @Test
    void malformedLinesAreReportedWithTheirNumber() {
        String csv = "0,".repeat(64) + "3\n" + "0,".repeat(63) + "17,3\n";
        IOException e = assertThrows(IOException.class,
                () -> DigitsCsv.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.US_ASCII))));
        assertTrue(e.getMessage().startsWith("line 2: pixel 17"), e.getMessage());
    }

    private static String row(Dataset data, int example) {
        StringBuilder row = new StringBuilder().append(data.labels()[example]).append(':');
        for (int f = 0; f < data.featureCount(); f++) {
            row.append(data.features()[example * data.featureCount() + f]).append(',');
        }
        return row.toString();
    }
}
