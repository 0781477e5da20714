package dev.warmup.frameworks;

import dev.warmup.Adapters;
import dev.warmup.Framework;
import dev.warmup.OneCycleSchedule;
import dev.warmup.PhaseShape;
import dev.warmup.Quantity;
import dev.warmup.QuantityKind;

/**
 * A one-cycle schedule of 10 steps with a cycled momentum and a cosine weight decay, each of whose values differs at
 * every step of the tests (steps 0 to 7, for updates 1 to 8), so that an update that used a neighbour's value shows.
 * In PyTorch: {@code OneCycleLR(max_lr = 0.1, total_steps = 10, pct_start = 0.3, div_factor = 10,
 * final_div_factor = 100, base_momentum = 0.5, max_momentum = 0.9)}, the rate rising from 0.01 to 0.1 until step 2 and
 * falling to 1e-4 at step 9, the momentum falling from 0.9 to 0.5 until step 2 and rising back to 0.9 at step 9; and
 * DINO's {@code cosine_scheduler(0.4, 0.04, ...)} over 10 steps for the weight decay.
 */
@OneCycleSchedule(maxLr = 0.1, totalSteps = 10, divFactor = 10, finalDivFactor = 100, baseMomentum = 0.5,
        maxMomentum = 0.9)
@Quantity(kind = QuantityKind.WEIGHT_DECAY, shape = PhaseShape.COSINE, start = 0.4, end = 0.04, steps = 10)
@Adapters(Framework.ND4J)
final class OneCycle10 {

    /** PyTorch's OneCycleLR phases (two-phase): the first ends at {@code pct_start * total_steps - 1 = 2}. */
    private static final double PEAK = 0.3 * 10 - 1;
    private static final double END = 10 - 1;

    /**
     * The rate of the k-th optimizer update (k = 1, 2, ...), as PyTorch's k-th {@code optimizer.step()} gets it: the
     * scheduler's {@code last_epoch} is then k - 1. Worked out from OneCycleLR's definition, not from the generated
     * code: a cosine anneal from 0.1 / 10 to 0.1 over steps 0..2, then from 0.1 to 0.01 / 100 over steps 2..9.
     */
    static double pyTorchRateOfUpdate(int k) {
        double t = k - 1;
        return t <= PEAK ? cos(0.01, 0.1, t / PEAK) : cos(0.1, 0.0001, Math.min(1, (t - PEAK) / (END - PEAK)));
    }

    /**
     * The momentum of the k-th update, as OneCycleLR (cycle_momentum) sets the group's {@code momentum} for it: from
     * max_momentum 0.9 down to base_momentum 0.5 over steps 0..2, back up to 0.9 over steps 2..9.
     */
    static double pyTorchMomentumOfUpdate(int k) {
        double t = k - 1;
        return t <= PEAK ? cos(0.9, 0.5, t / PEAK) : cos(0.5, 0.9, Math.min(1, (t - PEAK) / (END - PEAK)));
    }

    /**
     * The weight decay of the k-th update: DINO's {@code cosine_scheduler(0.4, 0.04, ...)} over 10 steps,
     * {@code 0.04 + 0.5 * (0.4 - 0.04) * (1 + cos(pi * t / 10))} at step {@code t = k - 1}, 0.04 from step 10 on.
     */
    static double weightDecayOfUpdate(int k) {
        double t = Math.min(k - 1, 10);
        return 0.04 + 0.5 * (0.4 - 0.04) * (1 + Math.cos(Math.PI * t / 10));
    }

    /** PyTorch's {@code _annealing_cos(start, end, pct)}. */
    private static double cos(double start, double end, double pct) {
        return end + (start - end) / 2.0 * (Math.cos(Math.PI * pct) + 1);
    }

    private OneCycle10() {}
}
