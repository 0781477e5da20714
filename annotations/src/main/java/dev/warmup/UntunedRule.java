package dev.warmup;

/**
 * The warmup factor of {@link UntunedWarmup}, derived from Adam's beta2 as the {@code pytorch_warmup} package derives
 * it. In the formulas t counts iterations from 1: optimiser step s (from 0) uses {@code omega(s + 1)}.
 */
public enum UntunedRule {

    /**
     * Untuned linear warmup: {@code omega(t) = min(1, t / tau)}, {@code tau = floor(2 / (1 - beta2))}, computed in
     * double as pytorch_warmup does: 1999, not 2000, for beta2 = 0.999 ({@code 1 - 0.999} is
     * 0.0010000000000000009).
     */
    LINEAR,

    /**
     * Untuned exponential warmup: {@code omega(t) = 1 - exp(-t / tau)}, {@code tau = floor(1 / (1 - beta2))} (999 for
     * 0.999). Never exactly 1: {@code 1 - 6.6e-3} at step 4999.
     */
    EXPONENTIAL,

    /**
     * RAdam's warmup (Liu et al. 2020) as a factor: with {@code rho_inf = 2 / (1 - beta2) - 1} and
     * {@code rho(s) = rho_inf - 2 s beta2^s / (1 - beta2^s)},
     * {@code omega = sqrt((rho - 4)(rho - 2) rho_inf / ((rho_inf - 4)(rho_inf - 2) rho))} at
     * {@code rho = rho(t - 1 + delta)}, delta the smallest s {@code >= 1} with {@code rho(s) > 4} (5 for 0.999).
     * Needs {@code rho_inf > 4}: beta2 in (0.6, 1).
     */
    RADAM
}
