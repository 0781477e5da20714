package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;

/**
 * Cosine, from a to b over the span's L steps: {@code lr = b + (a - b) * (1 + cos(pi * u / L)) / 2}. Computed as
 * {@code low + |b - a| * c^2} with {@code c = cos(w m)}, {@code w = pi / (2 L)} and m the steps from the high end
 * (done, falling; left, rising), by the half-angle identity {@code (1 + cos 2x) / 2 = cos^2 x}: the same one
 * {@code Math.cos} as the textbook form, and no {@code 1 + cos} that cancels where the rate nears its low end.
 * {@link #squared} and {@link #squaredCode} serve the cycles of {@code @WarmRestartsSchedule} and Hugging Face's
 * cycles too.
 *
 * <p>With a power p other than 1 (Optax's {@code exponent}), the half wave is raised to it:
 * {@code lr = b + (a - b) * ((1 + cos(pi * u / L)) / 2)^p}, computed with {@code c = cos(w u)} as
 * {@code b + |b - a| * (c^2)^p} falling and {@code b - |b - a| * (c^2)^p} rising (from b, as a rising
 * {@link PolynomialShape}); {@code (c^2)^p} is a product for p = 2, else {@code Math.pow}.
 *
 * @param power p, finite and {@code > 0}; 1 is the plain half wave
 */
record CosineShape(double start, double end, double power, Span span, Names names) implements FromLowEnd {

    /** The plain half wave, power 1. */
    CosineShape(double start, double end, Span span, Names names) {
        this(start, end, 1.0, span, names);
    }

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

    private NamedConstant powerConstant() {
        return NamedConstant.ofDouble(names.name("POWER"), power, names.doc("power"));
    }

    private NamedConstant endConstant() {
        return NamedConstant.ofDouble(names.name("END_LR"), end, names.endDoc());
    }

    @Override
    public double at(long step) {
        if (power == 1) {
            return plusLow(amplitude() * squared(halfOmega(), rising() ? span.left(step) : span.done(step)));
        }
        double raised = PolynomialShape.raised(squared(halfOmega(), span.done(step)), power);
        return rising() ? end - amplitude() * raised : plusLow(amplitude() * raised);
    }

    @Override
    public CodeBlock code(Code code) {
        CodeBlock halfOmega = CodeBlock.of("$N", code.use(halfOmegaConstant()));
        if (power == 1) {
            return squaredCode(halfOmega, rising() ? span.left(code) : span.done(code), rate(code));
        }
        CodeBlock x = CodeBlock.of("$N * $L", code.use(amplitudeConstant()),
                PolynomialShape.raisedCode("(c * c)", power, powerConstant(), code));
        return squaredCode(halfOmega, span.done(code),
                rising() ? CodeBlock.of("$N - $L", code.use(endConstant()), x) : plusLow(code, x));
    }

    @Override
    public String formula() {
        return names.words(power == 1 ? "{b} + ({a} - {b}) * (1 + cos(pi * {u} / {L})) / 2"
                : "{b} + ({a} - {b}) * ((1 + cos(pi * {u} / {L})) / 2)^" + Literals.ofDouble(power));
    }

    @Override
    public String computation() {
        if (power == 1) {
            return plusLow(amplitudeConstant().name() + " * c^2, c = cos(" + halfOmegaConstant().name() + " * "
                    + (rising() ? span.leftText() : span.doneText()) + ")");
        }
        String x = amplitudeConstant().name() + " * (c^2)^" + (PolynomialShape.special(power)
                ? Literals.ofDouble(power) : powerConstant().name()) + ", c = cos(" + halfOmegaConstant().name()
                + " * " + span.doneText() + ")";
        return rising() ? endConstant().name() + " - " + x : plusLow(x);
    }

    @Override
    public String kind() {
        return "cosine";
    }
}
