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
 * The README's rows for Keras, Optax and timm, each against the peer's formula transcribed here from its source, in
 * double (Keras 3 {@code keras/src/optimizers/schedules/learning_rate_schedule.py}; Optax
 * {@code optax/schedules/_schedule.py}; timm {@code timm/scheduler/cosine_lr.py}), and PyTorch's
 * {@code SequentialLR} as its unit test {@code test_sequentiallr1} expects, at every step of a range past the
 * schedule's end. Every peer calls a schedule with the count of updates done, as {@code lr(step)} is.
 */
class PeerFormulasTest {

    /** A peer's call, the annotation the README gives for it, and the peer's formula. */
    private record Case(String annotation, LongToDoubleFunction peer, long steps) {}

    private static final Map<String, Case> CASES = Map.ofEntries(
            // ExponentialDecay(0.1, decay_steps=1000, decay_rate=0.96): initial * decay_rate ** (step / decay_steps)
            Map.entry("KerasExponentialDecay", new Case("@WarmupSchedule(steps = 0, initLr = 0.1, decay = Decay.EXP,"
                    + " gamma = 0.96, stepSize = 1000)", t -> 0.1 * Math.pow(0.96, t / 1000.0), 200_000)),
            // the same with staircase=True: the exponent floored
            Map.entry("KerasExponentialStaircase", new Case(
                    "@WarmupSchedule(steps = 0, initLr = 0.1, decay = Decay.STEP,"
                    + " gamma = 0.96, stepSize = 1000)", t -> 0.1 * Math.pow(0.96, Math.floor(t / 1000.0)), 20_000)),
            // Optax exponential_decay(0.1, transition_steps=1000, decay_rate=0.5, transition_begin=200):
            // init * decay_rate ** (max(count - transition_begin, 0) / transition_steps)
            Map.entry("OptaxExponentialDecayBegin", new Case("@WarmupSchedule(steps = 200, warmup = Warmup.CONSTANT,"
                    + " startLr = 0.1, initLr = 0.1, decay = Decay.EXP, gamma = 0.5, stepSize = 1000)",
                    t -> 0.1 * Math.pow(0.5, Math.max(t - 200, 0) / 1000.0), 20_000)),
            // timm CosineLRScheduler(t_initial=1000, lr_min=1e-5, cycle_mul=2, cycle_limit=3, k_decay=2) per update:
            // lr_min + 0.5 * (lr_max - lr_min) * (1 + cos(pi * t_curr ** k / t_i ** k))
            Map.entry("TimmKDecay", new Case("@WarmRestartsSchedule(baseLr = 0.1, t0 = 1000, tMult = 2, etaMin = 1e-5,"
                    + " cycles = 3, kDecay = 2.0)", PeerFormulasTest::timmKDecay, 9000)),
            // PolynomialDecay(0.1, decay_steps=5000, end_learning_rate=1e-4, power=2):
            // (initial - end) * (1 - min(step, decay_steps) / decay_steps) ** power + end
            Map.entry("KerasPolynomialDecay", new Case("@WarmupSchedule(steps = 0, initLr = 0.1, decay = Decay.POLY,"
                    + " totalSteps = 5000, minLr = 1e-4, power = 2.0)",
                    t -> (0.1 - 1e-4) * Math.pow(1 - Math.min(t, 5000) / 5000.0, 2) + 1e-4, 6000)),
            // PiecewiseConstantDecay([100, 200], [1.0, 0.5, 0.1]): values[0] while step <= 100
            Map.entry("KerasPiecewise", new Case(
                    "@PhasedSchedule(phases = {@Phase(steps = 101, shape = PhaseShape.CONSTANT,"
                    + " endLr = 1.0), @Phase(steps = 100, shape = PhaseShape.CONSTANT, endLr = 0.5),"
                    + " @Phase(steps = 1, shape = PhaseShape.CONSTANT, endLr = 0.1)})",
                    t -> t <= 100 ? 1.0 : t <= 200 ? 0.5 : 0.1, 400)),
            // piecewise_constant_schedule(1.0, {100: 0.1, 200: 0.01}): each scale from step == boundary on
            Map.entry("OptaxPiecewise", new Case(
                    "@PhasedSchedule(phases = {@Phase(steps = 100, shape = PhaseShape.CONSTANT,"
                    + " endLr = 1.0), @Phase(steps = 100, shape = PhaseShape.CONSTANT, endLr = 0.1),"
                    + " @Phase(steps = 1, shape = PhaseShape.CONSTANT, endLr = 0.1 * 0.01)})",
                    t -> t < 100 ? 1.0 : t < 200 ? 1.0 * 0.1 : 1.0 * 0.1 * 0.01, 400)),
            // cosine_onecycle_schedule(100, 0.1): piecewise_interpolate_schedule('cosine', 0.1 / 25,
            // {int(0.3 * 100): 25, 100: 1 / (25 * 1e4)}), end - (end - start) / 2 * (cos(pi * pct) + 1)
            Map.entry("OptaxCosineOnecycle", new Case(
                    "@PhasedSchedule(phases = {@Phase(steps = 30, shape = PhaseShape.COSINE,"
                    + " startLr = 0.004, endLr = 0.1), @Phase(steps = 70, shape = PhaseShape.COSINE, endLr = 4e-7)})",
                    PeerFormulasTest::optaxCosineOnecycle, 200)),
            // warmup_cosine_decay_schedule(init_value=0.1, peak_value=0.01, warmup_steps=100, decay_steps=1000,
            // end_value=1e-4): init above peak, a falling linear warmup, then the cosine
            Map.entry("OptaxWarmupCosineFalling", new Case("@PhasedSchedule(phases = {@Phase(steps = 100,"
                    + " shape = PhaseShape.LINEAR, startLr = 0.1, endLr = 0.01), @Phase(steps = 900,"
                    + " shape = PhaseShape.COSINE, endLr = 1e-4)})",
                    t -> t < 100 ? 0.1 + (0.01 - 0.1) * t / 100.0 : 1e-4 + (0.01 - 1e-4) / 2
                            * (1 + Math.cos(Math.PI * Math.min(t - 100, 900) / 900.0)), 1200)),
            // Keras InverseTimeDecay(0.1, decay_steps=1000, decay_rate=0.5):
            // initial / (1 + decay_rate * (step / decay_steps))
            Map.entry("KerasInverseTimeDecay", new Case("@WarmupSchedule(steps = 0, initLr = 0.1,"
                    + " decay = Decay.INV_TIME, gamma = 0.5, stepSize = 1000)",
                    t -> 0.1 / (1 + 0.5 * (t / 1000.0)), 200_000)),
            // the same with staircase=True: p = floor(step / decay_steps)
            Map.entry("KerasInverseTimeStaircase", new Case("@WarmupSchedule(steps = 0, initLr = 0.1,"
                    + " decay = Decay.INV_TIME_STEP, gamma = 0.5, stepSize = 1000)",
                    t -> 0.1 / (1 + 0.5 * Math.floor(t / 1000.0)), 20_000)),
            // InverseTimeDecay(0.01, decay_steps=1, decay_rate=1e-3) after 500 linear warmup steps counted apart
            // (the decay's step is t - 500)
            Map.entry("KerasInverseTimePerStepAfterWarmup", new Case("@WarmupSchedule(steps = 500, initLr = 0.01,"
                    + " decay = Decay.INV_TIME, gamma = 1e-3)",
                    t -> t < 500 ? 0.01 * t / 500.0 : 0.01 / (1 + 1e-3 * ((t - 500) / 1.0)), 50_000)),
            // PolynomialDecay(0.1, decay_steps=1000, end_learning_rate=0.0, power=1.0, cycle=True)
            Map.entry("KerasPolynomialCycle", new Case("@WarmupSchedule(steps = 0, initLr = 0.1,"
                    + " decay = Decay.POLY_CYCLE, totalSteps = 1000)",
                    t -> kerasPolynomialCycle(t, 0.1, 1000, 0.0, 1.0), 10_000)),
            // the same to end_learning_rate=1e-4
            Map.entry("KerasPolynomialCycleEnd", new Case("@WarmupSchedule(steps = 0, initLr = 0.1,"
                    + " decay = Decay.POLY_CYCLE, totalSteps = 1000, minLr = 1e-4)",
                    t -> kerasPolynomialCycle(t, 0.1, 1000, 1e-4, 1.0), 10_000)),
            // power=2.0, end_learning_rate=0.0
            Map.entry("KerasPolynomialCycleSquared", new Case("@WarmupSchedule(steps = 0, initLr = 0.1,"
                    + " decay = Decay.POLY_CYCLE, totalSteps = 1000, power = 2.0)",
                    t -> kerasPolynomialCycle(t, 0.1, 1000, 0.0, 2.0), 10_000)),
            // power=2.0, end_learning_rate=1e-4, decay_steps=700, after a 300-step linear warmup counted apart
            Map.entry("KerasPolynomialCycleSquaredEnd", new Case("@WarmupSchedule(steps = 300, initLr = 0.1,"
                    + " decay = Decay.POLY_CYCLE, totalSteps = 1000, minLr = 1e-4, power = 2.0)",
                    t -> t < 300 ? 0.1 * t / 300.0 : kerasPolynomialCycle(t - 300, 0.1, 700, 1e-4, 2.0), 10_000)),
            // Optax cosine_decay_schedule(0.1, decay_steps=1000, alpha=0.01, exponent=2.0)
            Map.entry("OptaxCosineExponent", new Case("@WarmupSchedule(steps = 0, initLr = 0.1,"
                    + " decay = Decay.COSINE, totalSteps = 1000, minLr = 0.01 * 0.1, power = 2.0)",
                    t -> optaxCosineDecay(t, 0.1, 1000, 0.01, 2.0), 1500)),
            // Optax warmup_cosine_decay_schedule(init_value=0.0, peak_value=0.1, warmup_steps=100, decay_steps=1000,
            // end_value=1e-4, exponent=1.5): join_schedules([linear_schedule(0.0, 0.1, 100),
            // cosine_decay_schedule(0.1, 1000 - 100, alpha=1e-4 / 0.1, exponent=1.5)], [100])
            Map.entry("OptaxWarmupCosineExponent", new Case("@WarmupSchedule(steps = 100, initLr = 0.1,"
                    + " decay = Decay.COSINE, totalSteps = 1000, minLr = 1e-4, power = 1.5)",
                    PeerFormulasTest::optaxWarmupCosineExponent, 1500)),
            // the same as @PhasedSchedule phases, the cosine's exponent on its phase
            Map.entry("OptaxWarmupCosineExponentPhases", new Case("@PhasedSchedule(phases = {@Phase(steps = 100,"
                    + " shape = PhaseShape.LINEAR, endLr = 0.1), @Phase(steps = 900, shape = PhaseShape.COSINE,"
                    + " endLr = 1e-4, power = 1.5)})", PeerFormulasTest::optaxWarmupCosineExponent, 1500)),
            // Keras CosineDecayRestarts(0.1, first_decay_steps=100, t_mul=1.5, m_mul=0.8, alpha=0.01)
            Map.entry("KerasRestartsTMulNotWhole", new Case("@WarmRestartsSchedule(baseLr = 0.1, t0 = 100,"
                    + " tMult = 1.5, heightDecay = 0.8, etaMin = 0.01 * 0.1)", PeerFormulasTest::kerasTMul15, 6000)),
            // timm CosineLRScheduler(t_initial=100, lr_min=1e-5, cycle_mul=1.5, cycle_decay=0.5, cycle_limit=4,
            // warmup_t=20, warmup_lr_init=1e-6, warmup_prefix=False) per update, lr 0.1
            Map.entry("TimmCycleMulNotWhole", new Case("@WarmRestartsSchedule(baseLr = 0.1, t0 = 100, tMult = 1.5,"
                    + " etaMin = 1e-5, peakDecay = 0.5, cycles = 4, warmupSteps = 20, startLr = 1e-6,"
                    + " warmupPrefix = false)", t -> timm(t, 0.1, 100, 1e-5, 1.5, 0.5, 4, 20, 1e-6, 1.0), 2000)),
            // timm CosineLRScheduler(t_initial=100, lr_min=1e-5, cycle_mul=2.5, cycle_limit=3, k_decay=1.5)
            Map.entry("TimmCycleMulKDecay", new Case("@WarmRestartsSchedule(baseLr = 0.1, t0 = 100, tMult = 2.5,"
                    + " etaMin = 1e-5, cycles = 3, kDecay = 1.5)",
                    t -> timm(t, 0.1, 100, 1e-5, 2.5, 1.0, 3, 0, 0, 1.5), 2000)),
            // Optax exponential_decay(0.1, transition_steps=1000, decay_rate=0.5, transition_begin=200,
            // end_value=0.01): decay_rate < 1 clips the rate from below, max(value, end_value)
            Map.entry("OptaxExponentialDecayEnd", new Case("@WarmupSchedule(steps = 200, warmup = Warmup.CONSTANT,"
                    + " startLr = 0.1, initLr = 0.1, decay = Decay.EXP, gamma = 0.5, stepSize = 1000, minLr = 0.01)",
                    t -> Math.max(0.1 * Math.pow(0.5, Math.max(t - 200, 0) / 1000.0), 0.01), 6000)),
            // the same with staircase=True: the exponent floored
            Map.entry("OptaxExponentialStaircaseEnd", new Case("@WarmupSchedule(steps = 200,"
                    + " warmup = Warmup.CONSTANT, startLr = 0.1, initLr = 0.1, decay = Decay.STEP, gamma = 0.5,"
                    + " stepSize = 1000, minLr = 0.01)",
                    t -> Math.max(0.1 * Math.pow(0.5, Math.floor(Math.max(t - 200, 0) / 1000.0)), 0.01), 6000)),
            // exponential_decay(1e-4, transition_steps=100, decay_rate=2.0, end_value=0.1): growth, clipped from
            // above, min(value, end_value): an exponential phase given by its factor (its 997 steps derived)
            Map.entry("OptaxExponentialGrowthEnd", new Case("@PhasedSchedule(phases = @Phase("
                    + "shape = PhaseShape.EXPONENTIAL, startLr = 1e-4, endLr = 0.1, gamma = 2.0, stepSize = 100))",
                    t -> Math.min(1e-4 * Math.pow(2.0, t / 100.0), 0.1), 2000)),
            // the same with transition_begin=50: the rate held for 50 steps first
            Map.entry("OptaxExponentialGrowthBegin", new Case("@PhasedSchedule(phases = {@Phase(steps = 50,"
                    + " shape = PhaseShape.CONSTANT, endLr = 1e-4), @Phase(shape = PhaseShape.EXPONENTIAL,"
                    + " endLr = 0.1, gamma = 2.0, stepSize = 100)})",
                    t -> Math.min(1e-4 * Math.pow(2.0, Math.max(t - 50, 0) / 100.0), 0.1), 2000)),
            // the hand-derived form of the docs: phases of 997 steps to 1e-4 * 2 ** 9.97, then 0.1
            Map.entry("OptaxExponentialGrowthByHand", new Case("@PhasedSchedule(phases = {@Phase(steps = 997,"
                    + " shape = PhaseShape.EXPONENTIAL, startLr = 1e-4, endLr = 0.10029263847290136),"
                    + " @Phase(steps = 1, shape = PhaseShape.CONSTANT, endLr = 0.1)})",
                    t -> Math.min(1e-4 * Math.pow(2.0, t / 100.0), 0.1), 2000)),
            // PyTorch SequentialLR([ExponentialLR(gamma=0.8), StepLR(step_size=4, gamma=0.1)], milestones=[3]) on
            // lr 0.05 (PyTorch's test_sequentiallr1): 0.05 * 0.8^t, then from step 3 on 0.05 * 0.1^floor((t - 3) / 4)
            // (its targets over 19 epochs); each of StepLR's steps a CONSTANT phase, the last held
            Map.entry("TorchSequentialExpStep", new Case("@PhasedSchedule(phases = {@Phase(steps = 3,"
                    + " shape = PhaseShape.EXPONENTIAL, startLr = 0.05, endLr = 0.05 * 0.8 * 0.8 * 0.8),"
                    + " @Phase(steps = 4, shape = PhaseShape.CONSTANT, endLr = 0.05),"
                    + " @Phase(steps = 4, shape = PhaseShape.CONSTANT, endLr = 0.05 * 0.1),"
                    + " @Phase(steps = 4, shape = PhaseShape.CONSTANT, endLr = 0.05 * 0.01),"
                    + " @Phase(steps = 4, shape = PhaseShape.CONSTANT, endLr = 0.05 * 0.001)})",
                    t -> t < 3 ? 0.05 * Math.pow(0.8, t) : 0.05 * Math.pow(0.1, Math.floor((t - 3) / 4.0)), 19)));

    /** Keras 3 {@code CosineDecayRestarts.__call__}, in float64. */
    private static double kerasTMul15(long step) {
        double initial = 0.1;
        double firstDecaySteps = 100;
        double tMul = 1.5;
        double mMul = 0.8;
        double alpha = 0.01;
        double completedFraction = step / firstDecaySteps;
        double i = Math.floor(Math.log(1 - completedFraction * (1 - tMul)) / Math.log(tMul));
        double sumR = (1 - Math.pow(tMul, i)) / (1 - tMul);
        completedFraction = (completedFraction - sumR) / Math.pow(tMul, i);
        double cosineDecayed = 0.5 * Math.pow(mMul, i) * (1 + Math.cos(Math.PI * completedFraction));
        return initial * ((1 - alpha) * cosineDecayed + alpha);
    }

    /** timm's {@code CosineLRScheduler._get_lr} per update, {@code warmup_prefix=False}, {@code cycle_mul != 1}. */
    private static double timm(long step, double lr, double tInitial, double lrMin, double cycleMul, double cycleDecay,
            int cycleLimit, long warmupT, double warmupLrInit, double kDecay) {
        if (step < warmupT) {
            return warmupLrInit + step * ((lr - warmupLrInit) / warmupT);
        }
        double t = step; // warmup_prefix=False: t counts from 0
        double i = Math.floor(Math.log(1 - t / tInitial * (1 - cycleMul)) / Math.log(cycleMul));
        double tI = Math.pow(cycleMul, i) * tInitial;
        double tCurr = t - (1 - Math.pow(cycleMul, i)) / (1 - cycleMul) * tInitial;
        double lrMax = lr * Math.pow(cycleDecay, i);
        return i < cycleLimit ? lrMin + 0.5 * (lrMax - lrMin) * (1 + Math.cos(Math.PI * Math.pow(tCurr, kDecay)
                / Math.pow(tI, kDecay))) : lrMin;
    }

    /**
     * Optax's {@code cosine_decay_schedule}: {@code count = min(count, decay_steps)}, {@code cosine_decay = 0.5 * (1 +
     * cos(pi * count / decay_steps))}, {@code init_value * ((1 - alpha) * cosine_decay ** exponent + alpha)}.
     */
    private static double optaxCosineDecay(long count, double init, double decaySteps, double alpha,
            double exponent) {
        double t = Math.min(count, decaySteps);
        double cosineDecay = 0.5 * (1 + Math.cos(Math.PI * t / decaySteps));
        return init * ((1 - alpha) * Math.pow(cosineDecay, exponent) + alpha);
    }

    /**
     * Optax's {@code warmup_cosine_decay_schedule(0.0, 0.1, 100, 1000, 1e-4, exponent=1.5)}: {@code linear_schedule}
     * ({@code (init - end) * (1 - count / transition_steps) + end}) before step 100, the cosine from there, counted
     * from 0 at the boundary, as {@code join_schedules} does.
     */
    private static double optaxWarmupCosineExponent(long t) {
        if (t < 100) {
            return (0.0 - 0.1) * (1 - t / 100.0) + 0.1;
        }
        return optaxCosineDecay(t - 100, 0.1, 1000 - 100, 1e-4 / 0.1, 1.5);
    }

    /**
     * Keras's {@code PolynomialDecay} with {@code cycle=True}: the horizon {@code decay_steps * ceil(step /
     * decay_steps)} (times 1 at step 0), then {@code (initial - end) * (1 - step / horizon) ** power + end}.
     */
    private static double kerasPolynomialCycle(long step, double initial, double decaySteps, double end,
            double power) {
        double multiplier = step == 0 ? 1.0 : Math.ceil(step / decaySteps);
        double p = step / (decaySteps * multiplier);
        return (initial - end) * Math.pow(1 - p, power) + end;
    }

    private static Compiler.Loader loader;

    @BeforeAll
    static void compile() {
        Compilation compilation = Compiler.compileWithoutLint(CASES.entrySet().stream()
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
        System.out.printf(Locale.ROOT, "%-36s %7d steps, max relative error %.3g, above the floor %.3g%n", name,
                c.steps(), worst, worstAboveFloor);
    }
}
