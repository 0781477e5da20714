package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;

/**
 * Exponential: the rate is multiplied by the same factor every step. From a to b over L steps,
 * {@code lr = a * (b / a)^(u / L)}; without end, from a by gamma per step, {@code lr = a * gamma^u}. Computed from
 * the high end, {@code high * exp(logRate * x)} with {@code logRate <= 0} and x the steps done (falling) or left
 * (rising): the exponent is never positive, so the rate never exceeds the high end, even near
 * {@link Double#MAX_VALUE}, and the high end is exact.
 *
 * <p>{@code fill}: per block, an anchor computed as {@code lr} computes it, times tabulated factors
 * {@code exp(logRate * k)}; a rising one whose growth over a block would overflow, or whose anchors would be
 * subnormal, is filled from the closed form instead.
 *
 * @param high the rate at the high end
 * @param logRate the logarithm of the factor per step toward the low end, {@code <= 0}
 * @param rising whether the rate rises along the span (then it ends at {@code high})
 */
record ExponentialShape(double high, double logRate, boolean rising, Span span, Names names, String formulaText,
        String logRateDoc, String factorDoc) implements Shape {

    /** From a to b, both > 0, over the span. */
    static ExponentialShape between(double start, double end, Span span, Names names) {
        double low = Math.min(start, end);
        double high = Math.max(start, end);
        return new ExponentialShape(high, (Math.log(low) - Math.log(high)) / span.length(), end > start, span, names,
                "{a} * ({b} / {a})^({u} / {L})", end > start ? "(ln {a} - ln {b}) / {L}" : "(ln {b} - ln {a}) / {L}",
                end > start ? "({b} / {a})^(k / {L}): the growth over k steps" : "({b} / {a})^(k / {L})");
    }

    /** From a on, times gamma in (0, 1] per step, without end; {@code gammaText} names gamma in the formula. */
    static ExponentialShape decaying(double start, double gamma, String gammaText, Span span, Names names) {
        return new ExponentialShape(start, Math.log(gamma), false, span, names, "{a} * " + gammaText + "^{u}",
                "ln(" + gammaText + ")", gammaText + "^k");
    }

    private NamedConstant highConstant() {
        return rising ? NamedConstant.ofDouble(names.name("END_LR"), high, names.endDoc())
                : NamedConstant.ofDouble(names.name("START_LR"), high, names.startDoc());
    }

    private NamedConstant logRateConstant() {
        return NamedConstant.ofDouble(names.name("LOG_RATE"), logRate, names.label().isEmpty()
                ? names.doc(logRateDoc) : names.doc("-|ln b - ln a| / L", ", the logarithm of its factor per step"));
    }

    @Override
    public double at(long step) {
        return high * Math.exp(logRate * (rising ? span.left(step) : span.done(step)));
    }

    private CodeBlock expression(Code code) {
        return CodeBlock.of("$N * $T.exp($N * $L)", code.use(highConstant()), Math.class, code.use(logRateConstant()),
                rising ? span.left(code) : span.done(code));
    }

    @Override
    public CodeBlock code(Code code) {
        return CodeBlock.of("return $L;\n", expression(code));
    }

    @Override
    public CodeBlock fill(Code code) {
        if (!tabulated()) {
            return FillCode.closedForm(span.variable(), expression(code));
        }
        String factors = code.table(new FillCode.Table(names.name("FACTORS"), CodeBlock.of("$T.exp($N * $L)",
                Math.class, code.use(logRateConstant()), rising ? "-k" : "k"), names.doc(factorDoc)));
        return FillCode.geometric(expression(code), factors);
    }

    /**
     * Whether {@code fill} may multiply an anchor by tabulated factors: falling, always; rising, only while the growth
     * over a block stays finite and every anchor, the smallest rate of its block, is a normal double.
     */
    private boolean tabulated() {
        if (!rising) {
            return true;
        }
        double logStart = Math.log(high) + logRate * span.length();
        return -logRate * (FillCode.BLOCK - 1) <= 700 && logStart > Math.log(Double.MIN_NORMAL) + 1;
    }

    /**
     * The anchor's exponent and {@code lr}'s round apart: an exponent x rounds by up to |x| ulps of the rate, and x
     * reaches about 745 before the rate underflows; 2048 covers both roundings and the table's.
     * {@code SchedulePropertiesTest} measured 960 at most (gamma = 0.1), 16 for warmups.
     */
    @Override
    public int fillUlps() {
        return 2048;
    }

    @Override
    public String formula() {
        return names.words(formulaText);
    }

    @Override
    public String computation() {
        return highConstant().name() + " * exp(" + logRateConstant().name() + " * "
                + (rising ? span.leftText() : span.doneText()) + ")";
    }

    @Override
    public String kind() {
        return "exponential";
    }
}
