package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The README's examples, built from one file named after none of them: each generated class gives values worked out
 * by hand from its annotation and the formulas of the reference pages.
 */
class SchedulesTest {

    private static final double TOLERANCE = 1e-15;

    @Test
    void nanoGpt() {
        // 6e-7 + (6e-4 - 6e-7) * 1000 / 2000; half-way down the cosine, 6e-5 + (6e-4 - 6e-5) / 2; minLr at the end.
        assertEquals(3.003e-4, NanoGptStepLr.INSTANCE.lr(1000), TOLERANCE);
        assertEquals(3.3e-4, NanoGptStepLr.INSTANCE.lr(11000), TOLERANCE);
        assertEquals(6e-5, NanoGptStepLr.INSTANCE.lr(20000), TOLERANCE);
    }

    @Test
    void warmupStableDecay() {
        assertEquals(5e-4, WsdStepLr.INSTANCE.lr(500), TOLERANCE);
        assertEquals(1e-3, WsdStepLr.INSTANCE.lr(5000), TOLERANCE);
        assertEquals(5e-4, WsdStepLr.INSTANCE.lr(9000), TOLERANCE);
        assertEquals(0.0, WsdStepLr.INSTANCE.lr(10000), TOLERANCE);
    }

    @Test
    void oneCycle() {
        // OneCycleLR starts at max_lr / div_factor = 0.1 / 25 and peaks at step pct_start * total_steps - 1.
        assertEquals(0.004, SuperConvergenceStepLr.INSTANCE.lr(0), TOLERANCE);
        assertEquals(0.1, SuperConvergenceStepLr.INSTANCE.lr(2999), TOLERANCE);
        // The momentum against it, PyTorch's defaults: max_momentum 0.95 at the start and the end, base_momentum
        // 0.85 at the peak.
        assertEquals(0.95, SuperConvergenceStepLr.INSTANCE.momentum(0), TOLERANCE);
        assertEquals(0.85, SuperConvergenceStepLr.INSTANCE.momentum(2999), TOLERANCE);
        assertEquals(0.95, SuperConvergenceStepLr.INSTANCE.momentum(9999), TOLERANCE);
        // The factor, relative to max_lr: 0.004 / 0.1 at the start.
        assertEquals(0.04, SuperConvergenceStepLr.INSTANCE.factor(0), TOLERANCE);
    }

    @Test
    void dino() {
        // 5e-4 * 250 / 500 in the warmup; the weight decay half-way up its cosine at step 2500,
        // 0.4 + (0.04 - 0.4) * (1 + cos(pi / 2)) / 2; the teacher's momentum from 0.996 to 1.
        assertEquals(2.5e-4, DinoStepLr.INSTANCE.lr(250), TOLERANCE);
        assertEquals(0.04, DinoStepLr.INSTANCE.weightDecay(0), TOLERANCE);
        assertEquals(0.22, DinoStepLr.INSTANCE.weightDecay(2500), TOLERANCE);
        assertEquals(0.4, DinoStepLr.INSTANCE.weightDecay(5000), TOLERANCE);
        assertEquals(0.996, DinoStepLr.INSTANCE.teacherMomentum(0), TOLERANCE);
        assertEquals(0.998, DinoStepLr.INSTANCE.teacherMomentum(2500), TOLERANCE);
        assertEquals(1.0, DinoStepLr.INSTANCE.teacherMomentum(5000), TOLERANCE);
    }

    @Test
    void cyclic() {
        // Up in 500 steps, down in 500; triangular2 halves the height of the second cycle.
        assertEquals(0.001, ClrStepLr.INSTANCE.lr(0), TOLERANCE);
        assertEquals(0.1, ClrStepLr.INSTANCE.lr(500), TOLERANCE);
        assertEquals(0.001, ClrStepLr.INSTANCE.lr(1000), TOLERANCE);
        assertEquals(0.001 + 0.099 / 2, ClrStepLr.INSTANCE.lr(1500), TOLERANCE);
    }

    @Test
    void warmRestarts() {
        // Half the linear warmup from 0; the first restart at W = 500; half-way down the first 1000-step cycle.
        assertEquals(0.05, SgdrStepLr.INSTANCE.lr(250), TOLERANCE);
        assertEquals(0.1, SgdrStepLr.INSTANCE.lr(500), TOLERANCE);
        assertEquals(1e-4 + (0.1 - 1e-4) / 2, SgdrStepLr.INSTANCE.lr(1000), TOLERANCE);
    }

    @Test
    void chained() {
        // 0.1 * 0.01 at step 0; the linear factor done at 1000, the exponential one at 0.999^1000.
        assertEquals(0.001, ChainedStepLr.INSTANCE.lr(0), TOLERANCE);
        assertEquals(0.1 * Math.pow(0.999, 1000), ChainedStepLr.INSTANCE.lr(1000), TOLERANCE);
    }

    @Test
    void plateauStartsAtInitLr() {
        assertEquals(0.1, new ValLossPlateauLr().lr(), 0.0);
    }

    @Test
    void nestedClass() {
        assertEquals(0.25, Experiments_BaselineStepLr.INSTANCE.lr(5), 0.0);
    }
}
