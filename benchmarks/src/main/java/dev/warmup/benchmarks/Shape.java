package dev.warmup.benchmarks;

import dev.warmup.StepLr;
import java.util.function.LongToDoubleFunction;

/**
 * Every benchmarked schedule: its generated class (from {@link BenchSchedules}), the same formula by hand (from
 * {@link HandInline}), and the span of steps the benchmarks draw from, which covers the whole schedule and a little
 * of what it holds after.
 */
public enum Shape {
    LINEAR_WARMUP("warmup linear, then constant", BenchSchedules_LinearWarmupStepLr.INSTANCE,
            HandInline::linearWarmup, 10_000),
    CONSTANT_WARMUP("warmup constant, then constant", BenchSchedules_ConstantWarmupStepLr.INSTANCE,
            HandInline::constantWarmup, 10_000),
    EXPONENTIAL_WARMUP("warmup exponential, then constant", BenchSchedules_ExponentialWarmupStepLr.INSTANCE,
            HandInline::exponentialWarmup, 10_000),
    EXP("decay EXP", BenchSchedules_ExpStepLr.INSTANCE, HandInline::exp, 10_000),
    STEP("decay STEP", BenchSchedules_StepStepLr.INSTANCE, HandInline::step, 10_000),
    MULTI_STEP("decay MULTISTEP", BenchSchedules_MultiStepStepLr.INSTANCE, HandInline::multiStep, 10_000),
    COSINE("decay COSINE", BenchSchedules_CosineStepLr.INSTANCE, HandInline::cosine, 10_000),
    LINEAR_DECAY("decay LINEAR", BenchSchedules_LinearDecayStepLr.INSTANCE, HandInline::linearDecay, 10_000),
    POLY("decay POLY (power 2)", BenchSchedules_PolyStepLr.INSTANCE, HandInline::poly, 10_000),
    INV_SQRT("warmup linear + decay INV_SQRT", BenchSchedules_LinearWarmupInvSqrtStepLr.INSTANCE,
            HandInline::linearWarmupInvSqrt, 10_000),
    REPEATED_POWER("decay REPEATED_POWER", BenchSchedules_RepeatedPowerStepLr.INSTANCE, HandInline::repeatedPower,
            10_000),
    CARD_EXP("warmup linear + EXP (card_linear_exp)", BenchSchedules_CardExpStepLr.INSTANCE, HandInline::cardExp,
            20_000),
    NANO_GPT_COSINE("warmup linear + COSINE (nanogpt_cosine)", BenchSchedules_NanoGptCosineStepLr.INSTANCE,
            HandInline::nanoGptCosine, 20_000),
    RESNET_MULTI_STEP("warmup constant + MULTISTEP (resnet110_constant)",
            BenchSchedules_ResNetMultiStepStepLr.INSTANCE, HandInline::resNetMultiStep, 60_000),
    WARMUP_STABLE_DECAY("@PhasedSchedule linear, constant, cosine", BenchSchedules_WarmupStableDecayStepLr.INSTANCE,
            HandInline::warmupStableDecay, 10_000),
    PHASED_EXP_POLY("@PhasedSchedule exponential, poly", BenchSchedules_PhasedExpPolyStepLr.INSTANCE,
            HandInline::phasedExpPoly, 10_000),
    PHASED_SQRT("@PhasedSchedule 1-sqrt, inv sqrt, 1-sqrt", BenchSchedules_PhasedSqrtStepLr.INSTANCE,
            HandInline::phasedSqrt, 10_000),
    ONE_CYCLE_COS("@OneCycleSchedule COS", BenchSchedules_OneCycleCosStepLr.INSTANCE, HandInline::oneCycleCos,
            10_000),
    ONE_CYCLE_COS_THREE_PHASE("@OneCycleSchedule COS, three phases",
            BenchSchedules_OneCycleCosThreePhaseStepLr.INSTANCE, HandInline::oneCycleCosThreePhase, 10_000),
    ONE_CYCLE_LINEAR("@OneCycleSchedule LINEAR", BenchSchedules_OneCycleLinearStepLr.INSTANCE,
            HandInline::oneCycleLinear, 10_000),
    CYCLIC_TRIANGULAR("@CyclicSchedule TRIANGULAR", BenchSchedules_CyclicTriangularStepLr.INSTANCE,
            HandInline::cyclicTriangular, 10_000),
    CYCLIC_TRIANGULAR2("@CyclicSchedule TRIANGULAR2", BenchSchedules_CyclicTriangular2StepLr.INSTANCE,
            HandInline::cyclicTriangular2, 10_000),
    CYCLIC_EXP_RANGE("@CyclicSchedule EXP_RANGE", BenchSchedules_CyclicExpRangeStepLr.INSTANCE,
            HandInline::cyclicExpRange, 10_000),
    WARM_RESTARTS("@WarmRestartsSchedule T_mult 1", BenchSchedules_WarmRestartsStepLr.INSTANCE,
            HandInline::warmRestarts, 10_000),
    WARM_RESTARTS_DOUBLING("@WarmRestartsSchedule T_mult 2", BenchSchedules_WarmRestartsDoublingStepLr.INSTANCE,
            HandInline::warmRestartsDoubling, 20_000),
    WARM_RESTARTS_TRIPLING("@WarmRestartsSchedule T_mult 3, linear warmup",
            BenchSchedules_WarmRestartsTriplingStepLr.INSTANCE, HandInline::warmRestartsTripling, 10_000),
    HF_COSINE_FULL_CYCLE("decay COSINE, cycles 1 (hf_cosine_full_cycle)",
            BenchSchedules_HfCosineFullCycleStepLr.INSTANCE, HandInline::hfCosineFullCycle, 10_000),
    HF_HARD_RESTARTS("decay COSINE_RESTARTS, cycles 2.5 (hf_cosine_hard_restarts_2p5)",
            BenchSchedules_HfHardRestartsStepLr.INSTANCE, HandInline::hfHardRestarts, 20_000),
    CHAINED("@ChainedSchedule linear x exp (chained_linear_exp_1k)", BenchSchedules_ChainedStepLr.INSTANCE,
            HandInline::chained, 10_000),
    UNTUNED_RADAM_COSINE("@UntunedWarmup RADAM + COSINE (radam_warmup_cosine)",
            BenchSchedules_RadamCosineStepLr.INSTANCE, HandInline::radamCosine, 10_000);

    /** Steps per sweep. */
    static final int SWEEP = 10_000;

    final String label;
    final StepLr generated;
    final LongToDoubleFunction hand;
    /** Steps drawn from: {@code [0, span)}, a multiple of {@link #SWEEP}. */
    final int span;

    Shape(String label, StepLr generated, LongToDoubleFunction hand, int span) {
        this.label = label;
        this.generated = generated;
        this.hand = hand;
        this.span = span;
    }
}
