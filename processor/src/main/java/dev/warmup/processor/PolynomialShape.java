package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;

/**
 * Polynomial, from a to b over the span's L steps: {@code lr = b + (a - b) * (1 - u / L)^power}. Falling, computed
 * from the fraction of steps left, {@code low + |b - a| * ((L - u) / L)^power}, with powers 1, 2 and 0.5 as the
 * fraction, a product or a square root, others {@code Math.pow}; rising, as the same curve seen from its low end,
 * {@code low + |b - a| * -expm1(power * log1p(-(u / L)))}, equal to {@code b - (b - a) * (1 - u / L)^power}. Both
 * divide by L (a quotient of whole numbers is correctly rounded, so the first step gives a exactly).
 */
record PolynomialShape(double start, double end, double power, Span span, Names names) implements FromLowEnd {

    /** Whether the falling form computes {@code x^power} without {@code Math.pow}. */
    private boolean special() {
        return !rising() && (power == 1 || power == 2 || power == 0.5);
    }

    private NamedConstant spanConstant() {
        return NamedConstant.ofDouble(names.name("SPAN"), span.length(), names.doc("{L}"));
    }

    private NamedConstant powerConstant() {
        return NamedConstant.ofDouble(names.name("POWER"), power, names.doc("power"));
    }

    @Override
    public double at(long step) {
        double x;
        if (rising()) {
            x = -(amplitude() * Math.expm1(power * Math.log1p(-(span.done(step) / span.length()))));
        } else {
            double left = span.left(step) / span.length();
            double scaled;
            if (power == 1) {
                scaled = left;
            } else if (power == 2) {
                scaled = left * left;
            } else if (power == 0.5) {
                scaled = Math.sqrt(left);
            } else {
                scaled = Math.pow(left, power);
            }
            x = amplitude() * scaled;
        }
        return plusLow(x);
    }

    @Override
    public CodeBlock code(Code code) {
        CodeBlock.Builder body = CodeBlock.builder();
        CodeBlock x;
        String amplitude = code.use(amplitudeConstant());
        if (rising()) {
            x = CodeBlock.of("-($N * $T.expm1($N * $T.log1p(-($L / $N))))", amplitude, Math.class,
                    code.use(powerConstant()), Math.class, span.done(code), code.use(spanConstant()));
        } else {
            body.addStatement("double left = $L / $N", span.left(code), code.use(spanConstant()));
            CodeBlock scaled;
            if (power == 1) {
                scaled = CodeBlock.of("left");
            } else if (power == 2) {
                scaled = CodeBlock.of("(left * left)");
            } else if (power == 0.5) {
                scaled = CodeBlock.of("$T.sqrt(left)", Math.class);
            } else {
                scaled = CodeBlock.of("$T.pow(left, $N)", Math.class, code.use(powerConstant()));
            }
            x = CodeBlock.of("$N * $L", amplitude, scaled);
        }
        return body.addStatement("return $L", plusLow(code, x))
                .build();
    }

    @Override
    public String formula() {
        return names.words("{b} + ({a} - {b}) * (1 - {u} / {L})^" + Literals.ofDouble(power));
    }

    @Override
    public String computation() {
        String amplitude = amplitudeConstant().name();
        String x = rising()
                ? amplitude + " * -expm1(" + powerConstant().name() + " * log1p(-" + span.doneText() + " / "
                        + spanConstant().name() + "))"
                : amplitude + " * (" + span.leftText() + " / " + spanConstant().name() + ")^"
                        + (special() ? Literals.ofDouble(power) : powerConstant().name());
        return plusLow(x);
    }

    @Override
    public String kind() {
        return "polynomial";
    }
}
