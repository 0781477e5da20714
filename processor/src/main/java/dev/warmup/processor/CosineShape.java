package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * Cosine, from a to b over the span's L steps: {@code lr = b + (a - b) * (1 + cos(pi * u / L)) / 2}. Computed as
 * {@code low + |b - a| * c^2}, by the half-angle identity, with {@code w = pi / (2 L)} and n the steps from the low
 * end (left, falling; done, rising), m = L - n the steps from the high end:
 * <ul>
 *   <li>far from the low end ({@code m <= n / 2}, the third of the span nearest the high end): {@code c = cos(w m)},
 *       its argument at most pi/6, where its rounding moves c^2 by at most 0.6 times as much (relative); the rate is
 *       at least three quarters of |b - a| there, and {@code Math.cos} is fast on every JDK;</li>
 *   <li>near it ({@code m > n / 2}): {@code c = sin(w n) = y + S3 y^3 + ... + S17 y^17}, the odd Taylor polynomial of
 *       degree 17 (its first omitted term, {@code y^19 / 19!}, is below 2^-55 of sin y for {@code y <= pi/3}), in
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
 * {@code Math.cos} on JDK 17 (docs/performance.md, "cosine research"). Where the low end's bound is fractional (the
 * middle phase of a three-phase OneCycleLR) or {@code L > 2^27}, n is not a whole number below 2^27, so
 * {@code W_HIGH * n} would round: n is
 * first split into two halves of 26 bits by Veltkamp's split ({@code SPLITTER = 2^27 + 1}), whose products with
 * W_HIGH are exact. {@link #squared} and {@link #fromLowEndCode} compute {@code c^2} for a span and for a cycle of
 * {@code @WarmRestartsSchedule}, whose length is known only at run time.
 *
 * <p>{@code fill}: per block, the sine and cosine at the block's step nearest the low end (its last step falling, its
 * first rising), where the sine is smallest, computed with {@code Math.sin} and {@code Math.cos}, then
 * {@code sin(y + m w) = sin y cos mw + cos y sin mw} with tabulated {@code cos mw, sin mw}: two positive terms, so
 * nothing cancels and no error grows along the block. Whole and fractional spans alike. The loop is
 * {@link FillCode#rotation}, shared with Hugging Face's cycles ({@link CosineCyclesShape}, tables of a stride) and the
 * cycles of {@code @WarmRestartsSchedule} with {@code tMult >= 2} (tables by cycle, built at run time).
 */
record CosineShape(double start, double end, Span span, Names names, HalfOmega omega) implements FromLowEnd {

    /** The shape, with {@code pi / (2 L)} worked out once, to 50 digits, for its constants and for {@link #at}. */
    CosineShape(double start, double end, Span span, Names names) {
        this(start, end, span, names, HalfOmega.of(Math.PI / (2 * span.length()), exactLength(span)));
    }

    private double halfOmega() {
        return omega.value();
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

    /** Whether the near side's angle takes the steps as a whole number below 2^27, so W_HIGH * n is exact. */
    private boolean split() {
        return span.start().isWhole() && span.end().isWhole()
                && span.end().whole() - span.start().whole() <= SPLIT_ANGLE_MAX_LENGTH;
    }

    /**
     * Whether the steps to the low end are a whole number of at most 2^27 (the low end's bound is whole), so that
     * {@code W_HIGH * n} is exact without splitting n: true of OneCycleLR's phases but the middle one of three.
     */
    private boolean nearWhole() {
        return (rising() ? span.start() : span.end()).isWhole()
                && Math.ceil(span.length()) <= SPLIT_ANGLE_MAX_LENGTH;
    }

    /** L exactly: the bounds are the doubles (or longs) given, their difference taken in decimal. */
    private static BigDecimal exactLength(Span span) {
        return span.start().isWhole() && span.end().isWhole()
                ? BigDecimal.valueOf(span.end().whole() - span.start().whole())
                : new BigDecimal(span.end().value()).subtract(new BigDecimal(span.start().value()));
    }

    private OmegaCode omegaCode(Code code) {
        HalfOmega w = omega();
        return new OmegaCode(code.use(halfOmegaConstant()),
                code.use(NamedConstant.ofDouble(names.name("HALF_OMEGA_HIGH"), w.high(),
                        names.doc("pi / (2 {L})", ", its top 26 bits"))),
                code.use(NamedConstant.ofDouble(names.name("HALF_OMEGA_REST"), w.rest(),
                        names.doc("pi / (2 {L})", " as a double, less its top 26 bits"))),
                code.use(NamedConstant.ofDouble(names.name("HALF_OMEGA_LOW"), w.low(),
                        names.doc("pi / (2 {L})", " less its double, from pi to 50 digits"))));
    }

    @Override
    public double at(long step) {
        double done = split() ? span.doneSteps(step) : span.done(step);
        double left = split() ? span.end().whole() - step : span.left(step);
        double x = amplitude() * squared(omega(), rising() ? left : done, rising() ? done : left, nearWhole());
        return plusLow(x);
    }

    /** {@code low + |b - a| c^2} as code, c the cosine's variable. */
    CodeBlock squared(Code code, String c) {
        CodeBlock x = CodeBlock.of("$N * ($L * $L)", code.use(amplitudeConstant()), c, c);
        return plusLow(code, x);
    }

    @Override
    public CodeBlock code(Code code) {
        CodeBlock.Builder body = CodeBlock.builder();
        Steps done = new Steps(span.variable(), true);
        Steps left = new Steps("left", true);
        if (split()) {
            if (!span.start().isZero()) {
                done = new Steps("done", true);
                body.addStatement("long done = $L - $N", span.variable(), code.use(span.start().constant()));
            }
            body.addStatement("long left = $N - $L", code.use(span.end().constant()), span.variable());
        } else {
            done = new Steps("done", false);
            left = new Steps("left", false);
            body.addStatement("double done = $L", span.done(code))
                    .addStatement("double left = $L", span.left(code));
        }
        return body.add(fromLowEndCode(code, omegaCode(code), rising() ? left : done, rising() ? done : left,
                nearWhole(), steps -> span.toDouble(code, CodeBlock.of("$L", steps)), c -> squared(code, c))).build();
    }

    /** A variable of the generated code that counts steps: a {@code long}, or a {@code double}. */
    record Steps(String name, boolean isLong) {}

    /** {@code S3 + S5 z + ... + S17 z^7} in Horner form: {@code sin y = y + y z p} with {@code z = y^2}. */
    private static double sinPolynomial(double z) {
        double p = sinCoefficient(8);
        for (int k = 7; k >= 1; k--) {
            p = sinCoefficient(k) + z * p;
        }
        return p;
    }

    // --- c^2 from the low end, for a span and for a cycle of warm restarts

    /** 2^27 + 1, Veltkamp's splitter ({@link SplitDouble#SPLITTER}). */
    private static final double SPLITTER = SplitDouble.SPLITTER;

    /**
     * {@code pi / (2 L)} for L steps exactly: {@code value}, the double that the far side's cosine multiplies by,
     * split for the near side's angle into {@code high}, its top 26 bits, {@code rest}, the rest of it, and
     * {@code low}, the double nearest what value leaves out of {@code pi / (2 L)}, from pi to 50 digits.
     */
    record HalfOmega(double value, double high, double rest, double low) {

        static HalfOmega of(double value, BigDecimal length) {
            SplitDouble w = SplitDouble.of(value, PI.divide(length.multiply(BigDecimal.valueOf(2)), DIGITS));
            return new HalfOmega(value, w.high(), w.rest(), w.low());
        }
    }

    /** The names (or table elements) of a {@link HalfOmega}'s parts in the generated code. */
    record OmegaCode(String value, String high, String rest, String low) {}

    /**
     * {@code c^2}, with c the cosine {@code far} steps from the high end and {@code near} steps from the low end
     * ({@code far + near = L}): {@code cos(w far)} where {@code far <= near}, else {@code sin(w near)} by the Taylor
     * polynomial at {@code w near} computed to about half an ulp. {@code whole}: near is a whole number below 2^27,
     * so {@code W_HIGH * near} is exact; otherwise near, any double, is first split in two halves of 26 bits
     * (Veltkamp).
     */
    static double squared(HalfOmega w, double far, double near, boolean whole) {
        if (far <= near / 2) {
            double c = Math.cos(w.value() * far);
            return c * c;
        }
        double high;
        double rest;
        if (whole) {
            high = w.high() * near;
            rest = w.rest() * near + w.low() * near;
        } else {
            double split = SPLITTER * near;
            double nearHigh = split - (split - near);
            double nearLow = near - nearHigh;
            high = w.high() * nearHigh;
            rest = w.high() * nearLow + w.rest() * near + w.low() * near;
        }
        double y = high + rest;
        double yLow = rest - (y - high);
        double z = y * y;
        double s = y + (yLow + y * z * sinPolynomial(z));
        return s * s;
    }

    /**
     * What {@link #squared} computes, as statements that return {@code rate.apply(c)} with c the cosine's variable;
     * {@code far} and {@code near} are variables in scope, each converted by {@code toDouble} where it is a
     * {@code long}.
     */
    static CodeBlock fromLowEndCode(Code code, OmegaCode w, Steps far, Steps near, boolean whole,
            Function<String, CodeBlock> toDouble, Function<String, CodeBlock> rate) {
        CodeBlock.Builder body = CodeBlock.builder()
                .beginControlFlow("if ($L <= $L / 2)", far.name(), near.name())
                .add("// far from the low end, m <= n / 2: cos(w m), m the steps from the high end\n")
                .addStatement("double c = $T.cos($L * $L)", Math.class, w.value(),
                        far.isLong() ? toDouble.apply(far.name()) : far.name())
                .addStatement("return $L", rate.apply("c"))
                .endControlFlow()
                .add("// near it: sin(w n), n the steps to the low end, by its Taylor polynomial at w n = y + yLow\n");
        String n = near.name();
        if (near.isLong()) {
            n = "toLow";
            body.addStatement("double toLow = $L", toDouble.apply(near.name()));
        }
        if (whole) {
            body.addStatement("double high = $L * $L", w.high(), n)
                    .addStatement("double rest = $L * $L + $L * $L", w.rest(), n, w.low(), n);
        } else {
            body.add("// n = nHigh + nLow, halves of 26 bits (Veltkamp's split), so that HIGH * nHigh is exact\n")
                    .addStatement("double split = $N * $L", code.use(SplitDouble.SPLITTER_CONSTANT), n)
                    .addStatement("double nHigh = split - (split - $L)", n)
                    .addStatement("double nLow = $L - nHigh", n)
                    .addStatement("double high = $L * nHigh", w.high())
                    .addStatement("double rest = $L * nLow + $L * $L + $L * $L", w.high(), w.rest(), n, w.low(), n);
        }
        return body.addStatement("double y = high + rest")
                .addStatement("double s = $N(y, rest - (y - high))", code.method(sineMethod(code)))
                .addStatement("return $L", rate.apply("s"))
                .build();
    }

    /**
     * The generated class's {@code sine(y, yLow)}: {@code sin(y + yLow)} by its Taylor polynomial, one method
     * however many cosine spans the class has.
     */
    private static MethodSpec sineMethod(Code code) {
        Object[] coefficients = new Object[8];
        for (int k = 1; k <= 8; k++) {
            coefficients[k - 1] = code.use(sinCoefficientConstant(k));
        }
        return MethodSpec.methodBuilder("sine")
                .addJavadoc("{@code sin(y + yLow)} for {@code 0 <= y <= pi / 3} and {@code yLow} below an ulp of y:\n"
                        + "{@code y + yLow + y^3 (SIN_3 + SIN_5 y^2 + ... + SIN_17 y^14)}, the Taylor polynomial\n"
                        + "of degree 17, in Horner form.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(TypeName.DOUBLE)
                .addParameter(TypeName.DOUBLE, "y")
                .addParameter(TypeName.DOUBLE, "yLow")
                .addStatement("double z = y * y")
                .addStatement("double p = $N + z * ($N + z * ($N + z * ($N\n"
                        + "+ z * ($N + z * ($N + z * ($N + z * $N))))))", coefficients)
                .addStatement("return y + (yLow + y * z * p)")
                .build();
    }

    /**
     * The names of the rotation's constants: {@code omega}, {@code pi / (2 L)}, and the tables {@code cos} and
     * {@code sin} of {@code k * stride * omega}, k &lt; {@code FILL_BLOCK}, for steps {@code stride} positions apart.
     */
    record Rotation(String omega, String cos, String sin) {}

    /** This cosine's rotation constants for steps {@code stride} positions apart ({@link #fill}: 1). */
    Rotation rotation(Code code, long stride) {
        String omega = code.use(halfOmegaConstant());
        CodeBlock angle = stride == 1 ? CodeBlock.of("$N * k", omega)
                : CodeBlock.of("$N * $L * k", omega, Literals.ofLong(stride));
        String doc = stride == 1 ? "k w" : "k " + stride + " w";
        return new Rotation(omega,
                code.table(new FillCode.Table(names.name("ROTATION_COS"),
                        CodeBlock.of("$T.cos($L)", Math.class, angle), "cos(" + doc + ")")),
                code.table(new FillCode.Table(names.name("ROTATION_SIN"),
                        CodeBlock.of("$T.sin($L)", Math.class, angle), "sin(" + doc + ")")));
    }

    @Override
    public CodeBlock fill(Code code) {
        return fill(code, FillCode.Into.SET);
    }

    @Override
    public CodeBlock fillTimes(Code code) {
        return fill(code, FillCode.Into.TIMES);
    }

    private CodeBlock fill(Code code, FillCode.Into into) {
        Rotation rotation = rotation(code, 1);
        String variable = span.variable();
        return FillCode.rotation("from", "to", "FILL_BLOCK", rising(), offset -> {
            CodeBlock.Builder anchor = CodeBlock.builder();
            if (rising()) {
                anchor.add("// sin(w $L), rotated forward from the block's first step, where it is smallest\n",
                                span.doneText())
                        .addStatement("long $L = firstStep + $L", variable, offset)
                        .addStatement("double angle = $N * $L", rotation.omega(), span.done(code));
            } else {
                anchor.add("// sin(w $L), rotated backward from the block's last step, where it is smallest\n",
                                span.leftText())
                        .addStatement("long $L = firstStep + $L", variable, offset)
                        .addStatement("double angle = $N * $L", rotation.omega(), span.left(code));
            }
            return anchor.build();
        }, j -> CodeBlock.of("$N[$L]", rotation.cos(), j), j -> CodeBlock.of("$N[$L]", rotation.sin(), j),
                s -> squared(code, s), into);
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
        String far = rising() ? span.leftText() : span.doneText();
        String near = rising() ? span.doneText() : span.leftText();
        return plusLow(amplitudeConstant().name() + " * c^2, c = cos(" + omega + " * " + far + ") where "
                + far + " <= " + near + ", else sin(" + omega + " * " + near + ") by its Taylor polynomial");
    }

    @Override
    public String kind() {
        return "cosine";
    }
}
