package dev.warmup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.warmup.StepLr;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongToDoubleFunction;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README's rows for Keras and Optax, each against the peer's formula transcribed here from its source, in double
 * (Keras 3 {@code keras/src/optimizers/schedules/learning_rate_schedule.py}; Optax {@code optax/schedules/_schedule.py}),
 * at every step of a range past the schedule's end. Both peers call a schedule with the count of updates done, as
 * {@code lr(step)} is.
 */
class PeerFormulasTest {

    /** A peer's call, the annotation the README gives for it, and the peer's formula. */
    private record Case(String annotation, LongToDoubleFunction peer, long steps) {}

    private static final Map<String, Case> CASES = Map.of(
            // ExponentialDecay(0.1, decay_steps=1000, decay_rate=0.96): initial * decay_rate ** (step / decay_steps)
            "KerasExponentialDecay", new Case("@WarmupSchedule(steps = 0, initLr = 0.1, decay = Decay.EXP,"
                    + " gamma = 0.96, stepSize = 1000)", t -> 0.1 * Math.pow(0.96, t / 1000.0), 200_000),
            // the same with staircase=True: the exponent floored
            "KerasExponentialStaircase", new Case("@WarmupSchedule(steps = 0, initLr = 0.1, decay = Decay.STEP,"
                    + " gamma = 0.96, stepSize = 1000)", t -> 0.1 * Math.pow(0.96, Math.floor(t / 1000.0)), 20_000),
            // Optax exponential_decay(0.1, transition_steps=1000, decay_rate=0.5, transition_begin=200):
            // init * decay_rate ** (max(count - transition_begin, 0) / transition_steps)
            "OptaxExponentialDecayBegin", new Case("@WarmupSchedule(steps = 200, warmup = Warmup.CONSTANT,"
                    + " startLr = 0.1, initLr = 0.1, decay = Decay.EXP, gamma = 0.5, stepSize = 1000)",
                    t -> 0.1 * Math.pow(0.5, Math.max(t - 200, 0) / 1000.0), 20_000),
            // timm CosineLRScheduler(t_initial=1000, lr_min=1e-5, cycle_mul=2, cycle_limit=3, k_decay=2) per update:
            // lr_min + 0.5 * (lr_max - lr_min) * (1 + cos(pi * t_curr ** k / t_i ** k))
            "TimmKDecay", new Case("@WarmRestartsSchedule(baseLr = 0.1, t0 = 1000, tMult = 2, etaMin = 1e-5,"
                    + " cycles = 3, kDecay = 2.0)", PeerFormulasTest::timmKDecay, 9000),
            // PolynomialDecay(0.1, decay_steps=5000, end_learning_rate=1e-4, power=2):
            // (initial - end) * (1 - min(step, decay_steps) / decay_steps) ** power + end
            "KerasPolynomialDecay", new Case("@WarmupSchedule(steps = 0, initLr = 0.1, decay = Decay.POLY,"
                    + " totalSteps = 5000, minLr = 1e-4, power = 2.0)",
                    t -> (0.1 - 1e-4) * Math.pow(1 - Math.min(t, 5000) / 5000.0, 2) + 1e-4, 6000),
            // PiecewiseConstantDecay([100, 200], [1.0, 0.5, 0.1]): values[0] while step <= 100
            "KerasPiecewise", new Case("@PhasedSchedule(phases = {@Phase(steps = 101, shape = PhaseShape.CONSTANT,"
                    + " endLr = 1.0), @Phase(steps = 100, shape = PhaseShape.CONSTANT, endLr = 0.5),"
                    + " @Phase(steps = 1, shape = PhaseShape.CONSTANT, endLr = 0.1)})",
                    t -> t <= 100 ? 1.0 : t <= 200 ? 0.5 : 0.1, 400),
            // piecewise_constant_schedule(1.0, {100: 0.1, 200: 0.01}): each scale from step == boundary on
            "OptaxPiecewise", new Case("@PhasedSchedule(phases = {@Phase(steps = 100, shape = PhaseShape.CONSTANT,"
                    + " endLr = 1.0), @Phase(steps = 100, shape = PhaseShape.CONSTANT, endLr = 0.1),"
                    + " @Phase(steps = 1, shape = PhaseShape.CONSTANT, endLr = 0.1 * 0.01)})",
                    t -> t < 100 ? 1.0 : t < 200 ? 1.0 * 0.1 : 1.0 * 0.1 * 0.01, 400),
            // cosine_onecycle_schedule(100, 0.1): piecewise_interpolate_schedule('cosine', 0.1 / 25,
            // {int(0.3 * 100): 25, 100: 1 / (25 * 1e4)}), end - (end - start) / 2 * (cos(pi * pct) + 1)
            "OptaxCosineOnecycle", new Case("@PhasedSchedule(phases = {@Phase(steps = 30, shape = PhaseShape.COSINE,"
                    + " startLr = 0.004, endLr = 0.1), @Phase(steps = 70, shape = PhaseShape.COSINE, endLr = 4e-7)})",
                    PeerFormulasTest::optaxCosineOnecycle, 200),
            // warmup_cosine_decay_schedule(init_value=0.1, peak_value=0.01, warmup_steps=100, decay_steps=1000,
            // end_value=1e-4): init above peak, a falling linear warmup, then the cosine
            "OptaxWarmupCosineFalling", new Case("@PhasedSchedule(phases = {@Phase(steps = 100,"
                    + " shape = PhaseShape.LINEAR, startLr = 0.1, endLr = 0.01), @Phase(steps = 900,"
                    + " shape = PhaseShape.COSINE, endLr = 1e-4)})",
                    t -> t < 100 ? 0.1 + (0.01 - 0.1) * t / 100.0 : 1e-4 + (0.01 - 1e-4) / 2
                            * (1 + Math.cos(Math.PI * Math.min(t - 100, 900) / 900.0)), 1200));

    private static Compiler.Loader loader;

    @BeforeAll
    static void compile() {
        Compilation compilation = Compiler.compile(CASES.entrySet().stream()
                .map(e -> JavaFileObjects.forSourceString("peers." + e.getKey(), "package peers;\nimport dev.warmup.*;\n"
                        + e.getValue().annotation() + "\nfinal class " + e.getKey() + " {}\n"))
                .toArray(JavaFileObject[]::new));
        assertThat(compilation).succeededWithoutWarnings();
        loader = new Compiler.Loader(compilation);
    }

    static Stream<String> cases() {
        return CASES.keySet().stream().sorted();
    }

    /** timm's {@code CosineLRScheduler._get_lr} with {@code cycle_mul = 2}, {@code k_decay = 2}, 3 cycles. */
    private static double timmKDecay(long t) {
        double tInitial = 1000;
        double mul = 2;
        int i = (int) Math.floor(Math.log(1 - t / tInitial * (1 - mul)) / Math.log(mul));
        double ti = Math.pow(mul, i) * tInitial;
        double tCurr = t - (1 - Math.pow(mul, i)) / (1 - mul) * tInitial;
        if (i >= 3) {
            return 1e-5;
        }
        return 1e-5 + 0.5 * (0.1 - 1e-5) * (1 + Math.cos(Math.PI * Math.pow(tCurr, 2) / Math.pow(ti, 2)));
    }

    /** Optax's {@code piecewise_interpolate_schedule} with cosine interpolation, as {@code cosine_onecycle_schedule}. */
    private static double optaxCosineOnecycle(long t) {
        double[] bounds = {0, 30, 100};
        double[] values = {0.1 / 25, 0.1 / 25 * 25, 0.1 / 25 * 25 * (1 / (25 * 1e4))};
        for (int i = 0; i < 2; i++) {
            if (t < bounds[i + 1] || i == 1) {
                double pct = Math.min(Math.max((t - bounds[i]) / (bounds[i + 1] - bounds[i]), 0), 1);
                return values[i + 1] - (values[i + 1] - values[i]) / 2.0 * (Math.cos(Math.PI * pct) + 1);
            }
        }
        throw new AssertionError();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theReadmesAnnotationGivesThePeersValues(String name) {
        Case c = CASES.get(name);
        StepLr schedule = loader.schedule("peers." + name + "StepLr");
        double peak = 0;
        for (long t = 0; t < c.steps(); t++) {
            peak = Math.max(peak, Math.abs(c.peer().applyAsDouble(t)));
        }
        double worst = 0;
        double worstAboveFloor = 0;
        for (long t = 0; t < c.steps(); t++) {
            double expected = c.peer().applyAsDouble(t);
            double error = Math.abs(schedule.lr(t) - expected);
            double relative = error == 0 ? 0 : error / Math.abs(expected);
            worst = Math.max(worst, relative);
            // the floor of the accuracy target (1e-15 of the peak), where the rate nears 0
            if (error > 1e-15 * peak) {
                worstAboveFloor = Math.max(worstAboveFloor, relative);
            }
            long step = t;
            assertTrue(error <= 1e-15 * peak || relative <= 1e-12, () -> name + " at step " + step + ": peer "
                    + expected + ", generated " + schedule.lr(step));
        }
        System.out.printf(Locale.ROOT, "%-26s %7d steps, max relative error %.3g, above the floor %.3g%n", name,
                c.steps(), worst, worstAboveFloor);
    }
}
