package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;

/**
 * Linear, from a to b over the span's L steps: {@code lr = a + (b - a) * u / L}. Computed from the low end
 * ({@link FromLowEnd}), {@code low + slope * x} with {@code slope = |b - a| / L} and x the steps done (rising) or left
 * (falling).
 */
record LinearShape(double start, double end, Span span, Names names) implements FromLowEnd, ClosedFormShape {

    double slope() {
        return amplitude() / span.length();
    }

    private NamedConstant slopeConstant() {
        return NamedConstant.ofDouble(names.name("SLOPE"), slope(), names.doc(rising() ? "({b} - {a}) / {L}"
                : "({a} - {b}) / {L}"));
    }

    @Override
    public double at(long step) {
        double x = slope() * (rising() ? span.done(step) : span.left(step));
        return plusLow(x);
    }

    @Override
    public CodeBlock expression(Code code) {
        CodeBlock x = CodeBlock.of("$N * $L", code.use(slopeConstant()), rising() ? span.done(code) : span.left(code));
        return plusLow(code, x);
    }

    @Override
    public String formula() {
        return names.words("{a} + ({b} - {a}) * {u} / {L}");
    }

    @Override
    public String computation() {
        String x = slopeConstant().name() + " * " + (rising() ? span.doneText() : span.leftText());
        return plusLow(x);
    }

    @Override
    public String kind() {
        return "linear";
    }
}
