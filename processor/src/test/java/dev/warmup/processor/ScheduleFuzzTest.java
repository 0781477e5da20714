package dev.warmup.processor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.warmup.AnnealStrategy;
import dev.warmup.ChainedSchedule;
import dev.warmup.CyclicMode;
import dev.warmup.CyclicSchedule;
import dev.warmup.Decay;
import dev.warmup.Epochs;
import dev.warmup.Factor;
import dev.warmup.FactorShape;
import dev.warmup.OneCycleSchedule;
import dev.warmup.Phase;
import dev.warmup.PhaseShape;
import dev.warmup.PhasedSchedule;
import dev.warmup.Quantity;
import dev.warmup.QuantityKind;
import dev.warmup.RunLength;
import dev.warmup.StepLr;
import dev.warmup.UntunedRule;
import dev.warmup.UntunedWarmup;
import dev.warmup.WarmRestartsSchedule;
import dev.warmup.Warmup;
import dev.warmup.WarmupSchedule;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the processor with random annotations of every kind, valid and invalid, made from fixed seeds by one
 * generator per annotation, and compiled in batches by one loop:
 * <ul>
 *   <li>{@link WarmupScheduleGenerator}: {@value #DEFAULT_CASES} {@code @WarmupSchedule}s, every warmup with every
 *       decay, with the extreme values a user can write (0, 1, -1, {@code Long.MAX_VALUE}, {@code Long.MIN_VALUE},
 *       {@code Double.MIN_VALUE}, subnormals, {@code -0.0}, {@code Double.MAX_VALUE}, {@code Double.NaN} and the
 *       infinities written as constants or as {@code 1.0 / 0.0}, values of type int, char, float), milestone arrays
 *       of up to 10,000 entries, generated names that are keywords, not identifiers or the names of {@code java.lang}
 *       types, and packages that hold a type of such a name; one attribute a line;</li>
 *   <li>{@link PhasedScheduleGenerator}, {@link OneCycleScheduleGenerator}, {@link CyclicScheduleGenerator},
 *       {@link WarmRestartsScheduleGenerator}, {@link ChainedScheduleGenerator}, {@link UntunedWarmupGenerator} and
 *       {@link LinearScalingRuleGenerator} ({@code @WarmupSchedule}'s batch sizes): {@value #OTHER_CASES_PER_SEED} a seed, seeds 1 to 4, with extreme values (0, -0.0,
 *       subnormals, {@code Double.MAX_VALUE}, infinities, NaN, {@code Long.MIN_VALUE}, {@code Long.MAX_VALUE},
 *       ...).</li>
 * </ul>
 * Each case is a source of its own, in a package of its own. For each case exactly one of these must hold:
 * <ul>
 *   <li><b>compiled</b>: no error; the generated class loads, and {@code lr} at the probe steps is finite and
 *       {@code >= 0}. For {@code @WarmupSchedule} the
 *       probes are 0, 1, W - 1, W, W + 1, T - 1, T, T + 1, the first milestones, 2^31, {@code Long.MAX_VALUE} and a
 *       few random ones, and where the rates are normal doubles (see {@link WarmupScheduleCase#normalScale()}),
 *       {@code lr} also does not fall during a rising warmup nor at its end, does not rise during the decay, is
 *       initLr at W and minLr from T on; for the others, {@code lr} is also finite and {@code >= 0} at the first
 *       and the last 100 steps, up to {@code Long.MAX_VALUE};</li>
 *   <li><b>rejected</b>: one error or more, each in the case's source and naming an attribute of its annotation (or
 *       of one of its phases); for {@code @WarmupSchedule}, on the line of an attribute it names.</li>
 * </ul>
 * Anything else is a finding: the processor failed ("Please report this as a bug"), threw out of javac, wrote a
 * source that does not compile, gave a value that is not finite, negative or not monotone, or reported an error that
 * names no attribute. The verdict on a {@code @WarmupSchedule} is also checked against an oracle written here from
 * the README's table of checks, so an invalid setting that compiles, or a valid one that is rejected, is a finding
 * too.
 *
 * <p>The test asserts that there is no finding, and that each seed gives plenty of both outcomes.
 *
 * <p>The system properties {@code warmup.fuzz.cases} and {@code warmup.fuzz.seeds} change the number of
 * {@code @WarmupSchedule} cases and of the other annotations' seeds. Under ECJ the cases on a record are left out
 * (ECJ gives their diagnostics no file, see the test). Every finding is written to
 * {@code target/fuzz-findings-javac.txt} (or {@code -ecj.txt}) with its source.
 */
class ScheduleFuzzTest {

    static final int DEFAULT_CASES = 3_000;
    private static final long SEED = 0x5EED_2026_1125L;
    static final int OTHER_CASES_PER_SEED = 120;
    /** Cases per compilation: javac's Filer compares each new file with all earlier ones, so not too many. */
    private static final int BATCH = 200;

    /** Types of java.lang and java.util that generated code could name; a type of the package may take the name. */
    private static final List<String> SHADOWING_NAMES = List.of("Math", "String", "Override", "Object",
            "IllegalArgumentException", "Double", "Long", "Arrays", "StepLr", "Generated", "System", "Runtime");

    private static final long NEGATIVE_ZERO = Double.doubleToRawLongBits(-0.0);

    /** A processor bug, found by the fuzz. */
    record Finding(String kind, FuzzCase fuzzCase, String detail) {
        @Override
        public String toString() {
            return kind + ": " + detail + "\n    " + fuzzCase.describe();
        }
    }

    /** One random annotation, in package {@code fuzz.c<id>}: its sources, and what the loop checks of it. */
    sealed interface FuzzCase permits WarmupScheduleCase, AnnotationCase {

        int id();

        /** The seed the case was made from: each seed must give plenty of both outcomes. */
        long seed();

        /** Where its counts are shown: a warmup and decay, or an annotation. */
        String group();

        default String packageName() {
            return String.format(Locale.ROOT, "fuzz.c%05d", id());
        }

        /** The annotated source, and any other type of its package. */
        List<JavaFileObject> sources();

        String source();

        String generatedName();

        String describe();

        /** The oracle's verdict: true if the settings are valid, false if not, null where there is no oracle. */
        Boolean expectedValid();

        /** Null if an error of the processor is as an error should be, else "KIND: what"; adds what it names. */
        String checkError(Diagnostic<? extends JavaFileObject> error, Set<String> named);

        /** Null if rejecting the case is right, else what the oracle expected. */
        String checkRejected(List<Diagnostic<? extends JavaFileObject>> errors);

        /** The probe steps of a compiled schedule. */
        Set<Long> probeSteps();

        /** Null if the compiled schedule is sound at every probe, else "KIND: what". */
        String checkCompiled(StepLr schedule);

        /** Whether the checks of a compiled schedule went beyond finite values. */
        boolean shapeChecked();
    }

    // ------------------------------------------------------------------------------------------------ the test

    @Test
    void everySettingCompilesToASoundScheduleOrIsAnErrorNamingAnAttribute() throws Exception {
        int count = Integer.getInteger("warmup.fuzz.cases", DEFAULT_CASES);
        long start = System.nanoTime();
        SplittableRandom random = new SplittableRandom(SEED);
        List<FuzzCase> cases = new ArrayList<>();
        int notUnderEcj = 0;
        for (int id = 0; id < count; id++) {
            Warmup warmup = Warmup.values()[id % Warmup.values().length];
            Decay decay = Decay.values()[(id / Warmup.values().length) % Decay.values().length];
            WarmupScheduleCase c = WarmupScheduleGenerator.generate(id, warmup, decay, random.split());
            // ECJ gives the diagnostics on a record no file (its Messager has no case for ElementKind.RECORD, see
            // EclipseCompilerTest), so in a batch they cannot be told apart: under ECJ those cases are left out.
            if (Compiler.isEcj() && c.shape().equals("record")) {
                notUnderEcj++;
                continue;
            }
            cases.add(c);
        }
        long seeds = Long.getLong("warmup.fuzz.seeds", 4);
        for (long seed = 1; seed <= seeds; seed++) {
            Random seeded = new Random(seed);
            for (int i = 0; i < OTHER_CASES_PER_SEED; i++) {
                int id = 100_000 + (int) seed * 1000 + i;
                cases.add(AnnotationGenerator.pick(seeded).generate(id, seed, "F" + seed + "x" + i, seeded));
            }
        }
        // Batches of the cases the oracle expects to compile, of those it expects to be rejected, and of those it
        // has no verdict on: a batch with errors stops before javac compiles the generated sources, so mixing them
        // would cost a compilation more. A wrong expectation costs nothing but time: run() compiles again what did
        // not fail.
        List<List<FuzzCase>> batches = new ArrayList<>();
        for (Boolean valid : new Boolean[] {true, false, null}) {
            // Cases beside a type that could shadow a name of the generated code go in batches of their own, so
            // that if they fail, they fail alone.
            for (boolean shadowing : new boolean[] {false, true}) {
                List<FuzzCase> group = cases.stream().filter(c -> Objects.equals(c.expectedValid(), valid)
                        && (c instanceof WarmupScheduleCase w && w.mayShadow()) == shadowing).toList();
                for (int from = 0; from < group.size(); from += BATCH) {
                    batches.add(group.subList(from, Math.min(group.size(), from + BATCH)));
                }
            }
        }
        Results results = new Results();
        // javac compilations are independent: two at a time, on the build machine's two cores.
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        int compilations = 0;
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (List<FuzzCase> batch : batches) {
                runs.add(pool.submit(() -> run(batch, results)));
            }
            for (Future<Integer> run : runs) {
                compilations += run.get();
            }
        } finally {
            pool.shutdown();
        }
        results.findings.sort(Comparator.comparingInt((Finding f) -> f.fuzzCase().id()).thenComparing(Finding::kind));
        double seconds = (System.nanoTime() - start) / 1e9;
        results.print(cases.size(), compilations, seconds);
        if (notUnderEcj > 0) {
            System.out.printf(Locale.ROOT, "fuzz: under ECJ, %d of the %d @WarmupSchedule settings are left out "
                    + "(records)%n", notUnderEcj, count);
        }
        writeFindings(results.findings);

        assertTrue(results.findings.isEmpty(), () -> results.findings.size() + " findings, the first:\n"
                + results.findings.stream().limit(12).map(Finding::toString).collect(Collectors.joining("\n")));
        Map<Long, Long> perSeed = cases.stream().collect(Collectors.groupingBy(FuzzCase::seed, Collectors.counting()));
        perSeed.forEach((seed, total) -> {
            int[] outcomes = results.bySeed.getOrDefault(seed, new int[2]);
            assertTrue(outcomes[0] > total / 5 && outcomes[1] > total / 5, () -> "seed " + seed + " should give "
                    + "plenty of both outcomes: " + outcomes[0] + " compiled, " + outcomes[1] + " rejected of "
                    + total);
        });
    }

    /** Every finding, for whoever fixes them: {@code target/fuzz-findings-javac.txt} (or {@code -ecj}). */
    private static void writeFindings(List<Finding> findings) throws IOException {
        Path file = Path.of("target", "fuzz-findings-" + (Compiler.isEcj() ? "ecj" : "javac") + ".txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, findings.stream().map(f -> f + "\n    " + f.fuzzCase().source().replace("\n", "\n    "))
                .collect(Collectors.joining("\n")));
    }

    /**
     * Compiles {@code batch}; where errors stop the compilation, compiles again the cases without an error of their
     * own (a processor error stops javac before it compiles generated sources, so the second compilation is the one
     * that checks them). Returns the number of compilations.
     */
    private static int run(List<FuzzCase> batch, Results results) {
        List<FuzzCase> pending = new ArrayList<>(batch);
        int compilations = 0;
        while (!pending.isEmpty()) {
            compilations++;
            Compilation compilation;
            long compileStart = System.nanoTime();
            try {
                compilation = compile(pending);
                results.addCompileTime(System.nanoTime() - compileStart);
            } catch (RuntimeException | Error thrown) {
                if (pending.size() == 1) {
                    results.finding("THROWN", pending.get(0), thrown.toString());
                    return compilations;
                }
                // Something escaped the compiler: split until the case that does it is alone.
                int half = pending.size() / 2;
                return compilations + run(pending.subList(0, half), results)
                        + run(pending.subList(half, pending.size()), results);
            }
            Map<Integer, List<Diagnostic<? extends JavaFileObject>>> errors = new TreeMap<>();
            Map<Integer, List<Diagnostic<? extends JavaFileObject>>> generatedErrors = new TreeMap<>();
            for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
                Located located = Located.of(error);
                if (located == null) {
                    results.finding("UNPLACED_ERROR", pending.get(0), message(error) + " (first case of a batch of "
                            + pending.size() + ")");
                    return compilations;
                }
                (located.generated ? generatedErrors : errors).computeIfAbsent(located.id, k -> new ArrayList<>())
                        .add(error);
            }
            List<FuzzCase> clean = new ArrayList<>();
            for (FuzzCase c : pending) {
                if (generatedErrors.containsKey(c.id())) {
                    results.finding("GENERATED_SOURCE_DOES_NOT_COMPILE", c,
                            generatedErrors.get(c.id()).stream().map(ScheduleFuzzTest::message).limit(2)
                                    .collect(Collectors.joining(" | ")));
                } else if (errors.containsKey(c.id())) {
                    results.rejected(c, errors.get(c.id()));
                } else {
                    clean.add(c);
                }
            }
            if (compilation.status() == Compilation.Status.SUCCESS) {
                long checkStart = System.nanoTime();
                Compiler.Loader loader = new Compiler.Loader(compilation);
                for (FuzzCase c : clean) {
                    results.compiled(c, loader);
                }
                results.addCheckTime(System.nanoTime() - checkStart);
                return compilations;
            }
            if (clean.size() == pending.size()) {
                results.finding("FAILED_WITHOUT_ERROR", pending.get(0), "compilation failed, no error on any case");
                return compilations;
            }
            pending = clean;
        }
        return compilations;
    }

    /**
     * Compiles the sources of {@code cases} with the processor. javac reports at most 100 errors unless told
     * otherwise; every one is wanted here (ECJ counts per file).
     */
    private static Compilation compile(List<FuzzCase> cases) {
        List<JavaFileObject> sources = new ArrayList<>();
        cases.forEach(c -> sources.addAll(c.sources()));
        return Compiler.compiler(Compiler.isEcj() ? new String[0] : new String[] {"-Xmaxerrs", "100000"})
                .withProcessors(new WarmupProcessor()).compile(sources);
    }

    private static String message(Diagnostic<? extends JavaFileObject> diagnostic) {
        String message = diagnostic.getMessage(Locale.ROOT);
        return message.length() > 600 ? message.substring(0, 600) + " ..." : message;
    }

    /** Which case a diagnostic belongs to, by the package of its file, and whether the file is a generated one. */
    private record Located(int id, boolean generated) {
        private static final Pattern PACKAGE = Pattern.compile("/fuzz/c(\\d+)/");

        static Located of(Diagnostic<? extends JavaFileObject> diagnostic) {
            if (diagnostic.getSource() == null) {
                return null;
            }
            String path = diagnostic.getSource().toUri().getPath();
            Matcher matcher = PACKAGE.matcher("/" + path.replaceFirst("^/+", ""));
            if (!matcher.find()) {
                return null;
            }
            return new Located(Integer.parseInt(matcher.group(1)), path.contains("SOURCE_OUTPUT/"));
        }
    }

    // ------------------------------------------------------------------------------------------------ outcomes

    /** Counts, and the findings. */
    private static final class Results {
        int compiled;
        int rejected;
        int probes;
        int finiteOnly;
        int negativeZero;
        long compileNanos;
        long checkNanos;
        /** Per group (a warmup and decay, or an annotation): compiled, rejected, findings. */
        final Map<String, int[]> byGroup = new TreeMap<>();
        /** Per seed: compiled, rejected. */
        final Map<Long, int[]> bySeed = new TreeMap<>();
        final Map<String, Integer> errorsByAttribute = new TreeMap<>();
        final List<Finding> findings = new ArrayList<>();

        synchronized void addCompileTime(long nanos) {
            compileNanos += nanos;
        }

        synchronized void addCheckTime(long nanos) {
            checkNanos += nanos;
        }

        synchronized void finding(String kind, FuzzCase c, String detail) {
            findings.add(new Finding(kind, c, detail));
            group(c)[2]++;
        }

        private int[] group(FuzzCase c) {
            return byGroup.computeIfAbsent(c.group(), g -> new int[3]);
        }

        private void outcome(FuzzCase c, int index) {
            group(c)[index]++;
            bySeed.computeIfAbsent(c.seed(), s -> new int[2])[index]++;
        }

        synchronized void rejected(FuzzCase c, List<Diagnostic<? extends JavaFileObject>> errors) {
            int before = findings.size();
            for (Diagnostic<? extends JavaFileObject> error : errors) {
                String message = error.getMessage(Locale.ROOT);
                if (message.contains("Please report this as a bug") || message.contains("processor failed")) {
                    finding("PROCESSOR_FAILED", c, message(error));
                    continue;
                }
                Set<String> named = new LinkedHashSet<>();
                String problem = c.checkError(error, named);
                if (problem != null) {
                    finding(problem.substring(0, problem.indexOf(':')), c, problem.substring(problem.indexOf(':') + 2));
                } else {
                    named.forEach(a -> errorsByAttribute.merge(a, 1, Integer::sum));
                }
            }
            if (findings.size() == before) {
                String expected = c.checkRejected(errors);
                if (expected != null) {
                    finding("VALID_SETTING_REJECTED", c, expected);
                }
            }
            if (findings.size() == before) {
                rejected++;
                outcome(c, 1);
            }
        }

        synchronized void compiled(FuzzCase c, Compiler.Loader loader) {
            StepLr schedule;
            try {
                schedule = loader.schedule(c.packageName() + "." + c.generatedName());
            } catch (AssertionError | RuntimeException | LinkageError e) {
                finding("GENERATED_CLASS_DOES_NOT_LOAD", c, e.toString());
                return;
            }
            String problem;
            try {
                problem = c.checkCompiled(schedule);
                probes += c.probeSteps().size();
            } catch (RuntimeException | Error e) {
                problem = "THROWS: " + e;
            }
            if (problem != null) {
                finding(problem.substring(0, problem.indexOf(':')), c, problem.substring(problem.indexOf(':') + 2));
                return;
            }
            compiled++;
            if (!c.shapeChecked()) {
                finiteOnly++;
            }
            if (c.probeSteps().stream()
                    .anyMatch(step -> Double.doubleToRawLongBits(schedule.lr(step)) == NEGATIVE_ZERO)) {
                negativeZero++;
            }
            outcome(c, 0);
        }

        void print(int count, int compilations, double seconds) {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "fuzz: %d settings under %s (seed %#x and 1 to %d), %d "
                            + "compilations, %.1f s: %d compiled (%d probe steps, all finite and >= 0), %d rejected "
                            + "with an error naming an attribute, %d findings%n", count,
                    Compiler.isEcj() ? "ECJ" : "javac", SEED, Long.getLong("warmup.fuzz.seeds", 4), compilations,
                    seconds, compiled, probes, rejected, findings.size()));
            out.append(String.format(Locale.ROOT, "fuzz: of the compiled, %d are checked for finite values >= 0 "
                    + "only (the other annotations, and @WarmupSchedules with rates below 2^-958: "
                    + "subnormal constants); the others for the shape too%n", finiteOnly));
            out.append(String.format(Locale.ROOT, "fuzz: %d compiled schedules return -0.0 at a probe step (startLr "
                    + "or minLr written as -0.0; -0.0 >= 0 holds)%n", negativeZero));
            out.append(String.format(Locale.ROOT, "fuzz: %.1f s in the compiler, %.1f s loading and probing (summed "
                    + "over threads)%n", compileNanos / 1e9, checkNanos / 1e9));
            out.append(String.format(Locale.ROOT, "fuzz: %-12s", "compiled/rejected"));
            for (Decay decay : Decay.values()) {
                out.append(String.format(Locale.ROOT, " %15s", decay));
            }
            out.append('\n');
            for (Warmup warmup : Warmup.values()) {
                out.append(String.format(Locale.ROOT, "fuzz: %-17s", warmup));
                for (Decay decay : Decay.values()) {
                    out.append(String.format(Locale.ROOT, " %15s",
                            counts(byGroup.getOrDefault(warmup + " " + decay, new int[3]))));
                }
                out.append('\n');
            }
            byGroup.forEach((group, counts) -> {
                if (group.startsWith("@")) {
                    out.append(String.format(Locale.ROOT, "fuzz: %-21s %s%n", group, counts(counts)));
                }
            });
            out.append("fuzz: errors by attribute named: ").append(errorsByAttribute).append('\n');
            Map<String, Long> kinds = findings.stream()
                    .collect(Collectors.groupingBy(Finding::kind, TreeMap::new, Collectors.counting()));
            out.append("fuzz: findings by kind: ").append(kinds).append('\n');
            System.out.print(out);
        }

        private static String counts(int[] counts) {
            return counts[0] + "/" + counts[1] + (counts[2] > 0 ? "/" + counts[2] + "!" : "");
        }
    }

    // ------------------------------------------------------------------------------------------- @WarmupSchedule

    /** The checks of a compiled {@code @WarmupSchedule} at its probe steps. */
    private static final class Probe {

        static TreeSet<Long> steps(WarmupScheduleCase c) {
            long w = c.steps();
            TreeSet<Long> steps = new TreeSet<>(List.of(0L, 1L, w, 1L << 31, Long.MAX_VALUE - 1, Long.MAX_VALUE));
            addIfValid(steps, w - 1);
            addIfValid(steps, w + 1);
            if (c.isSet("totalSteps")) {
                long t = c.longValue("totalSteps");
                addIfValid(steps, t - 1);
                addIfValid(steps, t);
                addIfValid(steps, t + 1);
            }
            if (c.isSet("stepSize")) {
                long size = c.longValue("stepSize");
                addIfValid(steps, w + size - 1);
                addIfValid(steps, w + size);
            }
            long[] milestones = c.milestones();
            for (int i = 0; i < Math.min(4, milestones.length); i++) {
                addIfValid(steps, milestones[i] - 1);
                addIfValid(steps, milestones[i]);
            }
            SplittableRandom random = new SplittableRandom(c.id());
            for (int i = 0; i < 4; i++) {
                steps.add(random.nextLong(Long.MAX_VALUE));
                if (w > 0) {
                    steps.add(random.nextLong(w));
                }
            }
            return steps;
        }

        private static void addIfValid(Set<Long> steps, long step) {
            if (step >= 0) {
                steps.add(step);
            }
        }

        /** Null if the schedule is sound at every probe, else "KIND: what". */
        static String check(WarmupScheduleCase c, StepLr schedule) {
            long w = c.steps();
            if (schedule.warmupSteps() != w) {
                return "WRONG_WARMUP_STEPS: " + schedule.warmupSteps();
            }
            try {
                schedule.lr(-1);
                return "NEGATIVE_STEP_ACCEPTED: lr(-1) = " + schedule.lr(-1);
            } catch (IllegalArgumentException expected) {
                // as documented
            }
            TreeSet<Long> steps = steps(c);
            Map<Long, Double> lr = new TreeMap<>();
            for (long step : steps) {
                double value = schedule.lr(step);
                if (!Double.isFinite(value)) {
                    return "NOT_FINITE: lr(" + step + ") = " + value;
                }
                if (!(value >= 0)) {
                    return "NEGATIVE: lr(" + step + ") = " + value;
                }
                lr.put(step, value);
            }
            if (!c.normalScale()) {
                return null;
            }
            double initLr = c.doubleValue("initLr");
            Long previous = null;
            for (long step : steps) {
                if (previous != null) {
                    double before = lr.get(previous);
                    double after = lr.get(step);
                    boolean warmup = step < w;
                    if (warmup && c.warmup() != Warmup.CONSTANT && after < before) {
                        return "NOT_MONOTONE: the warmup falls from lr(" + previous + ") = " + before + " to lr("
                                + step + ") = " + after;
                    }
                    if (warmup && c.warmup() == Warmup.CONSTANT && after != before) {
                        return "NOT_MONOTONE: the constant warmup changes from lr(" + previous + ") = " + before
                                + " to lr(" + step + ") = " + after;
                    }
                    if (previous >= w && after > before && !c.rises()) {
                        return "NOT_MONOTONE: the decay rises from lr(" + previous + ") = " + before + " to lr("
                                + step + ") = " + after;
                    }
                }
                previous = step;
            }
            // The decay starts at initLr (MULTISTEP: unless a milestone is at W), within rounding.
            boolean milestoneAtW = c.decay() == Decay.MULTISTEP && c.milestones()[0] == w;
            if (!milestoneAtW && Math.abs(lr.get(w) - initLr) > 1e-12 * initLr) {
                return "NOT_INIT_LR_AT_W: lr(" + w + ") = " + lr.get(w) + ", initLr = " + initLr;
            }
            if (w > 0 && lr.get(w - 1) > lr.get(w) * (1 + 1e-12) && !milestoneAtW) {
                return "NOT_MONOTONE: the rate falls at the end of warmup, lr(" + (w - 1) + ") = " + lr.get(w - 1)
                        + " > lr(" + w + ") = " + lr.get(w);
            }
            if (c.isSet("totalSteps") && c.rises() && c.decay() == Decay.COSINE) {
                long t = c.longValue("totalSteps");
                if (Double.compare(lr.get(t), lr.get(Long.MAX_VALUE)) != 0) {
                    return "NOT_HELD_AFTER_T: lr(" + t + ") = " + lr.get(t) + ", lr(Long.MAX_VALUE) = "
                            + lr.get(Long.MAX_VALUE);
                }
            } else if (c.isSet("totalSteps") && (c.decay() == Decay.COSINE || c.decay() == Decay.LINEAR
                    || c.decay() == Decay.POLY || c.decay() == Decay.COSINE_RESTARTS)) {
                double minLr = c.isSet("minLr") ? c.doubleValue("minLr") : 0.0;
                long t = c.longValue("totalSteps");
                if (Double.compare(lr.get(t), minLr) != 0 || Double.compare(lr.get(Long.MAX_VALUE), minLr) != 0) {
                    return "NOT_MIN_LR_AFTER_T: lr(" + t + ") = " + lr.get(t) + ", minLr = " + minLr;
                }
            }
            return null;
        }
    }

    /** One attribute as written in the source, and its value as the processor will read it. */
    record Attribute(String name, String source, Object value) {}

    /**
     * One random {@code @WarmupSchedule}: its attributes (in the order written), where it sits (a top-level class, a
     * nested class or a record, in package {@code fuzz.c<id>}), and a type of the same package that may shadow a name.
     */
    record WarmupScheduleCase(int id, Warmup warmup, Decay decay, List<Attribute> attributes, String shape,
            String sibling) implements FuzzCase {

        /** The annotation's attributes, as the README lists them. */
        private static final List<String> ATTRIBUTES = List.of("steps", "initLr", "warmup", "startLr", "decay",
                "gamma", "stepSize", "milestones", "totalSteps", "minLr", "power", "cycles", "name");

        private static final Set<String> RESTRICTED = Set.of("var", "yield", "record", "sealed", "permits");

        @Override
        public long seed() {
            return SEED;
        }

        @Override
        public String group() {
            return warmup + " " + decay;
        }

        @Override
        public List<JavaFileObject> sources() {
            List<JavaFileObject> sources = new ArrayList<>();
            sources.add(JavaFileObjects.forSourceString(packageName() + "." + topLevelName(), source()));
            if (sibling != null) {
                sources.add(JavaFileObjects.forSourceString(packageName() + "." + sibling,
                        "package " + packageName() + ";\n\nfinal class " + sibling + " {}\n"));
            }
            return sources;
        }

        @Override
        public String checkError(Diagnostic<? extends JavaFileObject> error, Set<String> named) {
            String message = error.getMessage(Locale.ROOT);
            named.addAll(attributesNamedIn(message));
            String onLine = attributeOnLine(error.getLineNumber());
            if (named.isEmpty()) {
                return "ERROR_NAMES_NO_ATTRIBUTE: line " + error.getLineNumber() + ": " + message;
            }
            if (onLine == null) {
                return "ERROR_NOT_ON_THE_ANNOTATION: line " + error.getLineNumber() + ": " + message;
            }
            if (!onLine.equals("@") && !named.contains(onLine)) {
                return "ERROR_ON_ANOTHER_ATTRIBUTE: on " + onLine + ": " + message;
            }
            return null;
        }

        @Override
        public String checkRejected(List<Diagnostic<? extends JavaFileObject>> errors) {
            return expectedValid() && !overflowRejected(errors)
                    ? errors.stream().map(ScheduleFuzzTest::message).collect(Collectors.joining(" | ")) : null;
        }

        /**
         * The README's one check the oracle cannot predict: a rate within an ulp or so of Double.MAX_VALUE whose
         * arithmetic rounds past it (a slope times a length) is an error on initLr.
         */
        private boolean overflowRejected(List<Diagnostic<? extends JavaFileObject>> errors) {
            return doubleValue("initLr") > 1e307 && errors.stream()
                    .allMatch(e -> e.getMessage(Locale.ROOT).contains("rates this close to Double.MAX_VALUE overflow"));
        }

        @Override
        public Set<Long> probeSteps() {
            return Probe.steps(this);
        }

        @Override
        public String checkCompiled(StepLr schedule) {
            if (!expectedValid()) {
                return "INVALID_SETTING_COMPILED: the README's checks reject it: " + expectedProblems();
            }
            return Probe.check(this, schedule);
        }

        @Override
        public boolean shapeChecked() {
            return normalScale();
        }

        /**
         * Whether every rate of the schedule is at least 2^-958 (about 4e-289), or 0: then every constant the
         * processor derives from them, a rate divided by up to 2^63 steps, is a normal double, and relative
         * statements (monotone, initLr at W) hold up to rounding. Below, quotients are subnormal,
         * with as little as one significant bit, and those statements are not made: such schedules are checked for
         * finite values {@code >= 0} only.
         */
        boolean normalScale() {
            double least = 0x1p-958;
            double initLr = doubleValue("initLr");
            double startLr = isSet("startLr") && steps() > 0 ? doubleValue("startLr") : 0.0;
            double minLr = isSet("minLr") ? doubleValue("minLr") : 0.0;
            return initLr >= least && (startLr == 0 || startLr >= least) && (minLr == 0 || minLr >= least);
        }

        /** Whether a type of the package, or the generated class itself, has the name of a type generated code uses. */
        boolean mayShadow() {
            return sibling != null || SHADOWING_NAMES.contains(generatedName());
        }

        String topLevelName() {
            return shape.equals("nested") ? "Outer" : "Sched";
        }

        /** The generated class's simple name, if the name is valid. */
        @Override
        public String generatedName() {
            String name = isSet("name") ? (String) get("name").value() : "";
            if (!name.isEmpty()) {
                return name;
            }
            return shape.equals("nested") ? "Outer_SchedStepLr" : "SchedStepLr";
        }

        boolean isSet(String attribute) {
            return get(attribute) != null;
        }

        /** cycles as written, or the decay's default: 0.5 for COSINE, 1 for COSINE_RESTARTS. */
        double cycles() {
            return isSet("cycles") ? doubleValue("cycles") : decay == Decay.COSINE_RESTARTS ? 1.0 : 0.5;
        }

        /** With EXP and STEP: minLr, the floor of the decay, not in [0, initLr). */
        java.util.Optional<String> floorProblem(boolean initOk, double initLr) {
            double floor = isSet("minLr") ? doubleValue("minLr") : 0.0;
            return initOk && isSet("minLr") && !(Double.isFinite(floor) && floor >= 0 && floor < initLr)
                    ? java.util.Optional.of("minLr (floor) not in [0, initLr)") : java.util.Optional.empty();
        }

        /** Whether the decay rises again by design: hard restarts, waves other than a half one, a growing horizon. */
        boolean rises() {
            return decay == Decay.COSINE_RESTARTS || decay == Decay.COSINE && cycles() != 0.5
                    || decay == Decay.POLY_CYCLE;
        }

        Attribute get(String attribute) {
            for (Attribute a : attributes) {
                if (a.name().equals(attribute)) {
                    return a;
                }
            }
            return null;
        }

        long steps() {
            return longValue("steps");
        }

        long longValue(String attribute) {
            return ((Number) get(attribute).value()).longValue();
        }

        double doubleValue(String attribute) {
            return ((Number) get(attribute).value()).doubleValue();
        }

        long[] milestones() {
            return isSet("milestones") ? (long[]) get("milestones").value() : new long[0];
        }

        /** Lines of the source before the annotation's first attribute. */
        private int header() {
            return shape.equals("nested") ? 6 : 5;
        }

        @Override
        public String source() {
            StringBuilder source = new StringBuilder("package " + packageName() + ";\n\nimport dev.warmup.*;\n\n");
            String indent = "";
            if (shape.equals("nested")) {
                source.append("class Outer {\n");
                indent = "    ";
            }
            source.append(indent).append("@WarmupSchedule(\n");
            for (int i = 0; i < attributes.size(); i++) {
                Attribute a = attributes.get(i);
                String value = a.source();
                if (sibling != null || SHADOWING_NAMES.contains(generatedName())) {
                    // The package's own Double or Long (a class beside it, or the generated class named so) would
                    // shadow java.lang's in the user's source too.
                    value = value.replaceAll("\\b(Double|Float|Long|Integer)\\.", "java.lang.$1.");
                }
                source.append(indent).append("        ").append(a.name()).append(" = ").append(value)
                        .append(i < attributes.size() - 1 ? ",\n" : ")\n");
            }
            switch (shape) {
                case "nested" -> source.append("    static final class Sched {}\n}\n");
                case "record" -> source.append("record Sched(int epochs) {}\n");
                case "generic" -> source.append("abstract class Sched<T extends Comparable<T>> {}\n");
                default -> source.append("final class Sched {}\n");
            }
            return source.toString();
        }

        /** The attribute written on a line, "@" for the annotation's first line, null for any other line. */
        String attributeOnLine(long line) {
            int index = (int) line - header() - 1;
            if (index == -1) {
                return "@";
            }
            return index >= 0 && index < attributes.size() ? attributes.get(index).name() : null;
        }

        /** The attributes that a message names, as words. */
        Set<String> attributesNamedIn(String message) {
            Set<String> named = new LinkedHashSet<>();
            for (String attribute : ATTRIBUTES) {
                if (Pattern.compile("\\b" + attribute + "\\b").matcher(message).find()) {
                    named.add(attribute);
                }
            }
            return named;
        }

        @Override
        public String describe() {
            return "@WarmupSchedule(" + attributes.stream().map(a -> a.name() + " = " + abbreviate(a.source()))
                    .collect(Collectors.joining(", ")) + ") on " + shape + " " + packageName() + "."
                    + (shape.equals("nested") ? "Outer.Sched" : "Sched")
                    + (sibling == null ? "" : ", beside class " + packageName() + "." + sibling);
        }

        private static String abbreviate(String source) {
            return source.length() > 80 ? source.substring(0, 60) + " ... (" + source.length() + " chars)" : source;
        }

        // -------------------------------------------------------------------------------------------- the oracle

        @Override
        public Boolean expectedValid() {
            return expectedProblems().isEmpty();
        }

        /**
         * What the README's table of checks says is wrong with the settings, written here from the README rather
         * than from the processor's validator.
         */
        List<String> expectedProblems() {
            List<String> problems = new ArrayList<>();
            long w = steps();
            double initLr = doubleValue("initLr");
            boolean initOk = Double.isFinite(initLr) && initLr > 0;
            if (w < 0) {
                problems.add("steps < 0");
            }
            if (!initOk) {
                problems.add("initLr not finite and > 0");
            }
            String name = isSet("name") ? (String) get("name").value() : "";
            boolean nameOk = name.isEmpty() || (SourceVersion.isIdentifier(name) && !SourceVersion.isKeyword(name)
                    && !RESTRICTED.contains(name));
            if (!nameOk) {
                problems.add("name not an identifier");
            } else if (generatedName().equals(topLevelName()) || generatedName().equals(sibling)) {
                problems.add("name taken by a type of the package");
            }
            if (w > 0 && initOk) {
                double startLr = isSet("startLr") ? doubleValue("startLr") : 0.0;
                if (!(Double.isFinite(startLr) && startLr >= 0 && startLr <= initLr)) {
                    problems.add("startLr not in [0, initLr]");
                } else if (warmup == Warmup.EXPONENTIAL && !(startLr > 0)) {
                    problems.add("startLr = 0 with EXPONENTIAL");
                }
            }
            double gamma = isSet("gamma") ? doubleValue("gamma") : 0.5;
            boolean gammaOk = gamma > 0 && gamma <= 1;
            switch (decay) {
                case EXP -> {
                    if (!gammaOk) {
                        problems.add("gamma not in (0, 1]");
                    }
                    if (isSet("stepSize") && longValue("stepSize") <= 0) {
                        problems.add("stepSize <= 0");
                    }
                    floorProblem(initOk, initLr).ifPresent(problems::add);
                }
                case STEP -> {
                    if (!gammaOk) {
                        problems.add("gamma not in (0, 1]");
                    }
                    if (!isSet("stepSize") || longValue("stepSize") <= 0) {
                        problems.add("stepSize missing or <= 0");
                    }
                    floorProblem(initOk, initLr).ifPresent(problems::add);
                }
                case MULTISTEP -> {
                    if (!gammaOk) {
                        problems.add("gamma not in (0, 1]");
                    }
                    long[] m = milestones();
                    boolean increasing = LongStreamHelper.strictlyIncreasing(m);
                    if (!isSet("milestones") || m.length == 0 || m.length > 1000 || !increasing
                            || (w >= 0 && m[0] < w)) {
                        problems.add("milestones missing, empty, over 1000, not increasing or before W");
                    }
                }
                case INV_TIME, INV_TIME_STEP -> {
                    if (!isSet("gamma") || !(Double.isFinite(doubleValue("gamma")) && doubleValue("gamma") > 0)) {
                        problems.add("gamma missing, not finite or <= 0");
                    }
                    if (decay == Decay.INV_TIME_STEP ? !isSet("stepSize") || longValue("stepSize") <= 0
                            : isSet("stepSize") && longValue("stepSize") <= 0) {
                        problems.add("stepSize missing or <= 0");
                    }
                }
                case COSINE, LINEAR, POLY, COSINE_RESTARTS, POLY_CYCLE -> {
                    boolean totalOk = isSet("totalSteps") && !(w >= 0 && longValue("totalSteps") <= w);
                    if (!totalOk) {
                        problems.add("totalSteps missing or <= W");
                    }
                    double cycles = cycles();
                    if (decay == Decay.COSINE || decay == Decay.COSINE_RESTARTS) {
                        // the rule of docs/warmup-schedule.md: > 0, a multiple of 1/1024, and
                        // the exact position's numbers, up to max(cycles, 1) * 2048 * D, below 2^63
                        if (!(Double.isFinite(cycles) && cycles > 0)) {
                            problems.add("cycles not finite and > 0");
                        } else if (new BigDecimal(cycles).multiply(BigDecimal.valueOf(1024)).stripTrailingZeros()
                                .scale() > 0) {
                            problems.add("cycles not a multiple of 1/1024");
                        } else if (totalOk && w >= 0 && !(decay == Decay.COSINE && cycles == 0.5)
                                && new BigDecimal(Math.max(cycles, 1)).multiply(BigDecimal.valueOf(2048))
                                .multiply(BigDecimal.valueOf(longValue("totalSteps") - w))
                                .compareTo(new BigDecimal(BigInteger.ONE.shiftLeft(63))) >= 0) {
                            problems.add("max(cycles, 1) * 2048 * (T - W) >= 2^63");
                        }
                    }
                    double minLr = isSet("minLr") ? doubleValue("minLr") : 0.0;
                    if (!(Double.isFinite(minLr) && minLr >= 0 && (!initOk || minLr < initLr))) {
                        problems.add("minLr not in [0, initLr)");
                    }
                    double power = isSet("power") ? doubleValue("power") : 1.0;
                    if ((decay == Decay.POLY || decay == Decay.POLY_CYCLE) && !(Double.isFinite(power) && power > 0)) {
                        problems.add("power not finite and > 0");
                    }
                    if (decay == Decay.COSINE && isSet("power")) {
                        if (!(Double.isFinite(power) && power > 0)) {
                            problems.add("power not finite and > 0");
                        } else if (Double.isFinite(cycles) && cycles != 0.5) {
                            problems.add("power with cycles other than 0.5");
                        }
                    }
                }
                case INV_SQRT -> {
                    if (w == 0) {
                        problems.add("steps = 0 with INV_SQRT");
                    }
                }
                case REPEATED_POWER -> {
                    double power = isSet("power") ? doubleValue("power") : 1.0;
                    if (!isSet("power") || !(Double.isFinite(power) && power > 1)) {
                        problems.add("power missing, not finite or <= 1");
                    }
                    if (initOk && initLr >= 1) {
                        problems.add("initLr >= 1 with REPEATED_POWER");
                    }
                }
                default -> { }
            }
            for (Attribute attribute : attributes) {
                if (!usedBy(w, decay).contains(attribute.name())) {
                    problems.add(attribute.name() + " set, but unused by the warmup and decay");
                }
            }
            return problems;
        }

        /** The attributes the settings use, as the Javadoc of each {@code Decay} constant lists them. */
        private static Set<String> usedBy(long w, Decay decay) {
            Set<String> used = new HashSet<>(Set.of("steps", "initLr", "batchSize", "referenceBatchSize", "decay",
                    "name"));
            if (w != 0) {
                used.addAll(Set.of("warmup", "startLr"));
            }
            used.addAll(switch (decay) {
                case EXP, STEP -> Set.of("gamma", "stepSize", "minLr");
                case MULTISTEP -> Set.of("gamma", "milestones");
                case INV_TIME, INV_TIME_STEP -> Set.of("gamma", "stepSize");
                case COSINE -> Set.of("totalSteps", "minLr", "cycles", "power");
                case COSINE_RESTARTS -> Set.of("totalSteps", "minLr", "cycles");
                case LINEAR -> Set.of("totalSteps", "minLr");
                case POLY, POLY_CYCLE -> Set.of("totalSteps", "minLr", "power");
                case REPEATED_POWER -> Set.of("power");
                case NONE, INV_SQRT -> Set.<String>of();
            });
            return used;
        }
    }

    /** Random {@code @WarmupSchedule}s: valid-looking, partly arbitrary, or arbitrary throughout. */
    private static final class WarmupScheduleGenerator {

        private WarmupScheduleGenerator() {}

        static WarmupScheduleCase generate(int id, Warmup warmup, Decay decay, SplittableRandom random) {
            Values values = new Values(random);
            // Three kinds of case: valid-looking settings with extreme but allowed values, the same with a few
            // attributes replaced by arbitrary extremes, and arbitrary extremes throughout.
            int mode = random.nextInt(100);
            double chaos = mode < 40 ? 0 : mode < 75 ? 0.2 : 0.6;
            Map<String, Attribute> set = new LinkedHashMap<>();

            Attribute steps = values.chance(chaos) ? values.anyLong("steps") : values.warmupSteps(decay);
            long w = ((Number) steps.value()).longValue();
            set.put("steps", steps);
            Attribute initLr = values.chance(chaos) ? values.anyDouble("initLr") : values.rate("initLr", decay);
            double init = ((Number) initLr.value()).doubleValue();
            set.put("initLr", initLr);
            if (warmup != Warmup.LINEAR || values.chance(0.3)) {
                set.put("warmup", values.enumConstant("warmup", "Warmup", warmup.name()));
            }
            if (warmup != Warmup.LINEAR || values.chance(0.5)) {
                set.put("startLr", values.chance(chaos) ? values.anyDouble("startLr")
                        : values.fractionOf("startLr", init, warmup == Warmup.EXPONENTIAL));
            }
            if (decay != Decay.NONE || values.chance(0.3)) {
                set.put("decay", values.enumConstant("decay", "Decay", decay.name()));
            }
            // An attribute the decay does not use is an error: valid-looking settings leave such attributes out.
            double stray = chaos == 0 ? 0 : 0.05;
            boolean usesGamma = decay == Decay.EXP || decay == Decay.STEP || decay == Decay.MULTISTEP;
            boolean inverseTime = decay == Decay.INV_TIME || decay == Decay.INV_TIME_STEP;
            if (values.chance(inverseTime ? 0.95 : usesGamma ? 0.7 : 2 * stray)) {
                set.put("gamma", values.chance(chaos) ? values.anyDouble("gamma") : values.gamma());
            }
            if (values.chance(decay == Decay.STEP || decay == Decay.INV_TIME_STEP ? 0.95
                    : decay == Decay.EXP || decay == Decay.INV_TIME ? 0.3 : stray)) {
                set.put("stepSize", values.chance(chaos) ? values.anyLong("stepSize") : values.positiveLong(
                        "stepSize"));
            }
            if (values.chance(decay == Decay.MULTISTEP ? 0.95 : stray)) {
                set.put("milestones", values.milestones(w, chaos));
            }
            boolean toMinLr = decay == Decay.COSINE || decay == Decay.LINEAR || decay == Decay.POLY
                    || decay == Decay.COSINE_RESTARTS || decay == Decay.POLY_CYCLE;
            if (values.chance(toMinLr ? 0.95 : stray)) {
                set.put("totalSteps", values.chance(chaos) ? values.anyLong("totalSteps") : values.after(w));
            }
            boolean floored = decay == Decay.EXP || decay == Decay.STEP;
            if (values.chance(toMinLr ? 0.6 : floored ? 0.3 : stray)) {
                set.put("minLr", values.chance(chaos) ? values.anyDouble("minLr")
                        : values.fractionOf("minLr", init * 0.999, false));
            }
            boolean usesPower = decay == Decay.POLY || decay == Decay.POLY_CYCLE || decay == Decay.REPEATED_POWER;
            if (values.chance(usesPower ? (decay == Decay.REPEATED_POWER ? 0.95 : 0.7)
                    : decay == Decay.COSINE ? 0.2 : stray)) {
                set.put("power", values.chance(chaos) ? values.anyDouble("power") : values.power(decay));
            }
            boolean usesCycles = decay == Decay.COSINE || decay == Decay.COSINE_RESTARTS;
            if (values.chance(usesCycles ? 0.6 : stray)) {
                set.put("cycles", values.chance(chaos) ? values.anyDouble("cycles") : values.cycles());
            }
            String sibling = null;
            if (values.chance(0.04)) {
                sibling = SHADOWING_NAMES.get(random.nextInt(SHADOWING_NAMES.size()));
            }
            if (values.chance(0.12)) {
                set.put("name", values.name(id));
            }
            // Attributes in a random order: javac and ECJ must point at the right line whatever the order.
            List<Attribute> attributes = new ArrayList<>(set.values());
            for (int i = attributes.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Attribute swap = attributes.get(i);
                attributes.set(i, attributes.get(j));
                attributes.set(j, swap);
            }
            String[] shapes = {"class", "class", "class", "nested", "record", "generic"};
            String shape = shapes[random.nextInt(shapes.length)];
            if (sibling != null && (sibling.equals("Sched") || sibling.equals("Outer"))) {
                sibling = null;
            }
            return new WarmupScheduleCase(id, warmup, decay, List.copyOf(attributes), shape, sibling);
        }
    }

    private static final class LongStreamHelper {
        static boolean strictlyIncreasing(long[] values) {
            for (int i = 1; i < values.length; i++) {
                if (values[i] <= values[i - 1]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Random values, each with the source that writes it. */
    private static final class Values {
        private final SplittableRandom random;

        Values(SplittableRandom random) {
            this.random = random;
        }

        boolean chance(double p) {
            return random.nextDouble() < p;
        }

        private <T> T pick(List<T> options) {
            return options.get(random.nextInt(options.size()));
        }

        // ---- longs

        /** Extreme longs, each with the ways to write it. */
        private static final List<Object[]> LONG_EXTREMES = List.of(
                new Object[] {0L, "0", "0L", "'\\0'"},
                new Object[] {1L, "1", "1L", "(byte) 1"},
                new Object[] {-1L, "-1", "-1L", "(short) -1"},
                new Object[] {2L, "2"},
                new Object[] {10L, "10", "'\\n'"},
                new Object[] {97L, "'a'"},
                new Object[] {1000L, "1000", "1_000L"},
                new Object[] {(long) Integer.MAX_VALUE, "Integer.MAX_VALUE", "2147483647"},
                new Object[] {1L << 31, "(1L << 31)", "2147483648L"},
                new Object[] {1L << 40, "(1L << 40)"},
                new Object[] {1L << 62, "(1L << 62)"},
                new Object[] {Long.MAX_VALUE - 1, "Long.MAX_VALUE - 1", "9223372036854775806L"},
                new Object[] {Long.MAX_VALUE, "Long.MAX_VALUE", "9223372036854775807L", "0x7fffffffffffffffL"},
                new Object[] {Long.MIN_VALUE, "Long.MIN_VALUE", "-9223372036854775808L", "0x8000000000000000L"},
                new Object[] {(long) Integer.MIN_VALUE, "Integer.MIN_VALUE"},
                new Object[] {-1000L, "-1000"});

        Attribute longAttribute(String name, long value) {
            for (Object[] extreme : LONG_EXTREMES) {
                if ((Long) extreme[0] == value && chance(0.7)) {
                    return new Attribute(name, (String) extreme[1 + random.nextInt(extreme.length - 1)], value);
                }
            }
            return new Attribute(name, value == (int) value && chance(0.5) ? Long.toString(value) : value + "L",
                    value);
        }

        long extremeLong() {
            return (Long) pick(LONG_EXTREMES)[0];
        }

        Attribute anyLong(String name) {
            long value = switch (random.nextInt(4)) {
                case 0, 1 -> extremeLong();
                case 2 -> random.nextLong(-10_000, 10_000_000);
                default -> random.nextLong();
            };
            return longAttribute(name, value);
        }

        Attribute warmupSteps(Decay decay) {
            long[] choices = {0, 1, 2, 7, 100, 2500, random.nextLong(1, 100_000), 1L << 31, 1L << 40,
                Long.MAX_VALUE - 1, Long.MAX_VALUE};
            long w = choices[random.nextInt(choices.length)];
            if (decay == Decay.INV_SQRT && w == 0) {
                w = 1;
            }
            boolean needsRoomAfter = decay == Decay.COSINE || decay == Decay.LINEAR || decay == Decay.POLY
                    || decay == Decay.COSINE_RESTARTS;
            if (needsRoomAfter && w == Long.MAX_VALUE) {
                w = Long.MAX_VALUE - 1;
            }
            return longAttribute("steps", w);
        }

        Attribute positiveLong(String name) {
            long[] choices = {1, 2, 3, 10, 1000, random.nextLong(1, 1_000_000), 1L << 31, 1L << 62,
                Long.MAX_VALUE - 1, Long.MAX_VALUE};
            return longAttribute(name, choices[random.nextInt(choices.length)]);
        }

        /** A step after W, up to Long.MAX_VALUE. */
        Attribute after(long w) {
            long base = Math.max(w, 0);
            long room = Long.MAX_VALUE - base;
            if (room <= 0) {
                return longAttribute("totalSteps", Long.MAX_VALUE);
            }
            long[] offsets = {1, 2, 3, 7, 1000, random.nextLong(1, 1_000_000), room};
            long offset = Math.min(offsets[random.nextInt(offsets.length)], room);
            return longAttribute("totalSteps", base + offset);
        }

        Attribute milestones(long w, double chaos) {
            long base = Math.max(w, 0);
            int[] sizes = {1, 1, 2, 3, 8, 9, 20, 200, 1000, 1001};
            int size = random.nextInt(400) == 0 ? (random.nextBoolean() ? 4000 : 10_000)
                    : sizes[random.nextInt(sizes.length)];
            if (chance(chaos * 0.3)) {
                size = 0;
            }
            long[] values = new long[size];
            long next = base;
            long gap = chance(0.2) ? Math.max(1, (Long.MAX_VALUE - base) / (size + 1)) : 1 + random.nextInt(5000);
            for (int i = 0; i < size; i++) {
                next = i == 0 ? base + (chance(0.3) ? 0 : random.nextLong(0, gap)) : next + 1 + random.nextLong(gap);
                if (next < 0) {
                    next = Long.MAX_VALUE;
                }
                values[i] = next;
            }
            if (size > 0 && chance(chaos)) {
                int i = random.nextInt(size);
                values[i] = chance(0.5) ? extremeLong() : (i > 0 ? values[i - 1] : base - 1);
            }
            if (size == 1 && chance(0.3)) {
                // A single value may be written without braces.
                return new Attribute("milestones", longAttribute("milestones", values[0]).source(), values);
            }
            String source = LongStream.of(values).mapToObj(v -> longAttribute("milestones", v).source())
                    .collect(Collectors.joining(", ", "{", "}"));
            return new Attribute("milestones", source, values);
        }

        // ---- doubles

        /** Extreme doubles, each with the ways to write it. */
        private static final List<Object[]> DOUBLE_EXTREMES = List.of(
                new Object[] {0.0, "0.0", "0", "0.0f", "0x0p0"},
                new Object[] {-0.0, "-0.0", "-0.0f", "-0x0p0"},
                new Object[] {1.0, "1.0", "1", "1f", "1e0"},
                new Object[] {-1.0, "-1.0", "-1"},
                new Object[] {0.5, "0.5", "0.5f", "1.0 / 2"},
                new Object[] {0.1, "0.1", ".1", "1e-1"},
                new Object[] {(double) 0.1f, "0.1f"},
                new Object[] {0.9999, "0.9999"},
                new Object[] {1 - 0x1p-53, "0.9999999999999999", "0x1.fffffffffffffp-1"},
                new Object[] {1 + 0x1p-52, "1.0000000000000002", "0x1.0000000000001p0"},
                new Object[] {2.0, "2.0", "2"},
                new Object[] {1e-8, "1e-8", "1.0E-8"},
                new Object[] {1e-300, "1e-300"},
                new Object[] {1e300, "1e300"},
                new Object[] {Double.MIN_VALUE, "Double.MIN_VALUE", "4.9E-324", "0x0.0000000000001P-1022"},
                new Object[] {-Double.MIN_VALUE, "-Double.MIN_VALUE"},
                new Object[] {3 * Double.MIN_VALUE, "0x0.0000000000003P-1022", "1.5E-323"},
                new Object[] {0x0.fffffffffffffp-1022, "0x0.fffffffffffffP-1022", "2.225073858507201E-308"},
                new Object[] {1e-310, "1e-310"},
                new Object[] {Double.MIN_NORMAL, "Double.MIN_NORMAL", "0x1p-1022"},
                new Object[] {Double.MAX_VALUE, "Double.MAX_VALUE", "1.7976931348623157E308",
                    "0x1.fffffffffffffP+1023"},
                new Object[] {-Double.MAX_VALUE, "-Double.MAX_VALUE"},
                new Object[] {(double) Float.MAX_VALUE, "Float.MAX_VALUE"},
                new Object[] {(double) Long.MAX_VALUE, "Long.MAX_VALUE"},
                new Object[] {Double.NaN, "Double.NaN", "0.0 / 0.0", "Float.NaN"},
                new Object[] {Double.POSITIVE_INFINITY, "Double.POSITIVE_INFINITY", "1.0 / 0.0",
                    "Float.POSITIVE_INFINITY"},
                new Object[] {Double.NEGATIVE_INFINITY, "Double.NEGATIVE_INFINITY", "-1.0 / 0.0"});

        Attribute doubleAttribute(String name, double value) {
            if (Double.isNaN(value)) {
                value = Double.NaN; // one NaN: the others have no literal either
            }
            for (Object[] extreme : DOUBLE_EXTREMES) {
                // NaN and the infinities have no literal: always one of their constant expressions.
                if (Double.compare((Double) extreme[0], value) == 0 && (chance(0.8) || !Double.isFinite(value))) {
                    return new Attribute(name, (String) extreme[1 + random.nextInt(extreme.length - 1)], value);
                }
            }
            String source = chance(0.15) ? Double.toHexString(value) : Double.toString(value);
            return new Attribute(name, source, value);
        }

        double extremeDouble() {
            return (Double) pick(DOUBLE_EXTREMES)[0];
        }

        Attribute anyDouble(String name) {
            double value = switch (random.nextInt(4)) {
                case 0, 1 -> extremeDouble();
                case 2 -> Math.pow(10, random.nextDouble(-12, 3)) * (chance(0.1) ? -1 : 1);
                default -> Double.longBitsToDouble(random.nextLong());
            };
            return doubleAttribute(name, value);
        }

        /** A positive rate: usual ones, and the extremes that are still valid. */
        Attribute rate(String name, Decay decay) {
            double value = switch (random.nextInt(10)) {
                case 0 -> pick(List.of(Double.MIN_VALUE, 3 * Double.MIN_VALUE, 1e-310, Double.MIN_NORMAL, 1e-300));
                case 1 -> decay == Decay.REPEATED_POWER ? 1 - 0x1p-53
                        : pick(List.of(Double.MAX_VALUE, 1e300, (double) Float.MAX_VALUE, 1.0, 2.0));
                default -> Math.pow(10, random.nextDouble(-8, decay == Decay.REPEATED_POWER ? -0.01 : 1));
            };
            return doubleAttribute(name, value);
        }

        /** A value in [0, of] (in (0, of] when positive), often one of the ends. */
        Attribute fractionOf(String name, double of, boolean positive) {
            double value = switch (random.nextInt(6)) {
                case 0 -> positive ? Double.MIN_VALUE : 0.0;
                case 1 -> of;
                case 2 -> positive ? Math.max(Double.MIN_VALUE, of * 1e-300) : -0.0;
                default -> of * random.nextDouble(positive ? 1e-9 : 0, 1);
            };
            if (positive && !(value > 0)) {
                value = Double.MIN_VALUE;
            }
            return doubleAttribute(name, Double.isFinite(value) ? value : 0.0);
        }

        Attribute gamma() {
            double value = switch (random.nextInt(6)) {
                case 0 -> pick(List.of(Double.MIN_VALUE, 1e-300, 1.0, 1 - 0x1p-53, 0.1, 0.5));
                default -> random.nextDouble(0.5, 1.0);
            };
            return doubleAttribute("gamma", value);
        }

        /**
         * Hugging Face's usual cycles, multiples of 1/1024 at both ends of the range, and values that are not
         * multiples of 1/1024 (0.1, 1/3, 1/2048).
         */
        Attribute cycles() {
            double value = pick(List.of(0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 0.25, 1.0 / 1024, 1e6, 0x1p40,
                    random.nextInt(1, 20 * 1024) / 1024.0, 0.1, 1.0 / 3, 1.0 / 2048));
            return doubleAttribute("cycles", value);
        }

        Attribute power(Decay decay) {
            double value;
            if (decay == Decay.REPEATED_POWER) {
                value = pick(List.of(1 + 0x1p-52, 1.0001, 1.5, 2.0, 1e300, Double.MAX_VALUE,
                        1 + Math.pow(10, random.nextDouble(-8, 1))));
            } else {
                value = pick(List.of(Double.MIN_VALUE, 1e-300, 0.5, 1.0, 2.0, 1e300, Double.MAX_VALUE,
                        random.nextDouble(0.01, 8)));
            }
            return doubleAttribute("power", value);
        }

        // ---- the rest

        Attribute enumConstant(String attribute, String type, String constant) {
            return new Attribute(attribute, (chance(0.2) ? "dev.warmup." : "") + type + "." + constant, constant);
        }

        Attribute name(int id) {
            String name = switch (random.nextInt(6)) {
                case 0 -> "";
                case 1, 2 -> "Schedule" + id;
                case 3 -> pick(SHADOWING_NAMES);
                case 4 -> pick(List.of("$", "$Sched", "_Sched", "\u00dcn\u00efc\u00f8de", "INSTANCE", "Sched",
                        "Outer", "S" + "x".repeat(200)));
                default -> pick(List.of("class", "var", "_", "1st", "a-b", " ", "a.b", "true", "null", "record",
                        "Sched StepLr"));
            };
            return new Attribute("name", "\"" + name + "\"", name);
        }
    }

    // ------------------------------------------------------------------------------------------- the other four

    /** A message of the processor names the attribute at fault first, after the phase or factor it is in, if any. */
    private static final Pattern ATTRIBUTE =
            Pattern.compile("^(?:(?:phase|factor|quantity) \\d+: )?([A-Za-z][A-Za-z0-9]*) (?:=|is required)");

    private static final double[] EXTREME_DOUBLES = {0.0, -0.0, Double.MIN_VALUE, Double.MIN_NORMAL, 1e-300, 1e-10,
        0.5, 0.9999999999999999, 1.0, 1.0000000000000002, 2.0, 25.0, 1e10, 1e300, Double.MAX_VALUE,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, -0.1, -1e300};
    private static final long[] EXTREME_LONGS = {Long.MIN_VALUE, -1, 0, 1, 2, 3, 10, 1L << 31, 1L << 53, 1L << 62,
        Long.MAX_VALUE - 1, Long.MAX_VALUE};
    private static final int[] EXTREME_INTS = {Integer.MIN_VALUE, -1, 0, 1, 2, 3, 10, 1000, Integer.MAX_VALUE};

    /**
     * One random annotation of the other kinds ({@code @WarmupSchedule} with a batch size among them), on a class of
     * its own, written on one line. There is no oracle: any error is right if it names an attribute.
     */
    record AnnotationCase(int id, long seed, String className, Class<? extends Annotation> type, String annotation,
            String generatedName) implements FuzzCase {

        @Override
        public String group() {
            return "@" + type.getSimpleName() + (type == WarmupSchedule.class ? " (batch sizes)" : "");
        }

        @Override
        public String source() {
            return "package " + packageName() + ";\nimport dev.warmup.*;\n" + annotation + "\nfinal class " + className
                    + " {}\n";
        }

        @Override
        public List<JavaFileObject> sources() {
            return List.of(JavaFileObjects.forSourceString(packageName() + "." + className, source()));
        }

        @Override
        public String describe() {
            return annotation + " on " + packageName() + "." + className;
        }

        @Override
        public Boolean expectedValid() {
            return null;
        }

        @Override
        public String checkError(Diagnostic<? extends JavaFileObject> error, Set<String> named) {
            String message = error.getMessage(Locale.ROOT);
            Matcher attribute = ATTRIBUTE.matcher(message);
            if (!attribute.find() || !attributesOfAll(annotation).contains(attribute.group(1))) {
                return "ERROR_NAMES_NO_ATTRIBUTE: " + message;
            }
            named.add(attribute.group(1));
            return null;
        }

        @Override
        public String checkRejected(List<Diagnostic<? extends JavaFileObject>> errors) {
            return null;
        }

        @Override
        public Set<Long> probeSteps() {
            Random random = new Random(id);
            return new TreeSet<>(List.of(0L, 1L, 2L, 3L, 999L, 1L << 31, (1L << 53) + 1, 1L << 62,
                    Long.MAX_VALUE - 1, Long.MAX_VALUE, random.nextLong() & Long.MAX_VALUE,
                    (long) random.nextInt(1_000_000)));
        }

        @Override
        public String checkCompiled(StepLr schedule) {
            for (long step : probeSteps()) {
                double lr = schedule.lr(step);
                if (!(Double.isFinite(lr) && lr >= 0)) {
                    return "NOT_FINITE: lr(" + step + ") = " + lr;
                }
            }
            for (long from : new long[] {0, Long.MAX_VALUE - 99}) {
                for (long step = from; step - from < 100; step++) {
                    double lr = schedule.lr(step);
                    if (!(Double.isFinite(lr) && lr >= 0)) {
                        return "NOT_FINITE: lr(" + step + ") = " + lr;
                    }
                }
            }
            // Every quantity beside the rate (a cycled momentum, a @Quantity): finite, and within [0, 1] for the
            // momentum and dropout kinds, >= 0 for a weight decay, at every probe.
            for (java.lang.reflect.Method method : schedule.getClass().getDeclaredMethods()) {
                if (!java.lang.reflect.Modifier.isPublic(method.getModifiers()) || method.getName().equals("lr")
                        || method.getName().equals("factor") || method.getParameterCount() != 1
                        || method.getParameterTypes()[0] != long.class || method.getReturnType() != double.class) {
                    continue;
                }
                boolean probability = !method.getName().equals("weightDecay") && !method.getName().equals("wd");
                for (long step : probeSteps()) {
                    double value;
                    try {
                        value = (double) method.invoke(schedule, step);
                    } catch (ReflectiveOperationException e) {
                        return "THROWS: " + method.getName() + "(" + step + "): " + e.getCause();
                    }
                    boolean inBounds = method.getName().equals("other") ? Double.isFinite(value)
                            : Double.isFinite(value) && value >= 0 && (!probability || value <= 1);
                    if (!inBounds) {
                        return "QUANTITY_OUT_OF_BOUNDS: " + method.getName() + "(" + step + ") = " + value;
                    }
                }
            }
            return null;
        }

        @Override
        public boolean shapeChecked() {
            return false;
        }

        /** The attributes of an annotation, and of {@code @Phase} for {@code @PhasedSchedule}. */
        /** The attributes of every annotation written in {@code annotations} (a schedule, @Epochs, @RunLength). */
        private static Set<String> attributesOfAll(String annotations) {
            Set<String> names = new java.util.HashSet<>();
            for (Class<? extends Annotation> type : List.of(WarmupSchedule.class, PhasedSchedule.class,
                    OneCycleSchedule.class, CyclicSchedule.class, WarmRestartsSchedule.class, ChainedSchedule.class,
                    UntunedWarmup.class, Quantity.class, Epochs.class, RunLength.class)) {
                if (annotations.contains("@" + type.getSimpleName() + "(")) {
                    names.addAll(attributesOf(type));
                }
            }
            return names;
        }

        private static Set<String> attributesOf(Class<? extends Annotation> type) {
            Stream<Method> methods = Stream.of(type.getDeclaredMethods());
            if (type == PhasedSchedule.class) {
                methods = Stream.concat(methods, Stream.of(Phase.class.getDeclaredMethods()));
            }
            if (type == ChainedSchedule.class) {
                methods = Stream.concat(methods, Stream.of(Factor.class.getDeclaredMethods()));
            }
            return methods.map(Method::getName).collect(Collectors.toSet());
        }
    }

    /**
     * Random settings of one annotation, valid or not, drawn from one {@link Random} a seed: the subclasses, one per
     * annotation, write the attributes; the name is drawn here.
     */
    abstract static sealed class AnnotationGenerator permits PhasedScheduleGenerator, OneCycleScheduleGenerator,
            CyclicScheduleGenerator, WarmRestartsScheduleGenerator, LinearScalingRuleGenerator,
            ChainedScheduleGenerator, UntunedWarmupGenerator, QuantityGenerator, EpochsGenerator {

        /**
         * Two chances in fourteen of each annotation, one of the linear scaling rule, one of @UntunedWarmup, one of
         * @Quantity, one of @Epochs.
         */
        private static final List<AnnotationGenerator> ALL = List.of(new PhasedScheduleGenerator(),
                new PhasedScheduleGenerator(), new OneCycleScheduleGenerator(), new OneCycleScheduleGenerator(),
                new CyclicScheduleGenerator(), new CyclicScheduleGenerator(), new WarmRestartsScheduleGenerator(),
                new WarmRestartsScheduleGenerator(), new LinearScalingRuleGenerator(), new ChainedScheduleGenerator(),
                new ChainedScheduleGenerator(), new UntunedWarmupGenerator(), new QuantityGenerator(),
                new EpochsGenerator());

        private final Class<? extends Annotation> type;

        AnnotationGenerator(Class<? extends Annotation> type) {
            this.type = type;
        }

        static AnnotationGenerator pick(Random random) {
            return ALL.get(random.nextInt(ALL.size()));
        }

        /** Puts random attributes into {@code a}, in the order to write them. */
        abstract void attributes(Random random, Map<String, Object> a);

        AnnotationCase generate(int id, long seed, String className, Random random) {
            Map<String, Object> a = new LinkedHashMap<>();
            attributes(random, a);
            String generated = className + "StepLr";
            if (random.nextInt(20) == 0) {
                generated = className + "Named";
                a.put("name", random.nextBoolean() ? "1st" : generated);
            }
            String annotation = TestAttributes.source(type, a);
            if (random.nextInt(3) == 0) {
                // the lint against a run of any length, the schedule valid or not
                annotation += " @RunLength(" + steps(random) + "L)";
            }
            return new AnnotationCase(id, seed, className, type, annotation, generated);
        }
    }

    static final class PhasedScheduleGenerator extends AnnotationGenerator {
        PhasedScheduleGenerator() {
            super(PhasedSchedule.class);
        }

        @Override
        void attributes(Random random, Map<String, Object> a) {
            int count = random.nextInt(12) == 0 ? 0 : 1 + random.nextInt(random.nextBoolean() ? 4 : 12);
            List<String> phases = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Map<String, Object> p = new LinkedHashMap<>();
                // an exponential phase given by its factor (gamma, stepSize), its length derived, one in eight
                boolean byFactor = random.nextInt(8) == 0;
                if (!byFactor || random.nextInt(4) == 0) {
                    p.put("steps", steps(random));
                }
                p.put("shape", byFactor && random.nextInt(4) != 0 ? PhaseShape.EXPONENTIAL
                        : PhaseShape.values()[random.nextInt(PhaseShape.values().length)]);
                p.put("endLr", rate(random));
                maybe(random, p, "startLr", rate(random));
                maybe(random, p, "power", rate(random) * 4);
                if (byFactor) {
                    p.put("gamma", random.nextInt(4) == 0 ? extreme(random) : random.nextBoolean()
                            ? 1 + random.nextDouble() : random.nextDouble());
                    maybe(random, p, "stepSize", steps(random));
                }
                phases.add(TestAttributes.source(Phase.class, p));
            }
            a.put("phases", new Raw(phases.stream().collect(Collectors.joining(", ", "{", "}"))));
        }
    }

    static final class OneCycleScheduleGenerator extends AnnotationGenerator {
        OneCycleScheduleGenerator() {
            super(OneCycleSchedule.class);
        }

        @Override
        void attributes(Random random, Map<String, Object> a) {
            a.put("maxLr", rate(random));
            a.put("totalSteps", steps(random));
            maybe(random, a, "pctStart", random.nextInt(3) == 0 ? extreme(random) : random.nextDouble());
            maybe(random, a, "annealStrategy", AnnealStrategy.values()[random.nextInt(2)]);
            maybe(random, a, "divFactor", random.nextInt(3) == 0 ? extreme(random) : 1 + 100 * random.nextDouble());
            maybe(random, a, "finalDivFactor", random.nextInt(3) == 0 ? extreme(random) : 1e4);
            maybe(random, a, "threePhase", random.nextBoolean());
            momentum(random, a);
        }
    }

    /** PyTorch's cycled momentum of a one-cycle or cyclic schedule: switched off, or bounds, valid or not. */
    private static void momentum(Random random, Map<String, Object> a) {
        switch (random.nextInt(4)) {
            case 0 -> a.put("cycleMomentum", false);
            case 1 -> {
                double base = random.nextInt(4) == 0 ? extreme(random) : 0.9 * random.nextDouble();
                a.put("baseMomentum", base);
                maybe(random, a, "maxMomentum", random.nextInt(4) == 0 ? extreme(random)
                        : base + (0.99 - base) * random.nextDouble());
            }
            default -> { }
        }
    }

    static final class CyclicScheduleGenerator extends AnnotationGenerator {
        CyclicScheduleGenerator() {
            super(CyclicSchedule.class);
        }

        @Override
        void attributes(Random random, Map<String, Object> a) {
            double base = rate(random);
            a.put("baseLr", base);
            a.put("maxLr", random.nextInt(3) == 0 ? extreme(random) : base + rate(random));
            maybe(random, a, "stepSizeUp", steps(random));
            maybe(random, a, "stepSizeDown", steps(random));
            maybe(random, a, "mode", CyclicMode.values()[random.nextInt(3)]);
            maybe(random, a, "gamma", random.nextInt(3) == 0 ? extreme(random) : 1 - 1e-3 * random.nextDouble());
            momentum(random, a);
        }
    }

    static final class WarmRestartsScheduleGenerator extends AnnotationGenerator {
        WarmRestartsScheduleGenerator() {
            super(WarmRestartsSchedule.class);
        }

        @Override
        void attributes(Random random, Map<String, Object> a) {
            double base = rate(random);
            a.put("baseLr", base);
            a.put("t0", steps(random));
            maybe(random, a, "tMult", random.nextInt(3) == 0 ? EXTREME_INTS[random.nextInt(EXTREME_INTS.length)]
                    : 1 + random.nextInt(8));
            maybe(random, a, "etaMin", random.nextInt(3) == 0 ? extreme(random) : base * random.nextDouble());
            maybe(random, a, "warmupSteps", steps(random));
            maybe(random, a, "startLr", random.nextInt(3) == 0 ? extreme(random) : base * random.nextDouble());
            if (random.nextInt(3) == 0) {
                a.put(random.nextBoolean() ? "heightDecay" : "peakDecay", random.nextInt(3) == 0 ? extreme(random)
                        : random.nextDouble());
            }
            if (random.nextInt(4) == 0) {
                a.put("cycles", random.nextInt(3) == 0 ? EXTREME_LONGS[random.nextInt(EXTREME_LONGS.length)]
                        : (long) random.nextInt(5));
            }
            if (random.nextInt(4) == 0) {
                a.put("warmupPrefix", random.nextBoolean());
            }
            if (random.nextInt(5) == 0) {
                a.put("kDecay", random.nextInt(3) == 0 ? extreme(random) : 4 * random.nextDouble());
            }
        }
    }

    /** {@code @WarmupSchedule} with the linear scaling rule: batch sizes, extreme or not. */
    static final class LinearScalingRuleGenerator extends AnnotationGenerator {
        LinearScalingRuleGenerator() {
            super(WarmupSchedule.class);
        }

        @Override
        void attributes(Random random, Map<String, Object> a) {
            a.put("steps", steps(random));
            a.put("initLr", rate(random));
            maybe(random, a, "batchSize", steps(random));
            maybe(random, a, "referenceBatchSize", steps(random));
            maybe(random, a, "startLr", rate(random));
        }
    }

    /**
     * {@code @ChainedSchedule}: up to 20 factors (more than the 16 allowed, sometimes none), each of a random shape
     * with random attributes, used by the shape or not, plausible or extreme: factors and gammas around [0, 1],
     * steps, step sizes and milestones from {@code Long.MIN_VALUE} to {@code Long.MAX_VALUE}.
     */
    static final class ChainedScheduleGenerator extends AnnotationGenerator {
        ChainedScheduleGenerator() {
            super(ChainedSchedule.class);
        }

        @Override
        void attributes(Random random, Map<String, Object> a) {
            a.put("baseLr", rate(random));
            int count = random.nextInt(15) == 0 ? 0 : 1 + random.nextInt(random.nextInt(6) == 0 ? 20 : 4);
            List<String> factors = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Map<String, Object> f = new LinkedHashMap<>();
                FactorShape shape = FactorShape.values()[random.nextInt(FactorShape.values().length)];
                f.put("shape", shape);
                boolean plausible = random.nextInt(4) != 0;
                for (String attribute : List.of("factor", "startFactor", "endFactor", "gamma")) {
                    if (random.nextInt(plausible ? 2 : 4) == 0) {
                        f.put(attribute, random.nextInt(3) == 0 ? extreme(random) : random.nextDouble());
                    }
                }
                if (random.nextInt(3) != 0) {
                    f.put("steps", steps(random));
                }
                maybe(random, f, "stepSize", steps(random));
                if (random.nextInt(3) == 0) {
                    List<Long> milestones = new ArrayList<>();
                    long m = random.nextInt(5) == 0 ? EXTREME_LONGS[random.nextInt(EXTREME_LONGS.length)] : 0;
                    for (int k = random.nextInt(6); k > 0; k--) {
                        milestones.add(m);
                        m = random.nextInt(8) == 0 ? EXTREME_LONGS[random.nextInt(EXTREME_LONGS.length)]
                                : m + random.nextInt(1000);
                    }
                    f.put("milestones", milestones);
                }
                if (random.nextInt(4) == 0) {
                    f.put("power", rate(random) * 4);
                }
                factors.add(TestAttributes.source(Factor.class, f));
            }
            a.put("factors", new Raw(factors.stream().collect(Collectors.joining(", ", "{", "}"))));
        }
    }

    /**
     * {@code @UntunedWarmup} with a random rule and beta2 (plausible, near 0.6 and 1, or extreme) beside one of the
     * six schedule annotations, valid; the errors it may give are its own.
     */
    static final class UntunedWarmupGenerator extends AnnotationGenerator {
        private static final List<String> SCHEDULES = List.of(
                "@WarmupSchedule(steps = 0, initLr = 0.001, decay = Decay.COSINE, totalSteps = 5000)",
                "@WarmupSchedule(steps = 100, initLr = 0.1, decay = Decay.EXP)",
                "@PhasedSchedule(phases = {@Phase(steps = 10, shape = PhaseShape.LINEAR, endLr = 0.1)})",
                "@OneCycleSchedule(maxLr = 0.1, totalSteps = 1000)",
                "@CyclicSchedule(baseLr = 0.001, maxLr = 0.1)",
                "@WarmRestartsSchedule(baseLr = 0.1, t0 = 100)",
                "@ChainedSchedule(baseLr = 0.1, factors = {@Factor(shape = FactorShape.EXP, gamma = 0.999)})");
        private static final double[] BETAS = {0.999, 0.99, 0.9, 0.0, 0.5, 0.6, 0.6000000000000001, 0.61,
            0.9999999999999999, 1 - 1e-12, 1 - 1e-15};

        UntunedWarmupGenerator() {
            super(UntunedWarmup.class);
        }

        @Override
        void attributes(Random random, Map<String, Object> a) {
            a.put("value", UntunedRule.values()[random.nextInt(UntunedRule.values().length)]);
            maybe(random, a, "beta2", random.nextInt(3) == 0 ? extreme(random) : BETAS[random.nextInt(BETAS.length)]);
        }

        @Override
        AnnotationCase generate(int id, long seed, String className, Random random) {
            Map<String, Object> a = new LinkedHashMap<>();
            attributes(random, a);
            String annotation = SCHEDULES.get(random.nextInt(SCHEDULES.size())) + " "
                    + TestAttributes.source(UntunedWarmup.class, a);
            return new AnnotationCase(id, seed, className, UntunedWarmup.class, annotation, className + "StepLr");
        }
    }

    /** Source text written as it is. */
    /** One or two {@code @Quantity}, valid or not, beside a valid schedule. */
    static final class QuantityGenerator extends AnnotationGenerator {
        /**
         * Names that are not allowed, or the kind's default. The names given otherwise say the kind, whose bounds
         * {@link AnnotationCase#checkCompiled} reads off them: {@code wd} a weight decay, {@code other} any value, the
         * rest within [0, 1].
         */
        private static final List<String> NAMES = List.of("", "lr", "1st", "factor", "class");

        QuantityGenerator() {
            super(Quantity.class);
        }

        @Override
        void attributes(Random random, Map<String, Object> a) {
            QuantityKind kind = QuantityKind.values()[random.nextInt(QuantityKind.values().length)];
            a.put("kind", kind);
            int naming = random.nextInt(12);
            if (naming < 2 || kind == QuantityKind.OTHER && naming < 10) {
                a.put("name", switch (kind) {
                    case MOMENTUM -> "ema";
                    case WEIGHT_DECAY -> "wd";
                    case DROPOUT -> "drop";
                    case OTHER -> "other";
                });
            } else if (naming == 11) {
                a.put("name", NAMES.get(random.nextInt(NAMES.size())));
            }
            PhaseShape shape = PhaseShape.values()[random.nextInt(PhaseShape.values().length)];
            a.put("shape", shape);
            a.put("start", random.nextInt(6) == 0 ? extreme(random) : random.nextDouble());
            a.put("end", random.nextInt(6) == 0 ? extreme(random) : random.nextDouble());
            a.put("steps", random.nextInt(6) == 0 ? EXTREME_LONGS[random.nextInt(EXTREME_LONGS.length)]
                    : 1 + random.nextInt(random.nextBoolean() ? 100 : 100_000));
            if (shape == PhaseShape.POLY ? random.nextBoolean() : random.nextInt(10) == 0) {
                a.put("power", random.nextInt(4) == 0 ? extreme(random) : 4 * random.nextDouble());
            }
        }

        @Override
        AnnotationCase generate(int id, long seed, String className, Random random) {
            StringBuilder annotation = new StringBuilder(UntunedWarmupGenerator.SCHEDULES.get(
                    random.nextInt(UntunedWarmupGenerator.SCHEDULES.size())));
            int quantities = random.nextInt(3) == 0 ? 2 : 1;
            for (int i = 0; i < quantities; i++) {
                Map<String, Object> a = new LinkedHashMap<>();
                attributes(random, a);
                annotation.append(' ').append(TestAttributes.source(Quantity.class, a));
            }
            return new AnnotationCase(id, seed, className, Quantity.class, annotation.toString(),
                    className + "StepLr");
        }
    }

    /**
     * {@code @Epochs} beside a valid schedule (a one-cycle or cyclic one mostly without its momentum, which it
     * refuses stepped once an epoch), stepped once an epoch or, its lengths converted, every update (where a length
     * times stepsPerEpoch can pass Long.MAX_VALUE).
     */
    static final class EpochsGenerator extends AnnotationGenerator {

        EpochsGenerator() {
            super(Epochs.class);
        }

        @Override
        void attributes(Random random, Map<String, Object> a) {
            a.put("stepsPerEpoch", random.nextInt(5) == 0 ? EXTREME_LONGS[random.nextInt(EXTREME_LONGS.length)]
                    : (long) (1 + random.nextInt(random.nextBoolean() ? 100 : 100_000)));
            maybe(random, a, "everyUpdate", random.nextBoolean());
        }

        @Override
        AnnotationCase generate(int id, long seed, String className, Random random) {
            Map<String, Object> a = new LinkedHashMap<>();
            attributes(random, a);
            String schedule = UntunedWarmupGenerator.SCHEDULES.get(random.nextInt(
                    UntunedWarmupGenerator.SCHEDULES.size()));
            if (random.nextInt(4) != 0) {
                // mostly without the momentum, which @Epochs refuses
                schedule = schedule.replace("totalSteps = 1000)", "totalSteps = 1000, cycleMomentum = false)")
                        .replace("maxLr = 0.1)", "maxLr = 0.1, cycleMomentum = false)");
            }
            String annotation = schedule + " " + TestAttributes.source(Epochs.class, a);
            return new AnnotationCase(id, seed, className, Epochs.class, annotation, className + "StepLr");
        }
    }

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

    // ---------------------------------------------------------------------------------------- @PlateauSchedule

    /**
     * Random {@code @PlateauSchedule}s, valid and invalid, one attribute a line, each in a package of its own, with an
     * oracle written here from the rules of docs/plateau-schedule.md. A case the
     * oracle finds valid must compile without error, and its class must load and stay sound while random metrics
     * (NaN and infinities included) are observed: every rate finite, {@code >= 0} and at most initLr, the plateau
     * rate within {@code [minLr, initLr]}, and the state equal after a text round trip. A case the oracle finds
     * invalid must be rejected, each error naming an attribute of {@code @PlateauSchedule}, in the case's source, on
     * the line of that attribute (or of the annotation, for one that is not written).
     */
    @org.junit.jupiter.api.Nested
    class PlateauScheduleFuzz {

        private static final int CASES = 600;
        private static final long PLATEAU_SEED = 0x9_1A7E_A0L;

        /** One case: its attributes in the order written, and the oracle's verdict. */
        record PlateauCase(int id, Map<String, Object> attributes, boolean valid) {
            String packageName() {
                return String.format(Locale.ROOT, "fuzz.p%04d", id);
            }

            String generatedName() {
                return attributes.containsKey("name") ? (String) attributes.get("name") : "SchedPlateauLr";
            }

            List<String> lines() {
                List<String> lines = new ArrayList<>(List.of("package " + packageName() + ";", "import dev.warmup.*;",
                        "@PlateauSchedule("));
                List<Map.Entry<String, Object>> entries = new ArrayList<>(attributes.entrySet());
                for (int i = 0; i < entries.size(); i++) {
                    lines.add("        " + entries.get(i).getKey() + " = " + TestAttributes.literal(entries.get(i)
                            .getValue()) + (i < entries.size() - 1 ? "," : ")"));
                }
                lines.add("final class Sched {}");
                return lines;
            }

            JavaFileObject source() {
                return JavaFileObjects.forSourceLines(packageName() + ".Sched", lines());
            }

            double number(String attribute, double byDefault) {
                return attributes.containsKey(attribute) ? ((Number) attributes.get(attribute)).doubleValue()
                        : byDefault;
            }
        }

        private PlateauCase generate(int id, Random random) {
            Map<String, Object> a = new LinkedHashMap<>();
            double initLr = rate(random);
            a.put("initLr", initLr);
            maybe(random, a, "mode", dev.warmup.PlateauMode.values()[random.nextInt(2)]);
            maybe(random, a, "factor", random.nextInt(3) == 0 ? extreme(random) : random.nextDouble());
            maybe(random, a, "patience", random.nextInt(4) == 0 ? EXTREME_INTS[random.nextInt(EXTREME_INTS.length)]
                    : random.nextInt(12));
            maybe(random, a, "threshold", random.nextInt(3) == 0 ? extreme(random) : 0.01 * random.nextDouble());
            maybe(random, a, "thresholdMode", dev.warmup.ThresholdMode.values()[random.nextInt(2)]);
            maybe(random, a, "cooldown", random.nextInt(4) == 0 ? EXTREME_INTS[random.nextInt(EXTREME_INTS.length)]
                    : random.nextInt(6));
            maybe(random, a, "minLr", random.nextInt(3) == 0 ? extreme(random) : initLr * 1e-3 * random.nextDouble());
            maybe(random, a, "eps", random.nextInt(3) == 0 ? extreme(random) : 1e-8);
            if (random.nextBoolean()) {
                maybe(random, a, "warmupSteps", steps(random));
                maybe(random, a, "startLr", random.nextInt(3) == 0 ? extreme(random) : initLr * random.nextDouble());
            }
            if (random.nextInt(25) == 0) {
                a.put("name", random.nextBoolean() ? "1st" : "Named");
            }
            return new PlateauCase(id, a, oracle(a));
        }

        /** The rules of section 3.5, written from the table, not from the processor. */
        private static boolean oracle(Map<String, Object> a) {
            double init = (Double) a.get("initLr");
            boolean min = a.getOrDefault("mode", dev.warmup.PlateauMode.MIN) == dev.warmup.PlateauMode.MIN;
            boolean rel = a.getOrDefault("thresholdMode", dev.warmup.ThresholdMode.REL)
                    == dev.warmup.ThresholdMode.REL;
            double factor = (Double) a.getOrDefault("factor", 0.1);
            int patience = (Integer) a.getOrDefault("patience", 10);
            double threshold = (Double) a.getOrDefault("threshold", 1e-4);
            int cooldown = (Integer) a.getOrDefault("cooldown", 0);
            double minLr = (Double) a.getOrDefault("minLr", 0.0);
            double eps = (Double) a.getOrDefault("eps", 1e-8);
            long w = (Long) a.getOrDefault("warmupSteps", 0L);
            double start = (Double) a.getOrDefault("startLr", 0.0);
            boolean initOk = Double.isFinite(init) && init > 0;
            boolean thresholdOk = Double.isFinite(threshold) && threshold >= 0 && (!(min && rel) || threshold < 1);
            boolean startOk = w <= 0 || Double.isFinite(start) && start >= 0 && (!initOk || start <= init);
            return initOk && factor > 0 && factor < 1 && patience >= 0 && thresholdOk && cooldown >= 0
                    && Double.isFinite(minLr) && minLr >= 0 && minLr <= init && Double.isFinite(eps) && eps >= 0
                    && w >= 0 && startOk && !(w == 0 && a.containsKey("startLr")) && !"1st".equals(a.get("name"));
        }

        @Test
        void everySettingCompilesToASoundScheduleOrIsAnErrorNamingAnAttribute() {
            Random random = new Random(PLATEAU_SEED);
            List<PlateauCase> cases = new ArrayList<>();
            for (int id = 0; id < CASES; id++) {
                cases.add(generate(id, random));
            }
            List<String> findings = new ArrayList<>();
            int compiled = 0;
            int rejected = 0;
            for (boolean valid : new boolean[] {true, false}) {
                List<PlateauCase> group = cases.stream().filter(c -> c.valid() == valid).toList();
                for (int from = 0; from < group.size(); from += 100) {
                    List<PlateauCase> batch = group.subList(from, Math.min(group.size(), from + 100));
                    // javac reports at most 100 errors unless told otherwise; ECJ counts per file
                    Compilation compilation = Compiler.compiler(Compiler.isEcj()
                                    ? new String[] {"-Awarmup.plot=false"}
                                    : new String[] {"-Awarmup.plot=false", "-Xmaxerrs", "100000"})
                            .withProcessors(new WarmupProcessor())
                            .compile(batch.stream().map(PlateauCase::source).toList());
                    Map<String, List<Diagnostic<? extends JavaFileObject>>> errors = new TreeMap<>();
                    for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
                        String file = error.getSource() == null ? "(no file)" : error.getSource().toUri().getPath();
                        Matcher matcher = Pattern.compile("(?:^|/)fuzz/p(\\d+)/").matcher(file);
                        if (!matcher.find() || file.contains("PlateauLr") || file.contains("Named")) {
                            findings.add("ERROR OUTSIDE THE CASES' SOURCES: " + error);
                            continue;
                        }
                        errors.computeIfAbsent(matcher.group(1), k -> new ArrayList<>()).add(error);
                    }
                    for (PlateauCase c : batch) {
                        List<Diagnostic<? extends JavaFileObject>> own = errors.getOrDefault(
                                String.format(Locale.ROOT, "%04d", c.id()), List.of());
                        if (valid && !own.isEmpty()) {
                            findings.add("VALID SETTING REJECTED: " + own.get(0).getMessage(Locale.ROOT) + "\n    "
                                    + String.join("\n    ", c.lines()));
                        } else if (!valid && own.isEmpty()) {
                            findings.add("INVALID SETTING COMPILED\n    " + String.join("\n    ", c.lines()));
                        }
                        for (Diagnostic<? extends JavaFileObject> error : own) {
                            String problem = checkError(c, error);
                            if (problem != null) {
                                findings.add(problem + "\n    " + String.join("\n    ", c.lines()));
                            }
                        }
                        rejected += own.isEmpty() ? 0 : 1;
                    }
                    if (valid && compilation.status() == Compilation.Status.SUCCESS) {
                        Compiler.Loader loader = new Compiler.Loader(compilation);
                        for (PlateauCase c : batch) {
                            String problem = checkCompiled(c, loader.plateau(c.packageName() + "."
                                    + c.generatedName()), new Random(c.id()));
                            if (problem != null) {
                                findings.add(problem + "\n    " + String.join("\n    ", c.lines()));
                            }
                            compiled++;
                        }
                    } else if (valid) {
                        findings.add("A BATCH OF VALID SETTINGS FAILED: " + compilation.errors());
                    }
                }
            }
            System.out.printf(Locale.ROOT, "fuzz: %d @PlateauSchedule settings under %s: %d compiled, %d rejected,"
                    + " %d findings%n", CASES, Compiler.isEcj() ? "ECJ" : "javac", compiled, rejected,
                    findings.size());
            assertTrue(findings.isEmpty(), () -> findings.size() + " findings, the first:\n"
                    + findings.stream().limit(8).collect(Collectors.joining("\n")));
            assertTrue(compiled > CASES / 5 && rejected > CASES / 5, compiled + " compiled, " + rejected
                    + " rejected: both should be plenty");
        }

        /** Null if the error names an attribute of the annotation and is on its line, else what is wrong. */
        private static String checkError(PlateauCase c, Diagnostic<? extends JavaFileObject> error) {
            String message = error.getMessage(Locale.ROOT);
            Matcher attribute = Pattern.compile("^([A-Za-z]+) =").matcher(message);
            Set<String> names = Stream.of(dev.warmup.PlateauSchedule.class.getDeclaredMethods()).map(Method::getName)
                    .collect(Collectors.toSet());
            if (!attribute.find() || !names.contains(attribute.group(1))) {
                return "ERROR NAMES NO ATTRIBUTE: " + message;
            }
            String name = attribute.group(1);
            String line = c.lines().get((int) error.getLineNumber() - 1);
            String expected = c.attributes().containsKey(name) ? name + " = " : "@PlateauSchedule(";
            return line.contains(expected) ? null : "ERROR NOT ON ITS ATTRIBUTE'S LINE (" + expected + "): "
                    + message + " on line " + error.getLineNumber();
        }

        /** Null if the class is sound while random metrics are observed, else what is wrong. */
        private static String checkCompiled(PlateauCase c, dev.warmup.PlateauLr schedule, Random random) {
            double init = c.number("initLr", 0);
            double minLr = c.number("minLr", 0);
            long w = schedule.warmupSteps();
            long[] probes = {0, 1, w > 0 ? w - 1 : 0, w, w == Long.MAX_VALUE ? w : w + 1, Long.MAX_VALUE};
            for (long step : probes) {
                double lr = schedule.lr(step);
                if (!(Double.isFinite(lr) && lr >= 0 && lr <= init * (1 + 1e-15))) {
                    return "RATE OUT OF [0, initLr]: lr(" + step + ") = " + lr;
                }
            }
            double metric = 1.0;
            long step = Math.max(0, w - 3);
            for (int i = 0; i < 300 && step >= 0; i++, step++) {
                int kind = random.nextInt(20);
                metric = kind == 0 ? Double.NaN : kind == 1 ? Double.POSITIVE_INFINITY
                        : kind == 2 ? Double.NEGATIVE_INFINITY : kind < 8 ? metric
                        : (Double.isFinite(metric) ? metric : 1.0) * (0.97 + 0.05 * random.nextDouble());
                schedule.observe(step, metric);
                double lr = schedule.lr();
                if (!(lr >= minLr && lr <= init)) {
                    return "PLATEAU RATE OUT OF [minLr, initLr] after step " + step + ": " + lr;
                }
                dev.warmup.PlateauState state = schedule.state();
                if (!state.equals(dev.warmup.PlateauState.decode(state.encode()))) {
                    return "STATE CHANGES IN ITS TEXT FORM: " + state;
                }
            }
            return null;
        }
    }
}
