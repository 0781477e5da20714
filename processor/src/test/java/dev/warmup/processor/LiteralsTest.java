package dev.warmup.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LiteralsTest {

    @Test
    void writesTheShortestDecimalInJavasStyle() {
        assertEquals("0.1", Literals.ofDouble(0.1));
        assertEquals("4.0E-5", Literals.ofDouble(0.1 / 2500));
        assertEquals("0.001", Literals.ofDouble(0.001));
        assertEquals("1.0E-4", Literals.ofDouble(1e-4));
        assertEquals("1234567.0", Literals.ofDouble(1234567));
        assertEquals("1.0E7", Literals.ofDouble(1e7));
        assertEquals("0.30000000000000004", Literals.ofDouble(0.1 + 0.2));
        assertEquals("-2.5", Literals.ofDouble(-2.5));
        assertEquals("0.0", Literals.ofDouble(0.0));
        assertEquals("-0.0", Literals.ofDouble(-0.0));
        // One digit is enough to round-trip the smallest subnormal (Double.toString writes two: 4.9E-324).
        assertEquals("5.0E-324", Literals.ofDouble(Double.MIN_VALUE));
        assertEquals("1.7976931348623157E308", Literals.ofDouble(Double.MAX_VALUE));
        // JDK 17's Double.toString writes 1.9999999999999998E23 here; the shortest round-trip form is 2.0E23.
        assertEquals("2.0E23", Literals.ofDouble(2e23));
        assertEquals("2500L", Literals.ofLong(2500));
    }

    @Test
    void writesTheShortestDecimalAsPythonsReprDoes() {
        // each expected text is what Python 3.11's repr printed for the same double
        assertEquals("0.1", Literals.ofPython(0.1));
        assertEquals("4e-05", Literals.ofPython(0.1 / 2500));
        assertEquals("0.001", Literals.ofPython(0.001));
        assertEquals("0.0001", Literals.ofPython(1e-4));
        assertEquals("0.00012", Literals.ofPython(1.2e-4));
        assertEquals("1234567.0", Literals.ofPython(1234567));
        assertEquals("10000000.0", Literals.ofPython(1e7));
        assertEquals("1000000000000000.0", Literals.ofPython(1e15));
        assertEquals("1e+16", Literals.ofPython(1e16));
        assertEquals("1.2345678901234568e+17", Literals.ofPython(123456789012345678.0));
        assertEquals("0.30000000000000004", Literals.ofPython(0.1 + 0.2));
        assertEquals("-2.5", Literals.ofPython(-2.5));
        assertEquals("0.0", Literals.ofPython(0.0));
        assertEquals("-0.0", Literals.ofPython(-0.0));
        assertEquals("5e-324", Literals.ofPython(Double.MIN_VALUE));
        assertEquals("1.7976931348623157e+308", Literals.ofPython(Double.MAX_VALUE));
        assertEquals("2e+23", Literals.ofPython(2e23));
        assertThrows(IllegalArgumentException.class, () -> Literals.ofPython(Double.POSITIVE_INFINITY));
    }

    @Test
    void everyLiteralParsesBackToTheSameDouble() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 50_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(value)) {
                continue;
            }
            String literal = Literals.ofDouble(value);
            assertEquals(Double.doubleToRawLongBits(value), Double.doubleToRawLongBits(Double.parseDouble(literal)),
                    literal);
            assertTrue(literal.contains(".") && literal.length() <= 24, literal);
            String python = Literals.ofPython(value);
            assertEquals(Double.doubleToRawLongBits(value), Double.doubleToRawLongBits(Double.parseDouble(python)),
                    python);
        }
    }

    @Test
    void refusesNonFiniteValues() {
        assertThrows(IllegalArgumentException.class, () -> Literals.ofDouble(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Literals.ofDouble(Double.NEGATIVE_INFINITY));
    }
}
