package dev.warmup.demo.bench;

/**
 * The limit: each schedule as a person who cares about speed writes it by hand, a static method over
 * {@code static final} constants with the logarithm and the angular frequency precomputed, and no argument check.
 */
final class HandInline {

    private static final double CARD_SLOPE = 0.1 / 2500;
    private static final double CARD_LOG_GAMMA = Math.log(0.9999);

    private static final double NANO_SLOPE = (6e-4 - 6e-7) / 2000;
    private static final double NANO_AMPLITUDE = 6e-4 - 6e-5;
    private static final double NANO_OMEGA = Math.PI / 18000;

    private HandInline() {}

    static double cardExp(long step) {
        if (step < 2500) {
            return CARD_SLOPE * step;
        }
        return 0.1 * Math.exp(CARD_LOG_GAMMA * (step - 2500));
    }

    static double nanoGptCosine(long step) {
        if (step < 2000) {
            return 6e-7 + NANO_SLOPE * step;
        }
        if (step >= 20000) {
            return 6e-5;
        }
        return 6e-5 + NANO_AMPLITUDE * 0.5 * (1 + Math.cos(NANO_OMEGA * (step - 2000)));
    }

    static double resNetMultiStep(long step) {
        if (step < 400) {
            return 0.01;
        }
        if (step < 32000) {
            return 0.1;
        }
        return step < 48000 ? 0.01 : 0.001;
    }
}
