package example;

import dev.warmup.WarmupSchedule;

// A file named after none of its classes, beside the annotated ones, and a nested annotated class: any legal layout
// builds.
final class Helper {
    private Helper() {}
}

final class Experiments {
    private Experiments() {}

    /** Generates {@code Experiments_BaselineStepLr}. */
    @WarmupSchedule(steps = 10, initLr = 0.5)
    static final class Baseline {}
}
