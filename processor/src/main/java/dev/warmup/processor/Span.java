package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;

/**
 * Where a {@link Shape} lies on the step axis: from {@code start} (inclusive) to {@code end} (exclusive), or on without
 * end. A bound is a whole step (a {@code long} constant such as {@code WARMUP_STEPS}), or, for PyTorch's
 * {@code OneCycleLR}, a fractional one (a {@code double} constant); a start of 0 is no constant at all. The steps
 * done {@code u = step - start} and the steps left {@code L - u = end - step} are computed here, once for the
 * evaluator and once as code, in the same type: in {@code long} for whole bounds, then converted (in the generated
 * code by Java's own widening of a {@code long} in a {@code double} expression, the same value).
 *
 * @param start the first step of the span
 * @param end the first step after it, or null when the span has no end
 * @param variable the step in the generated code: {@code step}, or a step within a cycle ({@code position})
 */
record Span(Bound start, Bound end, String variable) {

    /** A span of {@code lr}'s own {@code step}. */
    Span(Bound start, Bound end) {
        this(start, end, "step");
    }

    /**
     * A bound: a constant of the generated class (null for 0), and its symbol in the Javadoc's "computed as"
     * column ({@code W}, {@code T}, {@code PHASE_1_END}).
     */
    record Bound(NamedConstant constant, String symbol) {

        static final Bound ZERO = new Bound(null, "0");

        /** A whole step named by a {@code long} constant; a bound of 0 is {@link #ZERO}. */
        static Bound of(NamedConstant constant, String symbol) {
            return constant.value() instanceof Long l && l == 0 ? ZERO : new Bound(constant, symbol);
        }

        boolean isZero() {
            return constant == null;
        }

        boolean isWhole() {
            return constant == null || constant.value() instanceof Long;
        }

        long whole() {
            return constant == null ? 0 : (Long) constant.value();
        }

        double value() {
            return constant == null ? 0 : ((Number) constant.value()).doubleValue();
        }
    }

    /** A span without end, from {@code start} on. */
    static Span from(Bound start) {
        return new Span(start, null);
    }

    /** The length L of the span, as a double. */
    double length() {
        return start.isWhole() && end.isWhole() ? (double) (end.whole() - start.whole()) : end.value() - start.value();
    }

    /** The steps done, u. */
    double done(long step) {
        return start.isZero() ? step : start.isWhole() ? (double) (step - start.whole()) : step - start.value();
    }

    /** The whole steps done, for a whole start. */
    long doneSteps(long step) {
        return step - start.whole();
    }

    /** The steps left, {@code L - u}. */
    double left(long step) {
        return end.isWhole() ? (double) (end.whole() - step) : end.value() - step;
    }

    /**
     * The steps done, an expression that a {@code double} expression takes as it is: {@code step},
     * {@code (step - START)} (a {@code long}, widened exactly as {@link #done(long)} converts it), or
     * {@code (step - START)} for a fractional start (a {@code double}).
     */
    CodeBlock done(Code code) {
        return start.isZero() ? CodeBlock.of("$L", variable)
                : CodeBlock.of("($L - $N)", variable, code.use(start.constant()));
    }

    /** The steps left, {@code (END - step)}, in the same way. */
    CodeBlock left(Code code) {
        return CodeBlock.of("($N - $L)", code.use(end.constant()), variable);
    }

    /** The steps done in the Javadoc's "computed as": {@code t}, or {@code (t - W)}. */
    String doneText() {
        return start.isZero() ? "t" : "(t - " + start.symbol() + ")";
    }

    /** The steps left in the Javadoc's "computed as": {@code (T - t)}. */
    String leftText() {
        return "(" + end.symbol() + " - t)";
    }
}
