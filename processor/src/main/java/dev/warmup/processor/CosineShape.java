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
record CosineShape(double start, double end, Span span, Names names) implements Shape {

    boolean rising() {
        return end > start;
    }

    private double low() {
        return Math.min(start, end);
    }

    private double amplitude() {
        return Math.max(start, end) - low();
    }

    private double halfOmega() {
        return Math.PI / (2 * span.length());
    }

    private NamedConstant lowConstant() {
        return rising() ? NamedConstant.ofDouble(names.name("START_LR"), start, names.startDoc())
                : NamedConstant.ofDouble(names.name("END_LR"), end, names.endDoc());
    }

    private NamedConstant amplitudeConstant() {
        return NamedConstant.ofDouble(names.name("AMPLITUDE"), amplitude(),
                names.doc(rising() ? "{b} - {a}" : "{a} - {b}"));
    }

    private NamedConstant halfOmegaConstant() {
        return NamedConstant.ofDouble(names.name("HALF_OMEGA"), halfOmega(), names.doc("pi / (2 {L})"));
    }

    @Override
    public double at(long step) {
        double s = Math.sin(halfOmega() * (rising() ? span.done(step) : span.left(step)));
        double x = amplitude() * (s * s);
        return low() == 0 ? x : low() + x;
    }

    private CodeBlock squared(Code code, String s) {
        CodeBlock x = CodeBlock.of("$N * ($L * $L)", code.use(amplitudeConstant()), s, s);
        return low() == 0 ? x : CodeBlock.of("$N + $L", code.use(lowConstant()), x);
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

    @Override
    public int fillUlps() {
        return rising() ? 0 : 2048;
    }

    @Override
    public String formula() {
        return names.words("{b} + ({a} - {b}) * (1 + cos(pi * {u} / {L})) / 2");
    }

    @Override
    public String computation() {
        String x = amplitudeConstant().name() + " * sin(" + halfOmegaConstant().name() + " * "
                + (rising() ? span.doneText() : span.leftText()) + ")^2";
        return low() == 0 ? x : lowConstant().name() + " + " + x;
    }

    @Override
    public String kind() {
        return "cosine";
    }
}
