package dev.warmup.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.warmup.WarmRestartsSchedule;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SGDR's cycle in closed form against a walk through the cycles, at every cycle start that fits in a long, the step
 * before it and the step after, for first cycles from 1 step to {@code Long.MAX_VALUE} steps: the logarithm and its
 * correction by the table ({@code tMult >= 3}), and the highest bit ({@code tMult = 2}), whose restarts must give
 * exactly baseLr. For a {@code tMult} that is not whole, the cycle found at, before and after every cycle start that
 * fits in a long, against the real starts {@code t0 * (tMult^i - 1) / (tMult - 1)} of the double tMult, computed here
 * in 120-digit decimals.
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

    private static final double[] FRACTIONAL_FACTORS = {1.5, 1.1, 1.0001, 2.5, 1e6 + 0.5, 1.25, 3.7, 1.2, 1.000001 + 0x1p-40,
        (1L << 52) - 0.5};

    private static final long[] FRACTIONAL_FIRST_CYCLES = {1, 3, 10, 100, 1000, 12_345, 1L << 40, 999_999_999_989L,
        Long.MAX_VALUE / 3, Long.MAX_VALUE};

    private static final MathContext DIGITS = new MathContext(120, RoundingMode.HALF_EVEN);

    /**
     * How far a start computed in double can be from the real one: the power, within an ulp, times
     * {@code t0 / (tMult - 1)} (about {@code T_i / (tMult - 1)}), the start's own rounding and that of d beyond 2^53,
     * with a margin of 8. A start closer than this to a whole step may be found on either side of it.
     */
    private static double rounding(BigDecimal start, BigDecimal length, double factor, long step) {
        double bound = 0x1p-48 * (length.doubleValue() / (factor - 1) + start.doubleValue());
        return step > (1L << 53) ? bound + Math.ulp((double) step) : bound;
    }

    @Test
    void logarithmCorrectedByTheComputedStartsFindsTheCycleOfEveryRealStart() {
        long checked = 0;
        long withinRounding = 0;
        long small = 0; // starts below 2^40 of factors >= 1.1, where the rounding is a tiny fraction of a step
        long smallWithinRounding = 0;
        for (double factor : FRACTIONAL_FACTORS) {
            BigDecimal exactFactor = new BigDecimal(factor);
            for (long t0 : FRACTIONAL_FIRST_CYCLES) {
                if (Math.log(Long.MAX_VALUE * (factor - 1) / t0 + 1) / Math.log(factor) > 10_000) {
                    continue; // millions of cycles of a few steps: the larger t0 walk the same starts, fewer of them
                }
                WarmRestartsModel model = model(t0, factor);
                BigDecimal start = BigDecimal.ZERO;
                BigDecimal length = BigDecimal.valueOf(t0);
                BigDecimal last = BigDecimal.valueOf(Long.MAX_VALUE);
                long previousFirst = 0;
                for (int cycle = 0; start.compareTo(last) <= 0; cycle++) {
                    long first = start.setScale(0, RoundingMode.CEILING).longValueExact(); // first whole d >= S_i
                    BigDecimal next = start.add(length, DIGITS);
                    long nextFirst = next.compareTo(last) > 0 ? -1
                            : next.setScale(0, RoundingMode.CEILING).longValueExact();
                    for (long d : new long[] {first - 1, first, first + 1}) {
                        if (d < previousFirst || d < 0 || (nextFirst >= 0 && d >= nextFirst) || d < first - 1) {
                            continue;
                        }
                        int expected = d >= first ? cycle : cycle - 1;
                        int found = model.cycleOf(d);
                        double distance = start.subtract(BigDecimal.valueOf(d)).abs().doubleValue();
                        boolean isSmall = factor >= 1.1 && d < (1L << 40);
                        small += isSmall ? 1 : 0;
                        if (distance <= rounding(start, length, factor, d) && d != 0) {
                            withinRounding++;
                            // a whole start is within rounding of itself; of the others, few come so close
                            smallWithinRounding += isSmall && distance > 0 ? 1 : 0;
                            assertTrue(found == cycle || found == cycle - 1, t0 + ", " + factor + " at " + d
                                    + ": cycle " + found + ", the start of " + start);
                        } else {
                            assertEquals(expected, found, t0 + ", " + factor + " at " + d + ", the start of cycle "
                                    + cycle + " " + start.round(new MathContext(30)));
                        }
                        checked++;
                    }
                    previousFirst = first;
                    start = next;
                    length = length.multiply(exactFactor, DIGITS);
                    if (nextFirst < 0) {
                        assertEquals(cycle, model.cycleOf(Long.MAX_VALUE), t0 + ", " + factor + " at Long.MAX_VALUE");
                    }
                }
            }
        }
        System.out.printf("SGDR cycle index, tMult not whole: %d steps around the starts checked, %d of them within"
                + " the starts' rounding; below 2^40 for factors >= 1.1, %d of %d%n", checked, withinRounding,
                smallWithinRounding, small);
        assertTrue(smallWithinRounding < small / 100, smallWithinRounding + " of " + small + " within rounding");
    }

    /** Starts that are whole steps restart there; a start within rounding of one restarts there, as in the peers. */
    @Test
    void wholeStartsAndStartsWithinRoundingOfOneRestartThere() {
        WarmRestartsModel halves = model(100, 1.5);
        for (long start : new long[] {100, 250, 475}) { // 100 * (1.5^i - 1) / 0.5
            assertEquals(halves.cycleOf(start - 1) + 1, halves.cycleOf(start), "t0 = 100, 1.5: a restart at " + start);
        }
        assertEquals(4, halves.cycleOf(813)); // 812.5: the first step at or after it
        assertEquals(3, halves.cycleOf(812));
        // 10 * (1 + 1.1): the double nearest 1.1 is 1.1000000000000000888, Keras and timm restart at 21
        WarmRestartsModel tenths = model(10, 1.1);
        assertEquals(1, tenths.cycleOf(20));
        assertEquals(2, tenths.cycleOf(21));
    }

    /** The end of a cycle limit is the first step of the cycle after it, for factors near 1, huge, and cycles. */
    @Test
    void theEndOfTheCyclesIsTheFirstStepOfTheCycleAfterThem() {
        for (double factor : FRACTIONAL_FACTORS) {
            for (long t0 : new long[] {1, 100, 1L << 40, Long.MAX_VALUE}) {
                for (long cycles : new long[] {1, 2, 3, 7, 100, 10_000, 1_000_000, Integer.MAX_VALUE,
                    Long.MAX_VALUE}) {
                    WarmRestartsModel model = model(t0, factor, cycles);
                    long end = model.end();
                    String what = t0 + ", " + factor + ", " + cycles + " cycles: end " + end;
                    if (end < 0) {
                        assertTrue(model.cycleOf(Long.MAX_VALUE) < cycles, what);
                    } else {
                        assertTrue(end > 0 && model.cycleOf(end) == cycles && model.cycleOf(end - 1) == cycles - 1,
                                what);
                        assertEquals(0.0, model.at(end), what);
                        assertEquals(0.0, model.at(Long.MAX_VALUE), what);
                    }
                    List<Long> keySteps = model.keySteps();
                    assertTrue(keySteps.stream().allMatch(s -> s >= 0), what + ": " + keySteps);
                }
            }
        }
    }

    private static WarmRestartsModel model(long t0, int tMult) {
        return model(t0, (double) tMult);
    }

    private static WarmRestartsModel model(long t0, double tMult) {
        return model(t0, tMult, 0);
    }

    private static WarmRestartsModel model(long t0, double tMult, long cycles) {
        Map<String, Object> settings = new HashMap<>(Map.of("baseLr", 0.1, "t0", t0, "tMult", tMult));
        if (cycles > 0) {
            settings.put("cycles", cycles);
        }
        return (WarmRestartsModel) WarmRestartsModel.validate(TestAttributes.of(WarmRestartsSchedule.class,
                settings), new Reporter() {
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
