package example;

import dev.warmup.StepLr;

/** A training loop's use of the generated class: the rate of every update, from the step alone. */
public final class Train {

    private Train() {}

    public static void main(String[] args) {
        long totalSteps = 15_000;
        StepLr schedule = Cifar10StepLr.INSTANCE;
        for (long step = 0; step < totalSteps; step++) {
            double lr = schedule.lr(step);
            if (step % 2500 == 0) {
                System.out.printf("step %5d  lr %.6f%n", step, lr);
            }
        }
    }
}
