package dev.warmup.demo;

import dev.warmup.Decay;
import dev.warmup.Warmup;
import dev.warmup.WarmupSchedule;

/**
 * Schedules from the literature, the README's example and the warmup write-up (the text on warmup that this project
 * summarises), declared as a user would; each nested class gets a
 * generated {@code Schedules_*StepLr}. The demo charts them next to the experiment's own
 * ({@link ExperimentSchedules}) and replays the write-up's simulation with {@link WriteupSimulation}.
 */
final class Schedules {

    private Schedules() {}

    /** The README's example: gradual warmup to 0.1 over 2500 steps, then 0.1 * 0.9999^(t - 2500). */
    @WarmupSchedule(steps = 2500, initLr = 0.1, decay = Decay.EXP, gamma = 0.9999)
    static final class Cifar10 {}

    /** ResNet-110 on CIFAR-10 (He et al. 2016): 0.01 for 400 steps, then 0.1, divided by 10 at 32k and 48k steps. */
    @WarmupSchedule(steps = 400, initLr = 0.1, warmup = Warmup.CONSTANT, startLr = 0.01,
            decay = Decay.MULTISTEP, gamma = 0.1, milestones = {32000, 48000})
    static final class ResNet110 {}

    /** nanoGPT: linear warmup from 6e-7 to 6e-4 over 2000 steps, cosine decay to 6e-5 at step 20000. */
    @WarmupSchedule(steps = 2000, initLr = 6e-4, startLr = 6e-7, decay = Decay.COSINE, totalSteps = 20000,
            minLr = 6e-5)
    static final class NanoGpt {}

    /**
     * The warmup write-up's 15,000-step simulation: gradual warmup to 0.1 over 2500 steps, then
     * {@code lr = lr ** 1.0001} every step, which is {@code 0.1^(1.0001^(t - 2500))} from 0.1 at step 2500.
     */
    @WarmupSchedule(steps = WriteupReplay.WARMUP_STEPS, initLr = WriteupReplay.PEAK_RATE,
            decay = Decay.REPEATED_POWER, power = WriteupReplay.POWER)
    static final class WriteupSimulation {}
}
