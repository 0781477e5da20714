package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import dev.warmup.UntunedRule;

/**
 * The untuned warmup factors of Ma and Yarats (2019), as the {@code pytorch_warmup} package computes them from Adam's
 * beta2; step s (from 0) uses {@code omega(s + 1)}, as there. The constants are computed in double exactly as
 * {@code pytorch_warmup} computes them ({@code tau = (long) (2.0 / (1.0 - beta2))} is 1999 for beta2 = 0.999), with
 * {@link StrictMath} where a function is needed, so the generated source is the same on every JDK.
 * <ul>
 *   <li>{@code LINEAR}: {@code omega(t) = min(1, t / tau)}, tau = {@code floor(2 / (1 - beta2))}: computed as
 *       {@code (step + 1) / TAU} before {@code LAST_STEP = tau - 1}, 1 from it on;</li>
 *   <li>{@code EXPONENTIAL}: {@code omega(t) = 1 - exp(-t / tau)}, tau = {@code floor(1 / (1 - beta2))}: computed as
 *       {@code -expm1(-(step + 1) / TAU)}, which does not cancel at the first steps (pytorch_warmup's
 *       {@code 1 - exp} is 5.4e-14 from exact at step 0);</li>
 *   <li>{@code RADAM}: {@code omega = sqrt((rho - 4)(rho - 2) rho_inf / ((rho_inf - 4)(rho_inf - 2) rho))},
 *       {@code rho = rho_inf - 2 s beta2^s / (1 - beta2^s)} at {@code s = step + OFFSET}: computed with
 *       {@code q = 1 - beta2^s = -expm1(s ln beta2)} and {@code beta2^s = 1 - q}, and the constant
 *       {@code SCALE = rho_inf / ((rho_inf - 4)(rho_inf - 2))}; a product that rounds below 0 gives 0.</li>
 * </ul>
 *
 * @param rule which factor
 * @param beta2 Adam's beta2, in [0, 1) ((0.6, 1) for RADAM)
 */
record UntunedShape(UntunedRule rule, double beta2) implements Shape {

    /** The longest the effective warmup period of RADAM is summed over. */
    static final long MAX_SUMMED = 1L << 22;

    /** The iterations tau: {@code int(2 / (1 - beta2))} (LINEAR) or {@code int(1 / (1 - beta2))}, in double. */
    long tau() {
        return rule == UntunedRule.LINEAR ? (long) (2.0 / (1.0 - beta2)) : (long) (1.0 / (1.0 - beta2));
    }

    /** RAdam's rho_inf, {@code 2 / (1 - beta2) - 1}, as pytorch_warmup computes it. */
    static double rhoInfinity(double beta2) {
        return 2.0 / (1.0 - beta2) - 1;
    }

    private double rhoInfinity() {
        return rhoInfinity(beta2);
    }

    /** rho(s) as pytorch_warmup computes it ({@code beta2 ** s}), for the offset. */
    private double rhoPow(long s) {
        double power = StrictMath.pow(beta2, s);
        return rhoInfinity() - 2 * s * power / (1 - power);
    }

    /** The smallest s {@code >= 1} with {@code rho(s) > 4}, or -1 if there is none below 2^20. */
    long offset() {
        for (long s = 1; s < 1 << 20; s++) {
            if (rhoPow(s) > 4) {
                return s;
            }
        }
        return -1;
    }

    private double scale() {
        double rhoInf = rhoInfinity();
        return rhoInf / ((rhoInf - 4) * (rhoInf - 2));
    }

    private NamedConstant tauConstant() {
        return NamedConstant.ofDouble("UNTUNED_TAU", tau(), rule == UntunedRule.LINEAR
                ? "tau = (long) (2 / (1 - beta2)), in double as pytorch_warmup computes it"
                : "tau = (long) (1 / (1 - beta2)), in double as pytorch_warmup computes it");
    }

    private NamedConstant lastStepConstant() {
        return NamedConstant.ofLong("UNTUNED_LAST_STEP", tau() - 1, "tau - 1, the first step whose factor is 1");
    }

    private NamedConstant rhoInfinityConstant() {
        return NamedConstant.ofDouble("UNTUNED_RHO_INF", rhoInfinity(), "rho_inf = 2 / (1 - beta2) - 1");
    }

    private NamedConstant logBeta2Constant() {
        return NamedConstant.ofDouble("UNTUNED_LOG_BETA2", StrictMath.log(beta2), "ln(beta2)");
    }

    private NamedConstant offsetConstant() {
        return NamedConstant.ofLong("UNTUNED_OFFSET", offset(), "the smallest s >= 1 with rho(s) > 4, by "
                + "pytorch_warmup's beta2 ** s");
    }

    private NamedConstant scaleConstant() {
        return NamedConstant.ofDouble("UNTUNED_SCALE", scale(), "rho_inf / ((rho_inf - 4) * (rho_inf - 2))");
    }

    @Override
    public double at(long step) {
        return switch (rule) {
            case LINEAR -> step < tau() - 1 ? (step + 1) / (double) tau() : 1.0;
            case EXPONENTIAL -> -Math.expm1(-((double) step + 1) / (double) tau());
            case RADAM -> {
                double s = (double) step + offset();
                double q = -Math.expm1(StrictMath.log(beta2) * s);
                double rho = rhoInfinity() - 2 * s * (1 - q) / q;
                yield Math.sqrt(Math.max(0.0, (rho - 4) * (rho - 2) / rho * scale()));
            }
        };
    }

    @Override
    public CodeBlock code(Code code) {
        return switch (rule) {
            case LINEAR -> CodeBlock.builder()
                    .beginControlFlow("if (step < $N)", code.use(lastStepConstant()))
                    .addStatement("return (step + 1) / $N", code.use(tauConstant()))
                    .endControlFlow()
                    .addStatement("return 1.0")
                    .build();
            case EXPONENTIAL -> CodeBlock.builder()
                    .addStatement("return -$T.expm1(-((double) step + 1) / $N)", Math.class, code.use(tauConstant()))
                    .build();
            case RADAM -> CodeBlock.builder()
                    .addStatement("double s = (double) step + $N", code.use(offsetConstant()))
                    .add("// q = 1 - beta2^s; rho(s) = rho_inf - 2 s beta2^s / (1 - beta2^s)\n")
                    .addStatement("double q = -$T.expm1($N * s)", Math.class, code.use(logBeta2Constant()))
                    .addStatement("double rho = $N - 2 * s * (1 - q) / q", code.use(rhoInfinityConstant()))
                    .addStatement("return $T.sqrt($T.max(0.0, (rho - 4) * (rho - 2) / rho * $N))", Math.class,
                            Math.class, code.use(scaleConstant()))
                    .build();
        };
    }

    /**
     * The factor's warmup period: {@code tau - 1} for LINEAR (where it reaches 1); for the others, the effective
     * warmup period of the paper, {@code sum over t of (1 - omega(t))}, rounded: {@code 1 / expm1(1 / tau)} for
     * EXPONENTIAL, summed for RADAM until a term is below 1e-12 (at most {@value #MAX_SUMMED} terms).
     */
    long warmupPeriod() {
        return switch (rule) {
            case LINEAR -> tau() - 1;
            case EXPONENTIAL -> Math.round(1 / StrictMath.expm1(1.0 / tau()));
            case RADAM -> {
                double sum = 0;
                double logBeta2 = StrictMath.log(beta2);
                long offset = offset();
                double scale = scale();
                for (long step = 0; step < MAX_SUMMED; step++) {
                    double s = (double) step + offset;
                    double e = logBeta2 * s;
                    double rho = rhoInfinity() - 2 * s * StrictMath.exp(e) / -StrictMath.expm1(e);
                    double term = 1 - StrictMath.sqrt(Math.max(0.0, (rho - 4) * (rho - 2) / rho * scale));
                    sum += term;
                    if (Math.abs(term) < 1e-12) {
                        break;
                    }
                }
                yield Math.round(sum);
            }
        };
    }

    @Override
    public String formula() {
        return switch (rule) {
            case LINEAR -> "omega(t + 1) = min(1, (t + 1) / tau), tau = " + tau();
            case EXPONENTIAL -> "omega(t + 1) = 1 - exp(-(t + 1) / tau), tau = " + tau();
            case RADAM -> "omega(t + 1) = sqrt((rho - 4)(rho - 2) rho_inf / ((rho_inf - 4)(rho_inf - 2) rho)), "
                    + "rho = rho_inf - 2 s beta2^s / (1 - beta2^s), s = t + " + offset();
        };
    }

    @Override
    public String computation() {
        return switch (rule) {
            case LINEAR -> "(t + 1) / UNTUNED_TAU before UNTUNED_LAST_STEP, then 1";
            case EXPONENTIAL -> "-expm1(-(t + 1) / UNTUNED_TAU)";
            case RADAM -> "sqrt((rho - 4) * (rho - 2) / rho * UNTUNED_SCALE), rho from exp(UNTUNED_LOG_BETA2 * s)"
                    + " and -expm1(UNTUNED_LOG_BETA2 * s)";
        };
    }

    @Override
    public String kind() {
        return "untuned " + name(rule);
    }

    /** The rule in words: linear, exponential, RAdam. */
    static String name(UntunedRule rule) {
        return rule == UntunedRule.RADAM ? "RAdam" : rule.name().toLowerCase(java.util.Locale.ROOT);
    }
}
