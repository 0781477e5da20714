package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import dev.warmup.CyclicMode;
import dev.warmup.QuantityKind;
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
 * ({@code Math.scalb}, exact, as PyTorch's {@code 1 / 2.**(cycle - 1)}), or by {@code gamma^t}. The momentum, cycled
 * unless {@code cycleMomentum = false}, is {@code maxMomentum} less the same wave of height
 * {@code maxMomentum - baseMomentum}, as PyTorch computes it.
 *
 * @param quantities the cycled momentum, or none
 */
record CyclicModel(CyclicMode mode, double baseLr, long stepSizeUp, long cycleLength, double height,
        double logGamma, Attributes attributes, List<QuantityModel> quantities) implements ScheduleModel {

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
            gammaOk = !a.isSet("gamma"); // an error above: no class
        }
        long up = a.longValue("stepSizeUp");
        long down = downSet ? a.longValue("stepSizeDown") : up;
        if (upOk && downOk && !checks.check(down <= Long.MAX_VALUE - up, downSet ? "stepSizeDown" : "stepSizeUp",
                "a cycle of stepSizeUp + stepSizeDown steps must be at most Long.MAX_VALUE steps")) {
            return Optional.empty();
        }
        boolean momentumOk = checks.cycledMomentum();
        if (!(baseOk && maxOk && upOk && downOk && gammaOk && momentumOk)) {
            return Optional.empty();
        }
        double height = max - base;
        CyclicModel model = new CyclicModel(mode, base, up, up + down, height, StrictMath.log(gamma), a, List.of());
        if (a.booleanValue("cycleMomentum")) {
            double top = a.doubleValue("maxMomentum");
            double bottom = a.doubleValue("baseMomentum");
            model = new CyclicModel(mode, base, up, up + down, height, StrictMath.log(gamma), a, List.of(
                    new QuantityModel("momentum", QuantityKind.MOMENTUM, "cycled against the rate, from maxMomentum"
                            + " = " + Literals.ofDouble(top) + " down to baseMomentum = "
                            + Literals.ofDouble(bottom) + " at the peak of the rate, the wave scaled as the rate's",
                            model.new Momentum(top, top - bottom), "", null)));
        }
        /* The highest rate is at the first peak. */
        return checks.ratesFinite(model, "maxLr", List.of(up))
                ? Optional.of(model) : Optional.empty();
    }

    @Override
    public double at(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        return baseLr + wave(step, height, "");
    }

    /** The height of the wave of amplitude {@code amplitude} at {@code step}, scaled by the mode. */
    private double wave(long step, double amplitude, String prefix) {
        long cycle = step / cycleLength;
        long position = step - cycle * cycleLength;
        double h = position <= stepSizeUp ? rise(amplitude, prefix).at(position) : fall(amplitude, prefix).at(position);
        return switch (mode) {
            case TRIANGULAR -> h;
            case TRIANGULAR2 -> Math.scalb(h, -(int) Math.min(cycle, MAX_HALVINGS));
            case EXP_RANGE -> h * Math.exp(logGamma * step);
        };
    }

    /** The momentum: maxMomentum less the wave of height {@code maxMomentum - baseMomentum}. */
    private final class Momentum implements Series {
        private final double max;
        private final double amplitude;

        Momentum(double max, double amplitude) {
            this.max = max;
            this.amplitude = amplitude;
        }

        @Override
        public double at(long step) {
            return max - wave(step, amplitude, "MOMENTUM_");
        }

        @Override
        public CodeBlock body(Code code) {
            return CyclicModel.this.body(code, "MOMENTUM_", NamedConstant.ofDouble("MAX_MOMENTUM", max, "maxMomentum"),
                    amplitude, "-");
        }

        @Override
        public List<FormulaRow> formulaRows() {
            return CyclicModel.this.formulaRows("maxMomentum - (maxMomentum - baseMomentum)", "MAX_MOMENTUM - ",
                    "MOMENTUM_");
        }
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
        used.put("cycleMomentum", attributes.show("cycleMomentum"));
        if (attributes.booleanValue("cycleMomentum")) {
            used.put("baseMomentum", attributes.show("baseMomentum"));
            used.put("maxMomentum", attributes.show("maxMomentum"));
        }
        return used;
    }

    private NamedConstant stepSizeUpConstant() {
        return NamedConstant.ofLong("STEP_SIZE_UP", stepSizeUp, "stepSizeUp: the peak's step within a cycle");
    }

    private NamedConstant cycleLengthConstant() {
        return NamedConstant.ofLong("CYCLE_LENGTH", cycleLength, "stepSizeUp + stepSizeDown: the steps of a cycle");
    }

    /** The wave up to the peak: from 0 to {@code amplitude} over stepSizeUp steps; its constants {@code prefix}ed. */
    private LinearShape rise(double amplitude, String prefix) {
        return new LinearShape(0, amplitude, new Span(Span.Bound.ZERO, Span.Bound.of(stepSizeUpConstant(),
                "stepSizeUp"), "position"), new Names(role -> prefix + "UP_" + role, "", "0", heightWords(prefix), "p",
                "stepSizeUp"));
    }

    /** The wave after the peak: from {@code amplitude} back to 0 over stepSizeDown steps. */
    private LinearShape fall(double amplitude, String prefix) {
        return new LinearShape(amplitude, 0, new Span(Span.Bound.of(stepSizeUpConstant(), "stepSizeUp"),
                Span.Bound.of(cycleLengthConstant(), "C"), "position"), new Names(role -> prefix + "DOWN_" + role, "",
                heightWords(prefix), "0", "(p - stepSizeUp)", "stepSizeDown"));
    }

    private static String heightWords(String prefix) {
        return prefix.isEmpty() ? "(maxLr - baseLr)" : "(maxMomentum - baseMomentum)";
    }

    @Override
    public CodeBlock body(Code code) {
        return body(code, "", baseLrConstant(), height, "+");
    }

    /** The code of {@code base op wave}: the rate ({@code BASE_LR + height}) or the momentum. */
    private CodeBlock body(Code code, String prefix, NamedConstant baseConstant, double amplitude, String op) {
        String length = code.use(cycleLengthConstant());
        CodeBlock.Builder body = CodeBlock.builder()
                .addStatement("long cycle = step / $N", length)
                .addStatement("long position = step - cycle * $N", length)
                .addStatement("double height = position <= $N ? $L\n: $L", code.use(stepSizeUpConstant()),
                        rise(amplitude, prefix).expression(code), fall(amplitude, prefix).expression(code));
        String base = code.use(baseConstant);
        return switch (mode) {
            case TRIANGULAR -> body.addStatement("return $N $L height", base, op).build();
            case TRIANGULAR2 -> body.add("// the height halves every cycle; past $L halvings it is 0\n", MAX_HALVINGS)
                    .addStatement("return $N $L $T.scalb(height, -(int) $T.min(cycle, $LL))", base, op, Math.class,
                            Math.class, MAX_HALVINGS)
                    .build();
            case EXP_RANGE -> body.addStatement("return $N $L height * $T.exp($N * step)", base, op, Math.class,
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
        return formulaRows("baseLr + (maxLr - baseLr)", "BASE_LR + ", "");
    }

    /** The rows of {@code base op wave}, in words ({@code baseLr + (maxLr - baseLr)}) and in constants. */
    private List<FormulaRow> formulaRows(String words, String computedBase, String prefix) {
        String computedScale = switch (mode) {
            case TRIANGULAR -> "";
            case TRIANGULAR2 -> ", scalb(h, -k)";
            case EXP_RANGE -> " * exp(LOG_GAMMA * t)";
        };
        return List.of(
                new FormulaRow("p <= " + stepSizeUp, words + " * p / stepSizeUp" + scale(),
                        computedBase + "h" + computedScale + ", h = " + prefix + "UP_SLOPE * p"),
                new FormulaRow("p > " + stepSizeUp,
                        words + " * (" + cycleLength + " - p) / stepSizeDown" + scale(),
                        computedBase + "h" + computedScale + ", h = " + prefix + "DOWN_SLOPE * (CYCLE_LENGTH - p)"));
    }

    /** Each cycle: its rise from baseLr and, from its peak, its fall. */
    @Override
    public List<Landmark> landmarks(long runEnd) {
        List<Landmark> landmarks = new ArrayList<>(List.of(Landmark.wave(0, "cycle 1", "stepSizeUp")));
        Landmark.repeated(landmarks, 0, cycleLength, runEnd, Long.MAX_VALUE,
                (k, step) -> Landmark.wave(step, "cycle " + (k + 1), "stepSizeUp"));
        return landmarks;
    }

    /** A cyclic schedule means to keep cycling: its final rate is where the run stops in a cycle. */
    @Override
    public Optional<String> decayAttribute() {
        return Optional.empty();
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
