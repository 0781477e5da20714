package dev.warmup;

/**
 * What a {@link Quantity} schedules: it decides the values allowed and the name of the generated method.
 */
public enum QuantityKind {

    /**
     * A momentum in {@code [0, 1]}: SGD's momentum, Adam's beta1, or the decay of an exponential moving average (a
     * teacher's or target network's momentum, which may reach 1). The method is {@code momentum(step)} by default.
     */
    MOMENTUM,

    /** A weight-decay coefficient {@code >= 0}. The method is {@code weightDecay(step)} by default. */
    WEIGHT_DECAY,

    /**
     * A dropout probability in {@code [0, 1)}: the probability of dropping a unit, PyTorch's {@code p}. The method is
     * {@code dropout(step)} by default.
     */
    DROPOUT,

    /** Any finite value; the method's name must be given with {@link Quantity#name()}. */
    OTHER
}
