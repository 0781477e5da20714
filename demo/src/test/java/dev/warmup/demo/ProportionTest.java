package dev.warmup.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProportionTest {

    /**
     * Wilson's score interval, (p + z²/2n ± z √(p(1 − p)/n + z²/4n²)) / (1 + z²/n) with z = 1.959964, worked out in
     * Python for each case (0 of 10 gives 0 to 0.2775, the value in Brown, Cai and DasGupta's tables).
     */
    @Test
    void countWithTheWilsonIntervalInWholePercent() {
        assertEquals("23/100 (16–32 %)", new Proportion(23, 100).format()); // 0.15843 to 0.32154
        assertEquals("2/100 (1–7 %)", new Proportion(2, 100).format()); // 0.00550 to 0.07001
        assertEquals("86/100 (78–91 %)", new Proportion(86, 100).format()); // 0.77863 to 0.91474
        assertEquals("0/10 (0–28 %)", new Proportion(0, 10).format()); // 0 to 0.27753
        assertEquals(0.2775328, new Proportion(0, 10).interval().getUpperBound(), 1e-7);
        assertEquals(0.7224672, new Proportion(10, 10).interval().getLowerBound(), 1e-7);
    }

    @Test
    void aCountOutsideItsRunsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Proportion(3, 2));
        assertThrows(IllegalArgumentException.class, () -> new Proportion(0, 0));
    }
}
