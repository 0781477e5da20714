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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code @UntunedWarmup} (docs/design/new-schedules.md, 2.4 and 3.4): its errors and warning (message, file, line,
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
        "@WarmupSchedule(steps = 100, initLr = 0.001)                  | 100",
        "@WarmRestartsSchedule(baseLr = 0.1, t0 = 1000, warmupSteps = 50) | 50",
    })
    void besideAScheduleThatWarmsUpItIsAWarningOnTheRule(String annotation, long steps) {
        assertOnlyWarning(source(annotation, "value = UntunedRule.LINEAR"), "value = UntunedRule.LINEAR",
                "the schedule already warms up over " + steps + " steps; @UntunedWarmup multiplies it by a second"
                        + " warmup");
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
        Compilation compilation = Compiler.compile(
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
        assertFillWithinTheStatedUlps(compilation, "p.Warmed", ranges(30_000, annotation + rule + beta2),
                annotation + " " + rule + " beta2 = " + beta2);
        long period = period(rule, beta2);
        long reported = warmed.warmupSteps();
        assertTrue(Math.abs(reported - Math.max(plain.warmupSteps(), period)) <= 1, "warmupSteps " + reported
                + ", the schedule's " + plain.warmupSteps() + ", the factor's " + period);
    }

    /** Largest difference of fill from lr measured by {@link #assertFillWithinTheStatedUlps}, in ulps of lr. */
    private static double worstFillUlps;

    /** From step 0 over {@code length} steps, from a random step, and up to {@code Long.MAX_VALUE}. */
    private static List<long[]> ranges(int length, String seed) {
        Random random = new Random(seed.hashCode());
        return new ArrayList<>(List.of(new long[] {0, length},
                new long[] {Math.abs(random.nextLong() % 1_000_000_000L), 3000},
                new long[] {Long.MAX_VALUE - 499, 500}));
    }

    /**
     * {@code fill} against {@code lr} over each of {@code ranges} ({start, length}): every value within the ulps its
     * Javadoc states ("bit for bit", or "within N ulps"; where {@code lr} is below {@link Double#MIN_NORMAL}, within
     * {@code MIN_NORMAL}). Returns the largest difference, in ulps of {@code lr}.
     */
    private static double assertFillWithinTheStatedUlps(Compilation compilation, String className,
            List<long[]> ranges, String what) {
        String source;
        try {
            source = compilation.generatedFile(StandardLocation.SOURCE_OUTPUT, className.replace('.', '/')
                    + "StepLr.java").orElseThrow().getCharContent(false).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher stated = Pattern.compile("Every value is within (\\d+) ulps").matcher(source);
        int ulps = stated.find() ? Integer.parseInt(stated.group(1)) : 0;
        assertTrue(ulps > 0 || source.contains("bit for bit"), what + ": fill's Javadoc states no accuracy");
        StepLr schedule = new Compiler.Loader(compilation).schedule(className + "StepLr");
        double worst = 0;
        for (long[] range : ranges) {
            double[] out = new double[(int) range[1]];
            schedule.fill(out, range[0]);
            for (int i = 0; i < out.length; i++) {
                double expected = schedule.lr(range[0] + i);
                double error = Math.abs(out[i] - expected);
                double measured = expected >= Double.MIN_NORMAL ? error / Math.ulp(expected)
                        : error <= Double.MIN_NORMAL ? 0 : Double.POSITIVE_INFINITY;
                boolean ok = ulps == 0 ? Double.doubleToRawLongBits(out[i]) == Double.doubleToRawLongBits(expected)
                        : measured <= ulps;
                int at = i;
                assertTrue(ok, () -> what + ": fill from " + range[0] + " gives " + out[at] + " at step "
                        + (range[0] + at) + ", lr " + expected + ": " + measured + " ulps, stated " + ulps);
                worst = Math.max(worst, measured);
            }
        }
        worstFillUlps = Math.max(worstFillUlps, worst);
        return worst;
    }

    /**
     * The factor's own {@code fill}, beside a constant rate of 1 (whose products change nothing, so {@code fill} and
     * {@code lr} are the factor's), across Adam's usual beta2 and the ends of their ranges, over 200,000 steps from 0
     * and around steps 2^40 and 2^50 (where RAdam's tables start for beta2 within 1e-14 of 1): within the factor's
     * own bound, {@link UntunedShape#fillUlps} (12 EXPONENTIAL, 32 RADAM), and within what the Javadoc states. Prints
     * the largest difference for each rule.
     */
    @ParameterizedTest
    @EnumSource(value = UntunedRule.class, names = {"EXPONENTIAL", "RADAM"})
    void theFactorsFillIsWithinItsStatedUlpsAcrossBeta2(UntunedRule rule) {
        double[] betas = rule == UntunedRule.RADAM
                ? new double[] {0.6000001, 0.61, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.999, 0.9995, 0.9999,
                    0.99999999999999, 0.9999999999999999}
                : new double[] {0.0, 0.3, 0.5, 0.9, 0.95, 0.99, 0.999, 0.9995, 0.9999, 0.9999999999999999};
        int factorBound = rule == UntunedRule.RADAM ? 32 : 12;
        List<JavaFileObject> sources = new ArrayList<>();
        for (int i = 0; i < betas.length; i++) {
            sources.add(JavaFileObjects.forSourceString("p.W" + i, "package p;\nimport dev.warmup.*;\n"
                    + "@WarmupSchedule(steps = 0, initLr = 1.0)\n"
                    + "@UntunedWarmup(value = UntunedRule." + rule + ", beta2 = " + betas[i] + ")\n"
                    + "final class W" + i + " {}\n"));
        }
        Compilation compilation = Compiler.compile(sources.toArray(JavaFileObject[]::new));
        assertThat(compilation).succeededWithoutWarnings();
        double worst = 0;
        String worstAt = "";
        for (int i = 0; i < betas.length; i++) {
            String what = rule + " beta2 = " + betas[i];
            List<long[]> ranges = ranges(200_000, what);
            ranges.add(new long[] {(1L << 40) - 1000, 3000});
            ranges.add(new long[] {(1L << 50) - 1000, 3000});
            double measured = assertFillWithinTheStatedUlps(compilation, "p.W" + i, ranges, what);
            assertTrue(measured <= factorBound, what + ": the factor's fill is " + measured + " ulps from its method,"
                    + " more than its own bound " + factorBound);
            if (measured > worst) {
                worst = measured;
                worstAt = "beta2 = " + betas[i];
            }
        }
        System.out.printf("@UntunedWarmup(%s) the factor's fill vs its method: largest difference %.2f ulps (%s)%n",
                rule, worst, worstAt);
    }

    /**
     * Beside a schedule whose {@code fill} may return early, {@code @WarmRestartsSchedule} with a warmup, over ranges
     * that end inside the warmup, across its end, and after it: the factor is multiplied in all the same (it was not
     * where the range ended inside the warmup: the schedule's {@code fill} returned before it).
     */
    @ParameterizedTest
    @EnumSource(UntunedRule.class)
    void theFactorIsMultipliedInWhereTheSchedulesFillReturnsEarly(UntunedRule rule) {
        Compilation compilation = Compiler.compile(source("@WarmRestartsSchedule(baseLr = 0.1, t0 = 1000, tMult = 2,"
                + " warmupSteps = 50)", "value = UntunedRule." + rule));
        assertThat(compilation).succeeded();
        StepLr schedule = new Compiler.Loader(compilation).schedule("p.SchedStepLr");
        double expected = 0.1 / 50 * omega(rule, 0.999, 2);
        assertEquals(expected, schedule.lr(1), 1e-10 * expected);
        assertFillWithinTheStatedUlps(compilation, "p.Sched", List.of(new long[] {0, 5}, new long[] {0, 50},
                new long[] {10, 30}, new long[] {45, 10}, new long[] {0, 5000}), "beside SGDR with a warmup, " + rule);
    }

    @AfterAll
    static void printTheWorstFill() {
        System.out.printf("@UntunedWarmup fill vs lr: largest difference %.2f ulps of lr%n", worstFillUlps);
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
