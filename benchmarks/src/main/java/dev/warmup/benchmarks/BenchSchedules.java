package dev.warmup.benchmarks;

import dev.warmup.AnnealStrategy;
import dev.warmup.ChainedSchedule;
import dev.warmup.CyclicMode;
import dev.warmup.CyclicSchedule;
import dev.warmup.Decay;
import dev.warmup.Factor;
import dev.warmup.FactorShape;
import dev.warmup.OneCycleSchedule;
import dev.warmup.Phase;
import dev.warmup.PhaseShape;
import dev.warmup.PhasedSchedule;
import dev.warmup.UntunedRule;
import dev.warmup.UntunedWarmup;
import dev.warmup.WarmRestartsSchedule;
import dev.warmup.Warmup;
import dev.warmup.WarmupSchedule;

/**
 * Every schedule the benchmarks compare, declared once: each warmup shape, each decay, and each of the other
 * annotations, and three PyTorch reference cases. {@link HandInline} has the same schedules written by hand, and
 * {@link Shape} pairs the two.
 */
final class BenchSchedules {

    private BenchSchedules() {}

    // ---------------------------------------------------------------- warmup shapes, then constant

    @WarmupSchedule(steps = 2000, initLr = 0.1)
    static final class LinearWarmup {}

    @WarmupSchedule(steps = 2000, initLr = 0.1, warmup = Warmup.CONSTANT, startLr = 0.01)
    static final class ConstantWarmup {}

    @WarmupSchedule(steps = 2000, initLr = 0.1, warmup = Warmup.EXPONENTIAL, startLr = 1e-4)
    static final class ExponentialWarmup {}

    // ---------------------------------------------------------------- decays, no warmup

    @WarmupSchedule(steps = 0, initLr = 0.1, decay = Decay.EXP, gamma = 0.9995)
    static final class Exp {}

    @WarmupSchedule(steps = 0, initLr = 0.1, decay = Decay.STEP, stepSize = 2000, gamma = 0.5)
    static final class Step {}

    @WarmupSchedule(steps = 0, initLr = 0.1, decay = Decay.MULTISTEP, milestones = {3000, 6000, 8000})
    static final class MultiStep {}

    @WarmupSchedule(steps = 0, initLr = 0.1, decay = Decay.COSINE, totalSteps = 10000)
    static final class Cosine {}

    @WarmupSchedule(steps = 0, initLr = 0.1, decay = Decay.LINEAR, totalSteps = 10000)
    static final class LinearDecay {}

    @WarmupSchedule(steps = 0, initLr = 0.1, decay = Decay.POLY, totalSteps = 10000, power = 2)
    static final class Poly {}

    /** Inverse square root needs a warmup (it divides by W). */
    @WarmupSchedule(steps = 1000, initLr = 0.1, decay = Decay.INV_SQRT)
    static final class LinearWarmupInvSqrt {}

    @WarmupSchedule(steps = 0, initLr = 0.1, decay = Decay.REPEATED_POWER, power = 1.0001)
    static final class RepeatedPower {}

    // ---------------------------------------------------------------- three PyTorch reference cases

    /** The design card's: linear warmup to 0.1 over 2500 steps, then 0.1 * 0.9999^(t - 2500) (card_linear_exp). */
    @WarmupSchedule(steps = 2500, initLr = 0.1, decay = Decay.EXP, gamma = 0.9999)
    static final class CardExp {}

    /** nanoGPT's: linear 6e-7 to 6e-4 over 2000 steps, cosine to 6e-5 at step 20000 (nanogpt_cosine). */
    @WarmupSchedule(steps = 2000, initLr = 6e-4, startLr = 6e-7, decay = Decay.COSINE, totalSteps = 20000,
            minLr = 6e-5)
    static final class NanoGptCosine {}

    /** ResNet-110's: 0.01 for 400 steps, then 0.1, divided by 10 at 32k and 48k (resnet110_constant). */
    @WarmupSchedule(steps = 400, initLr = 0.1, warmup = Warmup.CONSTANT, startLr = 0.01, decay = Decay.MULTISTEP,
            gamma = 0.1, milestones = {32000, 48000})
    static final class ResNetMultiStep {}

    // ---------------------------------------------------------------- the other annotations

    /** Warmup-stable-decay: linear up, hold, cosine down to 0. */
    @PhasedSchedule(phases = {
        @Phase(steps = 1000, shape = PhaseShape.LINEAR, endLr = 0.1),
        @Phase(steps = 7000, shape = PhaseShape.CONSTANT, endLr = 0.1),
        @Phase(steps = 2000, shape = PhaseShape.COSINE, endLr = 0)
    })
    static final class WarmupStableDecay {}

    /** A phase of each remaining shape: exponential warmup, then a polynomial decay. */
    @PhasedSchedule(phases = {
        @Phase(steps = 2000, shape = PhaseShape.EXPONENTIAL, startLr = 1e-4, endLr = 0.1),
        @Phase(steps = 8000, shape = PhaseShape.POLY, endLr = 0, power = 2)
    })
    static final class PhasedExpPoly {}

    /** Hugging Face's 1-sqrt warmup, an inverse square root, then its 1-sqrt decay. */
    @PhasedSchedule(phases = {
        @Phase(steps = 1000, shape = PhaseShape.ONE_MINUS_SQRT, endLr = 0.1),
        @Phase(steps = 7000, shape = PhaseShape.INV_SQRT, endLr = 0.05),
        @Phase(steps = 2000, shape = PhaseShape.ONE_MINUS_SQRT, endLr = 0)
    })
    static final class PhasedSqrt {}

    @OneCycleSchedule(maxLr = 0.1, totalSteps = 10000)
    static final class OneCycleCos {}

    /** Three phases, whose PyTorch bounds are fractional: 0.31234 * 10000 - 1 = 3122.4 and 6244.8. */
    @OneCycleSchedule(maxLr = 0.1, totalSteps = 10000, pctStart = 0.31234, threePhase = true)
    static final class OneCycleCosThreePhase {}

    @OneCycleSchedule(maxLr = 0.1, totalSteps = 10000, annealStrategy = AnnealStrategy.LINEAR)
    static final class OneCycleLinear {}

    @CyclicSchedule(baseLr = 0.001, maxLr = 0.1, stepSizeUp = 1000)
    static final class CyclicTriangular {}

    @CyclicSchedule(baseLr = 0.001, maxLr = 0.1, stepSizeUp = 1000, mode = CyclicMode.EXP_RANGE, gamma = 0.9999)
    static final class CyclicExpRange {}

    @CyclicSchedule(baseLr = 0.001, maxLr = 0.1, stepSizeUp = 1000, mode = CyclicMode.TRIANGULAR2)
    static final class CyclicTriangular2 {}

    @WarmRestartsSchedule(baseLr = 0.1, t0 = 1000)
    static final class WarmRestarts {}

    @WarmRestartsSchedule(baseLr = 0.1, t0 = 1000, tMult = 2)
    static final class WarmRestartsDoubling {}

    @WarmRestartsSchedule(baseLr = 0.1, t0 = 100, tMult = 3, etaMin = 1e-4, warmupSteps = 500, startLr = 0)
    static final class WarmRestartsTripling {}

    // ---------------------------------------------------------------- issue 16: Hugging Face's cycles, products

    /** {@code get_cosine_schedule_with_warmup(opt, 500, 8000, num_cycles=1.0)}, lr 5e-5 (hf_cosine_full_cycle). */
    @WarmupSchedule(steps = 500, initLr = 5e-5, decay = Decay.COSINE, totalSteps = 8000, cycles = 1.0)
    static final class HfCosineFullCycle {}

    /** {@code get_cosine_with_hard_restarts_schedule_with_warmup(opt, 1000, 11000, num_cycles=2.5)}, lr 1e-3. */
    @WarmupSchedule(steps = 1000, initLr = 1e-3, decay = Decay.COSINE_RESTARTS, totalSteps = 11000, cycles = 2.5)
    static final class HfHardRestarts {}

    /** chained_linear_exp_1k: PyTorch's ChainedScheduler(LinearLR(0.01, 1000), ExponentialLR(0.999)) at lr 0.1. */
    @ChainedSchedule(baseLr = 0.1, factors = {
        @Factor(shape = FactorShape.LINEAR, startFactor = 0.01, steps = 1000),
        @Factor(shape = FactorShape.EXP, gamma = 0.999)})
    static final class Chained {}

    /** radam_warmup_cosine: RAdam's warmup (beta2 0.999) over a cosine decay of 5000 steps. */
    @WarmupSchedule(steps = 0, initLr = 1e-3, decay = Decay.COSINE, totalSteps = 5000)
    @UntunedWarmup(UntunedRule.RADAM)
    static final class RadamCosine {}
}
