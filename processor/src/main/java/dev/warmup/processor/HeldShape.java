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

    /**
     * The shape's pattern over the steps before N (a part of its own, {@code timesFactor1OnSpan}), then the held
     * value: nothing to do when it is 1, since {@code x * 1.0} is x.
     */
    @Override
    public CodeBlock fillTimes(Code code) {
        String end = code.use(span.end().constant());
        String name = FillCode.partName("times", code.rate()) + "OnSpan";
        String onSpan = code.method(name, () -> FillCode.part(name, shape.fillTimes(code)));
        CodeBlock.Builder body = CodeBlock.builder()
                .add(FillCode.endBefore(end))
                .addStatement("$N(out, from, end, firstStep)", onSpan);
        if ((Double) held.value() == 1.0) {
            return body.add("// from $N on, the factor is 1: out stays as it is\n", end).build();
        }
        return body.beginControlFlow("for (int i = end; i < to; i++)")
                .addStatement("out[i] *= $N", code.use(held))
                .endControlFlow()
                .build();
    }

    @Override
    public int fillUlps() {
        return shape.fillUlps();
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
