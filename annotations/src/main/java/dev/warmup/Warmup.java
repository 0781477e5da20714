package dev.warmup;

/**
 * How the learning rate rises during the first {@link WarmupSchedule#steps() W} steps, from
 * {@link WarmupSchedule#startLr() startLr} at step 0 towards {@link WarmupSchedule#initLr() initLr}, which is reached at
 * step W. In the formulas, t is the step, {@code 0 <= t < W}.
 */
public enum Warmup {

    /**
     * Gradual warmup (Goyal et al., 2017): the rate rises by the same amount every step,
     * {@code lr(t) = startLr + (initLr - startLr) * t / W}. With the default {@code startLr = 0} this is PyTorch's
     * {@code LambdaLR(lambda t: min(1, t / W))}.
     */
    LINEAR,

    /**
     * Constant warmup (He et al., 2016): a small rate for the first W steps, then a jump to the preset rate,
     * {@code lr(t) = startLr}. ResNet-110 on CIFAR-10 trains at 0.01 for about 400 steps, then at 0.1.
     */
    CONSTANT,

    /**
     * Exponential warmup: the rate is multiplied by the same factor every step,
     * {@code lr(t) = startLr * (initLr / startLr)^(t / W)}. Needs {@code startLr > 0}.
     */
    EXPONENTIAL
}
