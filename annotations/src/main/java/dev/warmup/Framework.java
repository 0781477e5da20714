package dev.warmup;

/** A training framework whose schedule interface a generated class can implement too; see {@link Adapters}. */
public enum Framework {

    /**
     * Deep Java Library: the generated class also implements {@code ai.djl.training.tracker.Tracker}, so it can be
     * given to {@code Optimizer.sgd().setLearningRateTracker(...)}. DJL works in {@code float}: its value is
     * {@code (float) lr(numUpdate)}. Needs {@code ai.djl:api} on the compile class path.
     */
    DJL,

    /**
     * Deeplearning4j / ND4J: the generated class also implements {@code org.nd4j.linalg.schedule.ISchedule}
     * (iteration-based: {@code valueAt(iteration, epoch)} is {@code lr(iteration)}), so it can be given to an updater
     * such as {@code new Sgd(schedule)}. Needs {@code org.nd4j:nd4j-api} on the compile class path.
     */
    ND4J
}
