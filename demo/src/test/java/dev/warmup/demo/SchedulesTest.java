package dev.warmup.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.warmup.StepLr;
import org.junit.jupiter.api.Test;

/**
 * The demo's schedules, generated in a project set up as a user's is (the processor on the annotation processor
 * path, warmup-annotations as the only dependency). Expected values of the literature's schedules are PyTorch 1.13's,
 * from the project's reference cases card_linear_exp, resnet110_constant and nanogpt_cosine; the experiment's are
 * worked out from its constants.
 */
class SchedulesTest {

    @Test
    void designCardSchedule() {
        assertEquals(0.0, Schedules_Cifar10StepLr.INSTANCE.lr(0));
        assertEquals(0.1, Schedules_Cifar10StepLr.INSTANCE.lr(2500));
        assertEquals(0.09996000000000001, Schedules_Cifar10StepLr.INSTANCE.lr(2499), 1e-17);
        assertEquals(0.02865155412303319, Schedules_Cifar10StepLr.INSTANCE.lr(14999), 1e-12 * 0.02865155412303319);
    }

    @Test
    void resNet110ConstantWarmup() {
        assertEquals(0.010000000000000002, Schedules_ResNet110StepLr.INSTANCE.lr(399), 1e-17);
        assertEquals(0.1, Schedules_ResNet110StepLr.INSTANCE.lr(400));
        assertEquals(0.0010000000000000002, Schedules_ResNet110StepLr.INSTANCE.lr(63999), 1e-18);
    }

    @Test
    void nanoGptCosine() {
        assertEquals(6e-07, Schedules_NanoGptStepLr.INSTANCE.lr(0));
        assertEquals(6e-05, Schedules_NanoGptStepLr.INSTANCE.lr(20000), 1e-10 * 6e-05);
    }

    @Test
    void writeupSimulationStartsItsDecayFromPointOne() {
        assertEquals(0.09996000000000001, Schedules_WriteupSimulationStepLr.INSTANCE.lr(2499), 1e-17);
        assertEquals(0.1, Schedules_WriteupSimulationStepLr.INSTANCE.lr(2500));
        assertEquals(Math.pow(0.1, 1.0001), Schedules_WriteupSimulationStepLr.INSTANCE.lr(2501), 1e-16);
    }

    @Test
    void experimentSchedulesShareTheirDecay() {
        double large = ExperimentSchedules.LARGE_RATE;
        double small = ExperimentSchedules.SMALL_RATE;
        assertEquals(0.2, large);
        assertEquals(large, ExperimentSchedules_NoWarmupStepLr.INSTANCE.lr(0));
        assertEquals(small, ExperimentSchedules_ConstantWarmupStepLr.INSTANCE.lr(79));
        assertEquals(large, ExperimentSchedules_ConstantWarmupStepLr.INSTANCE.lr(80));
        assertEquals(0.0, ExperimentSchedules_GradualWarmupStepLr.INSTANCE.lr(0));
        assertEquals(large / 2, ExperimentSchedules_GradualWarmupStepLr.INSTANCE.lr(40), 1e-17);
        assertEquals(large, ExperimentSchedules_GradualWarmupStepLr.INSTANCE.lr(80));
        for (StepLr largeBatch : new StepLr[] {ExperimentSchedules_NoWarmupStepLr.INSTANCE,
            ExperimentSchedules_ConstantWarmupStepLr.INSTANCE, ExperimentSchedules_GradualWarmupStepLr.INSTANCE}) {
            assertEquals(large, largeBatch.lr(99), largeBatch.toString());
            assertEquals(large / 10, largeBatch.lr(100), 1e-17, largeBatch.toString());
            assertEquals(large / 100, largeBatch.lr(199), 1e-17, largeBatch.toString());
        }
        assertEquals(small / 10, ExperimentSchedules_SmallRateStepLr.INSTANCE.lr(100), 1e-18);
        // the small batch drops at the same epochs: k = 8 times the steps
        assertEquals(small, ExperimentSchedules_SmallBatchStepLr.INSTANCE.lr(799));
        assertEquals(small / 10, ExperimentSchedules_SmallBatchStepLr.INSTANCE.lr(800), 1e-18);
        assertEquals(small / 100, ExperimentSchedules_SmallBatchStepLr.INSTANCE.lr(1200), 1e-18);
    }
}
