package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;

/**
 * A shape on the span {@code [0, N)}, then a value held from N on: PyTorch's {@code LinearLR},
 * {@code ConstantLR}, {@code PolynomialLR} change their factor for {@code total_iters} steps and then keep it.
 * {@code lr = shape(t)} for {@code t < N}, {@code held} after.
 *
 * @param shape the shape on the span
 * @param span where it lies, from 0 to N
 * @param held the value from N on, as a constant
 */
record HeldShape(Shape shape, Span span, NamedConstant held) implements Shape {

    private long end() {
        return span.end().whole();
    }

    @Override
    public double at(long step) {
        return step < end() ? shape.at(step) : (Double) held.value();
    }

    @Override
    public CodeBlock code(Code code) {
        return CodeBlock.builder()
                .beginControlFlow("if (step < $N)", code.use(span.end().constant()))
                .add(shape.code(code))
                .endControlFlow()
                .addStatement("return $N", code.use(held))
                .build();
    }

    @Override
    public String formula() {
        return shape.formula() + " for t < " + end() + ", then " + Literals.ofDouble((Double) held.value());
    }

    @Override
    public String computation() {
        return shape.computation() + ", then " + held.name();
    }

    @Override
    public String kind() {
        return shape.kind();
    }
}
