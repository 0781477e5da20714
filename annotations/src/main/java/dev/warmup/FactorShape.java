package dev.warmup;

/**
 * The shape of one {@link Factor} of a {@link ChainedSchedule}: each is one of PyTorch's chainable schedulers, as the
 * factor it multiplies the base rate by. t counts steps from 0 and N is {@link Factor#steps()}; every factor is in
 * [0, 1] at every step.
 */
public enum FactorShape {

    /**
     * PyTorch's {@code ConstantLR(factor, total_iters = N)}: {@code f(t) = factor} for {@code t < N}, 1 from N on.
     * Uses {@link Factor#factor() factor} and {@link Factor#steps() steps} (both required).
     */
    CONSTANT,

    /**
     * PyTorch's {@code LinearLR(start_factor, end_factor, total_iters = N)}:
     * {@code f(t) = startFactor + (endFactor - startFactor) * min(t, N) / N}. Uses {@link Factor#startFactor()
     * startFactor} and {@link Factor#steps() steps} (both required) and {@link Factor#endFactor() endFactor} (1 if
     * unset).
     */
    LINEAR,

    /**
     * PyTorch's {@code ExponentialLR(gamma)}: {@code f(t) = gamma^t}. Uses {@link Factor#gamma() gamma}
     * (required).
     */
    EXP,

    /**
     * PyTorch's {@code StepLR(step_size, gamma)}: {@code f(t) = gamma^floor(t / stepSize)}. Uses
     * {@link Factor#stepSize() stepSize} (required) and {@link Factor#gamma() gamma} (0.1 if unset).
     */
    STEP,

    /**
     * PyTorch's {@code MultiStepLR(milestones, gamma)}: {@code f(t) = gamma^k}, k the number of milestones
     * {@code <= t}. Uses {@link Factor#milestones() milestones} (required) and {@link Factor#gamma() gamma} (0.1 if
     * unset).
     */
    MULTISTEP,

    /**
     * PyTorch's {@code PolynomialLR(total_iters = N, power)}: {@code f(t) = (1 - min(t, N) / N)^power}, 0 from N on.
     * Uses {@link Factor#steps() steps} (required) and {@link Factor#power() power} (1 if unset).
     */
    POLY,

    /**
     * Half a cosine wave down to endFactor over N steps, then endFactor held:
     * {@code f(t) = endFactor + (1 - endFactor) * (1 + cos(pi * min(t, N) / N)) / 2}. With {@code endFactor = 0} (the
     * default) this is PyTorch's {@code CosineAnnealingLR(T_max = N)} in a chain, except that it holds 0 after N
     * instead of climbing back (PyTorch's is periodic). PyTorch's chained (recursive) cosine is a product only when
     * {@code eta_min = 0}; with {@code endFactor > 0} this factor is the closed form that
     * {@code CosineAnnealingLR(eta_min = endFactor * baseLr)} has on its own. Uses {@link Factor#steps() steps}
     * (required) and {@link Factor#endFactor() endFactor}.
     */
    COSINE
}
