package dev.warmup.frameworks;

import dev.warmup.Adapters;
import dev.warmup.Framework;
import dev.warmup.WarmupSchedule;

/**
 * A schedule whose value differs at every step of its warmup, so that an update that used a neighbour's rate shows:
 * lr(0..5) = 0.01, 0.02, ..., 0.06, then 0.06 ({@code LinearLR(start_factor = 1/6, total_iters = 5)} on 0.06 in
 * PyTorch).
 */
@WarmupSchedule(steps = 5, initLr = 0.06, startLr = 0.01)
@Adapters({Framework.DJL, Framework.ND4J})
final class Warmup5 {

    /**
     * The rate of the k-th optimizer update (k = 1, 2, ...), as PyTorch's k-th {@code optimizer.step()} gets it:
     * 0.01 + 0.01 (k - 1) up to k = 6, worked out by hand from the schedule's definition, not from the generated code.
     */
    static double pyTorchRateOfUpdate(int k) {
        return 0.01 * Math.min(k, 6);
    }

    private Warmup5() {}
}
