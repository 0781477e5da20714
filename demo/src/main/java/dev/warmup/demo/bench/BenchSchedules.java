package dev.warmup.demo.bench;

import dev.warmup.Decay;
import dev.warmup.Warmup;
import dev.warmup.WarmupSchedule;

/**
 * The three schedules the benchmarks compare, as {@code @WarmupSchedule}s. Each is also a case of the PyTorch
 * reference set, so every variant's error can be measured against the same values.
 */
final class BenchSchedules {

    private BenchSchedules() {}

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
}
