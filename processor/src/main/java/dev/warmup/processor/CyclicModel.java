package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
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
        CyclicModel model = new CyclicModel(mode, base, up, up + down, height, StrictMath.log(gamma), a);
        /* The highest rate is at the first peak. */
        return checks.ratesFinite(model, "maxLr", List.of(up))
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

    private String scale() {
        return switch (mode) {
            case TRIANGULAR -> "";
            case TRIANGULAR2 -> " / 2^k";
            case EXP_RANGE -> " * gamma^t";
        };
    }

    @Override
    public String scaleAttribute() {
        return "maxLr";
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
