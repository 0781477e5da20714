package example;

import dev.warmup.*;

/**
 * Linear warmup from 0 to 0.1 over the first epoch (45 updates), then a cosine down to 0 at the end of epoch 10
 * (update 450): Hugging Face's {@code get_cosine_schedule_with_warmup(optimizer, 45, 450)} on a rate of 0.1.
 * The processor generates {@code WarmupCosineStepLr}, which is also an ND4J {@code ISchedule}.
 */
@WarmupSchedule(steps = 45, initLr = 0.1, decay = Decay.COSINE, totalSteps = 450)
@Adapters(Framework.ND4J)
final class WarmupCosine {}
