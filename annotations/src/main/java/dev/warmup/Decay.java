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
     * {@link WarmupSchedule#gamma() gamma}, by default 0.9999, and, for a gamma over several steps (Keras's
     * continuous {@code ExponentialDecay(decay_steps, decay_rate)}), {@link WarmupSchedule#stepSize() stepSize}:
     * {@code lr(t) = initLr * gamma^(d / stepSize)}. With {@link WarmupSchedule#minLr() minLr}, the decay stops
     * there, {@code max(lr(t), minLr)}, as Optax's {@code exponential_decay(end_value)}.
     */
    EXP,

    /**
     * Step decay, as PyTorch's {@code StepLR}: {@code lr(t) = initLr * gamma^floor(d / stepSize)}. Uses
     * {@link WarmupSchedule#stepSize() stepSize} (required) and {@link WarmupSchedule#gamma() gamma}, by default 0.1;
     * with {@link WarmupSchedule#minLr() minLr}, the floor it stops at, {@code max(lr(t), minLr)}.
     */
    STEP,

    /**
     * Decay at milestones, as PyTorch's {@code MultiStepLR}: {@code lr(t) = initLr * gamma^k} with k the number of
     * {@link WarmupSchedule#milestones() milestones} {@code <= t} (absolute steps, required, strictly increasing,
     * none before W). Uses {@link WarmupSchedule#gamma() gamma}, by default 0.1.
     */
    MULTISTEP,

    /**
     * Cosine decay to {@link WarmupSchedule#minLr() minLr}, as Hugging Face's {@code get_cosine_schedule_with_warmup}:
     * {@code lr(t) = minLr + (initLr - minLr) * (1 + cos(2 pi c d / D)) / 2} for {@code W <= t <= T} with
     * c = {@link WarmupSchedule#cycles() cycles} (0.5 by default: one half wave, down to minLr at T); the value at T
     * holds after it (minLr for c = 0.5; initLr for c = 1). Unlike PyTorch's periodic {@code CosineAnnealingLR} and
     * HF's formula, it does not go on past T. With c = 0.5, {@link WarmupSchedule#power() power} p raises the half
     * wave, as Optax's {@code exponent}: {@code lr(t) = minLr + (initLr - minLr) * ((1 + cos(pi d / D)) / 2)^p} (p = 1
     * by default; other cycles take no power: no peer defines one for them). Uses
     * {@link WarmupSchedule#totalSteps() totalSteps} (required), minLr, cycles and power.
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
    REPEATED_POWER,

    /**
     * Cosine decay with hard restarts, as Hugging Face's {@code get_cosine_with_hard_restarts_schedule_with_warmup}:
     * the rate falls from initLr to minLr c times between W and T (c = {@link WarmupSchedule#cycles() cycles}, 1 by
     * default, fractional allowed), jumping back to initLr at each restart: with {@code x = c d / D},
     * {@code lr(t) = minLr + (initLr - minLr) * (1 + cos(pi * frac(x))) / 2} for {@code W <= t < T}, and minLr from T
     * on (HF's 0). Uses {@link WarmupSchedule#totalSteps() totalSteps} (required), minLr and cycles.
     */
    COSINE_RESTARTS,

    /**
     * Inverse time decay, as Keras's {@code InverseTimeDecay(initial, decay_steps, decay_rate)}:
     * {@code lr(t) = initLr / (1 + gamma * d / stepSize)}, falling towards 0 without end. Uses
     * {@link WarmupSchedule#gamma() gamma}, the decay rate (required, finite, {@code > 0}), and
     * {@link WarmupSchedule#stepSize() stepSize}, the steps over which gamma applies once (Keras's
     * {@code decay_steps}; optional, by default 1).
     */
    INV_TIME,

    /**
     * Inverse time decay by whole steps of stepSize, as Keras's {@code InverseTimeDecay(..., staircase=True)}:
     * {@code lr(t) = initLr / (1 + gamma * floor(d / stepSize))}. Uses {@link WarmupSchedule#gamma() gamma}
     * (required, finite, {@code > 0}) and {@link WarmupSchedule#stepSize() stepSize} (required).
     */
    INV_TIME_STEP,

    /**
     * Polynomial decay whose horizon grows, as Keras's {@code PolynomialDecay(..., cycle=True)}: with
     * {@code H = D * max(1, ceil(d / D))}, the first multiple of D at or after d,
     * {@code lr(t) = (initLr - minLr) * (1 - d / H)^power + minLr}, without end. The rate is
     * {@link WarmupSchedule#minLr() minLr} at each {@code t = W + k D} and jumps back up at the next step, to the same
     * polynomial over a horizon one D longer (not to initLr). Uses {@link WarmupSchedule#totalSteps() totalSteps}
     * (required; D = T - W is Keras's {@code decay_steps}), minLr (Keras's {@code end_learning_rate}) and
     * {@link WarmupSchedule#power() power}.
     */
    POLY_CYCLE
}
