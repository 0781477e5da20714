package dev.warmup.demo;

import dev.warmup.StepLr;
import java.util.Objects;

/**
 * One arm of the experiment: a schedule, the minibatch size it was written for, and how long it trains.
 *
 * @param name the label in the table and the charts' legends
 * @param schedule the learning rate at every step, a class generated from {@code @WarmupSchedule}
 * @param batchSize examples per step
 * @param steps optimiser steps to take
 */
record Arm(String name, StepLr schedule, int batchSize, int steps) {

    Arm {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schedule, "schedule");
        if (batchSize < 1 || steps < 1) {
            throw new IllegalArgumentException(name + ": batch size and steps must be >= 1");
        }
    }

    /** Returns the number of passes over a training set of {@code trainSize} examples that the arm makes. */
    double epochs(int trainSize) {
        return (double) steps * batchSize / trainSize;
    }
}
