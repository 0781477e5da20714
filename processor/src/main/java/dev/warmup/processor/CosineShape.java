package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;

/**
 * Cosine, from a to b over the span's L steps: {@code lr = b + (a - b) * (1 + cos(pi * u / L)) / 2}. Computed as
 * {@code low + |b - a| * s^2} with {@code s = sin(pi / (2 L) * x)}, x the steps done (rising) or left (falling): the
 * same value by the half-angle identity and {@code cos(pi/2 - y) = sin y}. The argument is exact where the rate is
 * low (x is a whole number of steps), and the sine is flat where its argument nears pi / 2, so the rate keeps full
 * relative precision at every step, down to the last one with b = 0, where {@code 1 + cos} would cancel.
 *
 * <p>{@code fill}, falling: per block, the sine and cosine at the block's last step (where the sine is smallest)
 * computed as {@code lr} computes them, then {@code sin(y + m w) = sin y cos mw + cos y sin mw} with tabulated
 * {@code cos mw, sin mw}: two positive terms, so nothing cancels and no error grows along the block. Rising, each
 * step through {@code lr}.
 */
record CosineShape(double start, double end, Span span, Names names) implements FromLowEnd {

    private double halfOmega() {
        return Math.PI / (2 * span.length());
    }

    private NamedConstant halfOmegaConstant() {
        return NamedConstant.ofDouble(names.name("HALF_OMEGA"), halfOmega(), names.doc("pi / (2 {L})"));
    }

    @Override
    public double at(long step) {
        double s = Math.sin(halfOmega() * (rising() ? span.done(step) : span.left(step)));
        double x = amplitude() * (s * s);
        return plusLow(x);
    }

    private CodeBlock squared(Code code, String s) {
        CodeBlock x = CodeBlock.of("$N * ($L * $L)", code.use(amplitudeConstant()), s, s);
        return plusLow(code, x);
    }

    @Override
    public CodeBlock code(Code code) {
        return CodeBlock.builder()
                .addStatement("double s = $T.sin($N * $L)", Math.class, code.use(halfOmegaConstant()),
                        rising() ? span.done(code) : span.left(code))
                .addStatement("return $L", squared(code, "s"))
                .build();
    }

    @Override
    public CodeBlock fill(Code code) {
        if (rising() || span.end() == null || !span.end().isWhole()) {
            return FillCode.viaLr();
        }
        String omega = code.use(halfOmegaConstant());
        String cos = code.table(new FillCode.Table(names.name("ROTATION_COS"),
                CodeBlock.of("$T.cos($N * k)", Math.class, omega), "cos(k w)"));
        String sin = code.table(new FillCode.Table(names.name("ROTATION_SIN"),
                CodeBlock.of("$T.sin($N * k)", Math.class, omega), "sin(k w)"));
        return CodeBlock.builder()
                .addStatement("int i = from")
                .beginControlFlow("while (i < to)")
                .addStatement("int length = $T.min(FILL_BLOCK, to - i)", Math.class)
                .addStatement("int last = length - 1")
                .add("// sin(w (T - t)), rotated backward from the block's last step, where it is smallest\n")
                .addStatement("double angle = $N * ($N - (firstStep + (i - from) + last))", omega,
                        code.use(span.end().constant()))
                .addStatement("double sin = $T.sin(angle)", Math.class)
                .addStatement("double cos = $T.cos(angle)", Math.class)
                .beginControlFlow("for (int k = 0; k < length; k++)")
                .addStatement("double s = sin * $N[last - k] + cos * $N[last - k]", cos, sin)
                .addStatement("out[i + k] = $L", squared(code, "s"))
                .endControlFlow()
                .addStatement("i += length")
                .endControlFlow()
                .build();
    }

    /** A rotation of at most {@code FILL_BLOCK} steps from an exact anchor: {@code SchedulePropertiesTest} measured 10. */
    @Override
    public int fillUlps() {
        return rising() ? 0 : 32;
    }

    @Override
    public String formula() {
        return names.words("{b} + ({a} - {b}) * (1 + cos(pi * {u} / {L})) / 2");
    }

    @Override
    public String computation() {
        String x = amplitudeConstant().name() + " * sin(" + halfOmegaConstant().name() + " * "
                + (rising() ? span.doneText() : span.leftText()) + ")^2";
        return plusLow(x);
    }

    @Override
    public String kind() {
        return "cosine";
    }

    // --- a cosine cycle whose length is known only at run time: PyTorch's CosineAnnealingWarmRestarts

    /**
     * The rate {@code T_cur = sinceRestart} steps into a cycle of {@code T_i = length} steps falling from
     * {@code low + amplitude} to low: {@code low + amplitude * (1 + cos(pi * T_cur / T_i)) / 2}, computed as
     * {@code low + amplitude * c^2} with {@code c = cos(pi / 2 * T_cur / T_i)}, the same by the half-angle identity, and
     * as {@code c = sin(pi / 2 * (T_i - T_cur) / T_i)} in the second half of the cycle, where its argument is exact and
     * it keeps full relative precision as the rate nears low. A low of 0 is left out.
     */
    static double restartAt(double low, double amplitude, long sinceRestart, double length) {
        double fraction = sinceRestart / length;
        double c = fraction < 0.5 ? Math.cos(Math.PI / 2 * fraction)
                : Math.sin(Math.PI / 2 * ((length - sinceRestart) / length));
        return low == 0 ? amplitude * (c * c) : low + amplitude * (c * c);
    }

    /**
     * What {@link #restartAt} computes, as statements returning the rate, with {@code long sinceRestart} and
     * {@code double length} in scope.
     */
    static CodeBlock restartCode(Code code, NamedConstant low, NamedConstant amplitude) {
        CodeBlock.Builder body = CodeBlock.builder()
                .addStatement("double fraction = sinceRestart / length")
                .addStatement("double c = fraction < 0.5 ? $T.cos($T.PI / 2 * fraction)\n"
                        + ": $T.sin($T.PI / 2 * ((length - sinceRestart) / length))", Math.class, Math.class,
                        Math.class, Math.class);
        String amplitudeName = code.use(amplitude);
        return (Double) low.value() == 0 ? body.addStatement("return $N * (c * c)", amplitudeName).build()
                : body.addStatement("return $N + $N * (c * c)", code.use(low), amplitudeName).build();
    }
}
