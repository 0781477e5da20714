package dev.warmup;

/**
 * How the rate moves through one {@link Phase} of a {@link PhasedSchedule}: from the phase's start value a to its
 * end value b ({@link Phase#endLr() endLr}) over its L = {@link Phase#steps() steps} steps. In the formulas,
 * {@code u = t - S} is the step within the phase (S is the step the phase starts at), {@code 0 <= u < L}; the next
 * phase starts at {@code u = L}, where the value would be b.
 */
public enum PhaseShape {

    /** The end value throughout: {@code lr(t) = b}. A constant phase jumps to b at its start if a differs. */
    CONSTANT,

    /**
     * A straight line: {@code lr(t) = a + (b - a) * u / L}, as PyTorch's {@code LinearLR} and Optax's
     * {@code linear_schedule}.
     */
    LINEAR,

    /**
     * Half a cosine wave: {@code lr(t) = b + (a - b) * (1 + cos(pi * u / L)) / 2}, as PyTorch's
     * {@code CosineAnnealingLR} (falling) and the cosine anneal of {@code OneCycleLR} (either way). With
     * {@link Phase#power() power} p, the half wave raised to it, {@code lr(t) = b + (a - b) * ((1 + cos(pi * u / L)) /
     * 2)^p}, as Optax's {@code cosine_decay_schedule(exponent = p)}.
     */
    COSINE,

    /**
     * Geometric: the rate is multiplied by the same factor every step, {@code lr(t) = a * (b / a)^(u / L)}, as PyTorch's
     * {@code ExponentialLR} with {@code gamma = (b / a)^(1 / L)}. Needs {@code a > 0} and {@code b > 0}. Given by its
     * factor ({@link Phase#gamma() gamma} per {@link Phase#stepSize() stepSize} steps) instead of its length:
     * {@code lr(t) = a * gamma^(u / stepSize)} until the rate reaches b, as Optax's {@code exponential_decay} with
     * {@code end_value}.
     */
    EXPONENTIAL,

    /**
     * Polynomial: {@code lr(t) = b + (a - b) * (1 - u / L)^power}, with {@link Phase#power() power}, as PyTorch's
     * {@code PolynomialLR}, Hugging Face's {@code get_polynomial_decay_schedule_with_warmup} and Optax's
     * {@code polynomial_schedule}.
     */
    POLY,

    /**
     * Inverse square root: {@code lr(t) = a * sqrt(tau / (tau + u))}, with the time scale
     * {@code tau = L * b^2 / (a^2 - b^2)} that makes it reach b at {@code u = L}. Needs {@code a > b > 0}. After a
     * linear warmup of W steps, choosing {@code b = a * sqrt(W / (W + L))} gives {@code tau = W}, the Transformer's
     * {@code a * sqrt(W / t)} (Hugging Face's {@code get_inverse_sqrt_schedule}).
     */
    INV_SQRT,

    /**
     * One minus square root, Hugging Face's {@code '1-sqrt'} of {@code get_wsd_schedule} (Hägele et al. 2024): the rate
     * leaves (or approaches) its high end as a square root. With v the steps from the phase's high end,
     * {@code lr(t) = high - (high - low) * sqrt(v / L)}: falling ({@code a > b, v = u}),
     * {@code b + (a - b) * (1 - sqrt(u / L))}, HF's 1-sqrt decay; rising ({@code a < b, v = L - u}),
     * {@code a + (b - a) * (1 - sqrt(1 - u / L))}, HF's 1-sqrt warmup.
     */
    ONE_MINUS_SQRT
}
