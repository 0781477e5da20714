package dev.warmup.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void sampleMeanAndStandardDeviationOfTheFiniteValues() {
        Spread spread = Spread.of(new double[] {1, Double.NaN, 3, 5});
        assertEquals(3, spread.count());
        assertEquals(3, spread.mean(), 1e-15);
        assertEquals(2, spread.std(), 1e-15);
        assertEquals("3.0 ± 2.0", spread.format("%.1f"));
        assertEquals("300 ± 200", spread.scaled(100).format("%.0f"));
    }

    @Test
    void oneValueHasNoSpreadAndNoneIsNotAvailable() {
        assertEquals("0.50", Spread.of(new double[] {0.5, Double.NaN}).format("%.2f"));
        assertEquals("n/a", Spread.of(new double[] {Double.NaN}).format("%.2f"));
    }
}
