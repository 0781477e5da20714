package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.warmup.CyclicMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * A validated {@code @CyclicSchedule}, PyTorch's {@code CyclicLR}: with {@code k = step / C} the cycle (one long
 * division) and {@code p = step - k * C} the step within it, the height above baseLr is a {@link LinearShape} rising
 * from 0 to {@code maxLr - baseLr} up to the peak, {@code UP_SLOPE * p}, and one falling back to 0 after it,
 * {@code DOWN_SLOPE * (C - p)}, exact in whole steps where PyTorch computes
 * {@code x = 1 + t / C - floor(1 + t / C)} in floating point; the mode then scales it: not at all, by {@code 2^-k}
 * ({@code Math.scalb}, exact, as PyTorch's {@code 1 / 2.**(cycle - 1)}), or by {@code gamma^t}.
 */
record CyclicModel(CyclicMode mode, double baseLr, long stepSizeUp, long cycleLength, double height,
        double logGamma, Attributes attributes) implements ScheduleModel {

    /** Past this many halvings every height is 0 (2^-2200 times the largest double underflows). */
    static final long MAX_HALVINGS = 2200;

    /** Validates a {@code @CyclicSchedule}, reporting every problem; empty if there was one. */
    static Optional<ScheduleModel> validate(Attributes a, Reporter reporter) {
        Checks checks = new Checks(a, reporter);
        checks.name();
        boolean baseOk = checks.rate("baseLr", false, "the rate at the start of every cycle");
        double base = a.doubleValue("baseLr");
        double max = a.doubleValue("maxLr");
        boolean maxOk = baseOk ? checks.check(Double.isFinite(max) && max >= base, "maxLr",
                "the rate at the peak of the first cycle must be finite and >= baseLr = " + Literals.ofDouble(base))
                : checks.rate("maxLr", false, "the rate at the peak of the first cycle");
        boolean upOk = checks.positive("stepSizeUp", "the steps from the start of a cycle to its peak");
        boolean downSet = a.isSet("stepSizeDown");
        boolean downOk = !downSet || checks.positive("stepSizeDown", "the steps from the peak of a cycle to the "
                + "start of the next");
        CyclicMode mode = CyclicMode.valueOf(a.enumValue("mode"));
        double gamma = a.doubleValue("gamma");
        boolean gammaOk = true;
        if (mode == CyclicMode.EXP_RANGE) {
            gammaOk = checks.check(gamma > 0 && gamma <= 1, "gamma", "the factor of the height per step must be in "
                    + "(0, 1]");
        } else {
            checks.unused("gamma", "mode = CyclicMode." + mode + " does not use it; remove it, or set mode = "
                    + "CyclicMode.EXP_RANGE");
        }
        long up = a.longValue("stepSizeUp");
        long down = downSet ? a.longValue("stepSizeDown") : up;
        if (upOk && downOk && !checks.check(down <= Long.MAX_VALUE - up, downSet ? "stepSizeDown" : "stepSizeUp",
                "a cycle of stepSizeUp + stepSizeDown steps must be at most Long.MAX_VALUE steps")) {
            return Optional.empty();
        }
        if (!(baseOk && maxOk && upOk && downOk && gammaOk)) {
            return Optional.empty();
        }
        double height = max - base;
        CyclicModel model = new CyclicModel(mode, base, up, up + down, height, Math.log(gamma), a);
        /* The highest rate is at the first peak. */
        return checks.constantsFinite(model, "maxLr") && checks.ratesFinite(model, "maxLr", List.of(up))
                ? Optional.of(model) : Optional.empty();
    }

    @Override
    public double at(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        long cycle = step / cycleLength;
        long position = step - cycle * cycleLength;
        double height = position <= stepSizeUp ? rise().at(position) : fall().at(position);
        return switch (mode) {
            case TRIANGULAR -> baseLr + height;
            case TRIANGULAR2 -> baseLr + Math.scalb(height, -(int) Math.min(cycle, MAX_HALVINGS));
            case EXP_RANGE -> baseLr + height * Math.exp(logGamma * step);
        };
    }

    @Override
    public long warmupSteps() {
        return 0;
    }

    @Override
    public Map<String, String> defaultsUsed() {
        Map<String, String> used = new LinkedHashMap<>();
        used.put("stepSizeUp", attributes.show("stepSizeUp"));
        used.put("stepSizeDown", Literals.show(cycleLength - stepSizeUp));
        used.put("mode", attributes.show("mode"));
        if (mode == CyclicMode.EXP_RANGE) {
            used.put("gamma", attributes.show("gamma"));
        }
        return used;
    }

    private NamedConstant stepSizeUpConstant() {
        return NamedConstant.ofLong("STEP_SIZE_UP", stepSizeUp, "stepSizeUp: the peak's step within a cycle");
    }

    private NamedConstant cycleLengthConstant() {
        return NamedConstant.ofLong("CYCLE_LENGTH", cycleLength, "stepSizeUp + stepSizeDown: the steps of a cycle");
    }

    /** The height above baseLr up to the peak: from 0 to {@code maxLr - baseLr} over stepSizeUp steps. */
    private LinearShape rise() {
        return new LinearShape(0, height, new Span(Span.Bound.ZERO, Span.Bound.of(stepSizeUpConstant(),
                "stepSizeUp"), "position"), new Names(role -> "UP_" + role, "", "0", "(maxLr - baseLr)", "p",
                "stepSizeUp"));
    }

    /** The height above baseLr after the peak: from {@code maxLr - baseLr} back to 0 over stepSizeDown steps. */
    private LinearShape fall() {
        return new LinearShape(height, 0, new Span(Span.Bound.of(stepSizeUpConstant(), "stepSizeUp"),
                Span.Bound.of(cycleLengthConstant(), "C"), "position"), new Names(role -> "DOWN_" + role, "",
                "(maxLr - baseLr)", "0", "(p - stepSizeUp)", "stepSizeDown"));
    }

    @Override
    public List<Shape> shapes() {
        return List.of(rise(), fall());
    }

    @Override
    public CodeBlock lrBody(Code code) {
        String length = code.use(cycleLengthConstant());
        CodeBlock.Builder body = CodeBlock.builder()
                .addStatement("long cycle = step / $N", length)
                .addStatement("long position = step - cycle * $N", length)
                .addStatement("double height = position <= $N ? $L\n: $L", code.use(stepSizeUpConstant()),
                        rise().expression(code), fall().expression(code));
        String base = code.use(baseLrConstant());
        return switch (mode) {
            case TRIANGULAR -> body.addStatement("return $N + height", base).build();
            case TRIANGULAR2 -> body.add("// the height halves every cycle; past $L halvings it is 0\n", MAX_HALVINGS)
                    .addStatement("return $N + $T.scalb(height, -(int) $T.min(cycle, $LL))", base, Math.class,
                            Math.class, MAX_HALVINGS)
                    .build();
            case EXP_RANGE -> body.addStatement("return $N + height * $T.exp($N * step)", base, Math.class,
                    code.use(logGammaConstant())).build();
        };
    }

    private NamedConstant baseLrConstant() {
        return NamedConstant.ofDouble("BASE_LR", baseLr, "baseLr");
    }

    private NamedConstant logGammaConstant() {
        return NamedConstant.ofDouble("LOG_GAMMA", logGamma, "ln(gamma)");
    }

    /** Below this many halvings, {@code Math.scalb(h, -k)} is one multiplication by {@code 2^-k}, the same bits. */
    static final int SCALB_BY_ONE_FACTOR = 512;

    /**
     * Half-cycle by half-cycle: the cycle and the position in it are computed once, from {@code fromStep}, then
     * advanced; each half-cycle's heights come from its {@link LinearShape}'s pattern ({@code fillRise},
     * {@code fillFall}, whose {@code firstStep} is the first position), then baseLr and the mode's scale are applied,
     * the halving once per cycle; {@code gamma^t} of {@code EXP_RANGE} as one anchor per block times tabulated powers.
     */
    @Override
    public CodeBlock fillBody(Code code) {
        String length = code.use(cycleLengthConstant());
        String up = code.use(stepSizeUpConstant());
        String base = code.use(baseLrConstant());
        CodeBlock.Builder body = CodeBlock.builder()
                .addStatement("long cycle = fromStep / $N", length)
                .addStatement("long position = fromStep - cycle * $N", length)
                .addStatement("int i = 0")
                .beginControlFlow("while (i < n)")
                .add("// the rest of this half-cycle: rising while position <= $N, then falling to the cycle's end\n",
                        up)
                .addStatement("boolean rising = position <= $N", up)
                .addStatement("long left = (rising ? $N + 1 : $N) - position", up, length)
                .addStatement("int end = left >= n - i ? n : i + (int) left")
                .beginControlFlow("if (rising)")
                .addStatement("fillRise(out, i, end, position)")
                .nextControlFlow("else")
                .addStatement("fillFall(out, i, end, position)")
                .endControlFlow();
        switch (mode) {
            case TRIANGULAR -> body.beginControlFlow("for (int j = i; j < end; j++)")
                    .addStatement("out[j] = $N + out[j]", base)
                    .endControlFlow();
            case EXP_RANGE -> { } // scaled below, over the whole range
            case TRIANGULAR2 -> body
                    .add("// the height halves every cycle; past $L halvings it is 0\n", MAX_HALVINGS)
                    .addStatement("int halvings = (int) $T.min(cycle, $LL)", Math.class, MAX_HALVINGS)
                    .beginControlFlow("if (halvings < $L)", SCALB_BY_ONE_FACTOR)
                    .add("// Math.scalb(h, -halvings) is h * 2^-halvings here, one multiplication: the same bits\n")
                    .addStatement("double scale = $T.scalb(1.0, -halvings)", Math.class)
                    .beginControlFlow("for (int j = i; j < end; j++)")
                    .addStatement("out[j] = $N + out[j] * scale", base)
                    .endControlFlow()
                    .nextControlFlow("else")
                    .beginControlFlow("for (int j = i; j < end; j++)")
                    .addStatement("out[j] = $N + $T.scalb(out[j], -halvings)", base, Math.class)
                    .endControlFlow()
                    .endControlFlow();
        }
        body.addStatement("position += end - i")
                .beginControlFlow("if (position == $N)", length)
                .addStatement("cycle++")
                .addStatement("position = 0")
                .endControlFlow()
                .addStatement("i = end")
                .endControlFlow();
        if (mode != CyclicMode.EXP_RANGE) {
            return body.build();
        }
        String powers = code.table(new FillCode.Table("GAMMA_POWERS", CodeBlock.of("$T.exp($N * k)", Math.class,
                code.use(logGammaConstant())), "gamma^k"));
        return body.add("// times gamma^t: per block, exp(LOG_GAMMA * t) at its first step, times GAMMA_POWERS[k]\n")
                .addStatement("i = 0")
                .beginControlFlow("while (i < n)")
                .addStatement("int length = $T.min(FILL_BLOCK, n - i)", Math.class)
                .addStatement("double anchor = $T.exp($N * (fromStep + i))", Math.class, code.use(logGammaConstant()))
                .beginControlFlow("for (int k = 0; k < length; k++)")
                .addStatement("out[i + k] = $N + out[i + k] * (anchor * $N[k])", base, powers)
                .endControlFlow()
                .addStatement("i += length")
                .endControlFlow()
                .build();
    }

    @Override
    public List<MethodSpec> fillMethods(Code code) {
        return List.of(FillCode.part("fillRise", rise().fill(code)), FillCode.part("fillFall", fall().fill(code)));
    }

    /** {@code EXP_RANGE}'s tabulated powers of gamma round as the exponential decay's do (ExponentialShape). */
    @Override
    public int fillUlps() {
        return mode == CyclicMode.EXP_RANGE ? 2048 : 0;
    }

    @Override
    public String fillJavadoc() {
        return ScheduleModel.segmentedFillJavadoc("half-cycles", fillUlps());
    }

    private String scale() {
        return switch (mode) {
            case TRIANGULAR -> "";
            case TRIANGULAR2 -> " / 2^k";
            case EXP_RANGE -> " * gamma^t";
        };
    }

    @Override
    public String summary() {
        return "cyclical rate, PyTorch's CyclicLR in mode " + mode.name().toLowerCase(java.util.Locale.ROOT)
                + ": cycles of " + cycleLength + " steps, " + stepSizeUp + " up from baseLr and "
                + (cycleLength - stepSizeUp) + " down; k = t / " + cycleLength + " is the cycle, p = t - k * "
                + cycleLength + " the step within it";
    }

    @Override
    public List<FormulaRow> formulaRows() {
        String computedScale = switch (mode) {
            case TRIANGULAR -> "";
            case TRIANGULAR2 -> ", scalb(h, -k)";
            case EXP_RANGE -> " * exp(LOG_GAMMA * t)";
        };
        return List.of(
                new FormulaRow("p <= " + stepSizeUp, "baseLr + (maxLr - baseLr) * p / stepSizeUp" + scale(),
                        "BASE_LR + h" + computedScale + ", h = UP_SLOPE * p"),
                new FormulaRow("p > " + stepSizeUp,
                        "baseLr + (maxLr - baseLr) * (" + cycleLength + " - p) / stepSizeDown" + scale(),
                        "BASE_LR + h" + computedScale + ", h = DOWN_SLOPE * (CYCLE_LENGTH - p)"));
    }

    @Override
    public List<Long> keySteps() {
        List<Long> steps = new ArrayList<>();
        for (long cycle = 0; cycle < 3 && cycle <= (Long.MAX_VALUE - cycleLength) / cycleLength; cycle++) {
            steps.add(cycle * cycleLength);
            steps.add(cycle * cycleLength + stepSizeUp / 2);
            steps.add(cycle * cycleLength + stepSizeUp);
        }
        return List.copyOf(new java.util.TreeSet<>(steps));
    }
}
