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
 *       {@code beta2^s = exp(s ln beta2)} and {@code 1 - beta2^s = -expm1(s ln beta2)}, and the constant
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
                double e = StrictMath.log(beta2) * s;
                double rho = rhoInfinity() - 2 * s * Math.exp(e) / -Math.expm1(e);
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
                    .addStatement("return -$T.expm1(-($L + 1) / $N)", Math.class, StepValue.of(code, "step"),
                            code.use(tauConstant()))
                    .build();
            case RADAM -> CodeBlock.builder()
                    .addStatement("double s = $L + $N", StepValue.of(code, "step"), code.use(offsetConstant()))
                    .addStatement("double e = $N * s", code.use(logBeta2Constant()))
                    .add("// rho(s) = rho_inf - 2 s beta2^s / (1 - beta2^s)\n")
                    .addStatement("double rho = $N - 2 * s * $T.exp(e) / -$T.expm1(e)", code.use(rhoInfinityConstant()),
                            Math.class, Math.class)
                    .addStatement("return $T.sqrt($T.max(0.0, (rho - 4) * (rho - 2) / rho * $N))", Math.class,
                            Math.class, code.use(scaleConstant()))
                    .build();
        };
    }

    /**
     * The factor multiplied into {@code out}: LINEAR by its closed form while it rises (its method's bits), nothing
     * from {@code LAST_STEP} on, where it is 1; EXPONENTIAL per block of {@code FILL_BLOCK} steps, from an anchor
     * {@code a = 1 - exp(-(s + 1) / tau)}, its method's value, {@code 1 - exp(-(s + 1 + k) / tau) =
     * a exp(-k / tau) + (1 - exp(-k / tau))} with both tabulated: two terms {@code >= 0}, so nothing cancels and no
     * error grows along the block; RADAM through its method before {@link #tableFrom}, then per block from
     * {@code p = beta2^s} and {@code q = 1 - beta2^s} computed as its method computes them,
     * {@code beta2^(s + k) / (1 - beta2^(s + k)) = p / (q + (beta2^-k - 1))} with {@code beta2^-k - 1} tabulated:
     * one division, one square root and no transcendental call a step.
     */
    @Override
    public CodeBlock fillTimes(Code code) {
        return switch (rule) {
            case LINEAR -> {
                String last = code.use(lastStepConstant());
                yield CodeBlock.builder()
                        .add("// from $N on, the factor is 1: out stays as it is\n", last)
                        .add(FillCode.endBefore(last))
                        .beginControlFlow("for (int i = from; i < end; i++)")
                        .addStatement("long step = firstStep + (i - from)")
                        .addStatement("out[i] *= (step + 1) / $N", code.use(tauConstant()))
                        .endControlFlow()
                        .build();
            }
            case EXPONENTIAL -> {
                String tau = code.use(tauConstant());
                String decay = code.table(new FillCode.Table("UNTUNED_DECAY", CodeBlock.of("$T.exp(-k / $N)",
                        Math.class, tau), "exp(-k / tau)"));
                String rise = code.table(new FillCode.Table("UNTUNED_RISE", CodeBlock.of("-$T.expm1(-k / $N)",
                        Math.class, tau), "1 - exp(-k / tau)"));
                yield CodeBlock.builder()
                        .addStatement("int i = from")
                        .beginControlFlow("while (i < to)")
                        .addStatement("int length = $T.min(FILL_BLOCK, to - i)", Math.class)
                        .addStatement("long step = firstStep + (i - from)")
                        .addStatement("double anchor = $N(step)", code.rate())
                        .add("// 1 - exp(-(step + 1 + k) / tau), from the anchor: two terms >= 0\n")
                        .beginControlFlow("for (int k = 0; k < length; k++)")
                        .addStatement("out[i + k] *= anchor * $N[k] + $N[k]", decay, rise)
                        .endControlFlow()
                        .addStatement("i += length")
                        .endControlFlow()
                        .build();
            }
            case RADAM -> {
                String tableFrom = code.use(tableFromConstant());
                String growth = code.table(new FillCode.Table("UNTUNED_GROWTH", CodeBlock.of("$T.expm1(-$N * k)",
                        Math.class, code.use(logBeta2Constant())), "beta2^-k - 1"));
                yield CodeBlock.builder()
                        .add("// before $N, rho - 4 is a small difference of large terms: the method's own values\n",
                                tableFrom)
                        .add(FillCode.endBefore(tableFrom))
                        .beginControlFlow("for (int i = from; i < end; i++)")
                        .addStatement("out[i] *= $N(firstStep + (i - from))", code.rate())
                        .endControlFlow()
                        .addStatement("int i = end")
                        .beginControlFlow("while (i < to)")
                        .addStatement("int length = $T.min(FILL_BLOCK, to - i)", Math.class)
                        .addStatement("long step = firstStep + (i - from)")
                        .addStatement("double s = $L + $N", StepValue.of(code, "step"),
                                code.use(offsetConstant()))
                        .addStatement("double e = $N * s", code.use(logBeta2Constant()))
                        .addStatement("double p = $T.exp(e)", Math.class)
                        .addStatement("double q = -$T.expm1(e)", Math.class)
                        .add("// at s + k: beta2^(s + k) / (1 - beta2^(s + k)) = p / (q + (beta2^-k - 1)), two terms"
                                + " >= 0\n")
                        .beginControlFlow("for (int k = 0; k < length; k++)")
                        .addStatement("double sk = s + k")
                        .addStatement("double rho = $N - 2 * sk * p / (q + $N[k])", code.use(rhoInfinityConstant()),
                                growth)
                        .addStatement("out[i + k] *= $T.sqrt($T.max(0.0, (rho - 4) * (rho - 2) / rho * $N))",
                                Math.class, Math.class, code.use(scaleConstant()))
                        .endControlFlow()
                        .addStatement("i += length")
                        .endControlFlow()
                        .build();
            }
        };
    }

    /** How much larger than {@code rho - 4} the subtracted term may be where RADAM's fill uses tables. */
    static final double TABLE_CONDITION = 4;

    /**
     * The first step of RADAM whose factor {@code fill} computes from tables: the first where
     * {@code t = 2 s beta2^s / (1 - beta2^s) <= TABLE_CONDITION (rho - 4)}. Before it,
     * {@code rho - 4 = rho_inf - 4 - t} is a small difference of large terms, so the tables' few ulps in {@code t}
     * would be many in the factor; {@code fill} takes the method's own values there. {@code t / (rho - 4)} falls as
     * s grows: a binary search over every step.
     */
    long tableFrom() {
        double logBeta2 = StrictMath.log(beta2);
        double rhoInf = rhoInfinity();
        long offset = offset();
        long low = 0;
        // At Long.MAX_VALUE, beta2^s is 0 for every beta2 < 1 (|ln beta2| >= 2^-53), so the condition holds there.
        long high = Long.MAX_VALUE;
        while (low < high) {
            long middle = (low + high) >>> 1;
            double s = (double) middle + offset;
            double e = logBeta2 * s;
            double t = 2 * s * StrictMath.exp(e) / -StrictMath.expm1(e);
            if (t <= TABLE_CONDITION * (rhoInf - t - 4)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    private NamedConstant tableFromConstant() {
        return NamedConstant.ofLong("UNTUNED_TABLE_FROM", tableFrom(), "the first step whose factor fill computes "
                + "from tables, where 2 s beta2^s / (1 - beta2^s) <= " + Literals.ofDouble(TABLE_CONDITION)
                + " (rho - 4)");
    }

    /**
     * In units u = 2^-53 of relative error. EXPONENTIAL: the anchor and {@code 1 - exp(-k / tau)} are within 3u of
     * exact (expm1's ulp, and the rounding of its argument, to which {@code 1 - exp(x)} is no more sensitive than 1),
     * {@code exp(-k / tau)} within 2u plus {@code k / tau} u, which its term's weight {@code exp(-k / tau)} keeps
     * below 0.4u, and two roundings: 7.4u; the method within 3u: 12 ulps at most. RADAM, from the tables on: the
     * subtracted term t of {@code rho}, in fill and in the method, within about {@code 12u + 4 |ln(beta2) s|} u of each
     * other, and {@code |ln(beta2) s|} is about 0.45 where the tables start; {@code rho - 4} magnifies that by
     * {@code t / (rho - 4) <= 4}, the square root halves it: 32 ulps, with room. LINEAR, and RADAM before the tables:
     * the method's bits. {@code UntunedWarmupTest} measured 2 (EXPONENTIAL) and 8 (RADAM), the factor alone, over
     * 200,000 steps from 0 and 3,000 around 2^40 and 2^50, for beta2 from 0 (0.6) to 0.9999999999999999.
     */
    @Override
    public int fillUlps() {
        return switch (rule) {
            case LINEAR -> 0;
            case EXPONENTIAL -> 12;
            case RADAM -> 32;
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
