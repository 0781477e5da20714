package dev.warmup.benchmarks;

/**
 * The limit: each schedule of {@link BenchSchedules} as a careful engineer who cares about speed writes it by hand,
 * from the formula in its annotation's Javadoc (or PyTorch's): a static method over {@code static final} constants,
 * logarithms and angular frequencies precomputed, the step converted to {@code double} by Java's own conversion, and
 * no argument check. Cosines are the textbook {@code min + (max - min) * (1 + cos(pi * t / T)) / 2}.
 */
final class HandInline {

    private HandInline() {}

    // ---------------------------------------------------------------- warmup shapes, then constant

    private static final double LINEAR_WARMUP_SLOPE = 0.1 / 2000;
    private static final double EXPONENTIAL_WARMUP_RATE = Math.log(0.1 / 1e-4) / 2000;

    static double linearWarmup(long t) {
        return t < 2000 ? LINEAR_WARMUP_SLOPE * t : 0.1;
    }

    static double constantWarmup(long t) {
        return t < 2000 ? 0.01 : 0.1;
    }

    /** {@code startLr * (initLr / startLr)^(t / W)}. */
    static double exponentialWarmup(long t) {
        return t < 2000 ? 1e-4 * Math.exp(EXPONENTIAL_WARMUP_RATE * t) : 0.1;
    }

    // ---------------------------------------------------------------- decays, no warmup

    private static final double EXP_LOG_GAMMA = Math.log(0.9995);
    private static final double COSINE_OMEGA = Math.PI / 10000;
    private static final double INV_SQRT_SLOPE = 0.1 / 1000;
    private static final double REPEATED_POWER_LOG_INIT_LR = Math.log(0.1);
    private static final double REPEATED_POWER_LOG_POWER = Math.log(1.0001);

    static double exp(long t) {
        return 0.1 * Math.exp(EXP_LOG_GAMMA * t);
    }

    /** {@code initLr * gamma^floor(t / stepSize)}. */
    static double step(long t) {
        return 0.1 * Math.pow(0.5, t / 2000);
    }

    static double multiStep(long t) {
        if (t < 3000) {
            return 0.1;
        }
        if (t < 6000) {
            return 0.01;
        }
        return t < 8000 ? 0.001 : 1e-4;
    }

    static double cosine(long t) {
        return t < 10000 ? 0.1 * 0.5 * (1 + Math.cos(COSINE_OMEGA * t)) : 0;
    }

    static double linearDecay(long t) {
        return t < 10000 ? 0.1 - 0.1 * t / 10000 : 0;
    }

    /** {@code (initLr - minLr) * (1 - t / T)^power + minLr}. */
    static double poly(long t) {
        return t < 10000 ? 0.1 * Math.pow(1 - t / 10000.0, 2) : 0;
    }

    /** Linear warmup over W = 1000, then {@code initLr * sqrt(W / t)}. */
    static double linearWarmupInvSqrt(long t) {
        return t < 1000 ? INV_SQRT_SLOPE * t : 0.1 * Math.sqrt(1000.0 / t);
    }

    /** {@code initLr^(power^t)}, as {@code exp(ln(initLr) * exp(ln(power) * t))}. */
    static double repeatedPower(long t) {
        return Math.exp(REPEATED_POWER_LOG_INIT_LR * Math.exp(REPEATED_POWER_LOG_POWER * t));
    }

    // ---------------------------------------------------------------- three PyTorch reference cases

    private static final double CARD_SLOPE = 0.1 / 2500;
    private static final double CARD_LOG_GAMMA = Math.log(0.9999);

    private static final double NANO_SLOPE = (6e-4 - 6e-7) / 2000;
    private static final double NANO_AMPLITUDE = 6e-4 - 6e-5;
    private static final double NANO_OMEGA = Math.PI / 18000;

    static double cardExp(long t) {
        return t < 2500 ? CARD_SLOPE * t : 0.1 * Math.exp(CARD_LOG_GAMMA * (t - 2500));
    }

    static double nanoGptCosine(long t) {
        if (t < 2000) {
            return 6e-7 + NANO_SLOPE * t;
        }
        if (t >= 20000) {
            return 6e-5;
        }
        return 6e-5 + NANO_AMPLITUDE * 0.5 * (1 + Math.cos(NANO_OMEGA * (t - 2000)));
    }

    static double resNetMultiStep(long t) {
        if (t < 400) {
            return 0.01;
        }
        if (t < 32000) {
            return 0.1;
        }
        return t < 48000 ? 0.01 : 0.001;
    }

    // ---------------------------------------------------------------- the other annotations

    private static final double WSD_SLOPE = 0.1 / 1000;
    private static final double WSD_OMEGA = Math.PI / 2000;

    /** Linear 0 to 0.1 over 1000 steps, 0.1 for 7000, cosine to 0 over 2000. */
    static double warmupStableDecay(long t) {
        if (t < 1000) {
            return WSD_SLOPE * t;
        }
        if (t < 8000) {
            return 0.1;
        }
        return t < 10000 ? 0.1 * 0.5 * (1 + Math.cos(WSD_OMEGA * (t - 8000))) : 0;
    }

    private static final double PHASED_EXP_RATE = Math.log(0.1 / 1e-4) / 2000;

    /** Exponential 1e-4 to 0.1 over 2000 steps, then {@code 0.1 * (1 - u / 8000)^2} to 0. */
    static double phasedExpPoly(long t) {
        if (t < 2000) {
            return 1e-4 * Math.exp(PHASED_EXP_RATE * t);
        }
        if (t < 10000) {
            double v = 1 - (t - 2000) / 8000.0;
            return 0.1 * (v * v);
        }
        return 0;
    }

    /** {@code tau = L b^2 / (a^2 - b^2)} of the inverse square root from 0.1 to 0.05 over 7000 steps. */
    private static final double PHASED_SQRT_TAU = 7000 * 0.05 * 0.05 / (0.1 * 0.1 - 0.05 * 0.05);

    /**
     * Hugging Face's 1-sqrt: {@code 0.1 * (1 - sqrt(1 - t / 1000))} up, {@code 0.1 * sqrt(tau / (tau + u))} for 7000
     * steps, {@code 0.05 * (1 - sqrt(u / 2000))} down to 0.
     */
    static double phasedSqrt(long t) {
        if (t < 1000) {
            return 0.1 * (1 - Math.sqrt(1 - t / 1000.0));
        }
        if (t < 8000) {
            return 0.1 * Math.sqrt(PHASED_SQRT_TAU / (PHASED_SQRT_TAU + (t - 1000)));
        }
        return t < 10000 ? 0.05 * (1 - Math.sqrt((t - 8000) / 2000.0)) : 0;
    }

    // PyTorch's OneCycleLR(max_lr 0.1, total_steps 10000): from 0.004 up to 0.1 at step 2999, down to 4e-7 at 9999.
    private static final double ONE_CYCLE_INITIAL = 0.1 / 25;
    private static final double ONE_CYCLE_MIN = ONE_CYCLE_INITIAL / 1e4;
    private static final double ONE_CYCLE_UP_OMEGA = Math.PI / 2999;
    private static final double ONE_CYCLE_DOWN_OMEGA = Math.PI / 7000;
    private static final double ONE_CYCLE_UP_SLOPE = (0.1 - ONE_CYCLE_INITIAL) / 2999;
    private static final double ONE_CYCLE_DOWN_SLOPE = (ONE_CYCLE_MIN - 0.1) / 7000;

    /** PyTorch's {@code _annealing_cos}: {@code end + (start - end) / 2 * (1 + cos(pi * pct))}. */
    static double oneCycleCos(long t) {
        if (t <= 2999) {
            return 0.1 + (ONE_CYCLE_INITIAL - 0.1) / 2 * (1 + Math.cos(ONE_CYCLE_UP_OMEGA * t));
        }
        if (t < 9999) {
            return ONE_CYCLE_MIN + (0.1 - ONE_CYCLE_MIN) / 2 * (1 + Math.cos(ONE_CYCLE_DOWN_OMEGA * (t - 2999)));
        }
        return ONE_CYCLE_MIN;
    }

    // The same with pct_start 0.31234 and three phases; PyTorch's phase ends are fractional.
    private static final double ONE_CYCLE_3_END_1 = 0.31234 * 10000 - 1;
    private static final double ONE_CYCLE_3_END_2 = 2 * 0.31234 * 10000 - 2;
    private static final double ONE_CYCLE_3_OMEGA_1 = Math.PI / ONE_CYCLE_3_END_1;
    private static final double ONE_CYCLE_3_OMEGA_2 = Math.PI / (ONE_CYCLE_3_END_2 - ONE_CYCLE_3_END_1);
    private static final double ONE_CYCLE_3_OMEGA_3 = Math.PI / (9999 - ONE_CYCLE_3_END_2);

    /** Three phases of PyTorch's {@code _annealing_cos}, {@code pct = (t - start) / (end - start)}. */
    static double oneCycleCosThreePhase(long t) {
        if (t <= ONE_CYCLE_3_END_1) {
            return 0.1 + (ONE_CYCLE_INITIAL - 0.1) / 2 * (1 + Math.cos(ONE_CYCLE_3_OMEGA_1 * t));
        }
        if (t <= ONE_CYCLE_3_END_2) {
            return ONE_CYCLE_INITIAL + (0.1 - ONE_CYCLE_INITIAL) / 2
                    * (1 + Math.cos(ONE_CYCLE_3_OMEGA_2 * (t - ONE_CYCLE_3_END_1)));
        }
        if (t < 9999) {
            return ONE_CYCLE_MIN + (ONE_CYCLE_INITIAL - ONE_CYCLE_MIN) / 2
                    * (1 + Math.cos(ONE_CYCLE_3_OMEGA_3 * (t - ONE_CYCLE_3_END_2)));
        }
        return ONE_CYCLE_MIN;
    }

    /** PyTorch's {@code _annealing_linear}: {@code start + (end - start) * pct}. */
    static double oneCycleLinear(long t) {
        if (t <= 2999) {
            return ONE_CYCLE_INITIAL + ONE_CYCLE_UP_SLOPE * t;
        }
        return t < 9999 ? 0.1 + ONE_CYCLE_DOWN_SLOPE * (t - 2999) : ONE_CYCLE_MIN;
    }

    private static final double CYCLIC_LOG_GAMMA = Math.log(0.9999);

    /**
     * The CLR paper's triangle, {@code 1 - |t / s - 2 cycle + 1|} with {@code cycle = floor(1 + t / 2s)}, taken from
     * the step's place in its cycle of 2s = 2000 steps: 0 at the cycle's ends, 1 in its middle.
     */
    private static double triangle(long t) {
        long position = t % 2000;
        return (1000 - Math.abs(position - 1000)) / 1000.0;
    }

    static double cyclicTriangular(long t) {
        return 0.001 + (0.1 - 0.001) * triangle(t);
    }

    /** Triangular, the height scaled by {@code gamma^t}. */
    static double cyclicExpRange(long t) {
        return 0.001 + (0.1 - 0.001) * triangle(t) * Math.exp(CYCLIC_LOG_GAMMA * t);
    }

    /** Triangular, the height halved every cycle: {@code 1 / 2^(cycle - 1)}, cycle counted from 1. */
    static double cyclicTriangular2(long t) {
        long cycle = 1 + t / 2000;
        return 0.001 + Math.scalb((0.1 - 0.001) * triangle(t), (int) (1 - cycle));
    }

    private static final double RESTARTS_OMEGA = Math.PI / 1000;

    /** SGDR, T_0 = 1000, T_mult = 1: {@code eta_max * (1 + cos(pi * T_cur / T_0)) / 2}. */
    static double warmRestarts(long t) {
        return 0.1 * 0.5 * (1 + Math.cos(RESTARTS_OMEGA * (t % 1000)));
    }

    /** SGDR, T_0 = 1000, T_mult = 2: cycle i has {@code T_i = 1000 * 2^i} steps. */
    static double warmRestartsDoubling(long t) {
        int cycle = 63 - Long.numberOfLeadingZeros(t / 1000 + 1);
        long sinceRestart = t - 1000 * ((1L << cycle) - 1);
        return 0.1 * 0.5 * (1 + Math.cos(Math.PI * sinceRestart / (1000L << cycle)));
    }

    private static final double TRIPLING_SLOPE = 0.1 / 500;
    private static final double TRIPLING_INVERSE_LOG_3 = 1 / Math.log(3);
    private static final long[] TRIPLING_STARTS = {0, 100, 400, 1300, 4000, 12100, 36400};
    private static final double[] TRIPLING_OMEGAS = {Math.PI / 100, Math.PI / 300, Math.PI / 900, Math.PI / 2700,
        Math.PI / 8100, Math.PI / 24300};

    /**
     * Linear warmup 0 to 0.1 over 500 steps, then SGDR with T_0 = 100, T_mult = 3, eta_min = 1e-4: PyTorch's
     * {@code n = floor(log_3(d (T_mult - 1) / T_0 + 1))}, corrected by one where the logarithm rounds across a restart.
     */
    static double warmRestartsTripling(long t) {
        if (t < 500) {
            return TRIPLING_SLOPE * t;
        }
        long d = t - 500;
        int n = (int) (Math.log(d * 0.02 + 1) * TRIPLING_INVERSE_LOG_3);
        if (d < TRIPLING_STARTS[n]) {
            n--;
        } else if (d >= TRIPLING_STARTS[n + 1]) {
            n++;
        }
        return 1e-4 + (0.1 - 1e-4) * 0.5 * (1 + Math.cos(TRIPLING_OMEGAS[n] * (d - TRIPLING_STARTS[n])));
    }

    // ---------------------------------------------------------------- issue 16: Hugging Face's cycles, products

    /** HF's {@code _get_cosine_schedule_with_warmup_lr_lambda} times 5e-5, num_cycles 1, held from T = 8000 on. */
    static double hfCosineFullCycle(long t) {
        if (t < 500) {
            return 5e-5 * ((double) t / 500);
        }
        double progress = (double) (Math.min(t, 8000) - 500) / 7500;
        return 5e-5 * Math.max(0.0, 0.5 * (1.0 + Math.cos(Math.PI * 1.0 * 2.0 * progress)));
    }

    /** HF's {@code _get_cosine_with_hard_restarts_schedule_with_warmup_lr_lambda} times 1e-3, num_cycles 2.5. */
    static double hfHardRestarts(long t) {
        if (t < 1000) {
            return 1e-3 * ((double) t / 1000);
        }
        double progress = (double) (t - 1000) / 10000;
        if (progress >= 1.0) {
            return 0.0;
        }
        return 1e-3 * Math.max(0.0, 0.5 * (1.0 + Math.cos(Math.PI * ((2.5 * progress) % 1.0))));
    }

    private static final double CHAINED_LOG_GAMMA = Math.log(0.999);
    private static final double CHAINED_SLOPE = 0.99 / 1000;

    /** The chain: {@code 0.1 * (0.01 + 0.99 * min(t, 1000) / 1000) * 0.999^t}. */
    static double chained(long t) {
        double linear = t < 1000 ? 0.01 + CHAINED_SLOPE * t : 1.0;
        return 0.1 * linear * Math.exp(CHAINED_LOG_GAMMA * t);
    }

    private static final double RADAM_LOG_BETA2 = Math.log(0.999);
    private static final double RADAM_RHO_INF = 2.0 / (1.0 - 0.999) - 1;
    private static final double RADAM_SCALE = RADAM_RHO_INF / ((RADAM_RHO_INF - 4) * (RADAM_RHO_INF - 2));
    private static final double RADAM_OMEGA = Math.PI / 5000;

    /**
     * RAdam's warmup factor (beta2 0.999, offset 5) over a cosine decay of 5000 steps from 1e-3: with s = t + 5 and
     * {@code rho = rho_inf - 2 s beta2^s / (1 - beta2^s)}, the cosine times
     * {@code sqrt((rho - 4)(rho - 2) rho_inf / ((rho_inf - 4)(rho_inf - 2) rho))}. {@code 1 - beta2^s} by
     * {@code expm1}: {@code 1 - exp} cancels at the first steps, which {@code rho - 4} then magnifies (3.8e-12
     * relative at step 0, where the rate is 1.7 % of its peak: outside the accuracy target).
     */
    static double radamCosine(long t) {
        double cosine = t < 5000 ? 0.5 * (1 + Math.cos(RADAM_OMEGA * t)) : 0;
        double s = t + 5;
        double q = -Math.expm1(RADAM_LOG_BETA2 * s);
        double rho = RADAM_RHO_INF - 2 * s * (1 - q) / q;
        return 1e-3 * cosine * Math.sqrt(Math.max(0.0, (rho - 4) * (rho - 2) / rho * RADAM_SCALE));
    }
}
