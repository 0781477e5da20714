package dev.warmup.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The demo's schedules, generated in a project set up as a user's is (the processor on the annotation processor
 * path, warmup-annotations as the only dependency). Expected values are PyTorch 1.13's, from the project's reference
 * cases card_linear_exp, resnet110_constant and nanogpt_cosine.
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
}
