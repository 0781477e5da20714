package dev.warmup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.warmup.AnnealStrategy;
import dev.warmup.CyclicMode;
import dev.warmup.CyclicSchedule;
import dev.warmup.OneCycleSchedule;
import dev.warmup.PhaseShape;
import dev.warmup.PhasedSchedule;
import dev.warmup.StepLr;
import dev.warmup.WarmRestartsSchedule;
import java.io.IOException;
import java.lang.annotation.Annotation;
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
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Random valid settings (fixed seed) of {@code @PhasedSchedule}, {@code @OneCycleSchedule}, {@code @CyclicSchedule}
 * and {@code @WarmRestartsSchedule}, compiled in one batch. For each, at probe steps (the boundaries of phases and
 * cycles, 2^31, 2^53, {@code Long.MAX_VALUE}) and random ones, the generated {@code lr}:
 * <ul>
 *   <li>matches the schedule's definition written naively here, PyTorch's way (plain quotients, {@code 1 + cos},
 *       {@code Math.pow}, a loop over SGDR's cycles), to 1e-10 relative, with an absolute floor of 1e-13 times the
 *       schedule's largest rate where the naive forms themselves lose digits;</li>
 *   <li>matches the processor's evaluator {@link ScheduleModel#at} to the bit;</li>
 *   <li>is finite and {@code >= 0} everywhere; {@code fill} gives what {@code lr} gives; {@code lr} has no loop.</li>
 * </ul>
 */
class NewSchedulesPropertiesTest {

    private static final int PER_ANNOTATION = 60;
    private static final List<Case> CASES = new ArrayList<>();
    private static Compilation compilation;
    private static Compiler.Loader loader;

    /** One random schedule: its annotation type, its explicit attributes, and the source that declares them. */
    record Case(String className, Class<? extends Annotation> type, Map<String, Object> explicit) {

        String annotation() {
            return TestAttributes.source(type, explicit);
        }

        String source() {
            return "package props;\nimport dev.warmup.*;\n" + annotation() + "\nfinal class " + className + " {}\n";
        }

        StepLr generated() {
            return loader.schedule("props." + className + "StepLr");
        }

        @SuppressWarnings("unchecked")
        Attributes attributes() {
            if (type == PhasedSchedule.class) {
                return TestAttributes.phased((List<TestAttributes.Phase>) explicit.get("phases"));
            }
            return TestAttributes.of(type, explicit);
        }

        ScheduleModel model() {
            BiFunction<Attributes, Reporter, Optional<ScheduleModel>> validator = type == PhasedSchedule.class
                    ? PhasedModel::validate : type == OneCycleSchedule.class ? OneCycleModel::validate
                    : type == CyclicSchedule.class ? CyclicModel::validate : WarmRestartsModel::validate;
            return validator.apply(attributes(), new Reporter() {
                @Override
                public void error(String attribute, String message) {
                    fail(annotation() + ": " + message);
                }

                @Override
                public void warning(String attribute, String message) {
                    fail(annotation() + ": " + message);
                }
            }).orElseThrow();
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
        for (int i = 0; i < PER_ANNOTATION; i++) {
            CASES.add(new Case("Phased" + i, PhasedSchedule.class, randomPhased(random)));
            CASES.add(new Case("OneCycle" + i, OneCycleSchedule.class, randomOneCycle(random)));
            CASES.add(new Case("Cyclic" + i, CyclicSchedule.class, randomCyclic(random)));
            CASES.add(new Case("Restarts" + i, WarmRestartsSchedule.class, randomRestarts(random)));
        }
        compilation = Compiler.compile(CASES.stream()
                .map(c -> JavaFileObjects.forSourceString("props." + c.className(), c.source()))
                .toArray(JavaFileObject[]::new));
        assertThat(compilation).succeededWithoutWarnings();
        loader = new Compiler.Loader(compilation);
    }

    @Test
    void matchesTheDefinitionsAndTheEvaluator() {
        Random random = new Random(5);
        long checked = 0;
        for (Case c : CASES) {
            StepLr generated = c.generated();
            ScheduleModel model = c.model();
            double scale = scale(c);
            for (long step : steps(c, random)) {
                double actual = generated.lr(step);
                double evaluated = model.at(step);
                assertEquals(Double.doubleToRawLongBits(evaluated), Double.doubleToRawLongBits(actual),
                        () -> c.annotation() + " at step " + step + ": evaluator " + evaluated + ", generated "
                                + actual);
                double naive = naive(c, step);
                double error = Math.abs(actual - naive);
                assertTrue(error <= 1e-13 * scale || error <= 1e-10 * Math.abs(naive), () -> c.annotation()
                        + " at step " + step + ": naive " + naive + ", generated " + actual);
                checked++;
            }
        }
        System.out.printf("new annotations: %d schedules, %d steps against the definitions and the evaluator%n",
                CASES.size(), checked);
    }

    /** The random phases hold every shape, falling, and rising where it can rise: the checks above see them all. */
    @Test
    void theRandomPhasesCoverEveryShapeEachWay() {
        Set<String> seen = new TreeSet<>();
        for (Case c : CASES) {
            if (c.type() == PhasedSchedule.class) {
                for (PhasedModel.Phase phase : ((PhasedModel) c.model()).phases()) {
                    seen.add(phase.kind() + (phase.end() > phase.start() ? " rising" : " falling"));
                }
            }
        }
        for (PhaseShape shape : PhaseShape.values()) {
            assertTrue(seen.contains(shape + " falling"), shape + " falling: only " + seen);
            if (shape != PhaseShape.CONSTANT && shape != PhaseShape.INV_SQRT) {
                assertTrue(seen.contains(shape + " rising"), shape + " rising: only " + seen);
            }
        }
    }

    @Test
    void finiteAndNonNegativeAtEveryProbe() {
        for (Case c : CASES) {
            for (long step : probes(c)) {
                double lr = c.generated().lr(step);
                assertTrue(Double.isFinite(lr) && lr >= 0, () -> c.annotation() + " at step " + step + ": " + lr);
            }
        }
    }

    @Test
    void fillGivesWhatLrGives() {
        Random random = new Random(3);
        for (Case c : CASES) {
            StepLr lr = c.generated();
            for (long from : List.of(0L, Math.abs(random.nextLong() % 10_000_000L), Long.MAX_VALUE - 999)) {
                double[] out = new double[1000];
                lr.fill(out, from);
                for (int i = 0; i < out.length; i++) {
                    assertEquals(lr.lr(from + i), out[i], c.annotation() + " fill from " + from + " at " + i);
                }
            }
        }
    }

    @Test
    void lrHasNoLoopAndTheClassNoMutableState() throws IOException {
        for (Case c : CASES) {
            String source = compilation.generatedFile(StandardLocation.SOURCE_OUTPUT,
                    "props/" + c.className() + "StepLr.java").orElseThrow().getCharContent(false).toString();
            int start = source.indexOf("public double lr(long step) {");
            String lr = source.substring(start, source.indexOf("\n    }\n", start))
                    .replace("throw new IllegalArgumentException", "throw");
            assertTrue(!lr.contains("for (") && !lr.contains("while (") && !lr.contains("do {") && !lr.contains("new "),
                    () -> c.annotation() + " lr loops or allocates:\n" + lr);
            assertTrue(source.lines().filter(l -> l.matches("\\s+(private|public) static .*=.*"))
                            .allMatch(l -> l.contains(" final ")),
                    () -> c.annotation() + " has a field that is not final");
        }
    }

    @Test
    void warmupStepsIsThePeakOrTheWarmupLength() {
        for (Case c : CASES) {
            StepLr lr = c.generated();
            long w = lr.warmupSteps();
            if (c.type() == PhasedSchedule.class) {
                for (long step : probes(c)) {
                    assertTrue(lr.lr(step) <= lr.lr(w) * (1 + 1e-15), c.annotation() + ": step " + step
                            + " is above the peak at " + w);
                }
            } else if (c.type() == WarmRestartsSchedule.class) {
                assertEquals(c.getLong("warmupSteps", 0), w, c.annotation());
            } else if (c.type() == CyclicSchedule.class) {
                assertEquals(0, w, c.annotation());
            } else {
                double total = c.getLong("totalSteps", 0);
                assertEquals((long) Math.ceil(c.get("pctStart", 0.3) * total - 1), w, c.annotation());
            }
        }
    }

    // --- the definitions, computed the obvious way (PyTorch's way where it has the schedule)

    private static double naive(Case c, long step) {
        if (c.type() == PhasedSchedule.class) {
            return naivePhased(c, step);
        }
        if (c.type() == OneCycleSchedule.class) {
            return naiveOneCycle(c, step);
        }
        if (c.type() == CyclicSchedule.class) {
            return naiveCyclic(c, step);
        }
        return naiveRestarts(c, step);
    }

    @SuppressWarnings("unchecked")
    private static List<TestAttributes.Phase> phases(Case c) {
        return (List<TestAttributes.Phase>) c.explicit().get("phases");
    }

    private static double naivePhased(Case c, long step) {
        long start = 0;
        double previous = 0;
        for (TestAttributes.Phase phase : phases(c)) {
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

    /** PyTorch's OneCycleLR.get_lr, with minLr held from the last step on. */
    private static double naiveOneCycle(Case c, long step) {
        double max = c.get("maxLr", 0);
        long total = c.getLong("totalSteps", 0);
        double pct = c.get("pctStart", 0.3);
        double initial = max / c.get("divFactor", 25);
        double min = initial / c.get("finalDivFactor", 1e4);
        boolean cos = c.explicit().get("annealStrategy") != AnnealStrategy.LINEAR;
        double[][] phases = Boolean.TRUE.equals(c.explicit().get("threePhase"))
                ? new double[][] {{pct * total - 1, initial, max}, {2 * pct * total - 2, max, initial},
                    {total - 1, initial, min}}
                : new double[][] {{pct * total - 1, initial, max}, {total - 1, max, min}};
        if (step >= total - 1) {
            return min;
        }
        double start = 0;
        for (int i = 0; i < phases.length; i++) {
            double end = phases[i][0];
            if (step <= end || i == phases.length - 1) {
                double progress = (step - start) / (end - start);
                double a = phases[i][1];
                double b = phases[i][2];
                return cos ? b + (a - b) / 2.0 * (Math.cos(Math.PI * progress) + 1) : (b - a) * progress + a;
            }
            start = end;
        }
        throw new AssertionError();
    }

    private static double naiveCyclic(Case c, long step) {
        double base = c.get("baseLr", 0);
        double max = c.get("maxLr", 0);
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
        return base + (max - base) * wave * scale;
    }

    /** PyTorch's CosineAnnealingWarmRestarts stepped once per step, cycle by cycle. */
    private static double naiveRestarts(Case c, long step) {
        double base = c.get("baseLr", 0);
        long w = c.getLong("warmupSteps", 0);
        if (step < w) {
            double start = c.get("startLr", 0);
            return start + (base - start) * step / w;
        }
        long d = step - w;
        long t0 = c.getLong("t0", 0);
        long tMult = c.getLong("tMult", 1);
        long start = tMult == 1 ? d - d % t0 : 0; // equal cycles: no need to walk through them
        long length = t0; // saturates at Long.MAX_VALUE, longer than any step can reach
        double exactLength = t0;
        while (d - start >= length) {
            start += length;
            length = length > Long.MAX_VALUE / tMult ? Long.MAX_VALUE : length * tMult;
            exactLength *= tMult;
        }
        double eta = c.get("etaMin", 0);
        return eta + (base - eta) * (1 + Math.cos(Math.PI * (d - start) / exactLength)) / 2;
    }

    /** The largest rate of a schedule, for the absolute floor of the comparison. */
    private static double scale(Case c) {
        if (c.type() == PhasedSchedule.class) {
            double scale = 0;
            for (TestAttributes.Phase phase : phases(c)) {
                scale = Math.max(scale, (Double) phase.explicit().get("endLr"));
                scale = Math.max(scale, (Double) phase.explicit().getOrDefault("startLr", 0.0));
            }
            return scale;
        }
        return c.type() == CyclicSchedule.class || c.type() == OneCycleSchedule.class ? c.get("maxLr", 0)
                : c.get("baseLr", 0);
    }

    // --- steps to look at

    private static Set<Long> probes(Case c) {
        Set<Long> steps = new TreeSet<>(List.of(0L, 1L, 2L, 1L << 31, (1L << 53) - 1, 1L << 53, (1L << 53) + 1,
                Long.MAX_VALUE - 1, Long.MAX_VALUE));
        if (c.type() == PhasedSchedule.class) {
            long start = 0;
            for (TestAttributes.Phase phase : phases(c)) {
                long length = (Long) phase.explicit().get("steps");
                around(steps, start);
                steps.add(start + length / 2);
                start += length;
            }
            around(steps, start);
        } else if (c.type() == OneCycleSchedule.class) {
            long total = c.getLong("totalSteps", 0);
            double pct = c.get("pctStart", 0.3);
            around(steps, (long) Math.floor(pct * total - 1));
            around(steps, (long) Math.floor(2 * pct * total - 2));
            around(steps, total - 1);
        } else if (c.type() == CyclicSchedule.class) {
            long up = c.getLong("stepSizeUp", 2000);
            long cycle = up + c.getLong("stepSizeDown", up);
            for (long k = 0; k < 4 && k <= (Long.MAX_VALUE - cycle) / cycle; k++) {
                around(steps, k * cycle);
                around(steps, k * cycle + up);
            }
        } else {
            long w = c.getLong("warmupSteps", 0);
            around(steps, w);
            long t0 = c.getLong("t0", 0);
            long tMult = c.getLong("tMult", 1);
            long start = w;
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
        return steps;
    }

    /** Adds {@code step - 1, step, step + 1}, those that are valid steps. */
    private static void around(Set<Long> steps, long step) {
        for (long s : new long[] {step - 1, step, step + 1}) {
            if (s >= 0 && !(step == Long.MAX_VALUE && s == Long.MIN_VALUE)) {
                steps.add(s);
            }
        }
    }

    private static Set<Long> steps(Case c, Random random) {
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

    // --- random valid settings

    private static double rate(Random random) {
        return Math.pow(10, -6 + 6 * random.nextDouble());
    }

    private static double rateOrZero(Random random) {
        return random.nextInt(4) == 0 ? 0.0 : rate(random);
    }

    private static long pick(Random random, long... values) {
        return values[random.nextInt(values.length)];
    }

    private static Map<String, Object> randomPhased(Random random) {
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

    private static Map<String, Object> randomOneCycle(Random random) {
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

    private static Map<String, Object> randomCyclic(Random random) {
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

    private static Map<String, Object> randomRestarts(Random random) {
        Map<String, Object> a = new LinkedHashMap<>();
        double base = rate(random);
        a.put("baseLr", base);
        a.put("t0", pick(random, 1, 2, 3, 1000, 1 + random.nextInt(100_000), 1L << 40));
        int tMult = (int) pick(random, 1, 2, 3, 4, 7, 2 + random.nextInt(50));
        if (tMult != 1 || random.nextBoolean()) {
            a.put("tMult", tMult);
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
