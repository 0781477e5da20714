package dev.warmup;

/**
 * How {@link CyclicSchedule} scales the height of each cycle, as PyTorch's {@code CyclicLR} {@code mode}. In the
 * formulas {@code k = floor(t / (stepSizeUp + stepSizeDown))} is the cycle (from 0) and
 * {@code h(t)} in [0, 1] the triangle wave, 0 at the start of each cycle and 1 at its peak.
 */
public enum CyclicMode {

    /** Every cycle the same: {@code lr(t) = baseLr + (maxLr - baseLr) * h(t)}; PyTorch's {@code 'triangular'}. */
    TRIANGULAR,

    /**
     * The height halves every cycle: {@code lr(t) = baseLr + (maxLr - baseLr) * h(t) / 2^k}; PyTorch's
     * {@code 'triangular2'}.
     */
    TRIANGULAR2,

    /**
     * The height decays every step: {@code lr(t) = baseLr + (maxLr - baseLr) * h(t) * gamma^t}, with
     * {@link CyclicSchedule#gamma() gamma}; PyTorch's {@code 'exp_range'}.
     */
    EXP_RANGE
}
