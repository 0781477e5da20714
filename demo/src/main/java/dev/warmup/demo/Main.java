package dev.warmup.demo;

import dev.warmup.StepLr;
import java.util.List;
import java.util.Locale;

/** Prints the demo's generated schedules at a few steps. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        List<StepLr> schedules = List.of(Schedules_Cifar10StepLr.INSTANCE, Schedules_ResNet110StepLr.INSTANCE,
                Schedules_NanoGptStepLr.INSTANCE);
        long[] steps = {0, 1, 200, 399, 400, 1999, 2000, 2499, 2500, 10000, 20000, 32000, 48000};
        for (StepLr schedule : schedules) {
            System.out.println(schedule);
            for (long step : steps) {
                System.out.printf(Locale.ROOT, "  lr(%6d) = %.6g%n", step, schedule.lr(step));
            }
        }
    }
}
