package dev.warmup.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void tenSeedsUnlessToldHowMany() {
        assertEquals(10, Main.seeds(new String[0]));
        assertEquals(100, Main.seeds(new String[] {"--seeds", "100"}));
    }

    @Test
    void anArgumentNotUnderstoodSaysWhatIs() {
        for (String[] args : new String[][] {{"--seeds"}, {"--seeds", "0"}, {"--seeds", "ten"}, {"100"}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Main.seeds(args));
            assertTrue(e.getMessage().contains("--seeds N"), e.getMessage());
        }
    }
}
