package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;

/**
 * A shape whose rate is one expression of the step, with no transcendental call worth tabulating: {@code lr}
 * returns the expression and {@code fill} evaluates it at every step, in blocks where it is one of the span's steps
 * ({@link FillCode#blocks}; over a span without an end, its first 2^53 steps, {@link FillCode#blocksThenSteps}) and
 * otherwise step by step ({@link FillCode#closedForm}), so the two agree to the bit.
 */
interface ClosedFormShape extends Shape {

    /** Where the shape lies; its variable is the step of the expression. */
    Span span();

    /** The rate as an expression of the span's step; constants are named through {@code code}. */
    CodeBlock expression(Code code);

    /**
     * The rate as an expression of the steps of {@code span}, this shape's span or the same in a {@code fill}
     * block ({@link Span#inFillBlock()}); null where the expression is not one of the span's steps.
     */
    default CodeBlock expression(Code code, Span span) {
        return null;
    }

    @Override
    default CodeBlock code(Code code) {
        return CodeBlock.of("return $L;\n", expression(code));
    }

    @Override
    default CodeBlock fill(Code code) {
        boolean blocks = span().fillsInBlocks() || span().fillsInBlocksAtFirst();
        CodeBlock blocked = blocks ? expression(code, span().inFillBlock()) : null;
        if (blocked == null) {
            return FillCode.closedForm(span().variable(), expression(code));
        }
        CodeBlock perStep = CodeBlock.of("out[j] = $L;\n", blocked);
        return span().fillsInBlocks() ? FillCode.blocks(code, span(), perStep)
                : FillCode.blocksThenSteps(code, span(), perStep, expression(code));
    }

    /** The expression at every step, multiplied in: the same bits as the factor's method. */
    @Override
    default CodeBlock fillTimes(Code code) {
        return FillCode.closedForm(span().variable(), CodeBlock.of(""), expression(code), FillCode.Into.TIMES);
    }
}
