package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import java.math.BigInteger;
import java.util.OptionalLong;

/**
 * Hugging Face's cosines with {@code num_cycles}, from a down to b over the span's L steps, c = cycles:
 * <ul>
 *   <li>waves ({@code get_cosine_schedule_with_warmup}): {@code lr = b + (a - b) * (1 + cos(2 pi c u / L)) / 2},
 *       c waves (c = 0.5 is {@link CosineShape}'s one half wave, and is built as that shape);</li>
 *   <li>hard restarts ({@code get_cosine_with_hard_restarts_schedule_with_warmup}):
 *       {@code lr = b + (a - b) * (1 + cos(pi * frac(c u / L))) / 2}, c decays, back to a at each restart.</li>
 * </ul>
 * c is a multiple of 1/1024, so the position in the wave is an exact fraction of two longs, {@code r / Q}:
 * {@code frac(c u / L) = r / Q} with {@code r = m u mod Q} (restarts), and the half waves done, {@code 2 c u / L},
 * are {@code m u / Q} (waves), m / Q the fraction reduced. No rounding happens before the cosine, so every restart
 * falls on its exact step. The rate is then {@link CosineShape}'s falling cosine over a span of Q steps, at the whole
 * position {@code n}: {@code b + (a - b) * cos^2(pi / (2 Q) * n)}, n = r for restarts,
 * n = {@code Q - |(m u mod 2Q) - Q|} (the distance to the nearest crest) for waves.
 *
 * @param restarts hard restarts, or waves
 * @param cycles c, as written (or its default)
 * @param numerator m
 * @param denominator Q
 * @param wave the falling cosine over {@code [0, Q)} of the position
 */
record CosineCyclesShape(boolean restarts, double cycles, long numerator, long denominator, Span span, Names names,
        CosineShape wave) implements Shape {

    /** Cycles are multiples of 1/1024: {@code cycles * 1024} is whole. */
    static final long CYCLE_UNITS = 1024;

    /**
     * From {@code start} down to {@code end} over the span (whole bounds), with {@code cycles} a multiple of 1/1024 and
     * {@code max(cycles, 1) * 2048 * L < 2^63} (checked by the caller), so that every product below fits in a long.
     */
    static CosineCyclesShape of(boolean restarts, double cycles, double start, double end, Span span, Names names) {
        long units = (long) (cycles * CYCLE_UNITS);
        long length = span.end().whole() - span.start().whole();
        // restarts: c u / L = units u / (1024 L); waves: 2 c u / L = units u / (512 L)
        long scale = restarts ? CYCLE_UNITS : CYCLE_UNITS / 2;
        long gcd = BigInteger.valueOf(units).gcd(BigInteger.valueOf(scale * length)).longValueExact();
        long numerator = units / gcd;
        long denominator = scale * length / gcd;
        String product = (numerator == 1 ? "" : names.name(restarts ? "CYCLES_NUMERATOR" : "HALF_WAVES_NUMERATOR")
                + " * ") + names.u();
        NamedConstant q = restarts
                ? NamedConstant.ofLong(names.name("CYCLE_DENOMINATOR"), denominator,
                        "Q: cycles * " + names.u() + " / " + names.length() + " = " + product + " / Q"
                                + (numerator == 1 ? ", a cycle of Q steps" : ""))
                : NamedConstant.ofLong(names.name("HALF_WAVE_DENOMINATOR"), denominator,
                        "Q: the half waves done, 2 * cycles * " + names.u() + " / " + names.length() + ", are "
                                + product + " / Q");
        Names waveNames = new Names(names.naming(), names.label(), names.a(), names.b(), "n", "Q", names.noun());
        CosineShape wave = new CosineShape(start, end, new Span(Span.Bound.ZERO, Span.Bound.of(q, "Q"),
                restarts ? "inCycle" : "fromCrest"), waveNames);
        return new CosineCyclesShape(restarts, cycles, numerator, denominator, span, names, wave);
    }

    private NamedConstant numeratorConstant() {
        return restarts
                ? NamedConstant.ofLong(names.name("CYCLES_NUMERATOR"), numerator, "m: cycles = m / 2^k, reduced "
                        + "against " + names.length())
                : NamedConstant.ofLong(names.name("HALF_WAVES_NUMERATOR"), numerator, "m: 2 * cycles = m / 2^k, "
                        + "reduced against " + names.length());
    }

    private NamedConstant waveDenominatorConstant() {
        return NamedConstant.ofLong(names.name("WAVE_DENOMINATOR"), 2 * denominator, "2 Q: a whole wave");
    }

    /** The whole position n of the wave's span at {@code step}. */
    private long position(long step) {
        long done = span.doneSteps(step);
        if (restarts) {
            return numerator * done % denominator;
        }
        long inWave = numerator * done % (2 * denominator);
        return denominator - Math.abs(inWave - denominator);
    }

    @Override
    public double at(long step) {
        return wave.at(position(step));
    }

    /**
     * Q steps after the span's start, if that comes before its end: the first restart; for waves, the first step
     * after the start at a whole number of half waves (m of them: a trough for odd m, a crest for even m).
     */
    OptionalLong firstLandmark() {
        long step = span.start().whole() + denominator;
        return denominator < span.end().whole() - span.start().whole() ? OptionalLong.of(step)
                : OptionalLong.empty();
    }

    /** The rate at the span's end: what a wave holds after T (b for c = 0.5, a for whole c). */
    double atEnd() {
        return at(span.end().whole());
    }

    @Override
    public CodeBlock code(Code code) {
        CodeBlock.Builder body = CodeBlock.builder();
        String q = code.use(wave.span().end().constant());
        CodeBlock product = stepsTimesNumerator(code);
        if (restarts) {
            body.add("// inCycle / Q = frac(cycles * $L / $L), exactly\n", names.u(), names.length())
                    .addStatement("long inCycle = $L % $N", product, q);
        } else {
            body.add("// inWave / Q = the half waves done, 2 * cycles * $L / $L, modulo 2, exactly; fromCrest / Q\n"
                            + "// the distance to the nearest crest, in half waves (1 at a trough)\n",
                            names.u(), names.length())
                    .addStatement("long inWave = $L % $N", product, code.use(waveDenominatorConstant()))
                    .addStatement("long fromCrest = $N - $T.abs(inWave - $N)", q, Math.class, q);
        }
        return body.add(wave.code(code)).build();
    }

    /** The whole steps done times the numerator m, as a long: {@code m * u}, or {@code u} for m = 1. */
    private CodeBlock stepsTimesNumerator(Code code) {
        return numerator == 1 ? span.done(code)
                : CodeBlock.of("$N * $L", code.use(numeratorConstant()), span.done(code));
    }

    @Override
    public String formula() {
        return restarts
                ? names.words("{b} + ({a} - {b}) * (1 + cos(pi * frac(" + Literals.show(cycles)
                        + " * {u} / {L}))) / 2")
                : names.words("{b} + ({a} - {b}) * (1 + cos(2 pi * " + Literals.show(cycles) + " * {u} / {L})) / 2");
    }

    @Override
    public String computation() {
        String q = wave.span().end().constant().name();
        String product = numerator == 1 ? names.u() : numeratorConstant().name() + " * " + names.u();
        String angle = restarts ? product + " mod " + q
                : q + " - |(" + product + " mod " + waveDenominatorConstant().name() + ") - " + q + "|";
        return wave.plusLow(wave.amplitudeConstant().name() + " * cos(" + wave.names().name("HALF_OMEGA") + " * n)^2")
                + ", n = " + angle;
    }

    @Override
    public String kind() {
        return restarts ? "hard-restart cosine (cycles = " + Literals.show(cycles) + ")"
                : "cosine (cycles = " + Literals.show(cycles) + ")";
    }
}
