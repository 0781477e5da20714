package dev.warmup;

/** Which way a watched metric improves, for {@link PlateauSchedule#mode()}; PyTorch's {@code mode}. */
public enum PlateauMode {

    /**
     * The metric improves by falling (a loss): the rate drops when it has stopped falling. PyTorch's and Keras's
     * default ({@code 'min'}); timm's {@code PlateauLRScheduler} defaults to {@code 'max'}.
     */
    MIN,

    /** The metric improves by rising (an accuracy): the rate drops when it has stopped rising. */
    MAX
}
