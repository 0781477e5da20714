package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;

/**
 * Cosine, from a to b over the span's L steps: {@code lr = b + (a - b) * (1 + cos(pi * u / L)) / 2}. Computed as
 * {@code low + |b - a| * c^2} with {@code c = cos(w m)}, {@code w = pi / (2 L)} and m the steps from the high end
 * (done, falling; left, rising), by the half-angle identity {@code (1 + cos 2x) / 2 = cos^2 x}: the same one
 * {@code Math.cos} as the textbook form, and no {@code 1 + cos} that cancels where the rate nears its low end.
 * {@link #squared} and {@link #squaredCode} serve the cycles of {@code @WarmRestartsSchedule} and Hugging Face's
 * cycles too.
 */
record CosineShape(double start, double end, Span span, Names names) implements FromLowEnd {

    private double halfOmega() {
        return Math.PI / (2 * span.length());
    }

    private NamedConstant halfOmegaConstant() {
        return NamedConstant.ofDouble(names.name("HALF_OMEGA"), halfOmega(), names.doc("pi / (2 {L})"));
    }

    /** {@code cos^2(halfOmega * fromHigh)}, the evaluator of {@link #squaredCode}. */
    static double squared(double halfOmega, double fromHigh) {
        double c = Math.cos(halfOmega * fromHigh);
        return c * c;
    }

    /**
     * The statements {@code double c = Math.cos(halfOmega * fromHigh); return rate(c);}, what {@link #squared}
     * computes, with {@code rate} the expression of the rate in c.
     */
    static CodeBlock squaredCode(CodeBlock halfOmega, CodeBlock fromHigh, CodeBlock rate) {
        return CodeBlock.builder()
                .addStatement("double c = $T.cos($L * $L)", Math.class, halfOmega, fromHigh)
                .addStatement("return $L", rate)
                .build();
    }

    /** {@code LOW + AMPLITUDE * (c * c)}. */
    CodeBlock rate(Code code) {
        return plusLow(code, CodeBlock.of("$N * (c * c)", code.use(amplitudeConstant())));
    }

    @Override
    public double at(long step) {
        return plusLow(amplitude() * squared(halfOmega(), rising() ? span.left(step) : span.done(step)));
    }

    @Override
    public CodeBlock code(Code code) {
        return squaredCode(CodeBlock.of("$N", code.use(halfOmegaConstant())),
                rising() ? span.left(code) : span.done(code), rate(code));
    }

    @Override
    public String formula() {
        return names.words("{b} + ({a} - {b}) * (1 + cos(pi * {u} / {L})) / 2");
    }

    @Override
    public String computation() {
        return plusLow(amplitudeConstant().name() + " * c^2, c = cos(" + halfOmegaConstant().name() + " * "
                + (rising() ? span.leftText() : span.doneText()) + ")");
    }

    @Override
    public String kind() {
        return "cosine";
    }
}
