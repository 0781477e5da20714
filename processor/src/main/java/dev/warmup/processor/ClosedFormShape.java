package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;

/** A shape whose rate is one expression of the step: {@code lr} returns the expression. */
interface ClosedFormShape extends Shape {

    /** Where the shape lies; its variable is the step of the expression. */
    Span span();

    /** The rate as an expression of the span's step; constants are named through {@code code}. */
    CodeBlock expression(Code code);

    @Override
    default CodeBlock code(Code code) {
        return CodeBlock.of("return $L;\n", expression(code));
    }
}
