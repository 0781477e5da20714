package dev.warmup;

/**
 * How {@link OneCycleSchedule} moves between its rates within a phase, as PyTorch's {@code OneCycleLR}
 * {@code anneal_strategy}. In the formulas the phase goes from a to b, {@code pct} is the fraction of the phase done.
 */
public enum AnnealStrategy {

    /** Cosine annealing, PyTorch's {@code 'cos'}: {@code lr = b + (a - b) * (1 + cos(pi * pct)) / 2}. */
    COS,

    /** Linear annealing, PyTorch's {@code 'linear'}: {@code lr = a + (b - a) * pct}. */
    LINEAR
}
