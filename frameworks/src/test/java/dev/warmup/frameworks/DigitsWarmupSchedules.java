package dev.warmup.frameworks;

import dev.warmup.Adapters;
import dev.warmup.Decay;
import dev.warmup.Framework;
import dev.warmup.Warmup;
import dev.warmup.WarmupSchedule;

/**
 * The three batch-256 schedules of the demo's warmup comparison ({@code demo/.../ExperimentSchedules.java}: the same
 * annotations, with DJL trackers) for {@link DjlWarmupComparison}: peak 0.2, warmup 80 steps, x0.1 at steps 100 and
 * 150 of 200.
 */
final class DigitsWarmupSchedules {

    static final double SMALL_RATE = 0.025;
    static final double LARGE_RATE = 0.2;
    static final int STEPS = 200;
    static final int WARMUP_STEPS = 80;
    static final int FIRST_DROP = STEPS / 2;
    static final int SECOND_DROP = STEPS * 3 / 4;

    private DigitsWarmupSchedules() {}

    /** The large rate from the first step. */
    @WarmupSchedule(steps = 0, initLr = LARGE_RATE, decay = Decay.MULTISTEP, milestones = {FIRST_DROP, SECOND_DROP})
    @Adapters(Framework.DJL)
    static final class NoWarmup {}

    /** Constant warmup: the small rate for the warmup steps, then the large rate at once. */
    @WarmupSchedule(steps = WARMUP_STEPS, initLr = LARGE_RATE, warmup = Warmup.CONSTANT, startLr = SMALL_RATE,
            decay = Decay.MULTISTEP, milestones = {FIRST_DROP, SECOND_DROP})
    @Adapters(Framework.DJL)
    static final class ConstantWarmup {}

    /** Gradual warmup: from 0 up to the large rate in equal steps. */
    @WarmupSchedule(steps = WARMUP_STEPS, initLr = LARGE_RATE, decay = Decay.MULTISTEP,
            milestones = {FIRST_DROP, SECOND_DROP})
    @Adapters(Framework.DJL)
    static final class GradualWarmup {}
}
