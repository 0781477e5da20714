package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Cosine, from a to b over the span's L steps: {@code lr = b + (a - b) * (1 + cos(pi * u / L)) / 2}. Computed as
 * {@code low + |b - a| * c^2}, by the half-angle identity, with {@code w = pi / (2 L)} and n the steps from the low
 * end (left, falling; done, rising), m = L - n the steps from the high end:
 * <ul>
 *   <li>far from the low end ({@code m <= n}): {@code c = cos(w m)}. The rate is at least half of |b - a| there, and
 *       {@code Math.cos} is fast on every JDK;</li>
 *   <li>near it ({@code m > n}): {@code c = sin(w n) = y + S3 y^3 + ... + S17 y^17}, the odd Taylor polynomial of
 *       degree 17 (its first omitted term, {@code y^19 / 19!}, is below 2^-60 of sin y for {@code y <= pi/4}), in
 *       Horner form over {@code y^2}, its coefficients {@code S(2k+1) = (-1)^k / (2k+1)!} rounded to double
 *       ({@code SIN_3} ... {@code SIN_17}). The angle {@code y = w n} is computed to about half an ulp:
 *       {@code w = W_HIGH + W_REST + W_LOW} with W_HIGH the top 26 bits of the double nearest w (so
 *       {@code W_HIGH * n} is exact for {@code n < 2^27}), W_REST the rest of that double and W_LOW the double
 *       nearest what it leaves out of pi / (2 L), from pi to 50 digits. So the rate keeps full relative precision
 *       to the last step, with b = 0, where {@code 1 + cos} would cancel and where {@code cos(w m)} would take the
 *       cosine of an argument near pi/2.</li>
 * </ul>
 * This is {@code CosineCandidate.COS_THEN_POLY17_SPLIT_ANGLE} of the benchmarks module: within 4 ulps of the exact
 * value at every step (a test checks D = 1 to 1,000,000), and without {@code Math.sin}, which costs 2.4
 * {@code Math.cos} on JDK 17 (docs/performance.md, "cosine research"). It needs both bounds whole and
 * {@code L <= 2^27}; a fractional span (OneCycleLR's phases) or a longer one is computed as before, as
 * {@code low + |b - a| * sin(w n)^2} with {@code Math.sin}.
 *
 * <p>{@code fill}: per block, the sine and cosine at the block's step nearest the low end (its last step falling, its
 * first rising), where the sine is smallest, computed with {@code Math.sin} and {@code Math.cos}, then
 * {@code sin(y + m w) = sin y cos mw + cos y sin mw} with tabulated {@code cos mw, sin mw}: two positive terms, so
 * nothing cancels and no error grows along the block. Whole and fractional spans alike.
 */
record CosineShape(double start, double end, Span span, Names names) implements FromLowEnd {

    private double halfOmega() {
        return Math.PI / (2 * span.length());
    }

    private NamedConstant halfOmegaConstant() {
        return NamedConstant.ofDouble(names.name("HALF_OMEGA"), halfOmega(), names.doc("pi / (2 {L})"));
    }

    /** The longest span computed with the split angle: {@code W_HIGH * n} is exact for {@code n < 2^27}. */
    static final long SPLIT_ANGLE_MAX_LENGTH = 1L << 27;

    private static final MathContext DIGITS = new MathContext(50);
    private static final BigDecimal PI = new BigDecimal("3.14159265358979323846264338327950288419716939937510");

    /** The Taylor coefficients {@code (-1)^k / (2k+1)!} of sin, k = 1 to 8, rounded to double. */
    private static final long[] FACTORIALS = {6L, 120L, 5040L, 362880L, 39916800L, 6227020800L, 1307674368000L,
            355687428096000L};

    private static double sinCoefficient(int k) {
        double magnitude = 1.0 / FACTORIALS[k - 1]; // one rounding: the factorials are exact doubles
        return k % 2 == 1 ? -magnitude : magnitude;
    }

    private static NamedConstant sinCoefficientConstant(int k) {
        int power = 2 * k + 1;
        return NamedConstant.ofDouble("SIN_" + power, sinCoefficient(k),
                (k % 2 == 1 ? "-1 / " : "1 / ") + power + "!, sin's Taylor coefficient of y^" + power);
    }

    /** Whether the cosine is computed as cos far from the low end and a polynomial at a split angle near it. */
    private boolean split() {
        return span.end() != null && span.start().isWhole() && span.end().isWhole()
                && span.end().whole() - span.start().whole() <= SPLIT_ANGLE_MAX_LENGTH;
    }

    private double angleHigh() {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(halfOmega()) & 0xFFFF_FFFF_F800_0000L);
    }

    private double angleRest() {
        return halfOmega() - angleHigh();
    }

    private double angleLow() {
        BigDecimal exact = PI.divide(BigDecimal.valueOf(2 * (span.end().whole() - span.start().whole())), DIGITS);
        return exact.subtract(new BigDecimal(halfOmega()), DIGITS).doubleValue();
    }

    private NamedConstant angleHighConstant() {
        return NamedConstant.ofDouble(names.name("HALF_OMEGA_HIGH"), angleHigh(),
                names.doc("pi / (2 {L})", ", its top 26 bits"));
    }

    private NamedConstant angleRestConstant() {
        return NamedConstant.ofDouble(names.name("HALF_OMEGA_REST"), angleRest(),
                names.doc("pi / (2 {L})", " as a double, less its top 26 bits"));
    }

    private NamedConstant angleLowConstant() {
        return NamedConstant.ofDouble(names.name("HALF_OMEGA_LOW"), angleLow(),
                names.doc("pi / (2 {L})", " less its double, from pi to 50 digits"));
    }

    /** {@code S3 + S5 z + ... + S17 z^7} in Horner form: {@code sin y = y + y z p} with {@code z = y^2}. */
    private static double sinPolynomial(double z) {
        double p = sinCoefficient(8);
        for (int k = 7; k >= 1; k--) {
            p = sinCoefficient(k) + z * p;
        }
        return p;
    }

    @Override
    public double at(long step) {
        if (split()) {
            long done = span.doneSteps(step);
            long left = span.end().whole() - step;
            long far = rising() ? left : done;
            long near = rising() ? done : left;
            if (far <= near) {
                double c = Math.cos(halfOmega() * far);
                return plusLow(amplitude() * (c * c));
            }
            double high = angleHigh() * near;
            double rest = angleRest() * near + angleLow() * near;
            double y = high + rest;
            double yLow = rest - (y - high);
            double z = y * y;
            double s = y + (yLow + y * z * sinPolynomial(z));
            return plusLow(amplitude() * (s * s));
        }
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
        if (split()) {
            return splitCode(code);
        }
        return CodeBlock.builder()
                .addStatement("double s = $T.sin($N * $L)", Math.class, code.use(halfOmegaConstant()),
                        rising() ? span.done(code) : span.left(code))
                .addStatement("return $L", squared(code, "s"))
                .build();
    }

    private CodeBlock splitCode(Code code) {
        CodeBlock.Builder body = CodeBlock.builder();
        String done = span.variable();
        if (!span.start().isZero()) {
            done = "done";
            body.addStatement("long done = $L - $N", span.variable(), code.use(span.start().constant()));
        }
        body.addStatement("long left = $N - $L", code.use(span.end().constant()), span.variable());
        String far = rising() ? "left" : done;
        String near = rising() ? done : "left";
        String omega = code.use(halfOmegaConstant());
        body.beginControlFlow("if ($L <= $L)", far, near)
                .add("// far from the low end: cos(w m), m the steps from the high end\n")
                .addStatement("double c = $T.cos($N * $L)", Math.class, omega, far)
                .addStatement("return $L", squared(code, "c"))
                .endControlFlow()
                .add("// near it: sin(w n), n the steps to the low end, by its Taylor polynomial at w n = y + yLow\n")
                .addStatement("double high = $N * $L", code.use(angleHighConstant()), near)
                .addStatement("double rest = $N * $L + $N * $L", code.use(angleRestConstant()), near,
                        code.use(angleLowConstant()), near)
                .addStatement("double y = high + rest")
                .addStatement("double yLow = rest - (y - high)")
                .addStatement("double z = y * y");
        Object[] coefficients = new Object[8];
        for (int k = 1; k <= 8; k++) {
            coefficients[k - 1] = code.use(sinCoefficientConstant(k));
        }
        return body.addStatement("double p = $N + z * ($N + z * ($N + z * ($N\n"
                        + "+ z * ($N + z * ($N + z * ($N + z * $N))))))", coefficients)
                .addStatement("double s = y + (yLow + y * z * p)")
                .addStatement("return $L", squared(code, "s"))
                .build();
    }

    @Override
    public CodeBlock fill(Code code) {
        String omega = code.use(halfOmegaConstant());
        String cos = code.table(new FillCode.Table(names.name("ROTATION_COS"),
                CodeBlock.of("$T.cos($N * k)", Math.class, omega), "cos(k w)"));
        String sin = code.table(new FillCode.Table(names.name("ROTATION_SIN"),
                CodeBlock.of("$T.sin($N * k)", Math.class, omega), "sin(k w)"));
        String variable = span.variable();
        CodeBlock.Builder body = CodeBlock.builder()
                .addStatement("int i = from")
                .beginControlFlow("while (i < to)")
                .addStatement("int length = $T.min(FILL_BLOCK, to - i)", Math.class);
        String k;
        if (rising()) {
            body.add("// sin(w $L), rotated forward from the block's first step, where it is smallest\n",
                            span.doneText())
                    .addStatement("long $L = firstStep + (i - from)", variable)
                    .addStatement("double angle = $N * $L", omega, span.done(code));
            k = "k";
        } else {
            body.addStatement("int last = length - 1")
                    .add("// sin(w $L), rotated backward from the block's last step, where it is smallest\n",
                            span.leftText())
                    .addStatement("long $L = firstStep + (i - from) + last", variable)
                    .addStatement("double angle = $N * $L", omega, span.left(code));
            k = "last - k";
        }
        return body.addStatement("double sin = $T.sin(angle)", Math.class)
                .addStatement("double cos = $T.cos(angle)", Math.class)
                .beginControlFlow("for (int k = 0; k < length; k++)")
                .addStatement("double s = sin * $N[$L] + cos * $N[$L]", cos, k, sin, k)
                .addStatement("out[i + k] = $L", squared(code, "s"))
                .endControlFlow()
                .addStatement("i += length")
                .endControlFlow()
                .build();
    }

    /** A rotation of at most {@code FILL_BLOCK} steps from an exact anchor: {@code SchedulePropertiesTest} measured 10. */
    @Override
    public int fillUlps() {
        return 32;
    }

    @Override
    public String formula() {
        return names.words("{b} + ({a} - {b}) * (1 + cos(pi * {u} / {L})) / 2");
    }

    @Override
    public String computation() {
        String omega = halfOmegaConstant().name();
        if (split()) {
            String far = rising() ? span.leftText() : span.doneText();
            String near = rising() ? span.doneText() : span.leftText();
            return plusLow(amplitudeConstant().name() + " * c^2, c = cos(" + omega + " * " + far + ") where "
                    + far + " <= " + near + ", else sin(" + omega + " * " + near + ") by its Taylor polynomial");
        }
        String x = amplitudeConstant().name() + " * sin(" + omega + " * "
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
