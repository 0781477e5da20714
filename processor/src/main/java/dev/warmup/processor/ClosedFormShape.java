package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;

/**
 * A shape whose rate is one expression of the step, with no transcendental call worth tabulating: {@code lr}
 * returns the expression and {@code fill} evaluates it at every step, in blocks where it is one of the span's steps
 * ({@link FillCode#blocks}) and otherwise step by step ({@link FillCode#closedForm}), so the two agree to the bit.
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
        CodeBlock blocked = span().fillsInBlocks() ? expression(code, span().inFillBlock()) : null;
        return blocked != null ? FillCode.blocks(code, span(), CodeBlock.of("out[i + k] = $L;\n", blocked))
                : FillCode.closedForm(span().variable(), expression(code));
    }
}
