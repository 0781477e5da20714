package dev.warmup.demo;

import dev.warmup.Decay;
import dev.warmup.LrRangeTest;
import dev.warmup.Warmup;
import dev.warmup.WarmupSchedule;

/**
 * The schedules the warmup experiment trains with, declared as a user would: each nested class gets a generated
 * {@code ExperimentSchedules_*StepLr}. The numbers are constants here so that the annotations, the arms that use them
 * and the report cannot disagree.
 *
 * <p>Every schedule ends with the same decay: the rate is divided by 10 after half and after three quarters of the
 * training, at the same epochs for both batch sizes. The large rate is {@value #SCALING_FACTOR} times the small one,
 * as the linear scaling rule (Goyal et al. 2017) sets it for a batch {@value #SCALING_FACTOR} times larger.
 */
final class ExperimentSchedules {

    /** k of the linear scaling rule: the large batch is k times the small one, and so is its rate. */
    static final int SCALING_FACTOR = 8;
    static final int SMALL_BATCH = 32;
    static final int LARGE_BATCH = SCALING_FACTOR * SMALL_BATCH;
    static final double SMALL_RATE = 0.025;
    static final double LARGE_RATE = SCALING_FACTOR * SMALL_RATE;

    /** About 36 epochs of the 1,438 training images at the large batch. */
    static final int LARGE_BATCH_STEPS = 200;
    static final int SMALL_BATCH_STEPS = SCALING_FACTOR * LARGE_BATCH_STEPS;
    /** About 14 epochs: far more than Goyal et al.'s 5 of 90, because at this scale shorter warmups failed. */
    static final int WARMUP_STEPS = 80;

    static final int LARGE_BATCH_FIRST_DROP = LARGE_BATCH_STEPS / 2;
    static final int LARGE_BATCH_SECOND_DROP = LARGE_BATCH_STEPS * 3 / 4;
    static final int SMALL_BATCH_FIRST_DROP = SCALING_FACTOR * LARGE_BATCH_FIRST_DROP;
    static final int SMALL_BATCH_SECOND_DROP = SCALING_FACTOR * LARGE_BATCH_SECOND_DROP;

    private ExperimentSchedules() {}

    /** The large rate from the first step. */
    @WarmupSchedule(steps = 0, initLr = LARGE_RATE, decay = Decay.MULTISTEP,
            milestones = {LARGE_BATCH_FIRST_DROP, LARGE_BATCH_SECOND_DROP})
    static final class NoWarmup {}

    /** Constant warmup (He et al. 2016): the small rate for the warmup steps, then the large rate at once. */
    @WarmupSchedule(steps = WARMUP_STEPS, initLr = LARGE_RATE, warmup = Warmup.CONSTANT, startLr = SMALL_RATE,
            decay = Decay.MULTISTEP, milestones = {LARGE_BATCH_FIRST_DROP, LARGE_BATCH_SECOND_DROP})
    static final class ConstantWarmup {}

    /**
     * Gradual warmup (Goyal et al. 2017): from 0 up to the large rate in equal steps. Beside it, a learning-rate range
     * test with fastai's defaults (1e-7 to 10 over 100 steps), whose generated
     * {@code ExperimentSchedules_GradualWarmupLrRange} writes this annotation with the peak the test suggests.
     */
    @WarmupSchedule(steps = WARMUP_STEPS, initLr = LARGE_RATE, decay = Decay.MULTISTEP,
            milestones = {LARGE_BATCH_FIRST_DROP, LARGE_BATCH_SECOND_DROP})
    @LrRangeTest
    static final class GradualWarmup {}

    /** The baseline: the small rate, at the large batch, from the first step. */
    @WarmupSchedule(steps = 0, initLr = SMALL_RATE, decay = Decay.MULTISTEP,
            milestones = {LARGE_BATCH_FIRST_DROP, LARGE_BATCH_SECOND_DROP})
    static final class SmallRate {}

    /** The small-batch reference of the linear scaling rule: the small rate at the small batch, k times the steps. */
    @WarmupSchedule(steps = 0, initLr = SMALL_RATE, decay = Decay.MULTISTEP,
            milestones = {SMALL_BATCH_FIRST_DROP, SMALL_BATCH_SECOND_DROP})
    static final class SmallBatch {}
}
