package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Exponential: the rate is multiplied by the same factor every step. From a to b over L steps,
 * {@code lr = a * (b / a)^(u / L)}; without end, from a by gamma per step, {@code lr = a * gamma^u}. Computed from
 * the high end, {@code high * exp(r * v)}, with r the logarithm of the factor per step toward the low end
 * ({@code r <= 0}, from a 60-digit logarithm, {@link ExactLog}, so the same double on every JDK) and v the steps
 * from the high end (done, falling; left, rising): the exponent is never positive, so the rate never exceeds the high
 * end, even near {@link Double#MAX_VALUE}, and the high end is exact.
 *
 * @param high the rate at the high end
 * @param logRate r, the logarithm of the factor per step toward the low end, {@code <= 0}
 * @param rising whether the rate rises along the span (then it ends at {@code high})
 */
record ExponentialShape(double high, double logRate, boolean rising, Span span, Names names,
        String formulaText, String logRateDoc) implements ClosedFormShape {

    /** From a to b, both > 0, over the span. */
    static ExponentialShape between(double start, double end, Span span, Names names) {
        double low = Math.min(start, end);
        double high = Math.max(start, end);
        double logRate = ExactLog.ln(low).subtract(ExactLog.ln(high))
                .divide(new BigDecimal(span.length()), new MathContext(60)).doubleValue();
        return new ExponentialShape(high, logRate, end > start, span, names, "{a} * ({b} / {a})^({u} / {L})",
                end > start ? "(ln {a} - ln {b}) / {L}" : "(ln {b} - ln {a}) / {L}");
    }

    /** From a on, times gamma in (0, 1] per step, without end; {@code gammaText} names gamma in the formula. */
    static ExponentialShape decaying(double start, double gamma, String gammaText, Span span, Names names) {
        return new ExponentialShape(start, logOf(gamma), false, span, names, "{a} * " + gammaText + "^{u}",
                "ln(" + gammaText + ")");
    }

    /**
     * From a on, times gamma over every {@code stepSize} steps, continuously: {@code a * gamma^(u / stepSize)}
     * (Keras's {@code ExponentialDecay}), its rate {@code ln(gamma) / stepSize} rounded once from 60 digits. Gamma is
     * in (0, 1], except for a phase given by its factor, which ends before its rate passes its end: above 1 the rate
     * rises from a, the exponent positive but the rate below the phase's end.
     */
    static ExponentialShape decaying(double start, double gamma, long stepSize, Span span, Names names) {
        double logRate = ExactLog.ln(gamma).divide(new BigDecimal(stepSize), new MathContext(60)).doubleValue();
        return new ExponentialShape(start, logRate, false, span, names, "{a} * gamma^({u} / stepSize)",
                "ln(gamma) / stepSize");
    }

    /**
     * A phase given by its factor: from a, times gamma over every {@code stepSize} steps, {@code a * gamma^(u /
     * stepSize)}, as {@link #decaying(double, double, long, Span, Names)}, gamma and stepSize written as numbers.
     */
    static ExponentialShape byFactor(double start, double gamma, long stepSize, Span span, Names names) {
        double logRate = ExactLog.ln(gamma).divide(new BigDecimal(stepSize), new MathContext(60)).doubleValue();
        String factor = Literals.ofDouble(gamma);
        return new ExponentialShape(start, logRate, false, span, names, stepSize == 1 ? "{a} * " + factor + "^{u}"
                : "{a} * " + factor + "^({u} / " + stepSize + ")", stepSize == 1 ? "ln(" + factor + ")"
                : "ln(" + factor + ") / " + stepSize);
    }

    /** ln gamma, rounded once from its 60-digit value. */
    static double logOf(double gamma) {
        return ExactLog.ln(gamma).doubleValue();
    }

    private NamedConstant highConstant() {
        return rising ? NamedConstant.ofDouble(names.name("END_LR"), high, names.endDoc())
                : NamedConstant.ofDouble(names.name("START_LR"), high, names.startDoc());
    }

    private NamedConstant logRateConstant() {
        // a phase from a to b (between) is documented by its ends; one given by its factor, by the factor
        return NamedConstant.ofDouble(names.name("LOG_RATE"), logRate, names.label().isEmpty()
                || logRateDoc.startsWith("ln(") ? names.doc(logRateDoc)
                : names.doc("-|ln b - ln a| / L", ", the logarithm of its factor per step"));
    }

    @Override
    public double at(long step) {
        return high * Math.exp(logRate * (rising ? span.left(step) : span.done(step)));
    }

    @Override
    public CodeBlock expression(Code code) {
        return CodeBlock.of("$N * $T.exp($N * $L)", code.use(highConstant()), Math.class, code.use(logRateConstant()),
                rising ? span.left(code) : span.done(code));
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
