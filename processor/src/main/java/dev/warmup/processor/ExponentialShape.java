package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Exponential: the rate is multiplied by the same factor every step. From a to b over L steps,
 * {@code lr = a * (b / a)^(u / L)}; without end, from a by gamma per step, {@code lr = a * gamma^u}. Computed from
 * the high end, {@code high * exp(x)} with {@code x = r u}, r the logarithm of the factor per step toward the low end
 * ({@code r <= 0}) and u the steps done (falling) or left (rising): the exponent is never positive, so the rate never
 * exceeds the high end, even near {@link Double#MAX_VALUE}, and the high end is exact.
 *
 * <p>x is computed as {@code y + yLow}, to about {@code 2^-75} of itself: {@code y = LOG_RATE * u}, the double product
 * that {@code Math.exp} takes, and {@code yLow}, what y leaves out of x, from r in two parts ({@link SplitDouble},
 * from a 60-digit logarithm, {@link ExactLog}): {@code LOG_RATE_HIGH}, the top 26 bits of LOG_RATE, and
 * {@code LOG_RATE_REST}, the rest of r to double precision: {@code yLow = (HIGH * u - y) + REST * u}, where
 * {@code HIGH * u} is exact and, by Sterbenz's lemma, so is its difference with y. Where u may reach 2^27 (a span
 * without end or longer than 2^27 steps), u from 2^27 on is first split into halves of 26 bits (Veltkamp's split),
 * whose products with {@code LOG_RATE_HIGH} are exact; a branch that no run below 2^27 steps takes. Then
 * {@code lr = (high + high yLow) exp(y)}, which is {@code high * exp(y + yLow)} to double precision since
 * {@code |yLow| <= ulp(y)}; the correction is ready before exp is, so one multiplication follows exp, as by hand.
 * (0, not NaN, where exp(y) underflows and yLow is large, at steps near {@code Long.MAX_VALUE}: for a high end above
 * {@code 2^1000}, {@code v = high exp(y)}, then {@code v + v yLow}, {@link #scaledFirst}.) Plain
 * {@code high * exp(LOG_RATE * u)} errs by about {@code |x|} ulps (LOG_RATE's rounding and the product's, amplified
 * by exp: 6.8 ulps at x = -5); this is within 4 ulps of the exact value at every step ({@code FillUlpsTest},
 * {@code ExponentialUlpsTest}), and the extra operations do not delay {@code Math.exp}: y is the same single product.
 *
 * <p>{@code fill}: per block, an anchor computed as {@code lr} computes it, times tabulated factors
 * {@code exp(r k)}, each computed as {@code exp(y) * (1 + yLow)} in the class's static initializer; where a block's
 * factors would leave the normal doubles (gamma below about 0.06 per step), or a rising one's anchors would be
 * subnormal, it is filled from the closed form instead.
 *
 * @param high the rate at the high end
 * @param logRate r, the logarithm of the factor per step toward the low end, {@code <= 0}, in parts
 * @param rising whether the rate rises along the span (then it ends at {@code high})
 */
record ExponentialShape(double high, SplitDouble logRate, boolean rising, Span span, Names names,
        String formulaText, String logRateDoc, String factorDoc) implements Shape {

    /** From a to b, both > 0, over the span. */
    static ExponentialShape between(double start, double end, Span span, Names names) {
        double low = Math.min(start, end);
        double high = Math.max(start, end);
        BigDecimal logRate = ExactLog.ln(low).subtract(ExactLog.ln(high))
                .divide(new BigDecimal(span.length()), new MathContext(60));
        return new ExponentialShape(high, SplitDouble.of(logRate), end > start, span, names,
                "{a} * ({b} / {a})^({u} / {L})", end > start ? "(ln {a} - ln {b}) / {L}" : "(ln {b} - ln {a}) / {L}",
                end > start ? "({b} / {a})^(k / {L}): the growth over k steps" : "({b} / {a})^(k / {L})");
    }

    /** From a on, times gamma in (0, 1] per step, without end; {@code gammaText} names gamma in the formula. */
    static ExponentialShape decaying(double start, double gamma, String gammaText, Span span, Names names) {
        return new ExponentialShape(start, logOf(gamma), false, span, names, "{a} * " + gammaText + "^{u}",
                "ln(" + gammaText + ")", gammaText + "^k");
    }

    /** ln gamma, from its 60-digit value: the same constants on every JDK and CPU. */
    static SplitDouble logOf(double gamma) {
        return SplitDouble.of(ExactLog.ln(gamma));
    }

    /** The longest span whose steps u need no split: {@code LOG_RATE_HIGH * u} is exact for a whole u <= 2^27. */
    private static final long WHOLE_MAX_LENGTH = 1L << 27;

    /** Whether u is a whole number of at most 2^27 at every step of the span, so that it needs no split. */
    private boolean whole() {
        return span.end() != null && span.start().isWhole() && span.end().isWhole()
                && span.end().whole() - span.start().whole() <= WHOLE_MAX_LENGTH;
    }

    private NamedConstant highConstant() {
        return rising ? NamedConstant.ofDouble(names.name("END_LR"), high, names.endDoc())
                : NamedConstant.ofDouble(names.name("START_LR"), high, names.startDoc());
    }

    private String logRateDoc(String tail) {
        return names.label().isEmpty() ? names.doc(logRateDoc, tail)
                : names.doc("-|ln b - ln a| / L", ", the logarithm of its factor per step" + tail);
    }

    private NamedConstant logRateConstant() {
        return NamedConstant.ofDouble(names.name("LOG_RATE"), logRate.value(), logRateDoc(""));
    }

    /** The names of r's parts in the generated code: its double, that double's top 26 bits, and the rest of r. */
    private record LogRateNames(String value, String high, String rest) {}

    private LogRateNames logRateNames(Code code) {
        String name = names.name("LOG_RATE");
        return new LogRateNames(code.use(logRateConstant()),
                code.use(NamedConstant.ofDouble(name + "_HIGH", logRate.high(), logRateDoc(", its top 26 bits"))),
                code.use(NamedConstant.ofDouble(name + "_REST", rest(),
                        logRateDoc(" less its top 26 bits, from a 60-digit logarithm"))));
    }

    /**
     * r less its double's top 26 bits, to double precision: the double's rest (27 bits) and what the double leaves
     * out of r, summed once here. Its rounding, {@code 2^-79} of r, is far below the {@code 2^-75} that x needs.
     */
    private double rest() {
        return logRate.rest() + logRate.low();
    }

    /** The longest u computed without the split: {@code LOG_RATE_HIGH * u} is exact for a whole u below 2^27. */
    private static final double UNSPLIT_MAX = 0x1p27;

    /** Whether u is a whole number at every step of the span (whole bounds), so below 2^27 it needs no split. */
    private boolean wholeSteps() {
        return span.start().isWhole() && (span.end() == null || span.end().isWhole());
    }

    /** The rate u steps from the high end, as {@link #prelude} and {@link #expression} compute it. */
    private double rate(double u) {
        double y = logRate.value() * u;
        double yLow;
        if (whole() || wholeSteps() && u < UNSPLIT_MAX) {
            yLow = logRate.high() * u - y + rest() * u;
        } else {
            double split = SplitDouble.SPLITTER * u;
            double uHigh = split - (split - u);
            yLow = logRate.high() * uHigh - y + logRate.high() * (u - uHigh) + rest() * u;
        }
        if (scaledFirst()) {
            double scale = high + high * yLow;
            return scale * Math.exp(y);
        }
        double v = high * Math.exp(y);
        return v + v * yLow;
    }

    /**
     * Whether {@code lr = (high + high yLow) exp(y)}: the correction is made while exp runs, and one multiplication
     * follows exp (where {@code high exp(y)} then {@code v + v yLow} put a multiplication and an addition after it).
     * Past about {@code 2^53 / |r|} steps, where exp(y) is 0, |yLow| can reach {@code 2^13}, so {@code high yLow}
     * would overflow for a high end above {@code 2^1000} and 0 times infinity be NaN: there, the other order.
     */
    private boolean scaledFirst() {
        return high <= 0x1p1000;
    }

    @Override
    public double at(long step) {
        return rate(rising ? span.left(step) : span.done(step));
    }

    /** Statements that declare u, y, yLow and v for a {@code step} of the span. */
    private CodeBlock prelude(Code code) {
        code.use(highConstant()); // declared first, as before the exponent's parts
        LogRateNames r = logRateNames(code);
        CodeBlock.Builder body = CodeBlock.builder()
                .add("// u * $N (to 60 digits) as y + yLow: y the double product, yLow its error\n", r.value())
                .addStatement("double u = $L", rising ? span.left(code) : span.done(code))
                .addStatement("double y = $N * u", r.value());
        if (whole()) {
            body.addStatement("double yLow = $N * u - y + $N * u", r.high(), r.rest());
        } else if (wholeSteps()) {
            body.add("// below 2^27 steps, $N * u is exact as it is\n", r.high())
                    .addStatement("double yLow")
                    .beginControlFlow("if (u < 0x1p27)")
                    .addStatement("yLow = $N * u - y + $N * u", r.high(), r.rest())
                    .nextControlFlow("else")
                    .add(splitYLow(code, r))
                    .endControlFlow();
        } else {
            body.addStatement("double yLow").add(splitYLow(code, r));
        }
        String high = code.use(highConstant());
        return (scaledFirst() ? body.addStatement("double scale = $N + $N * yLow", high, high)
                : body.addStatement("double v = $N * $T.exp(y)", high, Math.class)).build();
    }

    /** Statements that set yLow for any u, by way of u's split. */
    private static CodeBlock splitYLow(Code code, LogRateNames r) {
        return CodeBlock.builder()
                .add("// uHigh: u to its top 26 bits (Veltkamp's split), so that $N * uHigh is exact\n", r.high())
                .addStatement("double split = $N * u", code.use(SplitDouble.SPLITTER_CONSTANT))
                .addStatement("double uHigh = split - (split - u)")
                .addStatement("yLow = $N * uHigh - y + $N * (u - uHigh)\n+ $N * u", r.high(), r.high(), r.rest())
                .build();
    }

    /** {@code high * exp(y + yLow)}, after {@link #prelude}. */
    private CodeBlock expression() {
        return scaledFirst() ? CodeBlock.of("scale * $T.exp(y)", Math.class) : CodeBlock.of("v + v * yLow");
    }

    @Override
    public CodeBlock code(Code code) {
        return CodeBlock.builder().add(prelude(code)).addStatement("return $L", expression()).build();
    }

    @Override
    public CodeBlock fill(Code code) {
        return fill(code, FillCode.Into.SET);
    }

    @Override
    public CodeBlock fillTimes(Code code) {
        return fill(code, FillCode.Into.TIMES);
    }

    private CodeBlock fill(Code code, FillCode.Into into) {
        if (!tabulated()) {
            return FillCode.closedForm(span.variable(), prelude(code), expression(), into);
        }
        String k = rising ? "-k" : "k";
        LogRateNames r = logRateNames(code);
        String factors = code.table(new FillCode.Table(names.name("FACTORS"), CodeBlock.of(
                "$T.exp($N * $L)\n* (1 + ($N * $L - $N * $L + $N * $L))", Math.class, r.value(), k,
                r.high(), k, r.value(), k, r.rest(), k), names.doc(factorDoc)));
        if (into == FillCode.Into.TIMES) {
            // a factor: its method computes the anchor, the same bits as the statements it would repeat
            return FillCode.geometric(CodeBlock.of(""), CodeBlock.of("$N(step)", code.rate()), factors, into);
        }
        return FillCode.geometric(prelude(code), expression(), factors, into);
    }

    /**
     * Whether {@code fill} may multiply an anchor by tabulated factors: while every factor of a block is a normal
     * double (falling) or the growth over a block stays finite (rising), and, rising, every anchor, the smallest rate
     * of its block, is a normal double.
     */
    private boolean tabulated() {
        boolean factorsNormal = -logRate.value() * (FillCode.BLOCK - 1) <= 700;
        if (!rising) {
            return factorsNormal;
        }
        double logStart = Math.log(high) + logRate.value() * span.length();
        return factorsNormal && logStart > Math.log(Double.MIN_NORMAL) + 1;
    }

    /**
     * {@code lr} is within 4 units of {@code 2^-53} of the exact value (exp's ulp, then three roundings), the anchor
     * too, a factor within 3 and their product rounds once: 12 at most, where the rates are normal doubles.
     * {@code FillUlpsTest} measured 4 at most (fill against lr; 3.3 against the exact value). From the closed
     * form, 0: lr's bits.
     */
    @Override
    public int fillUlps() {
        return tabulated() ? 16 : 0;
    }

    @Override
    public String formula() {
        return names.words(formulaText);
    }

    @Override
    public String computation() {
        String high = highConstant().name();
        return (scaledFirst() ? "(" + high + " + " + high + " * yLow) * exp(y)" : high + " * exp(y) * (1 + yLow)")
                + ", y = " + logRateConstant().name() + " * "
                + (rising ? span.leftText() : span.doneText()) + ", yLow its error";
    }

    @Override
    public String kind() {
        return "exponential";
    }
}
