package dev.warmup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.training.tracker.Tracker;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.warmup.PlateauLr;
import dev.warmup.PlateauState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Classes generated from {@code @PlateauSchedule} against {@link TorchReduceLROnPlateau}, a plain transcription of
 * PyTorch's {@code ReduceLROnPlateau}: all four pairs of mode and threshold mode, every patience and cooldown from 0 to
 * 5, random factors, thresholds, minimum rates, eps and warmups, fed random metrics that include NaN, both infinities,
 * repeats and values exactly at the improvement threshold. After every observation the rate, what {@code observe}
 * returned and every field of the state must equal the transcription's, and the run continues in a new instance
 * restored from the state's text form, so that every restored state must give the same future. Also: Java
 * serialisation of the state, the runtime checks of {@code restore}, no allocation per call, and the DJL adapter.
 */
class PlateauPropertiesTest {

    /**
     * PyTorch 1.13's {@code torch.optim.lr_scheduler.ReduceLROnPlateau} for one parameter group, transcribed from
     * its source ({@code __init__}, {@code _reset}, {@code step}, {@code _reduce_lr}, {@code in_cooldown},
     * {@code is_better}, {@code _init_is_better}) with its names, not from the generated class. {@code lr} stands for
     * {@code optimizer.param_groups[0]['lr']}.
     */
    static final class TorchReduceLROnPlateau {
        final String mode;
        final double factor;
        final int patience;
        final double threshold;
        final String thresholdMode;
        final int cooldown;
        final double minLr;
        final double eps;
        double lr;
        double best;
        int numBadEpochs;
        int cooldownCounter;
        long lastEpoch;
        double modeWorse;
        /** The test's count of calls of {@code _reduce_lr}, not PyTorch's. */
        int reduceCalls;

        TorchReduceLROnPlateau(double lr, String mode, double factor, int patience, double threshold,
                String thresholdMode, int cooldown, double minLr, double eps) {
            if (factor >= 1.0) {
                throw new IllegalArgumentException("Factor should be < 1.0.");
            }
            this.lr = lr;
            this.factor = factor;
            this.minLr = minLr;
            this.patience = patience;
            this.cooldown = cooldown;
            this.cooldownCounter = 0;
            this.mode = mode;
            this.threshold = threshold;
            this.thresholdMode = thresholdMode;
            this.eps = eps;
            this.lastEpoch = 0;
            initIsBetter(mode, threshold, thresholdMode);
            reset();
        }

        private void reset() {
            best = modeWorse;
            cooldownCounter = 0;
            numBadEpochs = 0;
        }

        void step(double metrics) {
            double current = metrics;
            long epoch = lastEpoch + 1;
            lastEpoch = epoch;

            if (isBetter(current, best)) {
                best = current;
                numBadEpochs = 0;
            } else {
                numBadEpochs += 1;
            }

            if (inCooldown()) {
                cooldownCounter -= 1;
                numBadEpochs = 0; // ignore any bad epochs in cooldown
            }

            if (numBadEpochs > patience) {
                reduceLr();
                cooldownCounter = cooldown;
                numBadEpochs = 0;
            }
        }

        private void reduceLr() {
            reduceCalls++;
            double oldLr = lr;
            double newLr = pythonMax(oldLr * factor, minLr);
            if (oldLr - newLr > eps) {
                lr = newLr;
            }
        }

        private boolean inCooldown() {
            return cooldownCounter > 0;
        }

        boolean isBetter(double a, double best) {
            if (mode.equals("min") && thresholdMode.equals("rel")) {
                double relEpsilon = 1. - threshold;
                return a < best * relEpsilon;
            } else if (mode.equals("min") && thresholdMode.equals("abs")) {
                return a < best - threshold;
            } else if (mode.equals("max") && thresholdMode.equals("rel")) {
                double relEpsilon = threshold + 1.;
                return a > best * relEpsilon;
            } else { // mode == 'max' and epsilon_mode == 'abs':
                return a > best + threshold;
            }
        }

        private void initIsBetter(String mode, double threshold, String thresholdMode) {
            modeWorse = mode.equals("min") ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }

        /** Python's {@code max(a, b)}: b only if it is greater (the first of equal values). */
        private static double pythonMax(double a, double b) {
            return b > a ? b : a;
        }

        /** The metric that ties the improvement threshold exactly: not an improvement (the test is strict). */
        double tie() {
            boolean min = mode.equals("min");
            if (thresholdMode.equals("rel")) {
                return best * (min ? 1. - threshold : threshold + 1.);
            }
            return min ? best - threshold : best + threshold;
        }
    }

    /** One random setting: the annotation's attributes and the transcription's arguments. */
    record Setting(String className, double initLr, String mode, String thresholdMode, double factor, int patience,
            double threshold, int cooldown, double minLr, double eps, long warmupSteps, double startLr) {

        String annotation() {
            return "@PlateauSchedule(initLr = " + initLr + ", mode = PlateauMode." + mode.toUpperCase(Locale.ROOT)
                    + ", thresholdMode = ThresholdMode." + thresholdMode.toUpperCase(Locale.ROOT) + ", factor = "
                    + factor + ", patience = " + patience + ", threshold = " + threshold + ", cooldown = " + cooldown
                    + ", minLr = " + minLr + ", eps = " + eps + ", warmupSteps = " + warmupSteps + "L"
                    + (warmupSteps > 0 ? ", startLr = " + startLr : "") + ")";
        }

        TorchReduceLROnPlateau torch() {
            return new TorchReduceLROnPlateau(initLr, mode, factor, patience, threshold, thresholdMode, cooldown,
                    minLr, eps);
        }
    }

    private static final long SEED = 20261129L;
    private static final List<Setting> SETTINGS = new ArrayList<>();
    private static Compiler.Loader loader;

    @BeforeAll
    static void compileEverySetting() {
        Random random = new Random(SEED);
        List<JavaFileObject> sources = new ArrayList<>();
        String[][] pairs = {{"min", "rel"}, {"min", "abs"}, {"max", "rel"}, {"max", "abs"}};
        for (String[] pair : pairs) {
            for (int patience = 0; patience <= 5; patience++) {
                for (int cooldown = 0; cooldown <= 5; cooldown++) {
                    double initLr = List.of(0.1, 1.0, 3e-4, 0.05).get(random.nextInt(4));
                    double factor = List.of(0.1, 0.5, 0.3, 0.9, 0.999).get(random.nextInt(5));
                    double threshold = pair[1].equals("rel") ? List.of(0.0, 1e-4, 1e-2, 0.3).get(random.nextInt(4))
                            : List.of(0.0, 1e-3, 0.05, 2.0).get(random.nextInt(4));
                    // minLr: 0, a value some reductions reach, or one the first reaches
                    double minLr = List.of(0.0, initLr * 1e-3, initLr * 0.95).get(random.nextInt(3));
                    // eps: PyTorch's default, 0, or one that ignores reductions once the rate is small
                    double eps = List.of(1e-8, 0.0, initLr * 1e-2).get(random.nextInt(3));
                    long warmup = random.nextInt(3) == 0 ? 1 + random.nextInt(20) : 0;
                    double startLr = warmup > 0 && random.nextBoolean() ? initLr / 10 : 0.0;
                    String name = "P" + pair[0] + pair[1] + patience + cooldown;
                    Setting setting = new Setting(name, initLr, pair[0], pair[1], factor, patience, threshold,
                            cooldown, minLr, eps, warmup, startLr);
                    SETTINGS.add(setting);
                    sources.add(JavaFileObjects.forSourceString("q." + name, "package q;\nimport dev.warmup.*;\n"
                            + setting.annotation() + "\n@Adapters(Framework.DJL)\nfinal class " + name + " {}\n"));
                }
            }
        }
        sources.add(JavaFileObjects.forSourceString("q.Fixed", "package q;\nimport dev.warmup.*;\n"
                + "@PlateauSchedule(initLr = 0.1, factor = 0.5, patience = 3, cooldown = 2, minLr = 1e-4,"
                + " warmupSteps = 10)\n@Adapters(Framework.DJL)\nfinal class Fixed {}\n"));
        // the same but for its patience
        sources.add(JavaFileObjects.forSourceString("q.Patient", "package q;\nimport dev.warmup.*;\n"
                + "@PlateauSchedule(initLr = 0.1, factor = 0.5, patience = 4, cooldown = 2, minLr = 1e-4,"
                + " warmupSteps = 10)\nfinal class Patient {}\n"));
        // Compiled with -Awarmup.plot=false: the charts are not what this test is about.
        Compilation compilation = Compiler.compiler("-Awarmup.plot=false").withProcessors(new WarmupProcessor())
                .compile(sources);
        // Settings whose eps ignores every reduction are warned about, and still generate.
        assertThat(compilation).succeeded();
        loader = new Compiler.Loader(compilation);
    }

    private static PlateauLr newSchedule(Setting setting) {
        return loader.plateau("q." + setting.className() + "PlateauLr");
    }

    /** A metric sequence that improves, stalls, repeats, ties the threshold and is NaN or infinite now and then. */
    private static double nextMetric(Random random, TorchReduceLROnPlateau torch, double previous) {
        // per mille; an infinity that improves is the best for good, so both infinities are rare
        int kind = random.nextInt(1000);
        boolean min = torch.mode.equals("min");
        if (kind < 30) {
            return Double.NaN;
        }
        if (kind < 32) {
            return Double.POSITIVE_INFINITY;
        }
        if (kind < 34) {
            return Double.NEGATIVE_INFINITY;
        }
        if (kind < 150 && Double.isFinite(torch.best)) {
            return torch.tie();
        }
        if (kind < 300 && Double.isFinite(previous)) {
            return previous; // a plateau
        }
        double base = Double.isFinite(previous) ? previous : 1.0;
        double drift = (random.nextDouble() - (min ? 0.6 : 0.4)) * 0.05;
        return base * (1 + drift);
    }

    @Test
    void everySettingFollowsPyTorchsRuleAndEveryRestoredStateGivesTheSameFuture() {
        Random random = new Random(SEED + 1);
        int reductionsSeen = 0;
        int reductionsIgnored = 0;
        int infinities = 0;
        int nans = 0;
        for (Setting setting : SETTINGS) {
            TorchReduceLROnPlateau torch = setting.torch();
            PlateauLr schedule = newSchedule(setting);
            long w = setting.warmupSteps();
            assertEquals(w, schedule.warmupSteps(), setting.annotation());
            double metric = 1.0;
            for (long step = 0; step < w + 600; step++) {
                String where = setting.annotation() + ", step " + step;
                double rate = schedule.lr(step);
                if (step < w) {
                    // the warmup: startLr + (initLr - startLr) * t / W, within 2 ulps of the correctly rounded value
                    double expected = setting.startLr() + (setting.initLr() - setting.startLr()) * step / w;
                    assertTrue(Math.abs(rate - expected) <= 2 * Math.ulp(expected), where + ": " + rate + " vs "
                            + expected);
                } else {
                    assertEquals(torch.lr, rate, where);
                    assertEquals(torch.lr, schedule.lr(), where);
                }
                metric = nextMetric(random, torch, metric);
                if (step < w) {
                    // the user's loop does not step PyTorch's scheduler during the warmup; ours ignores the call
                    assertFalse(schedule.observe(step, metric), where);
                    assertEquals(newSchedule(setting).state(), schedule.state(), where);
                    continue;
                }
                double before = torch.lr;
                infinities += Double.isInfinite(metric) ? 1 : 0;
                nans += Double.isNaN(metric) ? 1 : 0;
                torch.step(metric);
                boolean reduced = schedule.observe(step, metric);
                assertEquals(torch.lr != before, reduced, where + ": observe's result");
                reductionsSeen += reduced ? 1 : 0;
                PlateauState state = schedule.state();
                assertEquals(new PlateauState(schedule.fingerprint(), torch.lr, torch.best, torch.numBadEpochs,
                        torch.cooldownCounter, torch.lastEpoch), state, where + ": the state");
                // save, encode, decode, restore into a new instance, and go on with that one
                PlateauLr restored = newSchedule(setting);
                restored.restore(PlateauState.decode(state.encode()));
                assertEquals(state, restored.state(), where + ": the restored state");
                schedule = restored;
            }
            reductionsIgnored += torch.reduceCalls;
        }
        reductionsIgnored -= reductionsSeen;
        // the random runs reach every branch of the rule
        System.out.printf(Locale.ROOT, "%d settings: %d reductions, %d ignored (eps or minLr), %d NaN and %d"
                + " infinite metrics%n", SETTINGS.size(), reductionsSeen, reductionsIgnored, nans, infinities);
        assertTrue(reductionsSeen > 1000, "reductions: " + reductionsSeen);
        assertTrue(reductionsIgnored > 100, "reductions that eps or minLr ignored: " + reductionsIgnored);
        assertTrue(nans > 100 && infinities > 100, nans + " NaN, " + infinities + " infinite");
    }

    @Test
    void initialStateIsANewInstancesAndRestoringItStartsOver() throws ReflectiveOperationException {
        for (Setting setting : SETTINGS.subList(0, 12)) {
            PlateauLr schedule = newSchedule(setting);
            PlateauState initial = (PlateauState) schedule.getClass().getField("INITIAL_STATE").get(null);
            assertEquals(initial, schedule.state());
            assertEquals(new PlateauState(schedule.fingerprint(), setting.initLr(), setting.mode().equals("min")
                    ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY, 0, 0, 0), initial);
            long w = setting.warmupSteps();
            for (long step = w; step < w + 40; step++) {
                schedule.observe(step, 1.0 / (1 + step % 7));
            }
            schedule.restore(initial);
            assertEquals(initial, schedule.state());
        }
    }

    @Test
    void stateSurvivesJavaSerialisationAndItsTextFormIsExact() throws Exception {
        PlateauState state = new PlateauState("5d0c1c9a3e0b2f47", 0.1 * 0.3 * 0.3, 0.7234567890123457, 3, 1,
                1234567890123L);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(state);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(state, in.readObject());
        }
        assertEquals("5d0c1c9a3e0b2f47 0x1.999999999999ap-4 0x1.0p-1 3 1 1234567890123",
                new PlateauState("5d0c1c9a3e0b2f47", 0.1, 0.5, 3, 1, 1234567890123L).encode());
        assertEquals(state, PlateauState.decode(state.encode()));
        PlateauState infinite = new PlateauState("f", Double.MIN_VALUE, Double.NEGATIVE_INFINITY, 0, 0, 0);
        assertEquals(infinite, PlateauState.decode(infinite.encode()));
        for (String text : new String[] {"", "f 0x1p-4 Infinity 0 0", "f 0x1p-4 Infinity 0 0 0 0", "f 0x1p-4 x 0 0 0",
                "f 0x1p-4 Infinity 0 0 0.5", "f 0x1p-4  Infinity 0 0 0", "0x1p-4 Infinity 0 0 0",
                " 0x1p-4 Infinity 0 0 0"}) {
            assertThrows(IllegalArgumentException.class, () -> PlateauState.decode(text), text);
        }
    }

    @Test
    void restoreRefusesStatesThisScheduleCannotHave() {
        PlateauLr schedule = loader.plateau("q.FixedPlateauLr");
        String fingerprint = schedule.fingerprint();
        double init = 0.1;
        String range = "[minLr, initLr] = [1.0E-4, 0.1]";
        assertRefused(schedule, new PlateauState(fingerprint, init * 2, 1.0, 0, 0, 1),
                "lr = " + init * 2 + " is not allowed: a rate of this schedule is in " + range);
        assertRefused(schedule, new PlateauState(fingerprint, Double.NaN, 1.0, 0, 0, 1),
                "lr = NaN is not allowed: a rate of this schedule is in " + range);
        assertRefused(schedule, new PlateauState(fingerprint, init, 1.0, 4, 0, 1),
                "badEvaluations = 4 is not allowed: after an observation it is in [0, patience] = [0, 3]");
        assertRefused(schedule, new PlateauState(fingerprint, init, 1.0, -1, 0, 1),
                "badEvaluations = -1 is not allowed: after an observation it is in [0, patience] = [0, 3]");
        assertRefused(schedule, new PlateauState(fingerprint, init, 1.0, 0, 3, 1),
                "cooldownLeft = 3 is not allowed: it is in [0, cooldown] = [0, 2]");
        // what no schedule's run can give, PlateauState itself refuses
        assertEquals("best = NaN is not allowed: the best metric is never NaN (a NaN metric never improves)",
                assertThrows(IllegalArgumentException.class,
                        () -> new PlateauState(fingerprint, init, Double.NaN, 0, 0, 1))
                        .getMessage());
        assertEquals("evaluations = -1 is not allowed: it counts observations, >= 0",
                assertThrows(IllegalArgumentException.class,
                        () -> new PlateauState(fingerprint, init, 1.0, 0, 0, -1))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> PlateauState.decode("f 0x1p-4 NaN 0 0 0"));
        assertEquals("fingerprint = \"a b\" is not allowed: the schedule's fingerprint is one word, not empty",
                assertThrows(IllegalArgumentException.class, () -> new PlateauState("a b", init, 1.0, 0, 0, 1))
                        .getMessage());
        assertThrows(NullPointerException.class, () -> new PlateauState(null, init, 1.0, 0, 0, 1));
        // a text of the five fields of states without a fingerprint says so
        assertEquals("not a PlateauState of this version: \"0x1p-4 Infinity 0 0 0\" has five fields, as states had"
                + " before they carried their schedule's fingerprint; put schedule.fingerprint() and a space in front"
                + " of it to restore it into that schedule", assertThrows(IllegalArgumentException.class,
                        () -> PlateauState.decode("0x1p-4 Infinity 0 0 0")).getMessage());
        assertThrows(NullPointerException.class, () -> schedule.restore(null));
        assertEquals(loader.plateau("q.FixedPlateauLr").state(), schedule.state(), "a refused state changes nothing");
        assertThrows(IllegalArgumentException.class, () -> schedule.lr(-1));
        assertThrows(IllegalArgumentException.class, () -> schedule.observe(-1, 1.0));
    }

    /** A state carries its schedule's fingerprint: a schedule of other settings refuses it, naming both. */
    @Test
    void restoreRefusesAStateOfAnotherSchedule() {
        PlateauLr fixed = loader.plateau("q.FixedPlateauLr");
        PlateauLr patient = loader.plateau("q.PatientPlateauLr");
        assertFalse(fixed.fingerprint().equals(patient.fingerprint()), fixed.fingerprint());
        PlateauState saved = patient.state();
        assertRefused(fixed, saved, "this state was taken from the schedule of fingerprint " + patient.fingerprint()
                + ", not from this one, of fingerprint " + fixed.fingerprint() + " (" + fixed + "): restore it into"
                + " a schedule of the settings it was saved with");
        PlateauLr another = loader.plateau("q.PatientPlateauLr");
        another.restore(saved);
        assertEquals(saved, another.state());
    }

    private static void assertRefused(PlateauLr schedule, PlateauState state, String message) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> schedule.restore(state));
        assertEquals(message, refused.getMessage());
    }

    @Test
    void lrAndObserveAllocateNothing() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        if (!(bean instanceof com.sun.management.ThreadMXBean threads)
                || !threads.isThreadAllocatedMemorySupported()) {
            return; // a JVM without per-thread allocation counts: nothing to measure (HotSpot has them)
        }
        threads.setThreadAllocatedMemoryEnabled(true);
        PlateauLr schedule = loader.plateau("q.FixedPlateauLr");
        double[] metrics = new double[1024];
        Random random = new Random(SEED);
        for (int i = 0; i < metrics.length; i++) {
            metrics[i] = i % 50 == 0 ? Double.NaN : 1.0 / (1 + i % 97) + random.nextDouble() * 1e-3;
        }
        double sink = 0;
        long measured = 0;
        for (int round = 0; round < 3; round++) {
            // round 0 warms up (class loading, first calls); rounds 1 and 2 are measured
            long before = threads.getCurrentThreadAllocatedBytes();
            long overhead = threads.getCurrentThreadAllocatedBytes() - before;
            before = threads.getCurrentThreadAllocatedBytes();
            for (long step = 0; step < 2_000_000; step++) {
                sink += schedule.lr(step);
                if (schedule.observe(step, metrics[(int) (step & 1023)])) {
                    sink += schedule.lr();
                }
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before - overhead;
            if (round > 0) {
                measured = Math.max(measured, allocated);
            }
        }
        assertTrue(sink > 0);
        assertEquals(0, measured, "bytes allocated by 2,000,000 calls of lr(step) and observe(step, metric)");
    }

    @Test
    void djlTrackerGivesUpdateKTheRateOfStepKMinusOne() {
        PlateauLr schedule = loader.plateau("q.FixedPlateauLr");
        Tracker tracker = (Tracker) schedule;
        long w = schedule.warmupSteps();
        for (int update = 1; update < w + 300; update++) {
            // DJL's k-th update asks for getNewValue(k): the rate of step k - 1, as the schedule has it now
            assertEquals((float) schedule.lr(update - 1), tracker.getNewValue(update), "update " + update);
            schedule.observe(update - 1, 1.0); // never improves after the first: the rate falls
        }
        assertTrue(schedule.lr() < 0.1, "the tracker followed at least one reduction");
        assertEquals((float) schedule.lr(0), tracker.getNewValue(0));
        assertThrows(IllegalArgumentException.class, () -> tracker.getNewValue(-1));
    }
}
