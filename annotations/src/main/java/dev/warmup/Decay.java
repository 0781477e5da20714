package dev.warmup;

/**
 * What follows the warmup. In the formulas, t is the step, {@code t >= W}, {@code d = t - W} the steps since warmup
 * ended, T is {@link WarmupSchedule#totalSteps() totalSteps} and {@code D = T - W}. Every decay starts at
 * {@link WarmupSchedule#initLr() initLr} at step W.
 */
public enum Decay {

    /** No decay: {@code lr(t) = initLr}. */
    NONE,

    /**
     * Exponential decay, as PyTorch's {@code ExponentialLR}: {@code lr(t) = initLr * gamma^d}. Uses
     * {@link WarmupSchedule#gamma() gamma}, by default 0.9999.
     */
    EXP,

    /**
     * Step decay, as PyTorch's {@code StepLR}: {@code lr(t) = initLr * gamma^floor(d / stepSize)}. Uses
     * {@link WarmupSchedule#stepSize() stepSize} (required) and {@link WarmupSchedule#gamma() gamma}, by default 0.1.
     */
    STEP,

    /**
     * Decay at milestones, as PyTorch's {@code MultiStepLR}: {@code lr(t) = initLr * gamma^k} with k the number of
     * {@link WarmupSchedule#milestones() milestones} {@code <= t} (absolute steps, required, strictly increasing,
     * none before W). Uses {@link WarmupSchedule#gamma() gamma}, by default 0.1.
     */
    MULTISTEP,

    /**
     * Cosine decay to {@link WarmupSchedule#minLr() minLr} at T, then held:
     * {@code lr(t) = minLr + (initLr - minLr) * (1 + cos(pi * d / D)) / 2} for {@code t < T}, {@code minLr} after.
     * Unlike PyTorch's periodic {@code CosineAnnealingLR}, it does not climb back after T.
     * Uses {@link WarmupSchedule#totalSteps() totalSteps} (required).
     */
    COSINE,

    /**
     * Linear decay to {@link WarmupSchedule#minLr() minLr} at T, then held:
     * {@code lr(t) = initLr + (minLr - initLr) * d / D} for {@code t < T}, {@code minLr} after. With
     * {@code minLr = 0} this is Hugging Face's {@code get_linear_schedule_with_warmup}.
     * Uses {@link WarmupSchedule#totalSteps() totalSteps} (required).
     */
    LINEAR,

    /**
     * Polynomial decay to {@link WarmupSchedule#minLr() minLr} at T, then held:
     * {@code lr(t) = (initLr - minLr) * (1 - d / D)^power + minLr} for {@code t < T}, {@code minLr} after, as
     * Hugging Face's {@code get_polynomial_decay_schedule_with_warmup} and PyTorch's {@code PolynomialLR}.
     * Uses {@link WarmupSchedule#totalSteps() totalSteps} (required) and {@link WarmupSchedule#power() power}.
     */
    POLY,

    /**
     * Inverse square root decay (the Transformer's schedule; Hugging Face's {@code get_inverse_sqrt_schedule} with its
     * default timescale): {@code lr(t) = initLr * sqrt(W / t)}. Needs {@code W > 0}.
     */
    INV_SQRT,

    /**
     * Repeated power, as the warmup write-up simulates exponential decay: {@code lr(W) = initLr} and
     * {@code lr(t) = lr(t - 1)^power}, in closed form {@code lr(t) = initLr^(power^d)}. Needs {@code power > 1} and
     * {@code initLr < 1}, so that the rate decays.
     */
    REPEATED_POWER
}
