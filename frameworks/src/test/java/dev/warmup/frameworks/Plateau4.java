package dev.warmup.frameworks;

import dev.warmup.Adapters;
import dev.warmup.Framework;
import dev.warmup.PlateauSchedule;

/**
 * A plateau schedule whose rate changes at known updates: a warmup of 2 steps (0.02, 0.03), then 0.04, halved at once
 * after any evaluation that does not improve (patience 0).
 */
@PlateauSchedule(initLr = 0.04, factor = 0.5, patience = 0, warmupSteps = 2, startLr = 0.02)
@Adapters(Framework.DJL)
final class Plateau4 {

    /** The metric observed after update k = 1, 2, ... (after step k - 1): improving, then not, alternately. */
    static final double[] METRIC_AFTER_UPDATE = {9.0, 9.0, 1.0, 2.0, 0.5, 0.5, 0.1, 0.1};

    /**
     * The rate of update k (k = 1, 2, ...), worked out by hand from PyTorch's rule and the metrics, not from the
     * generated code: the warmup's 0.02 and 0.03 (the metrics after steps 0 and 1 are not observed), 0.04, 0.04
     * after the first observation (the first always improves), 0.02 after 2.0 (no improvement on 1.0), 0.02 after 0.5,
     * 0.01 after the repeated 0.5, 0.01 after 0.1.
     */
    static final double[] RATE_OF_UPDATE = {0.02, 0.03, 0.04, 0.04, 0.02, 0.02, 0.01, 0.01};

    private Plateau4() {}
}
