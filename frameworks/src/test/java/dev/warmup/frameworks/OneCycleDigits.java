package dev.warmup.frameworks;

import dev.warmup.Adapters;
import dev.warmup.Framework;
import dev.warmup.OneCycleSchedule;
import dev.warmup.PhaseShape;
import dev.warmup.Quantity;
import dev.warmup.QuantityKind;

/**
 * One cycle over 5 epochs of 48 minibatches (240 updates), with PyTorch's default cycled momentum (0.95 down to 0.85
 * at the peak and back) and a weight decay falling from 5e-4 to 5e-5 along a cosine: the training schedule of
 * {@code Dl4jTrainingTest.nesterovsWithCycledMomentumAndWeightDecayTrainsOnTheDigits}.
 */
@OneCycleSchedule(maxLr = 0.05, totalSteps = OneCycleDigits.UPDATES)
@Quantity(kind = QuantityKind.WEIGHT_DECAY, shape = PhaseShape.COSINE, start = 5e-4, end = 5e-5,
        steps = OneCycleDigits.UPDATES)
@Adapters(Framework.ND4J)
final class OneCycleDigits {

    static final int EPOCHS = 5;
    static final int BATCHES = 48;
    static final int UPDATES = EPOCHS * BATCHES;

    private OneCycleDigits() {}
}
