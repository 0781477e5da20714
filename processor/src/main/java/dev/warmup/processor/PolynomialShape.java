package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;

/**
 * Polynomial, from a to b over the span's L steps: {@code lr = b + (a - b) * (1 - u / L)^power}, computed from the
 * fraction of steps left {@code f = (L - u) / L} as the formula has it: falling, {@code b + |b - a| * f^power}; rising,
 * {@code b - |b - a| * f^power}. Powers 1, 2 and 0.5 are the fraction, a product or a square root, others
 * {@code Math.pow}. A quotient of whole numbers is correctly rounded, so the first step gives a exactly.
 */
record PolynomialShape(double start, double end, double power, Span span, Names names) implements FromLowEnd {

    private NamedConstant spanConstant() {
        return NamedConstant.ofDouble(names.name("SPAN"), span.length(), names.doc("{L}"));
    }

    private NamedConstant powerConstant() {
        return NamedConstant.ofDouble(names.name("POWER"), power, names.doc("power"));
    }

    private NamedConstant endConstant() {
        return NamedConstant.ofDouble(names.name("END_LR"), end, names.endDoc());
    }

    /** {@code fraction^power}: the fraction itself, a product or a square root for powers 1, 2 and 0.5. */
    static double raised(double fraction, double power) {
        if (power == 1) {
            return fraction;
        } else if (power == 2) {
            return fraction * fraction;
        } else if (power == 0.5) {
            return Math.sqrt(fraction);
        }
        return Math.pow(fraction, power);
    }

    /** The expression {@link #raised} computes, of the variable {@code fraction}. */
    static CodeBlock raisedCode(String fraction, double power, NamedConstant powerConstant, Code code) {
        if (power == 1) {
            return CodeBlock.of("$L", fraction);
        } else if (power == 2) {
            return CodeBlock.of("($L * $L)", fraction, fraction);
        }
        // an argument needs no parentheses of its own: Math.pow(c * c, POWER), not Math.pow((c * c), POWER)
        boolean enclosed = fraction.startsWith("(") && fraction.indexOf(')') == fraction.length() - 1;
        String argument = enclosed ? fraction.substring(1, fraction.length() - 1) : fraction;
        return power == 0.5 ? CodeBlock.of("$T.sqrt($L)", Math.class, argument)
                : CodeBlock.of("$T.pow($L, $N)", Math.class, argument, code.use(powerConstant));
    }

    /** Whether {@link #raised} needs no {@code Math.pow}, so that the power is written as a number. */
    static boolean special(double power) {
        return power == 1 || power == 2 || power == 0.5;
    }

    @Override
    public double at(long step) {
        double scaled = raised(span.left(step) / span.length(), power);
        return rising() ? end - amplitude() * scaled : plusLow(amplitude() * scaled);
    }

    @Override
    public CodeBlock code(Code code) {
        CodeBlock scaled = raisedCode("left", power, powerConstant(), code);
        CodeBlock x = CodeBlock.of("$N * $L", code.use(amplitudeConstant()), scaled);
        return CodeBlock.builder()
                .addStatement("double left = $L / $N", span.left(code), code.use(spanConstant()))
                .addStatement("return $L", rising() ? CodeBlock.of("$N - $L", code.use(endConstant()), x)
                        : plusLow(code, x))
                .build();
    }

    @Override
    public String formula() {
        return names.words("{b} + ({a} - {b}) * (1 - {u} / {L})^" + Literals.ofDouble(power));
    }

    @Override
    public String computation() {
        String x = amplitudeConstant().name() + " * (" + span.leftText() + " / " + spanConstant().name() + ")^"
                + (special(power) ? Literals.ofDouble(power) : powerConstant().name());
        return rising() ? endConstant().name() + " - " + x : plusLow(x);
    }

    @Override
    public String kind() {
        return "polynomial";
    }
}
