package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;

/**
 * Where a {@link Shape} lies on the step axis: from {@code start} (inclusive) to {@code end} (exclusive), or on without
 * end. A bound is a whole step (a {@code long} constant such as {@code WARMUP_STEPS}), or, for PyTorch's
 * {@code OneCycleLR}, a fractional one (a {@code double} constant); a start of 0 is no constant at all. The steps
 * done {@code u = step - start} and the steps left {@code L - u = end - step} are computed here, once for the
 * evaluator and once as code, in the same type: in {@code long} for whole bounds, then converted (in the generated
 * code by {@link StepValue}, to the same value as Java's conversion).
 *
 * @param start the first step of the span
 * @param end the first step after it, or null when the span has no end
 * @param variable the step in the generated code: {@code step}, or a step within a cycle ({@code position})
 * @param inBlock whether the code is that of a {@code fill} block ({@link FillCode#blocks}), where the steps done
 *     and left are those of the block's first step, {@code firstDone} and {@code firstLeft}, plus or minus
 *     {@code k}, the step's place in the block as a double
 */
record Span(Bound start, Bound end, String variable, boolean inBlock) {

    /** A span of {@code variable}. */
    Span(Bound start, Bound end, String variable) {
        this(start, end, variable, false);
    }

    /** A span of {@code lr}'s own {@code step}. */
    Span(Bound start, Bound end) {
        this(start, end, "step");
    }

    /**
     * Whether {@code fill} can run in blocks over this span: its bounds are whole steps and it has an end, so that the
     * steps done and left, below 2^53, are whole doubles and adding {@code FILL_STEPS[k]} to them is exact. (Without
     * an end, steps past 2^53 would round; such spans are filled step by step.)
     */
    boolean fillsInBlocks() {
        return start.isWhole() && end != null && end.isWhole() && end.whole() - start.whole() <= 1L << 53;
    }

    /**
     * Whether {@code fill} can run in blocks over this span's first 2^53 steps, and step by step after: a whole start
     * and no end ({@link FillCode#blocksThenSteps}).
     */
    boolean fillsInBlocksAtFirst() {
        return start.isWhole() && end == null;
    }

    /** The steps done at {@code firstStep}, a step of the span, as a {@code long}: {@code (firstStep - START)}. */
    CodeBlock doneAtFirstStep(Code code) {
        return start.isZero() ? CodeBlock.of("firstStep") : CodeBlock.of("(firstStep - $N)", code.use(start.constant()));
    }

    /** The span as seen by the statements of a {@code fill} block, for a span that {@link #fillsInBlocks()}. */
    Span inFillBlock() {
        return new Span(start, end, variable, true);
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
     * The steps done as a double: {@code toDouble(step)}, {@code toDouble(step - START)} (see {@link StepValue}), or
     * {@code (toDouble(step) - START)} for a fractional start.
     */
    CodeBlock done(Code code) {
        if (inBlock) {
            return CodeBlock.of("(firstDone + k)");
        }
        if (!start.isWhole()) {
            return CodeBlock.of("($L - $N)", toDouble(code, CodeBlock.of("$L", variable)),
                    code.use(start.constant()));
        }
        return toDouble(code, start.isZero() ? CodeBlock.of("$L", variable)
                : CodeBlock.of("$L - $N", variable, code.use(start.constant())));
    }

    /** The steps left as a double: {@code toDouble(END - step)}, or {@code (END - toDouble(step))}. */
    CodeBlock left(Code code) {
        if (inBlock) {
            return CodeBlock.of("(firstLeft - k)");
        }
        if (!end.isWhole()) {
            return CodeBlock.of("($N - $L)", code.use(end.constant()), toDouble(code, CodeBlock.of("$L", variable)));
        }
        return toDouble(code, CodeBlock.of("$N - $L", code.use(end.constant()), variable));
    }

    /**
     * {@code steps}, a count of this span's steps (its variable, the steps done or the steps left, each in [0, end]
     * where the code runs; also {@link CosineShape}'s {@code long} counts), as a double: by
     * {@link StepValue#ofSmall} where the span ends below 2^52, so that every such count is below it, else by
     * {@link StepValue#of}.
     */
    CodeBlock toDouble(Code code, CodeBlock steps) {
        return end != null && end.value() < 0x1p52 ? StepValue.ofSmall(code, steps) : StepValue.of(code, steps);
    }

    /** The whole steps done as a {@code long}, for a whole start: {@code step}, or {@code (step - START)}. */
    CodeBlock doneWhole(Code code) {
        return start.isZero() ? CodeBlock.of("$L", variable)
                : CodeBlock.of("($L - $N)", variable, code.use(start.constant()));
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
