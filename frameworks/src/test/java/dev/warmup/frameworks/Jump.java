package dev.warmup.frameworks;

import dev.warmup.Adapters;
import dev.warmup.Framework;
import dev.warmup.Warmup;
import dev.warmup.WarmupSchedule;

/**
 * A rate that jumps tenfold after the first update: lr(0) = 0.1, then 1.0 ({@code ConstantLR(factor = 0.1,
 * total_iters = 1)} on 1.0 in PyTorch). With momentum, the update rule decides what the jump does: {@code
 * DjlMomentumTest}.
 */
@WarmupSchedule(steps = 1, initLr = 1.0, warmup = Warmup.CONSTANT, startLr = 0.1)
@Adapters(Framework.DJL)
final class Jump {

    private Jump() {}
}
