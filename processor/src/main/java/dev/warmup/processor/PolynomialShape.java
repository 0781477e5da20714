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
        if (rising()) {
            return CodeBlock.of("return $L;\n", plusLow(code, CodeBlock.of("-($N * $T.expm1($N * $T.log1p(-($L / $N))))",
                    code.use(amplitudeConstant()), Math.class, code.use(powerConstant()), Math.class, span.done(code),
                    code.use(spanConstant()))));
        }
        return CodeBlock.builder()
                .add(leftCode(code, span))
                .addStatement("return $L", fallingCode(code))
                .build();
    }

    /** Falling: the statement {@code double left = (END - step) / SPAN;}, of {@code span}'s steps. */
    private CodeBlock leftCode(Code code, Span span) {
        return CodeBlock.of("double left = $L / $N;\n", span.left(code), code.use(spanConstant()));
    }

    /** Falling: {@code LOW + AMPLITUDE * left^power}, the power as a product or a square root where it can be. */
    private CodeBlock fallingCode(Code code) {
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
        return plusLow(code, CodeBlock.of("$N * $L", code.use(amplitudeConstant()), scaled));
    }

    /**
     * Falling with power 1, 2 or 1/2: the closed form at every step, in blocks where the bounds are whole steps, the
     * same bits as {@code lr}; otherwise each step through {@code lr} ({@code Math.pow}, or {@code expm1} and
     * {@code log1p}, whatever the loop).
     */
    @Override
    public CodeBlock fill(Code code) {
        if (!special()) {
            return FillCode.viaRate(code, FillCode.Into.SET);
        }
        if (span.fillsInBlocks()) {
            return FillCode.blocks(code, span, CodeBlock.builder().add(leftCode(code, span.inFillBlock()))
                    .addStatement("out[j] = $L", fallingCode(code)).build());
        }
        return FillCode.closedForm(span.variable(), leftCode(code, span), fallingCode(code));
    }

    /** As {@link #fill}, multiplied in, step by step: the same bits as the factor's method. */
    @Override
    public CodeBlock fillTimes(Code code) {
        if (!special()) {
            return FillCode.viaRate(code, FillCode.Into.TIMES);
        }
        return FillCode.closedForm(span.variable(), leftCode(code, span), fallingCode(code), FillCode.Into.TIMES);
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
