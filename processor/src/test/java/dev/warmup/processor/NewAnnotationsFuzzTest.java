package dev.warmup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.warmup.AnnealStrategy;
import dev.warmup.CyclicMode;
import dev.warmup.CyclicSchedule;
import dev.warmup.OneCycleSchedule;
import dev.warmup.Phase;
import dev.warmup.PhaseShape;
import dev.warmup.PhasedSchedule;
import dev.warmup.StepLr;
import dev.warmup.WarmRestartsSchedule;
import dev.warmup.WarmupSchedule;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random settings of {@code @PhasedSchedule}, {@code @OneCycleSchedule}, {@code @CyclicSchedule},
 * {@code @WarmRestartsSchedule} and of {@code @WarmupSchedule}'s linear scaling rule, valid and invalid, with extreme
 * values (0, -0.0, subnormals, {@code Double.MAX_VALUE}, infinities, NaN, {@code Long.MIN_VALUE},
 * {@code Long.MAX_VALUE}, ...), many classes a compilation. Whatever the settings, the processor never fails: each
 * class either compiles to a schedule that is finite and {@code >= 0} from step 0 to {@code Long.MAX_VALUE} (and whose
 * {@code fill} agrees with {@code lr}), or gets errors, each of which names an attribute of its annotation (or of one
 * of its phases). A second compilation of the classes without errors checks the first kind.
 */
class NewAnnotationsFuzzTest {

    private static final int CLASSES_PER_BATCH = 120;

    private static final double[] EXTREME_DOUBLES = {0.0, -0.0, Double.MIN_VALUE, Double.MIN_NORMAL, 1e-300, 1e-10,
        0.5, 0.9999999999999999, 1.0, 1.0000000000000002, 2.0, 25.0, 1e10, 1e300, Double.MAX_VALUE,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, -0.1, -1e300};
    private static final long[] EXTREME_LONGS = {Long.MIN_VALUE, -1, 0, 1, 2, 3, 10, 1L << 31, 1L << 53, 1L << 62,
        Long.MAX_VALUE - 1, Long.MAX_VALUE};
    private static final int[] EXTREME_INTS = {Integer.MIN_VALUE, -1, 0, 1, 2, 3, 10, 1000, Integer.MAX_VALUE};

    /** A message of the processor names the attribute at fault first, after the phase it is in, if any. */
    private static final Pattern ATTRIBUTE = Pattern.compile("^(?:phase \\d+: )?([A-Za-z][A-Za-z0-9]*) (?:=|is required)");

    private record Fuzzed(String className, Class<? extends Annotation> type, String annotation, String generated) {
        JavaFileObject source() {
            return JavaFileObjects.forSourceString("fuzz." + className,
                    "package fuzz;\nimport dev.warmup.*;\n" + annotation + "\nfinal class " + className + " {}\n");
        }
    }

    /** The seeds: 1 to 4, or as many as {@code -Dwarmup.fuzz.seeds=N} asks for, for a longer search. */
    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, Long.getLong("warmup.fuzz.seeds", 4)).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void neverFailsAndEitherGeneratesAFiniteScheduleOrNamesTheAttribute(long seed) {
        Random random = new Random(seed);
        List<Fuzzed> classes = new ArrayList<>();
        for (int i = 0; i < CLASSES_PER_BATCH; i++) {
            classes.add(fuzz(random, "F" + seed + "x" + i));
        }
        Map<String, JavaFileObject> sources = new LinkedHashMap<>();
        classes.forEach(c -> sources.put(c.className(), c.source()));
        // javac reports at most 100 errors unless told otherwise; every one is needed here (ECJ counts per file)
        Compilation all = Compiler.compiler(Compiler.isEcj() ? new String[0] : new String[] {"-Xmaxerrs", "100000"})
                .withProcessors(new WarmupProcessor()).compile(sources.values());

        Map<String, List<String>> errorsByClass = new HashMap<>();
        Map<String, String> annotations = classes.stream()
                .collect(Collectors.toMap(Fuzzed::className, Fuzzed::annotation));
        for (Diagnostic<? extends JavaFileObject> error : all.errors()) {
            String message = error.getMessage(Locale.ROOT);
            assertTrue(error.getSource() != null, () -> "an error without a source: " + message);
            String file = error.getSource().getName();
            String className = file.substring(file.lastIndexOf('/') + 1, file.length() - ".java".length());
            assertTrue(!message.contains("warmup processor failed"), () -> annotations.get(className) + "\n"
                    + message);
            errorsByClass.computeIfAbsent(className, k -> new ArrayList<>()).add(message);
        }
        List<Fuzzed> valid = new ArrayList<>();
        for (Fuzzed c : classes) {
            List<String> errors = errorsByClass.getOrDefault(c.className(), List.of());
            if (errors.isEmpty()) {
                valid.add(c);
                continue;
            }
            for (String error : errors) {
                Matcher attribute = ATTRIBUTE.matcher(error);
                assertTrue(attribute.find() && attributesOf(c.type()).contains(attribute.group(1)),
                        () -> c.annotation() + ": the error does not name an attribute: " + error);
            }
        }
        assertTrue(valid.size() > CLASSES_PER_BATCH / 5, () -> "too few valid settings: " + valid.size());
        assertTrue(valid.size() < CLASSES_PER_BATCH, () -> "no invalid settings");

        Compilation compilation = Compiler.compile(valid.stream().map(Fuzzed::source).toArray(JavaFileObject[]::new));
        assertThat(compilation).succeeded();
        Compiler.Loader loader = new Compiler.Loader(compilation);
        for (Fuzzed c : valid) {
            assertTrue(compilation.generatedSourceFile("fuzz." + c.generated()).isPresent(),
                    () -> c.annotation() + ": no error, and no class generated");
            StepLr schedule = loader.schedule("fuzz." + c.generated());
            for (long step : new long[] {0, 1, 2, 3, 999, 1L << 31, (1L << 53) + 1, 1L << 62, Long.MAX_VALUE - 1,
                Long.MAX_VALUE, random.nextLong() & Long.MAX_VALUE, random.nextInt(1_000_000)}) {
                double lr = schedule.lr(step);
                assertTrue(Double.isFinite(lr) && lr >= 0, () -> c.annotation() + " at step " + step + ": " + lr);
            }
            for (long from : new long[] {0, Long.MAX_VALUE - 99}) {
                double[] out = new double[100];
                schedule.fill(out, from);
                for (int i = 0; i < out.length; i++) {
                    assertEquals(schedule.lr(from + i), out[i], c.annotation() + " fill at " + (from + i));
                }
            }
        }
        System.out.printf("fuzz seed %d: %d classes, %d valid, %d with errors naming an attribute%n", seed,
                classes.size(), valid.size(), classes.size() - valid.size());
    }

    /** The attributes of an annotation, and of {@code @Phase} for {@code @PhasedSchedule}. */
    private static Set<String> attributesOf(Class<? extends Annotation> type) {
        Stream<Method> methods = Stream.of(type.getDeclaredMethods());
        if (type == PhasedSchedule.class) {
            methods = Stream.concat(methods, Stream.of(Phase.class.getDeclaredMethods()));
        }
        return methods.map(Method::getName).collect(Collectors.toSet());
    }

    // --- random settings, valid or not

    private static Fuzzed fuzz(Random random, String className) {
        int kind = random.nextInt(9);
        Map<String, Object> a = new LinkedHashMap<>();
        Class<? extends Annotation> type;
        switch (kind) {
            case 0, 1 -> {
                type = PhasedSchedule.class;
                int count = random.nextInt(12) == 0 ? 0 : 1 + random.nextInt(random.nextBoolean() ? 4 : 12);
                List<String> phases = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("steps", steps(random));
                    p.put("shape", PhaseShape.values()[random.nextInt(PhaseShape.values().length)]);
                    p.put("endLr", rate(random));
                    maybe(random, p, "startLr", rate(random));
                    maybe(random, p, "power", rate(random) * 4);
                    phases.add(TestAttributes.source(Phase.class, p));
                }
                a.put("phases", new Raw(phases.stream().collect(Collectors.joining(", ", "{", "}"))));
            }
            case 2, 3 -> {
                type = OneCycleSchedule.class;
                a.put("maxLr", rate(random));
                a.put("totalSteps", steps(random));
                maybe(random, a, "pctStart", random.nextInt(3) == 0 ? extreme(random) : random.nextDouble());
                maybe(random, a, "annealStrategy", AnnealStrategy.values()[random.nextInt(2)]);
                maybe(random, a, "divFactor", random.nextInt(3) == 0 ? extreme(random) : 1 + 100 * random.nextDouble());
                maybe(random, a, "finalDivFactor", random.nextInt(3) == 0 ? extreme(random) : 1e4);
                maybe(random, a, "threePhase", random.nextBoolean());
            }
            case 4, 5 -> {
                type = CyclicSchedule.class;
                double base = rate(random);
                a.put("baseLr", base);
                a.put("maxLr", random.nextInt(3) == 0 ? extreme(random) : base + rate(random));
                maybe(random, a, "stepSizeUp", steps(random));
                maybe(random, a, "stepSizeDown", steps(random));
                maybe(random, a, "mode", CyclicMode.values()[random.nextInt(3)]);
                maybe(random, a, "gamma", random.nextInt(3) == 0 ? extreme(random) : 1 - 1e-3 * random.nextDouble());
            }
            case 6, 7 -> {
                type = WarmRestartsSchedule.class;
                double base = rate(random);
                a.put("baseLr", base);
                a.put("t0", steps(random));
                maybe(random, a, "tMult", random.nextInt(3) == 0 ? EXTREME_INTS[random.nextInt(EXTREME_INTS.length)]
                        : 1 + random.nextInt(8));
                maybe(random, a, "etaMin", random.nextInt(3) == 0 ? extreme(random) : base * random.nextDouble());
                maybe(random, a, "warmupSteps", steps(random));
                maybe(random, a, "startLr", random.nextInt(3) == 0 ? extreme(random) : base * random.nextDouble());
            }
            default -> {
                type = WarmupSchedule.class;
                a.put("steps", steps(random));
                a.put("initLr", rate(random));
                maybe(random, a, "batchSize", steps(random));
                maybe(random, a, "referenceBatchSize", steps(random));
                maybe(random, a, "startLr", rate(random));
            }
        }
        String generated = className + "StepLr";
        if (random.nextInt(20) == 0) {
            generated = className + "Named";
            a.put("name", random.nextBoolean() ? "1st" : generated);
        }
        return new Fuzzed(className, type, TestAttributes.source(type, a), generated);
    }

    /** Source text written as it is. */
    private record Raw(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    private static void maybe(Random random, Map<String, Object> attributes, String name, Object value) {
        if (random.nextInt(3) != 0) {
            attributes.put(name, value);
        }
    }

    private static double extreme(Random random) {
        return EXTREME_DOUBLES[random.nextInt(EXTREME_DOUBLES.length)];
    }

    /** A rate: an extreme value one time in three, a plausible one otherwise. */
    private static double rate(Random random) {
        return random.nextInt(3) == 0 ? extreme(random) : Math.pow(10, -6 + 6 * random.nextDouble());
    }

    private static long steps(Random random) {
        return random.nextInt(3) == 0 ? EXTREME_LONGS[random.nextInt(EXTREME_LONGS.length)]
                : 1 + random.nextInt(random.nextBoolean() ? 100 : 100_000);
    }
}
