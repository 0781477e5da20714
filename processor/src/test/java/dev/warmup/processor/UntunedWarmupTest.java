package dev.warmup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.warmup.processor.WarmupScheduleErrorsTest.assertOnlyError;
import static dev.warmup.processor.WarmupScheduleErrorsTest.assertOnlyWarning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.warmup.StepLr;
import dev.warmup.UntunedRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code @UntunedWarmup}: its errors and warning (message, file, line,
 * under javac and ECJ), and, beside each of the six schedule annotations, each rule: the rate is the same schedule's
 * rate without it times the factor written here from {@code pytorch_warmup}'s source ({@code Math.pow}, {@code 1 -
 * exp}, {@code min}), at step s the factor of iteration s + 1.
 */
class UntunedWarmupTest {

    /** {@code annotation} and then {@code @UntunedWarmup} with {@code attributes}, one a line, on p.Sched. */
    private static JavaFileObject source(String annotation, String... attributes) {
        List<String> lines = new ArrayList<>(List.of("package p;", "", "import dev.warmup.*;", "", annotation,
                "@UntunedWarmup("));
        for (int i = 0; i < attributes.length; i++) {
            lines.add("        " + attributes[i] + (i < attributes.length - 1 ? "," : ")"));
        }
        lines.add("final class Sched {}");
        return JavaFileObjects.forSourceLines("p.Sched", lines);
    }

    private static final String CONSTANT = "@WarmupSchedule(steps = 0, initLr = 0.001)";

    // ------------------------------------------------------------------------------------------------- errors

    @ParameterizedTest(name = "beta2 = {0}")
    @CsvSource(delimiter = '|', value = {
        "1.0                      | 1.0",
        "-0.1                     | -0.1",
        "1.5                      | 1.5",
        "Double.NaN               | NaN",
        "Double.NEGATIVE_INFINITY | -Infinity",
    })
    void beta2OutsideZeroOneIsAnErrorOnIt(String written, String echoed) {
        assertOnlyError(source(CONSTANT, "value = UntunedRule.EXPONENTIAL", "beta2 = " + written), "beta2 = " + written,
                "beta2 = " + echoed + " is not allowed: Adam's beta2 must be in [0, 1)");
    }

    @ParameterizedTest(name = "beta2 = {0}")
    @CsvSource({"0.5", "0.6", "0.0"})
    void radamWithBeta2AtMostPointSixIsAnErrorOnIt(String beta2) {
        assertOnlyError(source(CONSTANT, "value = UntunedRule.RADAM", "beta2 = " + beta2), "beta2 = " + beta2,
                "beta2 = " + beta2 + " is not allowed with UntunedRule.RADAM: RAdam's warmup needs rho_inf = 2 / (1 -"
                        + " beta2) - 1 > 4, so beta2 must be in (0.6, 1)");
    }

    @Test
    void withoutAScheduleItIsAnErrorOnIt() {
        JavaFileObject alone = JavaFileObjects.forSourceLines("p.Sched", "package p;", "", "import dev.warmup.*;", "",
                "@UntunedWarmup(UntunedRule.LINEAR)", "final class Sched {}");
        assertOnlyError(alone, "@UntunedWarmup(", "@UntunedWarmup multiplies a schedule, but p.Sched has no schedule"
                + " annotation: add @WarmupSchedule, @PhasedSchedule, @OneCycleSchedule, @CyclicSchedule,"
                + " @WarmRestartsSchedule or @ChainedSchedule beside it");
    }

    @Test
    void theScheduleAndTheWarmupAreCheckedInOneCompile() {
        JavaFileObject source = source("@WarmupSchedule(steps = 0, initLr = -1.0)", "value = UntunedRule.LINEAR",
                "beta2 = 1.0");
        Compilation compilation = Compiler.compile(source);
        assertThat(compilation).hadErrorContaining("initLr = -1.0 is not allowed").inFile(source)
                .onLineContaining("@WarmupSchedule(");
        assertThat(compilation).hadErrorContaining("beta2 = 1.0 is not allowed").inFile(source)
                .onLineContaining("beta2 = 1.0");
        assertThat(compilation).hadErrorCount(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "@WarmupSchedule(steps = 100, initLr = 0.001)                  | steps = 100",
        "@WarmRestartsSchedule(baseLr = 0.1, t0 = 1000, warmupSteps = 50) | warmupSteps = 50",
    })
    void besideAScheduleThatWarmsUpItIsAWarningOnTheRule(String annotation, String warmup) {
        assertOnlyWarning(source(annotation, "value = UntunedRule.LINEAR"), "value = UntunedRule.LINEAR",
                "the schedule already warms up (" + warmup + "); @UntunedWarmup multiplies it by a second warmup");
    }

    // ------------------------------------------------------------------------------ beside every annotation

    static Stream<Arguments> everyAnnotationWithEveryRule() {
        List<String> annotations = List.of(
                "@WarmupSchedule(steps = 0, initLr = 0.01, decay = Decay.COSINE, totalSteps = 3000, minLr = 1e-4)",
                "@PhasedSchedule(phases = {@Phase(steps = 300, shape = PhaseShape.LINEAR, endLr = 0.1),"
                        + " @Phase(steps = 2000, shape = PhaseShape.COSINE, endLr = 0.0)})",
                "@OneCycleSchedule(maxLr = 0.1, totalSteps = 3000)",
                "@CyclicSchedule(baseLr = 0.001, maxLr = 0.1, stepSizeUp = 200)",
                "@WarmRestartsSchedule(baseLr = 0.1, t0 = 500, tMult = 2)",
                "@ChainedSchedule(baseLr = 0.1, factors = {@Factor(shape = FactorShape.EXP, gamma = 0.999),"
                        + " @Factor(shape = FactorShape.STEP, stepSize = 700, gamma = 0.5)})");
        List<Arguments> arguments = new ArrayList<>();
        double[][] betas = {{0.999, 0.99, 0.0, 0.3}, {0.999, 0.9, 0.0, 0.95}, {0.999, 0.99, 0.61, 0.9}};
        for (String annotation : annotations) {
            for (UntunedRule rule : UntunedRule.values()) {
                for (double beta2 : betas[rule.ordinal()]) {
                    arguments.add(Arguments.of(annotation, rule, beta2));
                }
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} {1} beta2 = {2}")
    @MethodSource("everyAnnotationWithEveryRule")
    void besideEveryAnnotationTheRateIsTheScheduleTimesTheFactor(String annotation, UntunedRule rule, double beta2) {
        Compilation compilation = Compiler.compileWithoutLint(
                JavaFileObjects.forSourceString("p.Plain", "package p;\nimport dev.warmup.*;\n" + annotation
                        + "\nfinal class Plain {}\n"),
                JavaFileObjects.forSourceString("p.Warmed", "package p;\nimport dev.warmup.*;\n" + annotation
                        + "\n@UntunedWarmup(value = UntunedRule." + rule + ", beta2 = " + beta2 + ")\n"
                        + "final class Warmed {}\n"));
        assertThat(compilation).succeededWithoutWarnings();
        Compiler.Loader loader = new Compiler.Loader(compilation);
        StepLr plain = loader.schedule("p.PlainStepLr");
        StepLr warmed = loader.schedule("p.WarmedStepLr");
        double scale = 0;
        List<Long> steps = new ArrayList<>(List.of(0L, 1L, 2L, 3L, 4L, 5L, 10L, 999L, 1000L, 1997L, 1998L, 1999L,
                5000L, 1L << 31, 1L << 53, Long.MAX_VALUE - 1, Long.MAX_VALUE));
        Random random = new Random(beta2 == 0 ? 7 : Double.doubleToLongBits(beta2));
        for (int i = 0; i < 200; i++) {
            steps.add((long) random.nextInt(20_000));
        }
        for (long step : steps) {
            scale = Math.max(scale, plain.lr(step));
        }
        for (long step : steps) {
            double expected = plain.lr(step) * omega(rule, beta2, (double) step + 1);
            double actual = warmed.lr(step);
            double error = Math.abs(actual - expected);
            double rtol = rule == UntunedRule.RADAM ? 1e-10 : 1e-14;
            assertTrue(error <= 1e-15 * scale || error <= rtol * expected, annotation + " " + rule + " at step " + step
                    + ": expected " + expected + ", got " + actual);
            assertTrue(Double.isFinite(actual) && actual >= 0, "step " + step + ": " + actual);
        }
        long period = period(rule, beta2);
        long reported = warmed.warmupSteps();
        assertTrue(Math.abs(reported - Math.max(plain.warmupSteps(), period)) <= 1, "warmupSteps " + reported
                + ", the schedule's " + plain.warmupSteps() + ", the factor's " + period);
    }

    /**
     * Beside {@code @WarmRestartsSchedule} with a warmup of its own, the factor multiplies the warmup's rate too.
     */
    @ParameterizedTest
    @EnumSource(UntunedRule.class)
    void theFactorMultipliesTheWarmupOfTheScheduleBesideIt(UntunedRule rule) {
        Compilation compilation = Compiler.compile(source("@WarmRestartsSchedule(baseLr = 0.1, t0 = 1000, tMult = 2,"
                + " warmupSteps = 50)", "value = UntunedRule." + rule));
        assertThat(compilation).succeeded();
        StepLr schedule = new Compiler.Loader(compilation).schedule("p.SchedStepLr");
        double expected = 0.1 / 50 * omega(rule, 0.999, 2);
        assertEquals(expected, schedule.lr(1), 1e-10 * expected);
    }

    @Test
    void tauIsComputedInDoubleAsPytorchWarmupDoes() {
        // pytorch_warmup: int(2.0 / (1.0 - beta2)) and int(1.0 / (1.0 - beta2)); 1 - 0.999 is above 1e-3 in doubles
        assertEquals(1999, (long) (2.0 / (1.0 - 0.999)));
        Compilation compilation = Compiler.compile(source(CONSTANT, "value = UntunedRule.LINEAR"));
        assertThat(compilation).generatedSourceFile("p.SchedStepLr").contentsAsUtf8String()
                .contains("private static final double UNTUNED_TAU = 1999.0;");
        StepLr schedule = new Compiler.Loader(compilation).schedule("p.SchedStepLr");
        assertEquals(0.001 / 1999, schedule.lr(0));
        assertEquals(0.001, schedule.lr(1998));
        assertTrue(schedule.lr(1997) < 0.001);
        assertEquals(1998, schedule.warmupSteps());
    }

    /** The factor of iteration t >= 1, transcribed from pytorch_warmup 0.3 (base.py, radam.py). */
    private static double omega(UntunedRule rule, double beta2, double t) {
        switch (rule) {
            case LINEAR: {
                long tau = (long) (2.0 / (1.0 - beta2));
                return Math.min(1.0, t / tau);
            }
            case EXPONENTIAL: {
                long tau = (long) (1.0 / (1.0 - beta2));
                return 1.0 - Math.exp(-t / tau);
            }
            default: {
                double rhoInf = 2.0 / (1.0 - beta2) - 1;
                long offset = 1;
                while (!(rho(beta2, rhoInf, offset) > 4)) {
                    offset++;
                }
                double rho = rho(beta2, rhoInf, t - 1 + offset);
                return Math.sqrt((rho - 4) * (rho - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rho));
            }
        }
    }

    private static double rho(double beta2, double rhoInf, double s) {
        double beta2t = Math.pow(beta2, s);
        return rhoInf - 2 * s * beta2t / (1 - beta2t);
    }

    /** The factor's warmup period: tau - 1 for LINEAR, else sum(1 - omega), summed naively until it stops growing. */
    private static long period(UntunedRule rule, double beta2) {
        if (rule == UntunedRule.LINEAR) {
            return (long) (2.0 / (1.0 - beta2)) - 1;
        }
        double sum = 0;
        for (long t = 1; t < 50_000_000; t++) {
            double term = 1 - omega(rule, beta2, t);
            sum += term;
            if (term < 1e-13) {
                break;
            }
        }
        return Math.round(sum);
    }
}
