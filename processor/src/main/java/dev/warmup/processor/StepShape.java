package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;

/**
 * Step, PyTorch's {@code StepLR}: from a, times gamma every stepSize steps, {@code lr = a * gamma^k} with
 * {@code k = floor(u / stepSize)} the drops so far. The first {@value #MAX_DROPS} values are a table computed here
 * (each {@code a * gamma^k} in 60 digits, to the nearest double), so {@code lr} is a division and an array load; past
 * the table (or where a value reaches 0), {@code a * exp(ln(gamma) * k)}. {@code fill} writes runs of one value until
 * the next drop.
 */
record StepShape(double start, double gamma, long stepSize, Span span, Names names, double[] drops) implements Shape {

    StepShape(double start, double gamma, long stepSize, Span span, Names names) {
        this(start, gamma, stepSize, span, names, drops(start, gamma));
    }

    /** The most values tabulated: schedules drop a few times, and 64 halvings take a rate to 5e-20 of itself. */
    static final int MAX_DROPS = 64;

    private static final MathContext DIGITS = new MathContext(60);

    /** {@code a * gamma^k} to the nearest double, for k from 0 until a value repeats, reaches 0, or 64. */
    private static double[] drops(double start, double gamma) {
        double[] drops = new double[MAX_DROPS];
        BigDecimal exactGamma = new BigDecimal(gamma);
        BigDecimal power = BigDecimal.ONE;
        int k = 0;
        while (k < MAX_DROPS) {
            double value = new BigDecimal(start).multiply(power, DIGITS).doubleValue();
            if (k > 0 && (value == drops[k - 1] || value == 0)) {
                break;
            }
            drops[k++] = value;
            power = power.multiply(exactGamma, DIGITS);
        }
        return Arrays.copyOf(drops, k);
    }

    private NamedConstant dropsConstant() {
        return new NamedConstant(names.name("DROPS"), drops,
                names.doc("{a} * gamma^k", " for k = 0, 1, ..., to the nearest double"));
    }

    private NamedConstant startConstant() {
        return NamedConstant.ofDouble(names.name("START_LR"), start, names.startDoc());
    }

    private NamedConstant logGammaConstant() {
        return NamedConstant.ofDouble(names.name("LOG_RATE"), Math.log(gamma), names.doc("ln(gamma)"));
    }

    private NamedConstant stepSizeConstant() {
        return NamedConstant.ofLong(names.name("STEP_SIZE"), stepSize, "stepSize: steps between drops");
    }

    @Override
    public double at(long step) {
        long k = span.doneSteps(step) / stepSize;
        return k < drops.length ? drops[(int) k] : start * Math.exp(Math.log(gamma) * k);
    }

    @Override
    public CodeBlock code(Code code) {
        String drops = code.use(dropsConstant());
        return CodeBlock.builder()
                .addStatement("long drops = $L / $N", span.doneWhole(code), code.use(stepSizeConstant()))
                .addStatement("return drops < $N.length ? $N[(int) drops]\n: $N * $T.exp($N * $L)", drops, drops,
                        code.use(startConstant()), Math.class, code.use(logGammaConstant()),
                        StepValue.of(code, "drops"))
                .build();
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
        String stepSize = code.use(stepSizeConstant());
        return FillCode.runs(code, CodeBlock.of(""), CodeBlock.of("$N - $L % $N", stepSize, span.doneWhole(code),
                stepSize), into);
    }

    @Override
    public String formula() {
        return names.words("{a} * gamma^floor({u} / stepSize)");
    }

    @Override
    public String computation() {
        String drops = dropsConstant().name();
        return drops + "[k], k = floor(" + span.doneText() + " / " + stepSizeConstant().name() + "), past the table "
                + startConstant().name() + " * exp(" + logGammaConstant().name() + " * k)";
    }

    @Override
    public String kind() {
        return "step";
    }
}
