package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * The decay part of a schedule, for steps {@code t >= W}, with {@code d = t - W}. As for {@link WarmupShape}, the
 * evaluator {@link #at(long)} and the emitted {@link #code()} perform the same operations in the same order on the
 * same constants, so they agree to the bit; a test holds them to it.
 */
sealed interface DecayShape {

    /** The learning rate at {@code step >= W}. */
    double at(long step);

    /** The constants {@link #code()} refers to, in declaration order. */
    List<NamedConstant> constants();

    /** Statements for {@code step >= W} that end by returning the rate. */
    CodeBlock code();

    /**
     * Statements filling {@code out[from, to)} with the rates of decay steps from {@code firstStep} on, as the
     * generated {@code fill} does (see {@link FillCode}).
     */
    CodeBlock fill();

    /** The tables {@link #fill()} uses. */
    default List<FillCode.Table> tables() {
        return List.of();
    }

    /** The formula in terms of the annotation's attributes. */
    String formula();

    /** The formula in terms of the generated constants, as {@link #code()} computes it. */
    String computation();

    /** What the decay is called, for Javadoc. */
    String title();

    /** Steps after W worth showing in the Javadoc's table (absolute, {@code >= W}). */
    List<Long> keySteps();

    /** For decays that end at T: minLr from T on. */
    CodeBlock HOLD_MIN_LR = CodeBlock.builder()
            .beginControlFlow("if (step >= TOTAL_STEPS)")
            .addStatement("return MIN_LR")
            .endControlFlow()
            .build();

    /** {@code d = t - W} in generated code: just {@code step} when there is no warmup. */
    private static String since(long warmupSteps) {
        return warmupSteps == 0 ? "step" : "(step - WARMUP_STEPS)";
    }

    /** {@code minLr + term} in generated code, without the addition when minLr is 0 (0.0 + x is x, bit for bit). */
    private static String plusMinLr(double minLr, String term) {
        return minLr == 0 ? term : "MIN_LR + " + term;
    }

    private static List<Long> after(long warmupSteps, long... offsets) {
        List<Long> steps = new ArrayList<>();
        for (long offset : offsets) {
            if (offset >= 0 && warmupSteps <= Long.MAX_VALUE - offset) {
                steps.add(warmupSteps + offset);
            }
        }
        return steps;
    }

    /** {@code lr(t) = initLr}. */
    record None(double initLr, long warmupSteps) implements DecayShape {
        @Override
        public double at(long step) {
            return initLr;
        }

        @Override
        public List<NamedConstant> constants() {
            return List.of(NamedConstant.ofDouble("INIT_LR", initLr, "initLr"));
        }

        @Override
        public CodeBlock code() {
            return CodeBlock.of("return INIT_LR;\n");
        }

        @Override
        public CodeBlock fill() {
            return FillCode.constant("INIT_LR");
        }

        @Override
        public String formula() {
            return "initLr";
        }

        @Override
        public String computation() {
            return "INIT_LR";
        }

        @Override
        public String title() {
            return "no decay";
        }

        @Override
        public List<Long> keySteps() {
            return after(warmupSteps, 0);
        }
    }

    /** {@code lr(t) = initLr * gamma^d}, computed as {@code initLr * exp(ln(gamma) * d)}. */
    record Exponential(double initLr, double logGamma, long warmupSteps) implements DecayShape {

        static Exponential of(double initLr, double gamma, long warmupSteps) {
            return new Exponential(initLr, Math.log(gamma), warmupSteps);
        }

        @Override
        public double at(long step) {
            return initLr * Math.exp(logGamma * (step - warmupSteps));
        }

        @Override
        public List<NamedConstant> constants() {
            return List.of(
                    NamedConstant.ofDouble("INIT_LR", initLr, "initLr"),
                    NamedConstant.ofDouble("DECAY_LOG_GAMMA", logGamma, "ln(gamma)"));
        }

        @Override
        public CodeBlock code() {
            return CodeBlock.of("return $L;\n", anchor());
        }

        private String anchor() {
            return "INIT_LR * Math.exp(DECAY_LOG_GAMMA * " + since(warmupSteps) + ")";
        }

        @Override
        public CodeBlock fill() {
            return FillCode.geometric(anchor(), "DECAY_GAMMA_POWERS");
        }

        @Override
        public List<FillCode.Table> tables() {
            return List.of(new FillCode.Table("DECAY_GAMMA_POWERS", "Math.exp(DECAY_LOG_GAMMA * k)", "gamma^k"));
        }

        @Override
        public String formula() {
            return "initLr * gamma^(t - W)";
        }

        @Override
        public String computation() {
            return "INIT_LR * exp(DECAY_LOG_GAMMA * (t - W))";
        }

        @Override
        public String title() {
            return "exponential decay";
        }

        @Override
        public List<Long> keySteps() {
            if (logGamma == 0) {
                return after(warmupSteps, 0);
            }
            // Where the rate has halved, and where it has fallen to a tenth.
            return after(warmupSteps, 0, 1, Math.round(Math.log(0.5) / logGamma),
                    Math.round(Math.log(0.1) / logGamma));
        }
    }

    /** {@code lr(t) = initLr * gamma^floor(d / stepSize)}, as {@code initLr * exp(ln(gamma) * (d / stepSize))}. */
    record Step(double initLr, double logGamma, long stepSize, long warmupSteps) implements DecayShape {
        @Override
        public double at(long step) {
            return initLr * Math.exp(logGamma * ((step - warmupSteps) / stepSize));
        }

        @Override
        public List<NamedConstant> constants() {
            return List.of(
                    NamedConstant.ofDouble("INIT_LR", initLr, "initLr"),
                    NamedConstant.ofDouble("DECAY_LOG_GAMMA", logGamma, "ln(gamma)"),
                    NamedConstant.ofLong("STEP_SIZE", stepSize, "stepSize: steps between drops"));
        }

        @Override
        public CodeBlock code() {
            return CodeBlock.of("return INIT_LR * Math.exp(DECAY_LOG_GAMMA * ($L / STEP_SIZE));\n",
                    since(warmupSteps));
        }

        @Override
        public CodeBlock fill() {
            // A drop every STEP_SIZE steps: runs of one value until the next drop.
            return FillCode.runs("STEP_SIZE - " + since(warmupSteps) + " % STEP_SIZE");
        }

        @Override
        public String formula() {
            return "initLr * gamma^floor((t - W) / stepSize)";
        }

        @Override
        public String computation() {
            return "INIT_LR * exp(DECAY_LOG_GAMMA * floor((t - W) / STEP_SIZE))";
        }

        @Override
        public String title() {
            return "step decay";
        }

        @Override
        public List<Long> keySteps() {
            return after(warmupSteps, 0, stepSize - 1, stepSize, 2 * stepSize);
        }
    }

    /**
     * {@code lr(t) = initLr * gamma^k}, k the number of milestones {@code <= t}. The rate after each milestone is a
     * constant, multiplied out at compile time as PyTorch's {@code MultiStepLR} multiplies it at run time; up to
     * {@value #MAX_CHAIN} milestones are a branch chain, more are a binary search over two constant arrays.
     */
    record MultiStep(List<Long> milestones, List<Double> rates) implements DecayShape {

        static final int MAX_CHAIN = 8;

        static MultiStep of(long[] milestones, double initLr, double gamma) {
            List<Long> steps = new ArrayList<>();
            List<Double> rates = new ArrayList<>();
            double rate = initLr;
            rates.add(rate);
            for (long milestone : milestones) {
                steps.add(milestone);
                rate *= gamma;
                rates.add(rate);
            }
            return new MultiStep(List.copyOf(steps), List.copyOf(rates));
        }

        private boolean chained() {
            return milestones.size() <= MAX_CHAIN;
        }

        @Override
        public double at(long step) {
            int passed = 0;
            while (passed < milestones.size() && milestones.get(passed) <= step) {
                passed++;
            }
            return rates.get(passed);
        }

        @Override
        public List<NamedConstant> constants() {
            List<NamedConstant> constants = new ArrayList<>();
            if (!chained()) {
                constants.add(new NamedConstant("MILESTONES",
                        milestones.stream().mapToLong(Long::longValue).toArray(), "milestones"));
                constants.add(new NamedConstant("RATES", rates.stream().mapToDouble(Double::doubleValue).toArray(),
                        "RATES[k] = initLr * gamma^k: the rate once k milestones have passed"));
            } else {
                constants.add(NamedConstant.ofDouble("INIT_LR", rates.get(0), "initLr"));
                for (int i = 0; i < milestones.size(); i++) {
                    constants.add(NamedConstant.ofLong("MILESTONE_" + (i + 1), milestones.get(i),
                            "milestones[" + i + "]"));
                    constants.add(NamedConstant.ofDouble("LR_AFTER_MILESTONE_" + (i + 1), rates.get(i + 1),
                            "initLr * gamma^" + (i + 1)));
                }
            }
            return constants;
        }

        @Override
        public CodeBlock code() {
            CodeBlock.Builder code = CodeBlock.builder();
            if (chained()) {
                code.beginControlFlow("if (step < MILESTONE_1)").addStatement("return INIT_LR").endControlFlow();
                for (int i = 1; i < milestones.size(); i++) {
                    code.beginControlFlow("if (step < MILESTONE_$L)", i + 1)
                            .addStatement("return LR_AFTER_MILESTONE_$L", i)
                            .endControlFlow();
                }
                code.addStatement("return LR_AFTER_MILESTONE_$L", milestones.size());
            } else {
                code.addStatement("int found = $T.binarySearch(MILESTONES, step)", java.util.Arrays.class);
                code.addStatement("return RATES[found >= 0 ? found + 1 : -found - 1]");
            }
            return code.build();
        }

        @Override
        public CodeBlock fill() {
            // Runs of one value until the next milestone.
            if (!chained()) {
                return FillCode.runs(CodeBlock.builder()
                                .addStatement("int found = $T.binarySearch(MILESTONES, step)", java.util.Arrays.class)
                                .addStatement("int passed = found >= 0 ? found + 1 : -found - 1")
                                .build(),
                        "passed < MILESTONES.length ? MILESTONES[passed] - step : Long.MAX_VALUE");
            }
            StringBuilder next = new StringBuilder();
            for (int i = 1; i <= milestones.size(); i++) {
                next.append("step < MILESTONE_").append(i).append(" ? MILESTONE_").append(i).append(" - step : ");
            }
            return FillCode.runs(next.append("Long.MAX_VALUE").toString());
        }

        @Override
        public String formula() {
            return "initLr * gamma^k, k = number of milestones <= t";
        }

        @Override
        public String computation() {
            return chained() ? "INIT_LR before MILESTONE_1, LR_AFTER_MILESTONE_k from MILESTONE_k on"
                    : "RATES[k], k = number of MILESTONES <= t (binary search)";
        }

        @Override
        public String title() {
            return "multi-step decay";
        }

        @Override
        public List<Long> keySteps() {
            List<Long> steps = new ArrayList<>();
            for (long milestone : milestones.subList(0, Math.min(4, milestones.size()))) {
                if (milestone > 0) {
                    steps.add(milestone - 1);
                }
                steps.add(milestone);
            }
            return steps;
        }
    }

    /**
     * {@code lr(t) = minLr + (initLr - minLr) * (1 + cos(pi * d / D)) / 2} for {@code t < T}, minLr after; computed as
     * {@code minLr + (initLr - minLr) * s^2} with {@code s = sin(pi * (T - t) / (2 D))}, the same value by the
     * half-angle identity and {@code cos(pi/2 - x) = sin x}. The argument is exact where the rate is small (the
     * steps left are an integer), and the sine is flat where its argument nears pi / 2, so the rate keeps full relative
     * precision at every step, down to the last one with minLr = 0, where {@code 1 + cos} would cancel.
     *
     * <p>{@code fill} rotates: per block, the sine and cosine at the block's last step (where the sine is smallest)
     * computed as {@code lr} computes them, then {@code sin(a + m w) = sin a cos mw + cos a sin mw} with tabulated
     * {@code cos mw, sin mw}: two positive terms, so nothing cancels and no error grows along the block.
     */
    record Cosine(double minLr, double amplitude, double halfOmega, long totalSteps, long warmupSteps)
            implements DecayShape {

        static Cosine of(double initLr, double minLr, long totalSteps, long warmupSteps) {
            return new Cosine(minLr, initLr - minLr, Math.PI / (2.0 * (totalSteps - warmupSteps)), totalSteps,
                    warmupSteps);
        }

        @Override
        public double at(long step) {
            if (step >= totalSteps) {
                return minLr;
            }
            double s = Math.sin(halfOmega * (totalSteps - step));
            return minLr + amplitude * (s * s);
        }

        @Override
        public List<NamedConstant> constants() {
            return List.of(
                    NamedConstant.ofLong("TOTAL_STEPS", totalSteps, "totalSteps T: minLr from here on"),
                    NamedConstant.ofDouble("MIN_LR", minLr, "minLr"),
                    NamedConstant.ofDouble("COSINE_AMPLITUDE", amplitude, "initLr - minLr"),
                    NamedConstant.ofDouble("COSINE_HALF_OMEGA", halfOmega, "pi / (2 (T - W))"));
        }

        @Override
        public CodeBlock code() {
            return CodeBlock.builder()
                    .add(HOLD_MIN_LR)
                    .addStatement("double s = Math.sin(COSINE_HALF_OMEGA * (TOTAL_STEPS - step))")
                    .addStatement("return $L", plusMinLr(minLr, "COSINE_AMPLITUDE * (s * s)"))
                    .build();
        }

        @Override
        public CodeBlock fill() {
            CodeBlock rotation = CodeBlock.builder()
                    .addStatement("int i = from")
                    .beginControlFlow("while (i < decayEnd)")
                    .addStatement("int length = Math.min(FILL_BLOCK, decayEnd - i)")
                    .addStatement("int last = length - 1")
                    .add("// sin(w (T - t)), rotated backward from the block's last step, where it is smallest\n")
                    .addStatement("double angle = COSINE_HALF_OMEGA * (TOTAL_STEPS - (firstStep + (i - from) + last))")
                    .addStatement("double sin = Math.sin(angle)")
                    .addStatement("double cos = Math.cos(angle)")
                    .beginControlFlow("for (int k = 0; k < length; k++)")
                    .addStatement("double s = sin * COSINE_ROTATION_COS[last - k] + cos * COSINE_ROTATION_SIN[last - k]")
                    .addStatement("out[i + k] = $L", plusMinLr(minLr, "COSINE_AMPLITUDE * (s * s)"))
                    .endControlFlow()
                    .addStatement("i += length")
                    .endControlFlow()
                    .build();
            return FillCode.untilTotalSteps(rotation);
        }

        @Override
        public List<FillCode.Table> tables() {
            return List.of(
                    new FillCode.Table("COSINE_ROTATION_COS", "Math.cos(COSINE_HALF_OMEGA * k)", "cos(k w)"),
                    new FillCode.Table("COSINE_ROTATION_SIN", "Math.sin(COSINE_HALF_OMEGA * k)", "sin(k w)"));
        }

        @Override
        public String formula() {
            return "minLr + (initLr - minLr) * (1 + cos(pi * (t - W) / (T - W))) / 2";
        }

        @Override
        public String computation() {
            return "MIN_LR + COSINE_AMPLITUDE * sin(COSINE_HALF_OMEGA * (T - t))^2";
        }

        @Override
        public String title() {
            return "cosine decay";
        }

        @Override
        public List<Long> keySteps() {
            return List.of(warmupSteps, warmupSteps + (totalSteps - warmupSteps) / 2, totalSteps - 1, totalSteps);
        }
    }

    /**
     * {@code lr(t) = initLr + (minLr - initLr) * d / D} for {@code t < T}, minLr after; computed from the steps left,
     * {@code minLr + (initLr - minLr) / D * (T - t)}, which keeps full relative precision as the rate nears 0.
     */
    record Linear(double minLr, double slope, long totalSteps, long warmupSteps) implements DecayShape {

        static Linear of(double initLr, double minLr, long totalSteps, long warmupSteps) {
            return new Linear(minLr, (initLr - minLr) / (totalSteps - warmupSteps), totalSteps, warmupSteps);
        }

        @Override
        public double at(long step) {
            if (step >= totalSteps) {
                return minLr;
            }
            return minLr + slope * (totalSteps - step);
        }

        @Override
        public List<NamedConstant> constants() {
            return List.of(
                    NamedConstant.ofLong("TOTAL_STEPS", totalSteps, "totalSteps T: minLr from here on"),
                    NamedConstant.ofDouble("MIN_LR", minLr, "minLr"),
                    NamedConstant.ofDouble("DECAY_SLOPE", slope, "(initLr - minLr) / (T - W)"));
        }

        @Override
        public CodeBlock code() {
            return CodeBlock.builder()
                    .add(HOLD_MIN_LR)
                    .addStatement("return $L", plusMinLr(minLr, "DECAY_SLOPE * (TOTAL_STEPS - step)"))
                    .build();
        }

        @Override
        public CodeBlock fill() {
            return FillCode.untilTotalSteps(FillCode.closedForm(
                    plusMinLr(minLr, "DECAY_SLOPE * (TOTAL_STEPS - step)"), "decayEnd"));
        }

        @Override
        public String formula() {
            return "initLr + (minLr - initLr) * (t - W) / (T - W)";
        }

        @Override
        public String computation() {
            return "MIN_LR + DECAY_SLOPE * (T - t)";
        }

        @Override
        public String title() {
            return "linear decay";
        }

        @Override
        public List<Long> keySteps() {
            return List.of(warmupSteps, warmupSteps + (totalSteps - warmupSteps) / 2, totalSteps - 1, totalSteps);
        }
    }

    /**
     * {@code lr(t) = (initLr - minLr) * (1 - d / D)^power + minLr} for {@code t < T}, minLr after; computed from the
     * fraction of steps left, {@code (T - t) / D}. Powers 1, 2 and 0.5 are a product or a square root, others
     * {@code Math.pow}.
     */
    record Poly(double minLr, double amplitude, double span, double power, long totalSteps, long warmupSteps)
            implements DecayShape {

        static Poly of(double initLr, double minLr, double power, long totalSteps, long warmupSteps) {
            return new Poly(minLr, initLr - minLr, (double) (totalSteps - warmupSteps), power, totalSteps, warmupSteps);
        }

        @Override
        public double at(long step) {
            if (step >= totalSteps) {
                return minLr;
            }
            double left = (totalSteps - step) / span;
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
            return minLr + amplitude * scaled;
        }

        @Override
        public List<NamedConstant> constants() {
            List<NamedConstant> constants = new ArrayList<>(List.of(
                    NamedConstant.ofLong("TOTAL_STEPS", totalSteps, "totalSteps T: minLr from here on"),
                    NamedConstant.ofDouble("MIN_LR", minLr, "minLr"),
                    NamedConstant.ofDouble("POLY_AMPLITUDE", amplitude, "initLr - minLr"),
                    NamedConstant.ofDouble("POLY_SPAN", span, "T - W")));
            if (power != 1 && power != 2 && power != 0.5) {
                constants.add(NamedConstant.ofDouble("POWER", power, "power"));
            }
            return constants;
        }

        @Override
        public CodeBlock code() {
            String scaled;
            if (power == 1) {
                scaled = "left";
            } else if (power == 2) {
                scaled = "(left * left)";
            } else if (power == 0.5) {
                scaled = "Math.sqrt(left)";
            } else {
                scaled = "Math.pow(left, POWER)";
            }
            return CodeBlock.builder()
                    .add(HOLD_MIN_LR)
                    .addStatement("double left = (TOTAL_STEPS - step) / POLY_SPAN")
                    .addStatement("return $L", plusMinLr(minLr, "POLY_AMPLITUDE * " + scaled))
                    .build();
        }

        @Override
        public CodeBlock fill() {
            return FillCode.viaLr();
        }

        @Override
        public String formula() {
            return "(initLr - minLr) * (1 - (t - W) / (T - W))^power + minLr";
        }

        @Override
        public String computation() {
            return "MIN_LR + POLY_AMPLITUDE * ((T - t) / POLY_SPAN)^" + Literals.ofDouble(power);
        }

        @Override
        public String title() {
            return "polynomial decay";
        }

        @Override
        public List<Long> keySteps() {
            return List.of(warmupSteps, warmupSteps + (totalSteps - warmupSteps) / 2, totalSteps - 1, totalSteps);
        }
    }

    /**
     * {@code lr(t) = initLr * sqrt(W / t)}, computed as {@code initLr * sqrt((double) W / t)}: the quotient is at most
     * 1 for {@code t >= W}, so the rate never exceeds initLr.
     */
    record InverseSqrt(double initLr, long warmupSteps) implements DecayShape {
        @Override
        public double at(long step) {
            return initLr * Math.sqrt((double) warmupSteps / step);
        }

        @Override
        public List<NamedConstant> constants() {
            return List.of(NamedConstant.ofDouble("INIT_LR", initLr, "initLr"));
        }

        @Override
        public CodeBlock code() {
            return CodeBlock.of("return INIT_LR * Math.sqrt((double) WARMUP_STEPS / step);\n");
        }

        @Override
        public CodeBlock fill() {
            return FillCode.viaLr();
        }

        @Override
        public String formula() {
            return "initLr * sqrt(W / t)";
        }

        @Override
        public String computation() {
            return "INIT_LR * sqrt(W / t)";
        }

        @Override
        public String title() {
            return "inverse square root decay";
        }

        @Override
        public List<Long> keySteps() {
            return after(warmupSteps, 0, 3 * warmupSteps, 99 * warmupSteps);
        }
    }

    /**
     * {@code lr(W) = initLr, lr(t) = lr(t - 1)^power}: in closed form {@code initLr^(power^d)}, computed as
     * {@code initLr * exp(ln(initLr) * expm1(ln(power) * d))}, that is {@code initLr * initLr^(power^d - 1)}: exactly
     * initLr at W, and without the rounding of {@code exp(ln(initLr))} just after it.
     */
    record RepeatedPower(double initLr, double logInitLr, double logPower, long warmupSteps) implements DecayShape {

        static RepeatedPower of(double initLr, double power, long warmupSteps) {
            return new RepeatedPower(initLr, Math.log(initLr), Math.log(power), warmupSteps);
        }

        @Override
        public double at(long step) {
            return initLr * Math.exp(logInitLr * Math.expm1(logPower * (step - warmupSteps)));
        }

        @Override
        public List<NamedConstant> constants() {
            return List.of(
                    NamedConstant.ofDouble("INIT_LR", initLr, "initLr"),
                    NamedConstant.ofDouble("LOG_INIT_LR", logInitLr, "ln(initLr)"),
                    NamedConstant.ofDouble("LOG_POWER", logPower, "ln(power)"));
        }

        @Override
        public CodeBlock code() {
            return CodeBlock.of("return INIT_LR * Math.exp(LOG_INIT_LR * Math.expm1(LOG_POWER * $L));\n",
                    since(warmupSteps));
        }

        @Override
        public CodeBlock fill() {
            return FillCode.viaLr();
        }

        @Override
        public String formula() {
            return "initLr^(power^(t - W))";
        }

        @Override
        public String computation() {
            return "INIT_LR * exp(LOG_INIT_LR * expm1(LOG_POWER * (t - W)))";
        }

        @Override
        public String title() {
            return "repeated power decay";
        }

        @Override
        public List<Long> keySteps() {
            return after(warmupSteps, 0, 1, 1000, 10000);
        }
    }
}
