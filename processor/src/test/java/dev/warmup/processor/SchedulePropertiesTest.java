package dev.warmup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.warmup.AnnealStrategy;
import dev.warmup.ChainedSchedule;
import dev.warmup.CyclicMode;
import dev.warmup.CyclicSchedule;
import dev.warmup.Decay;
import dev.warmup.FactorShape;
import dev.warmup.OneCycleSchedule;
import dev.warmup.PhaseShape;
import dev.warmup.PhasedSchedule;
import dev.warmup.StepLr;
import dev.warmup.WarmRestartsSchedule;
import dev.warmup.Warmup;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Properties of the generated schedules of the schedule annotations, over random valid settings from fixed seeds, one
 * nested class per annotation. The random schedules are compiled in batches, and at probe steps (the
 * boundaries of warmup, decay, phases and cycles, 2^31, 2^53, {@code Long.MAX_VALUE}) and random ones the generated
 * {@code lr}:
 * <ul>
 *   <li>matches the schedule's definition written naively here, PyTorch's way where it has the schedule (plain
 *       quotients, {@code 1 + cos}, {@code Math.pow}, a loop over SGDR's cycles);</li>
 *   <li>matches the processor's evaluator {@link ScheduleModel#at} to the bit (the two faces of each shape);</li>
 *   <li>is finite and {@code >= 0} everywhere, up to {@link Long#MAX_VALUE}.</li>
 * </ul>
 */
class SchedulePropertiesTest {

    /** Compiles {@code sources}, class name to source text, with the processor; fails on a warning. */
    private static Compilation compile(Map<String, String> sources) {
        Compilation compilation = Compiler.compileWithoutLint(sources.entrySet().stream()
                .map(e -> JavaFileObjects.forSourceString("props." + e.getKey(), e.getValue()))
                .toArray(JavaFileObject[]::new));
        assertThat(compilation).succeededWithoutWarnings();
        return compilation;
    }

    private static String source(String className, String annotation) {
        return "package props;\nimport dev.warmup.*;\n" + annotation + "\nfinal class " + className + " {}\n";
    }

    /** A reporter that fails the test on any message: the settings are valid. */
    private static Reporter failing(String annotation) {
        return new FailingReporter(annotation);
    }

    /**
     * {@code @WarmupSchedule}: hundreds of random valid settings (fixed seed), every warmup with every decay. At
     * probe steps and random steps, the generated {@code lr} matches the formula of the issue written naively here
     * (Math.pow, 1 + cos, plain quotients) to 1e-12 relative, with an absolute floor of 1e-15 * initLr where the
     * naive form itself loses digits; rises monotonically through a linear warmup, meets initLr at W without a jump,
     * and never rises during a decay.
     */
    @Nested
    class WarmupScheduleProperties {

        private static final int PER_PAIR = 12;
        private static final List<Case> CASES = new ArrayList<>();
        private static Compiler.Loader loader;

        /** One random schedule: the settings, and the source that declares them. */
        record Case(String className, RandomSettings settings) {

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
                if (s.isSet("cycles")) {
                    attributes.add("cycles = " + s.cycles());
                }
                return attributes.stream().collect(Collectors.joining(", ", "@WarmupSchedule(", ")"));
            }

            StepLr generated() {
                return loader.schedule("props." + className + "StepLr");
            }

            ScheduleModel model() {
                return WarmupValidation.validate(settings.attributes(), failing(className)).orElseThrow();
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
            Map<String, String> sources = new LinkedHashMap<>();
            CASES.forEach(c -> sources.put(c.className(), source(c.className(), c.annotation())));
            loader = new Compiler.Loader(compile(sources));
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
                if (s.decay() == Decay.COSINE_RESTARTS || s.decay() == Decay.COSINE && s.cyclesOrDefault() != 0.5
                        || s.decay() == Decay.POLY_CYCLE) {
                    continue; // they rise by design: CosineCyclesProperties checks their restarts and crests
                }
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
            if (t >= s.totalSteps() && s.decay() == Decay.COSINE) {
                return cosineWaves(s, s.totalSteps() - w); // the value at T holds
            }
            if (t >= s.totalSteps() && EnumSetHolder.TO_MIN_LR.contains(s.decay())) {
                return s.minLr();
            }
            return switch (s.decay()) {
                case NONE -> initLr;
                case EXP -> initLr * Math.pow(s.gamma(), s.isSet("stepSize") ? d / s.stepSize() : d);
                case STEP -> initLr * Math.pow(s.gamma(), Math.floor((t - w) / (double) s.stepSize()));
                case MULTISTEP -> initLr * Math.pow(s.gamma(),
                        LongStream.of(s.milestones()).filter(m -> m <= t).count());
                case COSINE -> cosineWaves(s, t - w);
                case COSINE_RESTARTS -> {
                    // Hugging Face: 0.5 * (1 + cos(pi * ((c * p) % 1.0))), the fraction taken exactly (HF's float
                    // product can land an ulp short of a restart): c = units / 1024
                    long units = (long) (s.cyclesOrDefault() * 1024);
                    long den = 1024 * (s.totalSteps() - w);
                    double fraction = (double) Math.floorMod(units * (t - w), den) / den;
                    yield s.minLr() + (initLr - s.minLr()) * (1 + Math.cos(Math.PI * fraction)) / 2;
                }
                case LINEAR -> initLr + (s.minLr() - initLr) * d / span;
                // 1 - d / D, written (D - d) / D: the former cancels to a few digits just before T, where D is large.
                case POLY -> (initLr - s.minLr()) * Math.pow((span - d) / span, s.power()) + s.minLr();
                case INV_SQRT -> initLr * Math.sqrt((double) w / t);
                case REPEATED_POWER -> repeatedPower(initLr, s.power(), t - w);
                // Keras's InverseTimeDecay: initial / (1 + decay_rate * p), p = step / decay_steps (floored)
                case INV_TIME -> initLr / (1 + s.gamma() * (d / (s.isSet("stepSize") ? s.stepSize() : 1)));
                case INV_TIME_STEP -> initLr / (1 + s.gamma() * Math.floor(d / s.stepSize()));
                // Keras's PolynomialDecay(cycle=True): the horizon decay_steps * ceil(step / decay_steps)
                // written from the steps left to the horizon, 1 - d / H = left / H: the former cancels at large d
                case POLY_CYCLE -> {
                    long done = t - w;
                    long cycle = s.totalSteps() - w;
                    long left = done == 0 ? cycle : cycle - 1 - (done - 1) % cycle;
                    yield (initLr - s.minLr()) * Math.pow(left / ((double) done + left), s.power()) + s.minLr();
                }
            };
        }

        /**
         * Hugging Face's {@code 0.5 * (1 + cos(pi * c * 2 * p))}, p = d / D, with the half waves {@code 2 c d / D}
         * reduced modulo 2 exactly first (c = units / 1024), so that a large c loses no digits to the reduction.
         */
        static double cosineWaves(RandomSettings s, long d) {
            long units = (long) (s.cyclesOrDefault() * 1024);
            long halfWave = 512 * (s.totalSteps() - s.steps());
            double halfWaves = (double) Math.floorMod(units * d, 2 * halfWave) / halfWave;
            return s.minLr() + (s.initLr() - s.minLr()) * (1 + Math.cos(Math.PI * halfWaves)) / 2;
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
            static final Set<Decay> TO_MIN_LR = Set.of(Decay.COSINE, Decay.LINEAR, Decay.POLY,
                    Decay.COSINE_RESTARTS);
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
            double cycles = Double.NaN;
            switch (decay) {
                case EXP, STEP, MULTISTEP -> {
                    double[] gammas = {0.1, 0.5, 0.9999, 1.0, 0.5 + 0.5 * random.nextDouble()};
                    gamma = gammas[random.nextInt(gammas.length)];
                    explicit.add("gamma");
                }
                case INV_TIME, INV_TIME_STEP -> {
                    gamma = Math.pow(10, -4 + 5 * random.nextDouble());
                    explicit.add("gamma");
                    if (decay == Decay.INV_TIME_STEP || random.nextBoolean()) {
                        stepSize = 1 + random.nextInt(10_000);
                        explicit.add("stepSize");
                    }
                }
                default -> { }
            }
            switch (decay) {
                case EXP -> {
                    // Keras's continuous gamma per stepSize steps, half the time; drawn apart from the stream
                    Random over = new Random(Double.doubleToLongBits(gamma) * 31 + w);
                    if (over.nextBoolean()) {
                        stepSize = 1 + over.nextInt(10_000);
                        explicit.add("stepSize");
                    }
                }
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
                case COSINE, LINEAR, POLY, COSINE_RESTARTS, POLY_CYCLE -> {
                    totalSteps = w + 1 + random.nextInt(1_000_000);
                    if (decay == Decay.COSINE_RESTARTS ? random.nextInt(4) != 0
                            : decay == Decay.COSINE && random.nextBoolean()) {
                        double[] choices = {0.5, 1, 1.5, 2, 2.5, 3, 0.25, 1 + random.nextInt(8 * 1024) / 1024.0};
                        cycles = choices[random.nextInt(choices.length)];
                        explicit.add("cycles");
                    }
                    explicit.add("totalSteps");
                    if (random.nextBoolean()) {
                        minLr = initLr * random.nextDouble() * 0.5;
                        explicit.add("minLr");
                    }
                    if (decay == Decay.POLY || decay == Decay.POLY_CYCLE) {
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
                    power, cycles, explicit);
        }
    }

    /**
     * Hugging Face's cosines with {@code cycles} ({@code Decay.COSINE} with cycles other than 0.5, and
     * {@code Decay.COSINE_RESTARTS}), over fixed and random settings (fixed seed), checked against what their
     * definition says at whole positions, found here by scanning steps with the position written as
     * {@code cycles * 1024 * d} over {@code 1024 * D}:
     * <ul>
     *   <li>every restart (c d / D whole) gives initLr, to the ulp, and the step before it lies within
     *       {@code (initLr - minLr) * (pi c / (2 D))^2} of minLr;</li>
     *   <li>every trough of a wave (2 c d / D odd) gives minLr within 1e-15 of initLr, every crest (even) initLr to
     *       the ulp, and the value at T holds after it;</li>
     *   <li>at every step, the rate is within the accuracy target of the exact value, computed here in 50-digit
     *       decimals (sine by its Taylor series);</li>
     *   <li>cycles = 0.5 generates exactly what an unset cycles generates, today's cosine.</li>
     * </ul>
     */
    @Nested
    class CosineCyclesProperties {

        private static final List<Cycled> CASES = new ArrayList<>();
        private static Compilation compilation;
        private static Compiler.Loader loader;

        /** One schedule: restarts or waves, c = cycles, over D = totalSteps - w. */
        record Cycled(String className, boolean restarts, long w, double initLr, double minLr, long totalSteps,
                double cycles) {

            String annotation() {
                return "@WarmupSchedule(steps = " + w + "L, initLr = " + initLr + ", decay = Decay."
                        + (restarts ? "COSINE_RESTARTS" : "COSINE") + ", totalSteps = " + totalSteps + "L, minLr = "
                        + minLr + ", cycles = " + cycles + ")";
            }

            StepLr generated() {
                return loader.schedule("props." + className + "StepLr");
            }

            long span() {
                return totalSteps - w;
            }

            /** cycles * 1024, whole. */
            long units() {
                return (long) (cycles * 1024);
            }
        }

        @BeforeAll
        static void compileCases() {
            // the two references' settings, a cycle shorter than a step, a long decay, then random ones
            CASES.add(new Cycled("HardRestarts", true, 1000, 1e-3, 0, 11000, 2.5));
            CASES.add(new Cycled("FullCycle", false, 500, 5e-5, 0, 8000, 1.0));
            CASES.add(new Cycled("ManyRestarts", true, 0, 0.1, 0.001, 100, 1000.5));
            CASES.add(new Cycled("ManyWaves", false, 3, 0.1, 0.0, 103, 99.75));
            CASES.add(new Cycled("Slow", true, 10, 0.5, 0.0, 10 + 3 * (1L << 20), 3.0 / 1024));
            Random random = new Random(20261129L);
            double[] common = {0.25, 1, 1.5, 2, 2.5, 3, 3.5, 10};
            for (int i = 0; i < 40; i++) {
                boolean restarts = i % 2 == 0;
                long w = random.nextBoolean() ? 0 : random.nextInt(5000);
                long span = 1 + random.nextInt(i < 20 ? 3000 : 300_000);
                double initLr = Math.pow(10, -6 + 6 * random.nextDouble());
                double minLr = random.nextBoolean() ? 0 : initLr * 0.3 * random.nextDouble();
                double cycles = random.nextBoolean() ? common[random.nextInt(common.length)]
                        : (1 + random.nextInt(20 * 1024)) / 1024.0;
                CASES.add(new Cycled("Cycled" + i, restarts, w, initLr, minLr, w + span, cycles));
            }
            Map<String, String> sources = new LinkedHashMap<>();
            CASES.forEach(c -> sources.put(c.className(), source(c.className(), c.annotation())));
            sources.put("HalfWave", source("HalfWave", "@WarmupSchedule(steps = 100L, initLr = 0.1, decay = "
                    + "Decay.COSINE, totalSteps = 10100L, minLr = 1e-4, cycles = 0.5)"));
            sources.put("Unset", source("Unset", "@WarmupSchedule(steps = 100L, initLr = 0.1, decay = "
                    + "Decay.COSINE, totalSteps = 10100L, minLr = 1e-4)"));
            compilation = compile(sources);
            loader = new Compiler.Loader(compilation);
        }

        @Test
        void restartsFallOnTheirExactStepsAndTheStepBeforeIsNearMinLr() {
            int restarts = 0;
            for (Cycled c : CASES) {
                if (!c.restarts() || c.span() > 1_000_000) {
                    continue;
                }
                StepLr lr = c.generated();
                double amplitude = c.initLr() - c.minLr();
                double lastStepBound = amplitude * Math.pow(Math.PI * c.cycles() / (2 * c.span()), 2);
                for (long d = 0; d < c.span(); d++) {
                    if (c.units() * d % (1024 * c.span()) != 0) {
                        continue;
                    }
                    restarts++;
                    long t = c.w() + d;
                    assertEquals(c.initLr(), lr.lr(t), Math.ulp(c.initLr()), c.annotation() + " restarts at " + t);
                    if (d > 0) {
                        double before = lr.lr(t - 1);
                        assertTrue(before >= c.minLr() && before - c.minLr() <= lastStepBound * (1 + 1e-9),
                                c.annotation() + " at " + (t - 1) + ", the last step of a cycle: " + before);
                    }
                }
                assertEquals(c.minLr(), lr.lr(c.totalSteps()), c.annotation() + " at T");
                assertEquals(c.minLr(), lr.lr(Long.MAX_VALUE), c.annotation() + " after T");
            }
            assertTrue(restarts >= 20, "restarts checked: " + restarts);
        }

        @Test
        void wavesReachMinLrAtEveryTroughAndInitLrAtEveryCrestAndHoldTheirValueAtT() {
            int troughs = 0;
            for (Cycled c : CASES) {
                if (c.restarts()) {
                    continue;
                }
                StepLr lr = c.generated();
                for (long d = 0; d <= c.span(); d++) {
                    // 2 c d / D = units * d / (512 D) half waves
                    if (c.units() * d % (512 * c.span()) != 0) {
                        continue;
                    }
                    long halfWaves = c.units() * d / (512 * c.span());
                    long t = c.w() + d;
                    if (halfWaves % 2 == 1) {
                        troughs++;
                        // cos(pi / 2) as a double is 6.1e-17: minLr plus 3.7e-33 of the amplitude, within the target
                        assertEquals(c.minLr(), lr.lr(t), 1e-15 * c.initLr(), c.annotation() + " trough at " + t);
                    } else {
                        assertEquals(c.initLr(), lr.lr(t), Math.ulp(c.initLr()), c.annotation() + " crest at " + t);
                    }
                }
                double atT = lr.lr(c.totalSteps());
                assertEquals(atT, lr.lr(c.totalSteps() + 1), c.annotation());
                assertEquals(atT, lr.lr(Long.MAX_VALUE), c.annotation());
            }
            assertTrue(troughs >= 10, "troughs checked: " + troughs);
        }

        @Test
        void withinTheAccuracyTargetOfTheExactValue() {
            Random random = new Random(3);
            double worst = 0;
            String worstAt = "";
            for (Cycled c : CASES) {
                StepLr lr = c.generated();
                Set<Long> ds = new TreeSet<>();
                for (int i = 0; i < 300; i++) {
                    ds.add((long) (random.nextDouble() * c.span()));
                }
                for (long d = 0; d < Math.min(c.span(), 200); d++) {
                    ds.add(d);
                    ds.add(c.span() - 1 - d);
                }
                for (long d : ds) {
                    java.math.BigDecimal exact = exact(c, d);
                    double actual = lr.lr(c.w() + d);
                    double distance = CosineAccuracyTest.distance(actual, exact, c.initLr());
                    if (distance > worst) {
                        worst = distance;
                        worstAt = c.annotation() + " at step " + (c.w() + d) + ": exact " + exact + ", lr "
                                + actual;
                    }
                }
            }
            System.out.printf("cosine cycles: worst distance from exact %.2e (%s)%n", worst, worstAt);
            assertTrue(worst <= CosineAccuracyTest.TARGET, worstAt + ": " + worst);
        }

        /**
         * minLr + (initLr - minLr) * (1 + cos(pi x)) / 2 = minLr + (initLr - minLr) * sin^2(pi / 2 * (1 - x)), x the
         * position (restarts: frac(c d / D); waves: the half waves 2 c d / D modulo 2, folded to [0, 1]), in
         * 50-digit decimals.
         */
        private static java.math.BigDecimal exact(Cycled c, long d) {
            java.math.MathContext mc = new java.math.MathContext(50);
            java.math.BigDecimal x;
            if (c.restarts()) {
                long den = 1024 * c.span();
                x = new java.math.BigDecimal(c.units() * d % den).divide(new java.math.BigDecimal(den), mc);
            } else {
                long den = 512 * c.span();
                long inWave = c.units() * d % (2 * den);
                x = new java.math.BigDecimal(inWave <= den ? inWave : 2 * den - inWave)
                        .divide(new java.math.BigDecimal(den), mc);
            }
            java.math.BigDecimal pi = new java.math.BigDecimal("3.14159265358979323846264338327950288419716939937510");
            java.math.BigDecimal angle = pi.divide(java.math.BigDecimal.valueOf(2), mc)
                    .multiply(java.math.BigDecimal.ONE.subtract(x), mc);
            java.math.BigDecimal sin = java.math.BigDecimal.ZERO;
            java.math.BigDecimal term = angle;
            for (int k = 1; k < 40; k++) {
                sin = sin.add(term, mc);
                term = term.multiply(angle, mc).multiply(angle, mc).negate()
                        .divide(java.math.BigDecimal.valueOf((2L * k) * (2L * k + 1)), mc);
            }
            java.math.BigDecimal minLr = new java.math.BigDecimal(c.minLr());
            return minLr.add(new java.math.BigDecimal(c.initLr()).subtract(minLr).multiply(sin.multiply(sin, mc), mc),
                    mc);
        }

        @Test
        void halfACycleGeneratesTodaysCosine() throws IOException {
            assertEquals(body("Unset"), body("HalfWave").replace("HalfWave", "Unset"));
            StepLr half = loader.schedule("props.HalfWaveStepLr");
            StepLr unset = loader.schedule("props.UnsetStepLr");
            for (long t = 0; t < 10200; t++) {
                assertEquals(Double.doubleToRawLongBits(unset.lr(t)), Double.doubleToRawLongBits(half.lr(t)));
            }
        }

        /**
         * The generated class from its declaration on, without the lines of the annotation as written: toString,
         * and the fingerprint of its attributes (cycles unset is NaN, its mark of unset, not 0.5).
         */
        private static String body(String name) throws IOException {
            String source = compilation.generatedSourceFile("props." + name + "StepLr").orElseThrow()
                    .getCharContent(true).toString();
            return source.substring(source.indexOf("public final class")).lines()
                    .filter(line -> !line.contains("@WarmupSchedule(") && !line.contains("FINGERPRINT = "))
                    .collect(Collectors.joining("\n"));
        }
    }

    // ------------------------------------------------------------------------------------------ the other four

    private static final int PER_ANNOTATION = 60;
    /** Random valid settings of the other four annotations, drawn in turn from one seed and compiled in one batch. */
    private static final List<RandomSchedule> SCHEDULES = new ArrayList<>();
    private static Compilation compilation;
    private static Compiler.Loader loader;

    /** One random schedule: its annotation type, its explicit attributes, and the source that declares them. */
    record RandomSchedule(String className, Class<? extends Annotation> type, Map<String, Object> explicit) {

        String annotation() {
            return TestAttributes.source(type, explicit);
        }

        StepLr generated() {
            return loader.schedule("props." + className + "StepLr");
        }

        @SuppressWarnings("unchecked")
        List<TestAttributes.Factor> factors() {
            return (List<TestAttributes.Factor>) explicit.get("factors");
        }

        @SuppressWarnings("unchecked")
        List<TestAttributes.Phase> phases() {
            return (List<TestAttributes.Phase>) explicit.get("phases");
        }

        Attributes attributes() {
            if (type == ChainedSchedule.class) {
                return TestAttributes.chained((Double) explicit.get("baseLr"), factors());
            }
            return type == PhasedSchedule.class ? TestAttributes.phased(phases()) : TestAttributes.of(type, explicit);
        }

        double get(String attribute, double unset) {
            Object value = explicit.get(attribute);
            return value == null ? unset : ((Number) value).doubleValue();
        }

        long getLong(String attribute, long unset) {
            Object value = explicit.get(attribute);
            return value == null ? unset : ((Number) value).longValue();
        }
    }

    @BeforeAll
    static void compileRandomSchedules() {
        Random random = new Random(20260601L);
        // the momentum's and the restarts' decay settings from seeds of their own, so that the draws of the rates
        // stay as they were
        Random momentum = new Random(20261207L);
        Random restarts = new Random(20261208L);
        for (int i = 0; i < PER_ANNOTATION; i++) {
            SCHEDULES.add(new RandomSchedule("Phased" + i, PhasedSchedule.class,
                    PhasedScheduleProperties.randomSettings(random)));
            SCHEDULES.add(new RandomSchedule("OneCycle" + i, OneCycleSchedule.class,
                    withMomentum(OneCycleScheduleProperties.randomSettings(random), momentum)));
            SCHEDULES.add(new RandomSchedule("Cyclic" + i, CyclicSchedule.class,
                    withMomentum(CyclicScheduleProperties.randomSettings(random), momentum)));
            SCHEDULES.add(new RandomSchedule("Restarts" + i, WarmRestartsSchedule.class,
                    withRestartDecay(WarmRestartsScheduleProperties.randomSettings(random), restarts)));
        }
        // from a seed of their own, so that the draws of the four above stay as they were
        Random chained = new Random(20261129L);
        for (int i = 0; i < PER_ANNOTATION; i++) {
            SCHEDULES.add(new RandomSchedule("Chained" + i, ChainedSchedule.class,
                    ChainedScheduleProperties.randomSettings(chained)));
        }
        Map<String, String> sources = new LinkedHashMap<>();
        SCHEDULES.forEach(c -> sources.put(c.className(), source(c.className(), c.annotation())));
        compilation = compile(sources);
        loader = new Compiler.Loader(compilation);
    }

    /**
     * Random settings of the momentum PyTorch cycles against the rate, added to {@code settings}: none (the defaults),
     * {@code cycleMomentum = false}, or bounds in [0, 1), base below max, each set or not.
     */
    private static Map<String, Object> withMomentum(Map<String, Object> settings, Random random) {
        switch (random.nextInt(4)) {
            case 0 -> { }
            case 1 -> settings.put("cycleMomentum", false);
            default -> {
                double base = new double[] {0.0, 0.5, 0.85, random.nextDouble() * 0.99}[random.nextInt(4)];
                settings.put("baseMomentum", base);
                settings.put("maxMomentum", base + (0.999 - base) * (0.01 + 0.99 * random.nextDouble()));
            }
        }
        return settings;
    }

    /**
     * Random settings of the restarts as timm and Keras have them, added to {@code settings}: a decay of each restart
     * (Keras's or timm's), a limit on the cycles, the warmup counted in the first cycle or not; each or none.
     */
    private static Map<String, Object> withRestartDecay(Map<String, Object> settings, Random random) {
        double factor = new double[] {0.5, 0.9, 1.0, 0.01 + 0.99 * random.nextDouble()}[random.nextInt(4)];
        switch (random.nextInt(3)) {
            case 0 -> settings.put("heightDecay", factor);
            case 1 -> settings.put("peakDecay", factor);
            default -> { }
        }
        if (random.nextInt(3) == 0) {
            settings.put("cycles", (long) (1 + random.nextInt(5)));
        }
        if (random.nextInt(3) == 0) {
            settings.put("kDecay", new double[] {0.5, 2.0, 0.1 + 3 * random.nextDouble()}[random.nextInt(3)]);
        }
        if (settings.containsKey("warmupSteps") && random.nextBoolean()) {
            settings.put("warmupPrefix", false);
        }
        // Keras's t_mul and timm's cycle_mul that are not whole, drawn last so that the draws above stay as they were
        if (random.nextInt(3) == 0) {
            settings.put("tMult", new double[] {1.5, 2.5, 1.1, 1.25 + 2 * random.nextDouble()}[random.nextInt(4)]);
        }
        return settings;
    }

    /**
     * What the other four annotations' schedules share: at probe steps and random ones, {@code lr} matches the
     * annotation's definition to 1e-10 relative, with an absolute floor of 1e-13 times the schedule's largest rate
     * where the naive forms themselves lose digits, and the evaluator to the bit; it is finite and {@code >= 0};
     * {@code lr} has no loop and the class no mutable state. Each
     * nested class gives its annotation's definition, the boundaries to probe, and what {@code warmupSteps} is.
     */
    abstract class DefinitionProperties {
        private final Class<? extends Annotation> type;
        private final BiFunction<Attributes, Reporter, Optional<ScheduleModel>> validator;

        DefinitionProperties(Class<? extends Annotation> type,
                BiFunction<Attributes, Reporter, Optional<ScheduleModel>> validator) {
            this.type = type;
            this.validator = validator;
        }

        /** The definition, computed the obvious way. */
        abstract double naive(RandomSchedule c, long step);

        /**
         * The definition where {@code actual} was computed; where the definition itself leaves the choice to rounding
         * (a real cycle start within rounding of a whole step), the choice nearer {@code actual}.
         */
        double naive(RandomSchedule c, long step, double actual) {
            return naive(c, step);
        }

        /** The largest rate of a schedule, for the absolute floor of the comparison. */
        abstract double scale(RandomSchedule c);

        /** Adds the steps around the boundaries of the schedule's phases or cycles. */
        abstract void addBoundaries(RandomSchedule c, Set<Long> steps);

        /** Asserts what {@code warmupSteps()} reports. */
        abstract void assertWarmupSteps(RandomSchedule c, StepLr lr);

        /** The momentum cycled against the rate, computed the obvious way, or NaN where the class has none. */
        double naiveMomentum(RandomSchedule c, long step) {
            return Double.NaN;
        }

        List<RandomSchedule> cases() {
            return SCHEDULES.stream().filter(c -> c.type() == type).toList();
        }

        @Test
        void matchesTheDefinitionAndTheEvaluator() {
            Random random = new Random(5);
            long checked = 0;
            long withMomentum = 0;
            for (RandomSchedule c : cases()) {
                StepLr generated = c.generated();
                ScheduleModel model = validator.apply(c.attributes(), failing(c.annotation())).orElseThrow();
                double scale = scale(c);
                for (long step : steps(c, random)) {
                    double actual = generated.lr(step);
                    double evaluated = model.at(step);
                    assertEquals(Double.doubleToRawLongBits(evaluated), Double.doubleToRawLongBits(actual),
                            () -> c.annotation() + " at step " + step + ": evaluator " + evaluated + ", generated "
                                    + actual);
                    double naive = naive(c, step, actual);
                    double error = Math.abs(actual - naive);
                    assertTrue(error <= 1e-13 * scale || error <= 1e-10 * Math.abs(naive), () -> c.annotation()
                            + " at step " + step + ": naive " + naive + ", generated " + actual);
                    checked++;
                    if (!model.quantities().isEmpty()) {
                        double momentum = momentum(generated, step);
                        double momentumEvaluated = model.quantities().get(0).series().at(step);
                        assertEquals(Double.doubleToRawLongBits(momentumEvaluated),
                                Double.doubleToRawLongBits(momentum), () -> c.annotation() + " momentum at step "
                                        + step + ": evaluator " + momentumEvaluated + ", generated " + momentum);
                        double naiveMomentum = naiveMomentum(c, step);
                        assertTrue(Math.abs(momentum - naiveMomentum) <= 1e-13, () -> c.annotation()
                                + " momentum at step " + step + ": naive " + naiveMomentum + ", generated "
                                + momentum);
                        assertTrue(momentum >= 0 && momentum < 1, () -> c.annotation() + " momentum at step "
                                + step + " outside [0, 1): " + momentum);
                        withMomentum++;
                    }
                }
                assertEquals(!Boolean.FALSE.equals(c.explicit().get("cycleMomentum"))
                        && !Double.isNaN(naiveMomentum(c, 0)), !model.quantities().isEmpty(), c.annotation());
            }
            System.out.printf("@%s: %d schedules, %d steps against the definition and the evaluator, %d of them with"
                    + " a momentum%n", type.getSimpleName(), cases().size(), checked, withMomentum);
        }

        @Test
        void finiteAndNonNegativeAtEveryProbe() {
            for (RandomSchedule c : cases()) {
                for (long step : probes(c)) {
                    double lr = c.generated().lr(step);
                    assertTrue(Double.isFinite(lr) && lr >= 0, () -> c.annotation() + " at step " + step + ": " + lr);
                }
            }
        }

        @Test
        void lrHasNoLoopAndTheClassNoMutableState() throws IOException {
            for (RandomSchedule c : cases()) {
                String source = compilation.generatedFile(StandardLocation.SOURCE_OUTPUT,
                        "props/" + c.className() + "StepLr.java").orElseThrow().getCharContent(false).toString();
                int start = source.indexOf("public double lr(long step) {");
                String lr = source.substring(start, source.indexOf("\n    }\n", start))
                        .replace("throw new IllegalArgumentException", "throw");
                assertTrue(!lr.contains("for (") && !lr.contains("while (") && !lr.contains("do {")
                        && !lr.contains("new "), () -> c.annotation() + " lr loops or allocates:\n" + lr);
                assertTrue(source.lines().filter(l -> l.matches("\\s+(private|public) static .*=.*"))
                                .allMatch(l -> l.contains(" final ")),
                        () -> c.annotation() + " has a field that is not final");
            }
        }

        @Test
        void reportsItsWarmupSteps() {
            for (RandomSchedule c : cases()) {
                assertWarmupSteps(c, c.generated());
            }
        }

        Set<Long> probes(RandomSchedule c) {
            Set<Long> steps = new TreeSet<>(List.of(0L, 1L, 2L, 1L << 31, (1L << 53) - 1, 1L << 53, (1L << 53) + 1,
                    Long.MAX_VALUE - 1, Long.MAX_VALUE));
            addBoundaries(c, steps);
            return steps;
        }

        private Set<Long> steps(RandomSchedule c, Random random) {
            Set<Long> steps = new LinkedHashSet<>(probes(c));
            long horizon = Math.max(1000, steps.stream().filter(s -> s < (1L << 50)).mapToLong(s -> s).max()
                    .orElse(1000) * 2);
            for (int i = 0; i < 60; i++) {
                steps.add((long) (random.nextDouble() * horizon));
            }
            for (int i = 0; i < 5; i++) {
                steps.add(random.nextLong() & Long.MAX_VALUE);
            }
            return steps;
        }
    }

    /** The generated {@code momentum(step)}. */
    private static double momentum(StepLr generated, long step) {
        try {
            return (double) generated.getClass().getMethod("momentum", long.class).invoke(generated, step);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Adds {@code step - 1, step, step + 1}, those that are valid steps. */
    private static void around(Set<Long> steps, long step) {
        for (long s : new long[] {step - 1, step, step + 1}) {
            if (s >= 0 && !(step == Long.MAX_VALUE && s == Long.MIN_VALUE)) {
                steps.add(s);
            }
        }
    }

    private static double rate(Random random) {
        return Math.pow(10, -6 + 6 * random.nextDouble());
    }

    private static double rateOrZero(Random random) {
        return random.nextInt(4) == 0 ? 0.0 : rate(random);
    }

    private static long pick(Random random, long... values) {
        return values[random.nextInt(values.length)];
    }

    /** {@code @PhasedSchedule}: one shape per phase, then the last end rate; the peak is at warmupSteps. */
    @Nested
    class PhasedScheduleProperties extends DefinitionProperties {

        PhasedScheduleProperties() {
            super(PhasedSchedule.class, PhasedModel::validate);
        }

        @Override
        double naive(RandomSchedule c, long step) {
            long start = 0;
            double previous = 0;
            for (TestAttributes.Phase phase : c.phases()) {
                Map<String, Object> p = phase.explicit();
                long length = (Long) p.get("steps");
                double a = p.containsKey("startLr") ? (Double) p.get("startLr") : previous;
                double b = (Double) p.get("endLr");
                if (step - start < length) {
                    long u = step - start;
                    double progress = (double) u / length;
                    return switch ((PhaseShape) p.get("shape")) {
                        case CONSTANT -> b;
                        case LINEAR -> a + (b - a) * progress;
                        case COSINE -> b + (a - b) * (1 + Math.cos(Math.PI * progress)) / 2;
                        case EXPONENTIAL -> a * Math.pow(b / a, progress);
                        case POLY -> b + (a - b) * Math.pow(1 - progress, (Double) p.getOrDefault("power", 1.0));
                        case INV_SQRT -> {
                            double tau = length * b * b / (a * a - b * b);
                            yield a * Math.sqrt(tau / (tau + u));
                        }
                        // Hugging Face's get_wsd_schedule: decay 1 - sqrt(p), warmup 1 - sqrt(1 - p)
                        case ONE_MINUS_SQRT -> a > b ? b + (a - b) * (1 - Math.sqrt(progress))
                                : a + (b - a) * (1 - Math.sqrt(1 - progress));
                    };
                }
                start += length;
                previous = b;
            }
            return previous;
        }

        /** The random phases hold every shape, falling, and rising where it can rise: the checks see them all. */
        @Test
        void theRandomPhasesCoverEveryShapeEachWay() {
            Set<String> seen = new TreeSet<>();
            for (RandomSchedule c : cases()) {
                double previous = 0;
                for (TestAttributes.Phase phase : c.phases()) {
                    Map<String, Object> p = phase.explicit();
                    double b = (Double) p.get("endLr");
                    double a = p.get("shape") == PhaseShape.CONSTANT ? b
                            : p.containsKey("startLr") ? (Double) p.get("startLr") : previous;
                    seen.add(p.get("shape") + (b > a ? " rising" : " falling"));
                    previous = b;
                }
            }
            for (PhaseShape shape : PhaseShape.values()) {
                assertTrue(seen.contains(shape + " falling"), shape + " falling: only " + seen);
                if (shape != PhaseShape.CONSTANT && shape != PhaseShape.INV_SQRT) {
                    assertTrue(seen.contains(shape + " rising"), shape + " rising: only " + seen);
                }
            }
        }

        @Override
        double scale(RandomSchedule c) {
            double scale = 0;
            for (TestAttributes.Phase phase : c.phases()) {
                scale = Math.max(scale, (Double) phase.explicit().get("endLr"));
                scale = Math.max(scale, (Double) phase.explicit().getOrDefault("startLr", 0.0));
            }
            return scale;
        }

        @Override
        void addBoundaries(RandomSchedule c, Set<Long> steps) {
            long start = 0;
            for (TestAttributes.Phase phase : c.phases()) {
                long length = (Long) phase.explicit().get("steps");
                around(steps, start);
                steps.add(start + length / 2);
                start += length;
            }
            around(steps, start);
        }

        @Override
        void assertWarmupSteps(RandomSchedule c, StepLr lr) {
            long w = lr.warmupSteps();
            for (long step : probes(c)) {
                assertTrue(lr.lr(step) <= lr.lr(w) * (1 + 1e-15), c.annotation() + ": step " + step
                        + " is above the peak at " + w);
            }
        }

        static Map<String, Object> randomSettings(Random random) {
            int count = 1 + random.nextInt(random.nextInt(4) == 0 ? 20 : 6);
            List<TestAttributes.Phase> phases = new ArrayList<>();
            double previous = 0;
            for (int i = 0; i < count; i++) {
                PhaseShape shape = PhaseShape.values()[random.nextInt(PhaseShape.values().length)];
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("steps", pick(random, 1, 2, 3, 10, 1 + random.nextInt(1000), 1 + random.nextInt(100_000),
                        1L << 40));
                p.put("shape", shape);
                double end;
                switch (shape) {
                    case EXPONENTIAL -> {
                        end = rate(random);
                        if (previous == 0 || random.nextBoolean()) {
                            p.put("startLr", rate(random));
                        }
                    }
                    case INV_SQRT -> {
                        end = rate(random);
                        if (!(previous > end * 1.001) || random.nextBoolean()) {
                            p.put("startLr", end * (1.01 + 10 * random.nextDouble()));
                        }
                    }
                    default -> {
                        end = rateOrZero(random);
                        if (shape != PhaseShape.CONSTANT && random.nextInt(3) == 0) {
                            p.put("startLr", rateOrZero(random));
                        }
                    }
                }
                p.put("endLr", end);
                if (shape == PhaseShape.POLY) {
                    p.put("power", new double[] {0.5, 1.0, 2.0, 0.1 + 4 * random.nextDouble()}[random.nextInt(4)]);
                }
                phases.add(new TestAttributes.Phase(p));
                previous = end;
            }
            return Map.of("phases", phases);
        }
    }

    /** {@code @OneCycleSchedule}: PyTorch's OneCycleLR; warmupSteps is the step of the peak. */
    @Nested
    class OneCycleScheduleProperties extends DefinitionProperties {

        OneCycleScheduleProperties() {
            super(OneCycleSchedule.class, OneCycleModel::validate);
        }

        /** PyTorch's OneCycleLR.get_lr, with minLr held from the last step on. */
        @Override
        double naive(RandomSchedule c, long step) {
            double max = c.get("maxLr", 0);
            double initial = max / c.get("divFactor", 25);
            double min = initial / c.get("finalDivFactor", 1e4);
            return threePhase(c) ? pyTorchOneCycle(c, step, initial, max, initial, min)
                    : pyTorchOneCycle(c, step, initial, max, min);
        }

        /** PyTorch's OneCycleLR with cycle_momentum: the same phases, max -> base -> max (-> max), then held. */
        @Override
        double naiveMomentum(RandomSchedule c, long step) {
            double base = c.get("baseMomentum", 0.85);
            double top = c.get("maxMomentum", 0.95);
            return threePhase(c) ? pyTorchOneCycle(c, step, top, base, top, top)
                    : pyTorchOneCycle(c, step, top, base, top);
        }

        private static boolean threePhase(RandomSchedule c) {
            return Boolean.TRUE.equals(c.explicit().get("threePhase"));
        }

        /**
         * PyTorch's OneCycleLR.get_lr over its phases, which go from {@code values[i]} to {@code values[i + 1]}, the
         * last value held from the last step on.
         */
        private static double pyTorchOneCycle(RandomSchedule c, long step, double... values) {
            long total = c.getLong("totalSteps", 0);
            double pct = c.get("pctStart", 0.3);
            boolean cos = c.explicit().get("annealStrategy") != AnnealStrategy.LINEAR;
            double[] ends = values.length == 4 ? new double[] {pct * total - 1, 2 * pct * total - 2, total - 1}
                    : new double[] {pct * total - 1, total - 1};
            if (step >= total - 1) {
                return values[values.length - 1];
            }
            double start = 0;
            for (int i = 0; i < ends.length; i++) {
                double end = ends[i];
                if (step <= end || i == ends.length - 1) {
                    double progress = (step - start) / (end - start);
                    double a = values[i];
                    double b = values[i + 1];
                    return cos ? b + (a - b) / 2.0 * (Math.cos(Math.PI * progress) + 1) : (b - a) * progress + a;
                }
                start = end;
            }
            throw new AssertionError();
        }

        @Override
        double scale(RandomSchedule c) {
            return c.get("maxLr", 0);
        }

        @Override
        void addBoundaries(RandomSchedule c, Set<Long> steps) {
            long total = c.getLong("totalSteps", 0);
            double pct = c.get("pctStart", 0.3);
            around(steps, (long) Math.floor(pct * total - 1));
            around(steps, (long) Math.floor(2 * pct * total - 2));
            around(steps, total - 1);
        }

        @Override
        void assertWarmupSteps(RandomSchedule c, StepLr lr) {
            double total = c.getLong("totalSteps", 0);
            assertEquals((long) Math.ceil(c.get("pctStart", 0.3) * total - 1), lr.warmupSteps(), c.annotation());
        }

        static Map<String, Object> randomSettings(Random random) {
            while (true) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("maxLr", Math.pow(10, -6 + 7 * random.nextDouble()));
                long total = pick(random, 3, 10, 100, 10_000, 2 + random.nextInt(1_000_000), 1L << 40);
                a.put("totalSteps", total);
                boolean three = random.nextBoolean();
                double pct = random.nextDouble() * (three ? 0.5 : 1);
                a.put("pctStart", pct);
                if (random.nextBoolean()) {
                    a.put("annealStrategy", random.nextBoolean() ? AnnealStrategy.COS : AnnealStrategy.LINEAR);
                }
                if (random.nextBoolean()) {
                    a.put("divFactor", 1 + 100 * random.nextDouble());
                }
                if (random.nextBoolean()) {
                    a.put("finalDivFactor", 1 + 1e5 * random.nextDouble());
                }
                if (three || random.nextBoolean()) {
                    a.put("threePhase", three);
                }
                double end1 = pct * total - 1;
                if (pct > 0 && end1 > 0 && (three ? 2 * pct * total - 2 < total - 1 : end1 < total - 1)) {
                    return a;
                }
            }
        }
    }

    /** {@code @CyclicSchedule}: PyTorch's CyclicLR, triangular cycles scaled by the mode; no warmup. */
    @Nested
    class CyclicScheduleProperties extends DefinitionProperties {

        CyclicScheduleProperties() {
            super(CyclicSchedule.class, CyclicModel::validate);
        }

        @Override
        double naive(RandomSchedule c, long step) {
            double base = c.get("baseLr", 0);
            double max = c.get("maxLr", 0);
            return base + (max - base) * scaledWave(c, step);
        }

        /** PyTorch's {@code scale_factor * scale_fn}: the triangle wave in [0, 1], scaled by the mode. */
        private static double scaledWave(RandomSchedule c, long step) {
            long up = c.getLong("stepSizeUp", 2000);
            long down = c.getLong("stepSizeDown", up);
            long cycle = step / (up + down);
            long position = step % (up + down);
            double wave = position <= up ? (double) position / up : (double) (up + down - position) / down;
            double scale = switch ((CyclicMode) c.explicit().getOrDefault("mode", CyclicMode.TRIANGULAR)) {
                case TRIANGULAR -> 1;
                case TRIANGULAR2 -> Math.pow(2, -(double) cycle);
                case EXP_RANGE -> Math.pow(c.get("gamma", 1), step);
            };
            return wave * scale;
        }

        /** PyTorch's CyclicLR with cycle_momentum: max_momentum less the same scaled wave. */
        @Override
        double naiveMomentum(RandomSchedule c, long step) {
            double base = c.get("baseMomentum", 0.8);
            double top = c.get("maxMomentum", 0.9);
            return top - (top - base) * scaledWave(c, step);
        }

        @Override
        double scale(RandomSchedule c) {
            return c.get("maxLr", 0);
        }

        @Override
        void addBoundaries(RandomSchedule c, Set<Long> steps) {
            long up = c.getLong("stepSizeUp", 2000);
            long cycle = up + c.getLong("stepSizeDown", up);
            for (long k = 0; k < 4 && k <= (Long.MAX_VALUE - cycle) / cycle; k++) {
                around(steps, k * cycle);
                around(steps, k * cycle + up);
            }
        }

        @Override
        void assertWarmupSteps(RandomSchedule c, StepLr lr) {
            assertEquals(0, lr.warmupSteps(), c.annotation());
        }

        static Map<String, Object> randomSettings(Random random) {
            Map<String, Object> a = new LinkedHashMap<>();
            double base = rateOrZero(random);
            a.put("baseLr", base);
            a.put("maxLr", base + rateOrZero(random) * 10);
            long up = pick(random, 1, 2, 500, 1 + random.nextInt(10_000), 1L << 40);
            if (up != 2000 || random.nextBoolean()) {
                a.put("stepSizeUp", up);
            }
            if (random.nextBoolean()) {
                a.put("stepSizeDown", pick(random, 1, 3, 700, 1 + random.nextInt(10_000), 1L << 41));
            }
            CyclicMode mode = CyclicMode.values()[random.nextInt(3)];
            if (mode != CyclicMode.TRIANGULAR || random.nextBoolean()) {
                a.put("mode", mode);
            }
            if (mode == CyclicMode.EXP_RANGE) {
                a.put("gamma", new double[] {1.0, 0.9999, 0.99 + 0.01 * random.nextDouble(), 0.5}[random.nextInt(4)]);
            }
            return a;
        }
    }

    /** {@code @WarmRestartsSchedule}: a linear warmup, then PyTorch's CosineAnnealingWarmRestarts. */
    @Nested
    class WarmRestartsScheduleProperties extends DefinitionProperties {

        WarmRestartsScheduleProperties() {
            super(WarmRestartsSchedule.class, WarmRestartsModel::validate);
        }

        /**
         * For a tMult that is not whole: Keras's and timm's restarts at real starts, walked cycle by cycle in 60-digit
         * decimals from the double tMult. Where the step is within the double's rounding of a real start (the power
         * within an ulp, times {@code t0 / (tMult - 1)}; the step's own rounding beyond 2^53), the generated class
         * may take either side, as the peers' float64 does: the rate of either cycle, whichever is nearer.
         */
        @Override
        double naive(RandomSchedule c, long step, double actual) {
            double factor = c.get("tMult", 1);
            long w = c.getLong("warmupSteps", 0);
            if (WarmRestartsModel.isWhole(factor) || step < w) {
                return naive(c, step);
            }
            long d = Boolean.FALSE.equals(c.explicit().get("warmupPrefix")) ? step : step - w;
            MathContext digits = new MathContext(60);
            BigDecimal exactFactor = new BigDecimal(factor);
            BigDecimal start = BigDecimal.ZERO;
            BigDecimal length = BigDecimal.valueOf(c.getLong("t0", 0));
            BigDecimal at = BigDecimal.valueOf(d);
            long cycle = 0;
            while (start.add(length).compareTo(at) <= 0) {
                start = start.add(length, digits);
                length = length.multiply(exactFactor, digits);
                cycle++;
            }
            double rate = restartsRate(c, cycle, at.subtract(start).doubleValue(), length.doubleValue());
            double slack = 0x1p-48 * (length.doubleValue() * exactFactor.doubleValue() / (factor - 1)
                    + start.doubleValue() + length.doubleValue()) + (d > (1L << 53) ? Math.ulp((double) d) : 0);
            double other = rate;
            if (cycle > 0 && at.subtract(start).doubleValue() <= slack) { // just after a start: the cycle before?
                BigDecimal before = length.divide(exactFactor, digits);
                other = restartsRate(c, cycle - 1, at.subtract(start.subtract(before)).doubleValue(),
                        before.doubleValue());
            } else if (start.add(length).subtract(at).doubleValue() <= slack) { // just before one: the cycle after?
                other = restartsRate(c, cycle + 1, 0, length.multiply(exactFactor).doubleValue());
            }
            return Math.abs(other - actual) < Math.abs(rate - actual) ? other : rate;
        }

        /**
         * The rate {@code position} steps into cycle {@code cycle} of {@code length} steps, past a cycle limit etaMin
         * (timm's cycle_limit): Keras's m_mul scales the height above etaMin, timm's cycle_decay the restart's rate,
         * and timm's k_decay takes the cosine at {@code pi * T_cur^k / T_i^k}.
         */
        private static double restartsRate(RandomSchedule c, long cycle, double position, double length) {
            double base = c.get("baseLr", 0);
            double eta = c.get("etaMin", 0);
            long cycles = c.getLong("cycles", 0);
            if (cycles > 0 && cycle >= cycles) {
                return eta; // timm's cycle_limit
            }
            double high = c.explicit().containsKey("peakDecay") ? base * Math.pow(c.get("peakDecay", 1), cycle)
                    : eta + (base - eta) * Math.pow(c.get("heightDecay", 1), cycle);
            double k = c.get("kDecay", 1);
            return eta + (high - eta) * (1 + Math.cos(Math.PI * Math.pow(position, k) / Math.pow(length, k))) / 2;
        }

        /** PyTorch's CosineAnnealingWarmRestarts stepped once per step, cycle by cycle. */
        @Override
        double naive(RandomSchedule c, long step) {
            double base = c.get("baseLr", 0);
            long w = c.getLong("warmupSteps", 0);
            if (step < w) {
                double start = c.get("startLr", 0);
                return start + (base - start) * step / w;
            }
            // timm's warmup_prefix = False: the cycles count from step 0
            long d = Boolean.FALSE.equals(c.explicit().get("warmupPrefix")) ? step : step - w;
            long t0 = c.getLong("t0", 0);
            long tMult = c.getLong("tMult", 1);
            long start = tMult == 1 ? d - d % t0 : 0; // equal cycles: no need to walk through them
            long cycle = tMult == 1 ? d / t0 : 0;
            long length = t0; // saturates at Long.MAX_VALUE, longer than any step can reach
            double exactLength = t0;
            while (d - start >= length) {
                start += length;
                length = length > Long.MAX_VALUE / tMult ? Long.MAX_VALUE : length * tMult;
                exactLength *= tMult;
                cycle++;
            }
            return restartsRate(c, cycle, d - start, exactLength);
        }

        @Override
        double scale(RandomSchedule c) {
            return c.get("baseLr", 0);
        }

        @Override
        void addBoundaries(RandomSchedule c, Set<Long> steps) {
            long w = c.getLong("warmupSteps", 0);
            around(steps, w);
            long t0 = c.getLong("t0", 0);
            double factor = c.get("tMult", 1);
            if (!WarmRestartsModel.isWhole(factor)) {
                // the whole steps around the first 70 real starts, computed in decimals
                BigDecimal offset = BigDecimal.valueOf(Boolean.FALSE.equals(c.explicit().get("warmupPrefix")) ? 0 : w);
                BigDecimal start = BigDecimal.ZERO;
                BigDecimal length = BigDecimal.valueOf(t0);
                for (int i = 0; i < 70 && start.add(offset).compareTo(BigDecimal.valueOf(Long.MAX_VALUE - 2)) < 0;
                        i++) {
                    long first = start.add(offset).setScale(0, java.math.RoundingMode.CEILING).longValueExact();
                    around(steps, first);
                    start = start.add(length, new MathContext(60));
                    length = length.multiply(new BigDecimal(factor), new MathContext(60));
                }
                return;
            }
            long tMult = (long) factor;
            long start = Boolean.FALSE.equals(c.explicit().get("warmupPrefix")) ? 0 : w;
            long length = t0;
            for (int i = 0; i < 70 && length <= Long.MAX_VALUE - start; i++) {
                around(steps, start);
                steps.add(start + length / 2);
                start += length;
                if (length > Long.MAX_VALUE / tMult) {
                    break;
                }
                length *= tMult;
            }
            around(steps, start);
        }

        @Override
        void assertWarmupSteps(RandomSchedule c, StepLr lr) {
            assertEquals(c.getLong("warmupSteps", 0), lr.warmupSteps(), c.annotation());
        }

        static Map<String, Object> randomSettings(Random random) {
            Map<String, Object> a = new LinkedHashMap<>();
            double base = rate(random);
            a.put("baseLr", base);
            a.put("t0", pick(random, 1, 2, 3, 1000, 1 + random.nextInt(100_000), 1L << 40));
            int tMult = (int) pick(random, 1, 2, 3, 4, 7, 2 + random.nextInt(50));
            if (tMult != 1 || random.nextBoolean()) {
                a.put("tMult", (double) tMult);
            }
            if (random.nextBoolean()) {
                a.put("etaMin", base * random.nextDouble() * (random.nextBoolean() ? 1 : 1e-3));
            }
            if (random.nextBoolean()) {
                a.put("warmupSteps", pick(random, 1, 10, 1 + random.nextInt(10_000), 1L << 40));
                if (random.nextBoolean()) {
                    a.put("startLr", base * random.nextDouble());
                }
            }
            return a;
        }
    }

    /**
     * {@code @ChainedSchedule}: baseLr times the factors, each written naively here from PyTorch's schedulers'
     * definitions ({@code Math.pow}, {@code 1 + cos}, plain quotients); warmupSteps is the largest {@code steps} of a
     * rising factor.
     */
    @Nested
    class ChainedScheduleProperties extends DefinitionProperties {

        ChainedScheduleProperties() {
            super(ChainedSchedule.class, ChainedModel::validate);
        }

        @Override
        double naive(RandomSchedule c, long t) {
            double lr = (Double) c.explicit().get("baseLr");
            for (TestAttributes.Factor factor : c.factors()) {
                lr *= naiveFactor(factor.explicit(), t);
            }
            return lr;
        }

        private static double naiveFactor(Map<String, Object> f, long t) {
            long n = (Long) f.getOrDefault("steps", 0L);
            double progress = n == 0 ? 0 : (double) Math.min(t, n) / n;
            double gamma = (Double) f.getOrDefault("gamma", 0.1);
            return switch ((FactorShape) f.get("shape")) {
                case CONSTANT -> t < n ? (Double) f.get("factor") : 1.0;
                case LINEAR -> {
                    double start = (Double) f.get("startFactor");
                    double end = (Double) f.getOrDefault("endFactor", 1.0);
                    yield start + (end - start) * progress;
                }
                case EXP -> Math.pow(gamma, t);
                case STEP -> Math.pow(gamma, t / (Long) f.get("stepSize"));
                case MULTISTEP -> {
                    @SuppressWarnings("unchecked")
                    long passed = ((List<Long>) f.get("milestones")).stream().filter(m -> m <= t).count();
                    yield Math.pow(gamma, passed);
                }
                case POLY -> Math.pow(1 - progress, (Double) f.getOrDefault("power", 1.0));
                case COSINE -> {
                    double end = (Double) f.getOrDefault("endFactor", 0.0);
                    yield end + (1 - end) * (1 + Math.cos(Math.PI * progress)) / 2;
                }
            };
        }

        @Override
        double scale(RandomSchedule c) {
            return (Double) c.explicit().get("baseLr");
        }

        @Override
        @SuppressWarnings("unchecked")
        void addBoundaries(RandomSchedule c, Set<Long> steps) {
            for (TestAttributes.Factor factor : c.factors()) {
                Map<String, Object> f = factor.explicit();
                if (f.containsKey("steps")) {
                    long n = (Long) f.get("steps");
                    around(steps, n);
                    steps.add(n / 2);
                }
                if (f.containsKey("stepSize")) {
                    long size = (Long) f.get("stepSize");
                    around(steps, size);
                    if (size < Long.MAX_VALUE / 3) {
                        around(steps, 3 * size);
                    }
                }
                if (f.containsKey("milestones")) {
                    ((List<Long>) f.get("milestones")).forEach(m -> around(steps, m));
                }
            }
        }

        @Override
        void assertWarmupSteps(RandomSchedule c, StepLr lr) {
            long expected = 0;
            for (TestAttributes.Factor factor : c.factors()) {
                Map<String, Object> f = factor.explicit();
                boolean rises = switch ((FactorShape) f.get("shape")) {
                    case CONSTANT -> (Double) f.get("factor") < 1;
                    case LINEAR -> (Double) f.get("startFactor") < (Double) f.getOrDefault("endFactor", 1.0);
                    default -> false;
                };
                if (rises) {
                    expected = Math.max(expected, (Long) f.get("steps"));
                }
            }
            assertEquals(expected, lr.warmupSteps(), c.annotation());
        }

        /** The random factors hold every shape. */
        @Test
        void theRandomFactorsCoverEveryShape() {
            Set<FactorShape> seen = new TreeSet<>();
            cases().forEach(c -> c.factors().forEach(f -> seen.add((FactorShape) f.explicit().get("shape"))));
            assertEquals(Set.of(FactorShape.values()), seen);
        }

        static Map<String, Object> randomSettings(Random random) {
            int count = 1 + random.nextInt(random.nextInt(8) == 0 ? 16 : 4);
            List<TestAttributes.Factor> factors = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                FactorShape shape = FactorShape.values()[random.nextInt(FactorShape.values().length)];
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("shape", shape);
                long steps = pick(random, 1, 2, 3, 10, 1 + random.nextInt(1000), 1 + random.nextInt(100_000),
                        1L << 40);
                switch (shape) {
                    case CONSTANT -> {
                        f.put("factor", random.nextInt(4) == 0 ? 0.0 : random.nextDouble());
                        f.put("steps", steps);
                    }
                    case LINEAR -> {
                        f.put("startFactor", 1 - random.nextDouble()); // (0, 1]
                        f.put("steps", steps);
                        if ((Double) f.get("startFactor") == 1.0 || random.nextBoolean()) {
                            f.put("endFactor", random.nextInt(4) == 0 ? 0.0 : random.nextDouble());
                        }
                    }
                    case EXP -> f.put("gamma", 1 - Math.pow(10, -1 - 5 * random.nextDouble()));
                    case STEP -> {
                        f.put("stepSize", pick(random, 1, 2, 10, 1 + random.nextInt(1000), 1L << 40));
                        if (random.nextBoolean()) {
                            f.put("gamma", 0.05 + 0.9 * random.nextDouble());
                        }
                    }
                    case MULTISTEP -> {
                        List<Long> milestones = new ArrayList<>();
                        long m = random.nextInt(3) == 0 ? 0 : random.nextInt(100);
                        for (int k = 1 + random.nextInt(random.nextBoolean() ? 4 : 12); k > 0; k--) {
                            milestones.add(m);
                            m += 1 + random.nextInt(1000);
                        }
                        f.put("milestones", milestones);
                        if (random.nextBoolean()) {
                            f.put("gamma", 0.05 + 0.9 * random.nextDouble());
                        }
                    }
                    case POLY -> {
                        f.put("steps", steps);
                        if (random.nextBoolean()) {
                            f.put("power", new double[] {0.5, 1.0, 2.0, 0.1 + 4 * random.nextDouble()}[random.nextInt(4)]);
                        }
                    }
                    case COSINE -> {
                        f.put("steps", steps);
                        if (random.nextBoolean()) {
                            f.put("endFactor", random.nextInt(4) == 0 ? 0.0 : random.nextDouble());
                        }
                    }
                }
                factors.add(new TestAttributes.Factor(f));
            }
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("baseLr", rate(random));
            settings.put("factors", factors);
            return settings;
        }
    }
}
