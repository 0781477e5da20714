package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;

/**
 * One minus square root, from a to b over the span's L steps, Hugging Face's {@code '1-sqrt'} (Hägele et al. 2024): the
 * rate leaves (or approaches) its high end as a square root, {@code lr = high - |b - a| * sqrt(v / L)} with v the
 * steps from the high end. Falling, {@code b + (a - b) * (1 - sqrt(u / L))}, HF's 1-sqrt decay; rising,
 * {@code a + (b - a) * (1 - sqrt(1 - u / L))}, HF's 1-sqrt warmup. Computed from the low end ({@link FromLowEnd}) with
 * {@code 1 - sqrt(y) = (1 - y) / (1 + sqrt(y))}, times L over L: falling,
 * {@code low + |b - a| * ((L - u) / (L + sqrt(u L)))}; rising, the steps done and left swapped. Nothing cancels where
 * the rate nears its low end (HF's {@code 1 - sqrt} does, near the end of its decay); one division and one square
 * root, as the formula by hand has; the quotient is at most 1, so the rate never passes its high end, and it is
 * exactly 1 at the high end and 0 at the low end.
 */
record OneMinusSqrtShape(double start, double end, Span span, Names names)
        implements FromLowEnd, ClosedFormShape {

    private NamedConstant spanConstant() {
        return NamedConstant.ofDouble(names.name("SPAN"), span.length(), names.doc("{L}"));
    }

    @Override
    public double at(long step) {
        double toLow = rising() ? span.done(step) : span.left(step);
        double fromLow = rising() ? span.left(step) : span.done(step);
        double x = amplitude() * (toLow / (span.length() + Math.sqrt(fromLow * span.length())));
        return plusLow(x);
    }

    @Override
    public CodeBlock expression(Code code) {
        String amplitude = code.use(amplitudeConstant());
        String length = code.use(spanConstant());
        CodeBlock x = CodeBlock.of("$N * ($L / ($N + $T.sqrt($L * $N)))", amplitude,
                rising() ? span.done(code) : span.left(code), length, Math.class,
                rising() ? span.left(code) : span.done(code), length);
        return plusLow(code, x);
    }

    @Override
    public String formula() {
        return names.words(rising() ? "{a} + ({b} - {a}) * (1 - sqrt(1 - {u} / {L}))"
                : "{b} + ({a} - {b}) * (1 - sqrt({u} / {L}))");
    }

    @Override
    public String computation() {
        String length = spanConstant().name();
        String toLow = rising() ? span.doneText() : span.leftText();
        String fromLow = rising() ? span.leftText() : span.doneText();
        return plusLow(amplitudeConstant().name() + " * (" + toLow + " / (" + length + " + sqrt(" + fromLow
                + " * " + length + ")))");
    }

    @Override
    public String kind() {
        return "1-sqrt";
    }
}
