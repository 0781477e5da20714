package example

import dev.warmup.StepLr

/** A training loop's use of the generated classes: the rate of every update, from the step alone. */
fun main() {
    val schedules: Map<String, StepLr> = mapOf("Cifar10" to Cifar10StepLr.INSTANCE, "Wsd" to WsdStepLr.INSTANCE)
    for ((name, schedule) in schedules) {
        for (step in 0L..10_000L step 2_500L) {
            println("%-8s step %5d  lr %.6f".format(name, step, schedule.lr(step)))
        }
    }
}
