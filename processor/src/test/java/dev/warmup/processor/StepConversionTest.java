package dev.warmup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.warmup.StepLr;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The conversion of steps to doubles at the edge where {@code smallToDouble} stops being allowed: a span that ends
 * below 2^52 converts its steps, its steps done and its steps left by {@code smallToDouble}, which takes the bits of
 * 2^52 + n without testing n < 2^52; a span that ends later by {@code toDouble}, which tests. Each schedule's rate is
 * checked against its formula (in 34-digit decimal arithmetic, within 4 ulps) at its first steps and its last, past
 * 2^52 where the span reaches that far: there {@code smallToDouble} would give the rate of a step 2^52 earlier.
 */
class StepConversionTest {

    private static final long BELOW = (1L << 52) - 1;
    private static final long PAST = (1L << 52) + 5;
    private static final BigDecimal INIT_LR = new BigDecimal(0.1);

    private record Case(String name, String settings, boolean warmup, long end, boolean small, String conversion) {}

    private static final List<Case> CASES = List.of(
            new Case("WarmupBelow", "steps = " + BELOW + "L, initLr = 0.1", true, BELOW, true, "(step)"),
            new Case("WarmupPast", "steps = " + PAST + "L, initLr = 0.1", true, PAST, false, "(step)"),
            new Case("DecayBelow", "steps = 0, initLr = 0.1, decay = Decay.LINEAR, totalSteps = " + BELOW + "L", false,
                    BELOW, true, "(TOTAL_STEPS - step)"),
            new Case("DecayPast", "steps = 0, initLr = 0.1, decay = Decay.LINEAR, totalSteps = " + PAST + "L", false,
                    PAST, false, "(TOTAL_STEPS - step)"));

    @Test
    void spansEndingBelow2To52ConvertUntestedAndLaterOnesTested() throws Exception {
        Compilation compilation = Compiler.compile(CASES.stream()
                .map(c -> JavaFileObjects.forSourceLines("p." + c.name(), "package p;", "import dev.warmup.*;",
                        "@WarmupSchedule(" + c.settings() + ")", "final class " + c.name() + " {}"))
                .toArray(javax.tools.JavaFileObject[]::new));
        assertThat(compilation).succeeded();
        Compiler.Loader loader = new Compiler.Loader(compilation);
        for (Case c : CASES) {
            String source = compilation.generatedSourceFile("p." + c.name() + "StepLr").orElseThrow()
                    .getCharContent(false).toString();
            String small = "smallToDouble" + c.conversion();
            String tested = " toDouble" + c.conversion();
            assertTrue(source.contains(c.small() ? small : tested), () -> c + ":\n" + source);
            assertFalse(source.contains(c.small() ? tested : small), () -> c + ":\n" + source);
            StepLr schedule = loader.schedule("p." + c.name() + "StepLr");
            for (long step : new long[] {0, 1, 2, 3, c.end() / 2, (1L << 52) - 3, (1L << 52) - 2, (1L << 52) - 1,
                1L << 52, (1L << 52) + 1, (1L << 52) + 3, c.end() - 1}) {
                if (step >= c.end()) {
                    continue;
                }
                // warmup: initLr * t / W; linear decay to 0: initLr * (T - t) / T
                BigDecimal fraction = new BigDecimal(c.warmup() ? step : c.end() - step)
                        .divide(new BigDecimal(c.end()), MathContext.DECIMAL128);
                double exact = INIT_LR.multiply(fraction, MathContext.DECIMAL128).doubleValue();
                double lr = schedule.lr(step);
                assertTrue(Math.abs(lr - exact) <= 4 * Math.ulp(exact),
                        c.name() + " at step " + step + ": " + lr + ", the formula gives " + exact);
            }
        }
    }
}
