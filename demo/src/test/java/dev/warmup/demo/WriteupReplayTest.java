package dev.warmup.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The replay against the write-up's own printout ({@code writeup_simulation.txt}, shipped as a test resource): the
 * port of its loop reproduces all 150 lines, and the generated schedule differs on exactly the lines the demo lists.
 */
class WriteupReplayTest {

    @Test
    void portedLoopReproducesTheWriteupPrintout() throws IOException {
        assertEquals(reference(), WriteupReplay.lines(WriteupReplay.writeupLoopRates()));
    }

    @Test
    void generatedScheduleDiffersOnlyWhereItsDecayStartsFromPointOne() throws IOException {
        List<String> reference = reference();
        List<String> generated = WriteupReplay.lines(
                WriteupReplay.scheduleRates(Schedules_WriteupSimulationStepLr.INSTANCE));
        List<Integer> differing = new ArrayList<>();
        for (int i = 0; i < reference.size(); i++) {
            if (!reference.get(i).equals(generated.get(i))) {
                differing.add((i + 1) * WriteupReplay.PRINT_EVERY);
            }
        }
        assertEquals(List.of(3400, 3500, 3600, 4300, 5300, 6300), differing);
    }

    /** Python's '%.3f' % x, from Python 3: where Java's String.format rounds 1.0005 up, Python rounds it down. */
    @Test
    void formatsLikePython() {
        assertEquals("1.000", WriteupReplay.threeDecimals(1.0005)); // the double is 1.000499999...
        assertEquals("2.001", WriteupReplay.threeDecimals(2.0005)); // the double is 2.000500000...
        assertEquals("0.003", WriteupReplay.threeDecimals(0.0025));
        assertEquals("2500.000", WriteupReplay.threeDecimals(2500));
    }

    private static List<String> reference() throws IOException {
        try (InputStream in = WriteupReplayTest.class.getResourceAsStream("writeup_simulation.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
