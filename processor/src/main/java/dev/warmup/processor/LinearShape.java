package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;

/**
 * Linear, from a to b over the span's L steps: {@code lr = a + (b - a) * u / L}. Computed from the low end,
 * {@code low + slope * x} with {@code slope = |b - a| / L} and x the steps done (rising) or left (falling): the terms
 * are never negative, so nothing cancels where the rate nears its low end, and the low end is exact. A low end of 0
 * is left out ({@code 0.0 + x} is x, bit for bit, for {@code x >= +0.0}). A flat line counts as falling.
 */
record LinearShape(double start, double end, Span span, Names names) implements Shape {

    boolean rising() {
        return end > start;
    }

    double low() {
        return Math.min(start, end);
    }

    double slope() {
        return (Math.max(start, end) - low()) / span.length();
    }

    private NamedConstant lowConstant() {
        return rising() ? NamedConstant.ofDouble(names.name("START_LR"), start, names.startDoc())
                : NamedConstant.ofDouble(names.name("END_LR"), end, names.endDoc());
    }

    private NamedConstant slopeConstant() {
        return NamedConstant.ofDouble(names.name("SLOPE"), slope(), names.doc(rising() ? "({b} - {a}) / {L}"
                : "({a} - {b}) / {L}"));
    }

    @Override
    public double at(long step) {
        double x = slope() * (rising() ? span.done(step) : span.left(step));
        return low() == 0 ? x : low() + x;
    }

    private CodeBlock expression(Code code) {
        CodeBlock x = CodeBlock.of("$N * $L", code.use(slopeConstant()), rising() ? span.done(code) : span.left(code));
        return low() == 0 ? x : CodeBlock.of("$N + $L", code.use(lowConstant()), x);
    }

    @Override
    public CodeBlock code(Code code) {
        return CodeBlock.of("return $L;\n", expression(code));
    }

    @Override
    public CodeBlock fill(Code code) {
        return FillCode.closedForm(expression(code));
    }

    @Override
    public String formula() {
        return names.words("{a} + ({b} - {a}) * {u} / {L}");
    }

    @Override
    public String computation() {
        String x = slopeConstant().name() + " * " + (rising() ? span.doneText() : span.leftText());
        return low() == 0 ? x : lowConstant().name() + " + " + x;
    }

    @Override
    public String kind() {
        return "linear";
    }
}
