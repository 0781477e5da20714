package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;

/**
 * Polynomial with a growing horizon, Keras's {@code PolynomialDecay(cycle=True)}: from a on, without end,
 * {@code lr = b + (a - b) * (1 - u / H)^power}, where the horizon H is the first multiple of the cycle length D at or
 * after u (D itself at {@code u = 0}). At each multiple of D the rate is b, and the next step jumps back up, to the
 * same polynomial over a horizon one D longer. Computed from the steps left to the horizon, {@code left = H - u}, a
 * whole number found without forming H ({@code Math.floorMod(-u, D)}, D at {@code u = 0}, so no step overflows), as
 * {@code b + |b - a| * (left / (u + left))^power}: the fraction left is a quotient of whole numbers, correctly rounded
 * (below 2^53), where Keras's {@code 1 - u / H} cancels near each multiple of D. Powers 1, 2 and 0.5 are the fraction,
 * a product or a square root, others {@code Math.pow}, as in {@link PolynomialShape}.
 *
 * @param start a, {@code > end}
 * @param end b, reached at each multiple of D
 * @param cycle D, {@code > 0}
 */
record PolynomialCycleShape(double start, double end, double power, long cycle, Span span, Names names)
        implements FromLowEnd {

    private NamedConstant cycleConstant() {
        return NamedConstant.ofLong(names.name("CYCLE_STEPS"), cycle, names.doc("{L}",
                ": the horizon is the first multiple of it at or after " + names.u()));
    }

    private NamedConstant powerConstant() {
        return NamedConstant.ofDouble(names.name("POWER"), power, names.doc("power"));
    }

    /** The steps left to the horizon: D at the span's start, else to the next multiple of D (0 on one). */
    private long left(long done) {
        return done == 0 ? cycle : Math.floorMod(-done, cycle);
    }

    @Override
    public double at(long step) {
        long done = span.doneSteps(step);
        long left = left(done);
        double fraction = left / ((double) done + left);
        return plusLow(amplitude() * PolynomialShape.raised(fraction, power));
    }

    @Override
    public CodeBlock code(Code code) {
        NamedConstant cycle = cycleConstant();
        return CodeBlock.builder()
                .addStatement("long done = $L", span.start().isZero() ? CodeBlock.of("$L", span.variable())
                        : CodeBlock.of("$L - $N", span.variable(), code.use(span.start().constant())))
                .add("// the steps left to the horizon H, the first multiple of $N at or after done\n", code.use(cycle))
                .addStatement("long left = done == 0 ? $N : $T.floorMod(-done, $N)", code.use(cycle), Math.class,
                        code.use(cycle))
                .addStatement("double fraction = left / ((double) done + left)")
                .addStatement("return $L", plusLow(code, CodeBlock.of("$N * $L", code.use(amplitudeConstant()),
                        PolynomialShape.raisedCode("fraction", power, powerConstant(), code))))
                .build();
    }

    @Override
    public String formula() {
        return names.words("{b} + ({a} - {b}) * (1 - {u} / H)^" + Literals.ofDouble(power) + ", H = {L} * max(1, "
                + "ceil({u} / {L}))");
    }

    @Override
    public String computation() {
        return plusLow(amplitudeConstant().name() + " * (left / (" + span.doneText().replaceAll("^\\((.*)\\)$", "$1")
                + " + left))^" + (PolynomialShape.special(power) ? Literals.ofDouble(power) : powerConstant().name())
                + ", left = H - " + span.doneText());
    }

    @Override
    public String kind() {
        return "polynomial, cycled";
    }
}
