package dev.warmup.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.warmup.WarmRestartsSchedule;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SGDR's cycle in closed form against a walk through the cycles, at every cycle start that fits in a long, the step
 * before it and the step after, for first cycles from 1 step to {@code Long.MAX_VALUE} steps: the logarithm and its
 * correction by the table ({@code tMult >= 3}), and the highest bit ({@code tMult = 2}), whose restarts must give
 * exactly baseLr.
 */
class WarmRestartsCycleTest {

    private static final long[] FIRST_CYCLES = {1, 2, 3, 7, 1000, 12_345, 1L << 20, 999_999_999_989L, 1L << 40,
        Long.MAX_VALUE / 3, Long.MAX_VALUE - 1, Long.MAX_VALUE};

    @Test
    void logarithmCorrectedByTheTableFindsTheCycleOfEveryBoundary() {
        long checked = 0;
        for (long t0 : FIRST_CYCLES) {
            for (int tMult : new int[] {3, 4, 5, 7, 10, 16, 100, 1000, 65_537, Integer.MAX_VALUE}) {
                WarmRestartsModel model = model(t0, tMult);
                long start = 0;
                long length = t0;
                for (int cycle = 0; ; cycle++) {
                    if (start > 0) {
                        assertEquals(cycle - 1, model.cycleOf(start - 1), t0 + ", " + tMult + " before " + start);
                    }
                    assertEquals(cycle, model.cycleOf(start), t0 + ", " + tMult + " at " + start);
                    if (length > 1 && start < Long.MAX_VALUE) {
                        assertEquals(cycle, model.cycleOf(start + 1), t0 + ", " + tMult + " after " + start);
                        long middle = start + Math.min(length, Long.MAX_VALUE - start) / 2;
                        assertEquals(cycle, model.cycleOf(middle), t0 + ", " + tMult + " at " + middle);
                    }
                    checked += 4;
                    if (length > Long.MAX_VALUE - start) {
                        assertEquals(cycle, model.cycleOf(Long.MAX_VALUE), t0 + ", " + tMult + " at Long.MAX_VALUE");
                        break;
                    }
                    start += length;
                    length = length > Long.MAX_VALUE / tMult ? Long.MAX_VALUE : length * tMult;
                }
            }
        }
        System.out.printf("SGDR cycle index: %d boundary steps checked%n", checked);
    }

    @Test
    void highestBitFindsEveryRestartForTMultTwo() {
        for (long t0 : FIRST_CYCLES) {
            WarmRestartsModel model = model(t0, 2);
            long start = 0;
            long length = t0;
            while (true) {
                assertEquals(0.1, model.at(start), "t0 = " + t0 + ": a restart at " + start);
                if (start > 0 && length / 2 > 1000) { // the previous cycle, long enough to end near 0
                    assertTrue(model.at(start - 1) < 0.1 * 1e-3, "t0 = " + t0 + ": the end of a cycle at "
                            + (start - 1));
                }
                if (length > Long.MAX_VALUE - start) {
                    break;
                }
                start += length;
                length = length > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : length * 2;
            }
        }
    }

    private static WarmRestartsModel model(long t0, int tMult) {
        return (WarmRestartsModel) WarmRestartsModel.validate(TestAttributes.of(WarmRestartsSchedule.class,
                Map.of("baseLr", 0.1, "t0", t0, "tMult", tMult)), new Reporter() {
                    @Override
                    public void error(String attribute, String message) {
                        fail(message);
                    }

                    @Override
                    public void warning(String attribute, String message) {
                        fail(message);
                    }
                }).orElseThrow();
    }
}
