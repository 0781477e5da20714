package dev.warmup.frameworks;

import dev.warmup.Adapters;
import dev.warmup.Framework;
import dev.warmup.Warmup;
import dev.warmup.WarmupSchedule;

/**
 * A rate that jumps tenfold: 0.1 for steps 0 to 2, then 1.0 ({@code ConstantLR(factor = 0.1, total_iters = 3)} on
 * 1.0 in PyTorch), so that updates 1 to 3 share one rate and update 4 has another: the momentum tests of
 * {@code Dl4jMomentumTest} see where DL4J's {@code Nesterovs} and PyTorch's SGD part.
 */
@WarmupSchedule(steps = 3, initLr = 1.0, startLr = 0.1, warmup = Warmup.CONSTANT)
@Adapters(Framework.ND4J)
final class Dl4jJump3 {

    /** The rate of the k-th update (k = 1, 2, ...), as PyTorch's k-th {@code optimizer.step()} gets it. */
    static double pyTorchRateOfUpdate(int k) {
        return k <= 3 ? 0.1 : 1.0;
    }

    private Dl4jJump3() {}
}
