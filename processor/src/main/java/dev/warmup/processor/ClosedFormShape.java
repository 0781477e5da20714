package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;

/**
 * A shape whose rate is one expression of the step, with no transcendental call worth tabulating: {@code lr}
 * returns the expression and {@code fill} evaluates it at every step ({@link FillCode#closedForm}), so the two agree
 * to the bit.
 */
interface ClosedFormShape extends Shape {

    /** Where the shape lies; its variable is the step of the expression. */
    Span span();

    /** The rate as an expression of the span's step; constants are named through {@code code}. */
    CodeBlock expression(Code code);

    @Override
    default CodeBlock code(Code code) {
        return CodeBlock.of("return $L;\n", expression(code));
    }

    @Override
    default CodeBlock fill(Code code) {
        return FillCode.closedForm(span().variable(), expression(code));
    }
}
