package dev.warmup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.warmup.Decay;
import dev.warmup.StepLr;
import dev.warmup.Warmup;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of random valid settings (fixed seed), every warmup with every decay, compiled in one batch. For each,
 * at probe steps and random steps, the generated {@code lr}:
 * <ul>
 *   <li>matches the formula of the issue written naively here (Math.pow, 1 + cos, plain quotients) to 1e-12
 *       relative, with an absolute floor of 1e-15 * initLr where the naive form itself loses digits;</li>
 *   <li>matches the processor's evaluator {@link WarmupModel#at} to the bit (the two faces of each shape);</li>
 *   <li>is finite and {@code >= 0} everywhere, up to {@link Long#MAX_VALUE}; rises monotonically through a linear
 *       warmup, meets initLr at W without a jump, and never rises during a decay.</li>
 * </ul>
 */
class SchedulePropertiesTest {

    private static final int PER_PAIR = 12;
    private static final List<Case> CASES = new ArrayList<>();
    private static Compiler.Loader loader;

    /** One random schedule: the settings, and the source that declares them. */
    record Case(String className, RandomSettings settings) {

        String source() {
            return "package props;\nimport dev.warmup.*;\n" + annotation() + "\nfinal class " + className + " {}\n";
        }

        /** The explicit settings as source, written here rather than by the processor. */
        String annotation() {
            RandomSettings s = settings;
            List<String> attributes = new ArrayList<>();
            attributes.add("steps = " + s.steps() + "L");
            attributes.add("initLr = " + s.initLr());
            if (s.isSet("warmup")) {
                attributes.add("warmup = Warmup." + s.warmup());
            }
            if (s.isSet("startLr")) {
                attributes.add("startLr = " + s.startLr());
            }
            attributes.add("decay = Decay." + s.decay());
            if (s.isSet("gamma")) {
                attributes.add("gamma = " + s.gamma());
            }
            if (s.isSet("stepSize")) {
                attributes.add("stepSize = " + s.stepSize() + "L");
            }
            if (s.isSet("milestones")) {
                attributes.add("milestones = " + LongStream.of(s.milestones()).mapToObj(m -> m + "L")
                        .collect(Collectors.joining(", ", "{", "}")));
            }
            if (s.isSet("totalSteps")) {
                attributes.add("totalSteps = " + s.totalSteps() + "L");
            }
            if (s.isSet("minLr")) {
                attributes.add("minLr = " + s.minLr());
            }
            if (s.isSet("power")) {
                attributes.add("power = " + s.power());
            }
            return attributes.stream().collect(Collectors.joining(", ", "@WarmupSchedule(", ")"));
        }

        StepLr generated() {
            return loader.schedule("props." + className + "StepLr");
        }

        ScheduleModel model() {
            Optional<ScheduleModel> schedule = WarmupModel.validate(settings.attributes(), new Reporter() {
                @Override
                public void error(String attribute, String message) {
                    fail(className + ": " + message);
                }

                @Override
                public void warning(String attribute, String message) {
                    fail(className + ": " + message);
                }
            });
            return schedule.orElseThrow();
        }
    }

    @BeforeAll
    static void compileRandomSchedules() {
        Random random = new Random(20261125L);
        for (Warmup warmup : Warmup.values()) {
            for (Decay decay : Decay.values()) {
                for (int i = 0; i < PER_PAIR; i++) {
                    CASES.add(new Case(warmup + "_" + decay + "_" + i, randomSettings(random, warmup, decay)));
                }
            }
        }
        Compilation compilation = Compiler.compile(
                CASES.stream().map(c -> JavaFileObjects.forSourceString("props." + c.className(), c.source()))
                        .toArray(JavaFileObject[]::new));
        assertThat(compilation).succeededWithoutWarnings();
        loader = new Compiler.Loader(compilation);
    }

    @Test
    void matchesTheIssuesFormulasAndTheEvaluator() {
        Random random = new Random(7);
        for (Case c : CASES) {
            StepLr generated = c.generated();
            ScheduleModel model = c.model();
            for (long step : steps(c.settings(), random)) {
                double actual = generated.lr(step);
                double naive = naive(c.settings(), step);
                double floor = 1e-15 * c.settings().initLr();
                double error = Math.abs(actual - naive);
                assertTrue(error <= floor || error <= 1e-12 * Math.abs(naive),
                        () -> c.annotation() + " at step " + step + ": naive " + naive + ", got "
                                + actual);
                double evaluated = model.at(step);
                assertEquals(Double.doubleToRawLongBits(evaluated), Double.doubleToRawLongBits(actual),
                        () -> c.annotation() + " at step " + step + ": evaluator " + evaluated
                                + ", generated " + actual);
            }
        }
    }

    @Test
    void finiteAndNonNegativeAtEveryProbe() {
        for (Case c : CASES) {
            for (long step : probes(c.settings())) {
                double lr = c.generated().lr(step);
                assertTrue(Double.isFinite(lr) && lr >= 0,
                        () -> c.annotation() + " at step " + step + ": " + lr);
            }
        }
    }

    @Test
    void linearWarmupRisesSteadilyToInitLr() {
        for (Case c : CASES) {
            RandomSettings s = c.settings();
            if (s.warmup() != Warmup.LINEAR || s.steps() == 0) {
                continue;
            }
            StepLr lr = c.generated();
            long w = s.steps();
            double increment = (s.initLr() - s.startLr()) / w;
            long last = Math.min(w, 2000);
            for (long t = 1; t < last; t++) {
                assertTrue(lr.lr(t) >= lr.lr(t - 1), c.annotation() + " falls at step " + t);
            }
            // No jump at W: the last warmup step is one increment below initLr, which the decay starts at.
            assertEquals(s.initLr(), lr.lr(w), Math.ulp(s.initLr()), c.annotation());
            assertEquals(s.initLr() - increment, lr.lr(w - 1), 4 * Math.ulp(s.initLr()), c.annotation());
        }
    }

    @Test
    void decayNeverRises() {
        for (Case c : CASES) {
            RandomSettings s = c.settings();
            StepLr lr = c.generated();
            List<Long> steps = new ArrayList<>(new TreeSet<>(probes(s)).tailSet(s.steps()));
            for (int i = 1; i < steps.size(); i++) {
                double before = lr.lr(steps.get(i - 1));
                double after = lr.lr(steps.get(i));
                assertTrue(after <= before * (1 + 1e-15),
                        c.annotation() + " rises from step " + steps.get(i - 1) + " to " + steps.get(i));
            }
        }
    }

    /**
     * {@code fill} against {@code lr} over long ranges: from 0, across W, across T and the milestones, at a random
     * start, and up to {@code Long.MAX_VALUE}. Every value within the ulps of {@code lr} that the generated
     * {@code fill}'s Javadoc states, the largest {@link Shape#fillUlps()} of the schedule's shapes (normal rates; a
     * subnormal rate has no relative precision, so there the bound is {@link Double#MIN_NORMAL} absolute). Prints the
     * largest difference measured for each shape, against its stated bound.
     */
    @Test
    void fillIsWithinTheStatedUlpsOfLrOverLongRanges() {
        Random random = new Random(11);
        long checked = 0;
        java.util.Map<String, Double> worst = new java.util.TreeMap<>();
        String failure = null;
        for (Case c : CASES) {
            RandomSettings s = c.settings();
            StepLr lr = c.generated();
            ScheduleModel model = c.model();
            int stated = model.shapes().stream().mapToInt(Shape::fillUlps).max().orElse(0);
            List<long[]> ranges = new ArrayList<>(List.of(
                    new long[] {0, 120_000},
                    new long[] {Math.max(0, s.steps() - 777), 5_000},
                    new long[] {Long.MAX_VALUE - 999, 1000},
                    new long[] {(long) (random.nextDouble() * (3 * Math.max(s.steps(), s.totalSteps()) + 1e6)), 40_000}));
            if (s.isSet("totalSteps")) {
                ranges.add(new long[] {Math.max(0, s.totalSteps() - 30_000), 30_500});
            }
            for (long m : s.milestones()) {
                ranges.add(new long[] {Math.max(0, m - 300), 600});
            }
            for (long[] range : ranges) {
                double[] out = new double[(int) range[1]];
                lr.fill(out, range[0]);
                for (int i = 0; i < out.length; i++) {
                    long step = range[0] + i;
                    double expected = lr.lr(step);
                    double error = Math.abs(out[i] - expected);
                    double ulps = expected >= Double.MIN_NORMAL ? error / Math.ulp(expected) : 0;
                    if (!(ulps <= stated || error <= Double.MIN_NORMAL && expected < Double.MIN_NORMAL)
                            && failure == null) {
                        failure = c.annotation() + ": fill from " + range[0] + " gives " + out[i] + " at step "
                                + step + ", lr gives " + expected + ": " + ulps + " ulps, the Javadoc states " + stated;
                    }
                    String shape = step < s.steps() ? "warmup " + s.warmup() : "decay " + s.decay();
                    worst.merge(shape, ulps, Math::max);
                }
                checked += out.length;
            }
        }
        System.out.printf("fill vs lr: %d values of %d schedules; largest difference in ulps of lr, by shape: %s%n",
                checked, CASES.size(), worst);
        if (failure != null) {
            fail(failure);
        }
    }

    @Test
    void fillRejectsWhatLrRejects() {
        StepLr lr = CASES.get(0).generated();
        assertThrows(IllegalArgumentException.class, () -> lr.fill(new double[3], -1));
        assertThrows(ArithmeticException.class, () -> lr.fill(new double[3], Long.MAX_VALUE - 1));
        lr.fill(new double[0], 5);
        double[] last = new double[2];
        lr.fill(last, Long.MAX_VALUE - 1);
        assertEquals(lr.lr(Long.MAX_VALUE), last[1]);
    }

    @Test
    void negativeStepsAreRejected() {
        for (Case c : CASES.subList(0, 5)) {
            assertThrows(IllegalArgumentException.class, () -> c.generated().lr(-1));
            assertThrows(IllegalArgumentException.class, () -> c.generated().lr(Long.MIN_VALUE));
        }
    }

    @Test
    void reportsItsWarmupLength() {
        for (Case c : CASES) {
            assertEquals(c.settings().steps(), c.generated().warmupSteps(), c.className());
        }
    }

    // --- the formulas as the issue states them, computed the obvious way

    private static double naive(RandomSettings s, long t) {
        double initLr = s.initLr();
        long w = s.steps();
        if (t < w) {
            return switch (s.warmup()) {
                case LINEAR -> s.startLr() + (initLr - s.startLr()) * t / w;
                case CONSTANT -> s.startLr();
                case EXPONENTIAL -> s.startLr() * Math.pow(initLr / s.startLr(), (double) t / w);
            };
        }
        double d = t - w;
        double span = s.totalSteps() - w;
        if (t >= s.totalSteps() && EnumSetHolder.TO_MIN_LR.contains(s.decay())) {
            return s.minLr();
        }
        return switch (s.decay()) {
            case NONE -> initLr;
            case EXP -> initLr * Math.pow(s.gamma(), d);
            case STEP -> initLr * Math.pow(s.gamma(), Math.floor((t - w) / (double) s.stepSize()));
            case MULTISTEP -> initLr * Math.pow(s.gamma(), LongStream.of(s.milestones()).filter(m -> m <= t).count());
            case COSINE -> s.minLr() + (initLr - s.minLr()) * (1 + Math.cos(Math.PI * d / span)) / 2;
            case LINEAR -> initLr + (s.minLr() - initLr) * d / span;
            // 1 - d / D, written (D - d) / D: the former cancels to a few digits just before T, where D is large.
            case POLY -> (initLr - s.minLr()) * Math.pow((span - d) / span, s.power()) + s.minLr();
            case INV_SQRT -> initLr * Math.sqrt((double) w / t);
            case REPEATED_POWER -> repeatedPower(initLr, s.power(), t - w);
        };
    }

    /** lr(W) = initLr, lr(t) = lr(t - 1)^power: step by step where that is quick, closed form beyond. */
    private static double repeatedPower(double initLr, double power, long d) {
        if (d > 5000) {
            return Math.pow(initLr, Math.pow(power, d));
        }
        double lr = initLr;
        for (long i = 0; i < d; i++) {
            lr = Math.pow(lr, power);
        }
        return lr;
    }

    private static final class EnumSetHolder {
        static final Set<Decay> TO_MIN_LR = Set.of(Decay.COSINE, Decay.LINEAR, Decay.POLY);
    }

    // --- steps to look at

    /** 0, 1, W - 1, W, W + 1, T - 1, T, T + 1, the milestones and drops, 2^31 and Long.MAX_VALUE. */
    private static Set<Long> probes(RandomSettings s) {
        long w = s.steps();
        Set<Long> steps = new TreeSet<>(List.of(0L, 1L, w, w + 1, 1L << 31, Long.MAX_VALUE - 1, Long.MAX_VALUE));
        if (w > 0) {
            steps.add(w - 1);
        }
        if (s.isSet("totalSteps")) {
            steps.addAll(List.of(s.totalSteps() - 1, s.totalSteps(), s.totalSteps() + 1));
        }
        if (s.isSet("stepSize")) {
            steps.addAll(List.of(w + s.stepSize() - 1, w + s.stepSize(), w + 3 * s.stepSize()));
        }
        for (long m : s.milestones()) {
            steps.addAll(List.of(m - 1, m));
        }
        return steps;
    }

    /** The probes, and random steps through warmup and up to a few times the schedule's length. */
    private static Set<Long> steps(RandomSettings s, Random random) {
        Set<Long> steps = new LinkedHashSet<>(probes(s));
        long horizon = Math.max(s.totalSteps(), s.steps()) * 3 + 1000;
        for (int i = 0; i < 40; i++) {
            steps.add((long) (random.nextDouble() * horizon));
            if (s.steps() > 0) {
                steps.add((long) (random.nextDouble() * s.steps()));
            }
        }
        return steps;
    }

    // --- random valid settings

    private static RandomSettings randomSettings(Random random, Warmup warmup, Decay decay) {
        Set<String> explicit = new LinkedHashSet<>(List.of("steps", "initLr"));
        long[] warmups = {0, 1, 2, 10, 400, 2500, 1 + random.nextInt(100_000), 1L << 40};
        long w = warmups[random.nextInt(warmups.length)];
        if (decay == Decay.INV_SQRT && w == 0) {
            w = 1000;
        }
        double initLr = Math.pow(10, -6 + 6.5 * random.nextDouble());
        if (decay == Decay.REPEATED_POWER) {
            initLr = Math.pow(10, -4 + 3.9 * random.nextDouble());
        }
        double startLr = 0;
        if (w > 0) {
            explicit.add("warmup");
            if (warmup == Warmup.EXPONENTIAL || warmup == Warmup.CONSTANT || random.nextBoolean()) {
                startLr = initLr * Math.pow(10, -4 * random.nextDouble());
                explicit.add("startLr");
            }
        }
        explicit.add("decay");
        double gamma = Double.NaN;
        long stepSize = 0;
        long[] milestones = {};
        long totalSteps = 0;
        double minLr = 0;
        double power = 1;
        switch (decay) {
            case EXP, STEP, MULTISTEP -> {
                double[] gammas = {0.1, 0.5, 0.9999, 1.0, 0.5 + 0.5 * random.nextDouble()};
                gamma = gammas[random.nextInt(gammas.length)];
                explicit.add("gamma");
            }
            default -> { }
        }
        switch (decay) {
            case STEP -> {
                stepSize = 1 + random.nextInt(10_000);
                explicit.add("stepSize");
            }
            case MULTISTEP -> {
                int count = 1 + random.nextInt(12);
                long next = w;
                milestones = new long[count];
                for (int i = 0; i < count; i++) {
                    next += random.nextInt(5000) + (i == 0 ? 0 : 1);
                    milestones[i] = next;
                }
                explicit.add("milestones");
            }
            case COSINE, LINEAR, POLY -> {
                totalSteps = w + 1 + random.nextInt(1_000_000);
                explicit.add("totalSteps");
                if (random.nextBoolean()) {
                    minLr = initLr * random.nextDouble() * 0.5;
                    explicit.add("minLr");
                }
                if (decay == Decay.POLY) {
                    double[] powers = {0.5, 1.0, 2.0, 0.1 + 4 * random.nextDouble()};
                    power = powers[random.nextInt(powers.length)];
                    explicit.add("power");
                }
            }
            case REPEATED_POWER -> {
                power = 1 + Math.pow(10, -6 + 4 * random.nextDouble());
                explicit.add("power");
            }
            default -> { }
        }
        return new RandomSettings(w, initLr, warmup, startLr, decay, gamma, stepSize, milestones, totalSteps, minLr,
                power, explicit);
    }

}
