package dev.warmup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link LrFinder} against fastai's learning-rate finder: the expected smoothed losses, stops and suggestions of
 * {@code resources/dev/warmup/lrfinder/} were computed by a transcription of fastai's code run in Python
 * ({@code fastai_lr_find.py}, its README says how), on fixed loss sequences. The rates are the transcription's too,
 * read from the same files, so that the suggestions compare exactly: the same points of the same rates.
 */
class LrFinderTest {

    private static final String DIRECTORY = "/dev/warmup/lrfinder/";

    /**
     * The smoothed losses agree to about an ulp per step: PyTorch's {@code lerp} fuses its multiply-add, which
     * {@link LrFinder} does not, and {@code beta^(i + 1)} is Java's {@code Math.pow} against C's {@code pow}.
     */
    private static final double RELATIVE_TOLERANCE = 1e-13;

    /** One row of {@code cases.csv}: a case and what the transcription found. */
    record Case(String name, long steps, int recorded, String[] suggestion) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        List<String[]> rows = read("cases.csv");
        for (String[] row : rows) {
            String[] suggestion = new String[6];
            System.arraycopy(row, 5, suggestion, 0, 6);
            cases.add(new Case(row[0], Long.parseLong(row[3]), Integer.parseInt(row[4]), suggestion));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findsWhatFastaiFinds(Case c) {
        List<String[]> rows = read(c.name() + ".csv");
        double[] lrs = rows.stream().mapToDouble(r -> Double.parseDouble(r[1])).toArray();
        LrFinder finder = new LrFinder(range(lrs, c.steps()));
        int step = 0;
        while (finder.record(step, Double.parseDouble(rows.get(step)[2]))) {
            step++;
        }
        assertEquals(c.recorded(), finder.recorded(), "steps recorded");
        for (int i = 0; i < finder.recorded(); i++) {
            assertClose(Double.parseDouble(rows.get(i)[3]), finder.smoothedLoss(i), "smoothed loss of step " + i);
            assertEquals(lrs[i], finder.lr(i), "rate of step " + i);
        }
        if (c.suggestion()[0].equals("none")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, finder::suggest);
            assertTrue(e.getMessage().contains("need 2 points"), e.getMessage());
            return;
        }
        LrFinder.Suggestion s = finder.suggest();
        double[] expected = Stream.of(c.suggestion()).mapToDouble(Double::parseDouble).toArray();
        assertEquals(expected[0], s.valley(), "valley");
        assertClose(expected[1], s.valleyLoss(), "valley's loss");
        assertEquals(expected[2], s.steep(), "steep");
        assertClose(expected[3], s.steepLoss(), "steep's loss");
        assertEquals(expected[4], s.minimum(), "minimum");
        assertClose(expected[5], s.minimumLoss(), "minimum's loss");
    }

    @Test
    void aStepOutOfOrderAndAStepAfterTheStopAreErrors() {
        LrFinder finder = new LrFinder(range(new double[] {1, 2, 3, 4, 5, 6, 7}, 7));
        assertThrows(IllegalArgumentException.class, () -> finder.record(1, 1.0));
        for (int step = 0; step < 6; step++) {
            assertTrue(finder.record(step, 1.0));
        }
        assertFalse(finder.record(6, 1.0));
        assertThrows(IllegalStateException.class, () -> finder.record(7, 1.0));
    }

    @Test
    void aNaNLossStopsTheTest() {
        LrFinder finder = new LrFinder(range(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, 8));
        assertTrue(finder.record(0, 1.0));
        assertFalse(finder.record(1, Double.NaN));
        assertFalse(finder.diverged());
        assertEquals(2, finder.recorded());
    }

    @Test
    void theAnnotationIsTheRangesWithTheValley() {
        LrRange range = new LrRange() {
            @Override
            public double lr(long step) {
                return 1e-3 * Math.pow(10, step / 10.0);
            }

            @Override
            public long steps() {
                return 40;
            }

            @Override
            public String annotationFor(double peakLr) {
                return "@WarmupSchedule(steps = 80, initLr = " + LrRange.literal(peakLr) + ")";
            }
        };
        LrFinder finder = new LrFinder(range);
        for (int step = 0; finder.record(step, 3.0 - step * 0.05); step++) {
            // a loss that falls throughout: the valley is the whole curve
        }
        // trimmed to steps 4 to 34, a run of 31 falling points: the valley is fastai's start (one before it, 3)
        // plus int(31 / 3) + int(31 / 3 / 2) = 10 + 5, step 18, lr 1e-3 * 10^1.8 = 0.0630957...
        assertEquals("@WarmupSchedule(steps = 80, initLr = 0.0631)", finder.annotation());
    }

    @Test
    void tooFewStepsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LrFinder(range(new double[6], 6)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0.06309573444801932,  0.0631",
        "1.2589254117941673E-4, 1.26E-4",
        "0.00099961,           0.001",
        "0.00099949,           9.99E-4",
        "2.0,                  2.0",
        "10.0,                 10.0",
        "1234.5,               1230.0",
        "12345678.0,           1.23E7",
        "0.125,                0.125",
        "0.12351,              0.124",
        "0.12449,              0.124",
    })
    void literalsAreRoundedToThreeSignificantDigits(double rate, String literal) {
        assertEquals(literal, LrRange.literal(rate));
    }

    /**
     * Recording allocates nothing, measured with the JVM's count of the bytes this thread allocated; under one byte a
     * step, as {@code TrainerTest} bounds it (the JIT's own rare allocations), where an allocation a step is at least
     * 16 bytes a step.
     */
    @Test
    void recordingAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
        int steps = 10_000;
        double[] lrs = new double[steps];
        for (int i = 0; i < steps; i++) {
            lrs[i] = 1e-7 * Math.pow(1e8, (double) i / steps);
        }
        LrRange range = range(lrs, steps);
        for (int warm = 0; warm < 3; warm++) { // let the JIT compile record()
            LrFinder finder = new LrFinder(range);
            for (int step = 0; finder.record(step, 1.0); step++) { }
        }
        LrFinder finder = new LrFinder(range);
        long before = threads.getCurrentThreadAllocatedBytes();
        int step = 0;
        while (finder.record(step, 2.0 - step * 1e-4)) {
            step++;
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(steps, finder.recorded());
        assertTrue(allocated < steps, allocated + " bytes allocated by " + steps + " steps");
    }

    private static LrRange range(double[] lrs, long steps) {
        return new LrRange() {
            @Override
            public double lr(long step) {
                return lrs[(int) step];
            }

            @Override
            public long steps() {
                return steps;
            }

            @Override
            public String annotationFor(double peakLr) {
                return "";
            }
        };
    }

    private static void assertClose(double expected, double actual, String what) {
        if (Double.isNaN(expected) || Double.isInfinite(expected)) {
            assertEquals(expected, actual, what);
            return;
        }
        assertTrue(Math.abs(actual - expected) <= RELATIVE_TOLERANCE * Math.abs(expected),
                what + ": expected " + expected + ", was " + actual);
    }

    /** The rows of a CSV file of the directory, its header left out. */
    private static List<String[]> read(String file) {
        try (InputStream in = LrFinderTest.class.getResourceAsStream(DIRECTORY + file);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).map(line -> line.split(",", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
