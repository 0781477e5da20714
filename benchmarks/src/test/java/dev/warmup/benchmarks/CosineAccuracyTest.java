package dev.warmup.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The reference {@link CosineAccuracy} measures against, and the facts about the candidates that issue 15's choice
 * rests on, at every step of a 100-step cosine decay to 0.
 */
class CosineAccuracyTest {

    @Test
    void decimalCosineAgreesWithMathCosWhereThatIsExactToAnUlp() {
        for (double x : new double[] {0, 0.1, 0.5, 1, 2, 3, Math.PI}) {
            double reference = CosineAccuracy.cos(new BigDecimal(x)).doubleValue();
            assertEquals(reference, Math.cos(x), Math.ulp(reference), "cos " + x);
        }
    }

    @Test
    void exactValuesRunFromTheAmplitudeDownToTheLastStep() {
        BigDecimal[] exact = CosineAccuracy.exactValues(100);
        assertEquals(0.1, exact[0].doubleValue(), 0);
        assertEquals(0.1 * Math.pow(Math.sin(Math.PI / 200), 2), exact[99].doubleValue(), 1e-20);
    }

    @Test
    void textbookFormulaLosesTheLastStepsAndTheSineFormsKeepThem() {
        BigDecimal[] exact = CosineAccuracy.exactValues(100);
        assertTrue(CosineAccuracy.worstUlps(CosineCandidate.TEXTBOOK, exact)[1] > 100);
        assertTrue(CosineAccuracy.worstUlps(CosineCandidate.SIN_SQUARED, exact)[0] <= 4);
        assertTrue(CosineAccuracy.worstUlps(CosineCandidate.COS_THEN_SIN, exact)[0] <= 4);
    }

    @Test
    void polynomialsAreSineWhereTheyAreUsed() {
        for (double y = 0; y <= Math.PI / 4; y += 1e-3) {
            assertEquals(Math.sin(y), CosineCandidate.sinPoly17(y), 2 * Math.ulp(Math.sin(y)), "degree 17 at " + y);
            if (y <= 0.5) {
                assertEquals(Math.sin(y), CosineCandidate.sinPoly13(y), 2 * Math.ulp(Math.sin(y)), "13 at " + y);
            }
            if (y <= 0.1) {
                assertEquals(Math.sin(y), CosineCandidate.sinPoly9(y), 2 * Math.ulp(Math.sin(y)), "9 at " + y);
            }
        }
    }
}
