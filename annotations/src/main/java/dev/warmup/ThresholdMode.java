package dev.warmup;

/**
 * How {@link PlateauSchedule#threshold()} measures an improvement, for {@link PlateauSchedule#thresholdMode()};
 * PyTorch's {@code threshold_mode}. With {@code best} the best metric so far:
 */
public enum ThresholdMode {

    /**
     * Relative (PyTorch's default, {@code 'rel'}): an improvement beats {@code best * (1 - threshold)} in
     * {@link PlateauMode#MIN} mode, {@code best * (1 + threshold)} in {@link PlateauMode#MAX} mode.
     */
    REL,

    /**
     * Absolute ({@code 'abs'}, what Keras's {@code min_delta} is): an improvement beats {@code best - threshold} in
     * {@link PlateauMode#MIN} mode, {@code best + threshold} in {@link PlateauMode#MAX} mode.
     */
    ABS
}
