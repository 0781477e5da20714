package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import java.util.List;

/**
 * The warmup part of a schedule, for steps {@code 0 <= t < W}. Each shape has two faces that must agree to the bit:
 * {@link #at(long)}, which the processor evaluates for Javadoc and tests, and {@link #code()}, the statement emitted
 * into {@code lr(step)}, which performs the same operations in the same order on the same constants.
 */
sealed interface WarmupShape {

    /** The learning rate at {@code step}, {@code 0 <= step < W}. */
    double at(long step);

    /** The constants {@link #code()} refers to, in declaration order. */
    List<NamedConstant> constants();

    /** A {@code return} statement for {@code 0 <= step < W}. */
    CodeBlock code();

    /** Statements filling {@code out[from, to)} with the rates of warmup steps from {@code firstStep} on. */
    CodeBlock fill();

    /** The tables {@link #fill()} uses. */
    default List<FillCode.Table> tables() {
        return List.of();
    }

    /** The formula in terms of the annotation's attributes. */
    String formula();

    /** The formula in terms of the generated constants, as {@link #code()} computes it. */
    String computation();

    /** What the shape is called, for Javadoc. */
    String title();

    /** No warmup: W = 0. */
    record None() implements WarmupShape {
        @Override
        public double at(long step) {
            throw new IllegalStateException("no warmup step exists when W = 0");
        }

        @Override
        public List<NamedConstant> constants() {
            return List.of();
        }

        @Override
        public CodeBlock code() {
            return CodeBlock.of("");
        }

        @Override
        public CodeBlock fill() {
            return CodeBlock.of("");
        }

        @Override
        public String formula() {
            return "";
        }

        @Override
        public String computation() {
            return "";
        }

        @Override
        public String title() {
            return "no warmup";
        }
    }

    /** Gradual warmup (Goyal et al. 2017): {@code lr(t) = startLr + (initLr - startLr) * t / W}. */
    record Linear(double startLr, double slope) implements WarmupShape {

        Linear(double startLr, double initLr, long warmupSteps) {
            this(startLr, (initLr - startLr) / warmupSteps);
        }

        @Override
        public double at(long step) {
            return startLr + slope * step;
        }

        @Override
        public List<NamedConstant> constants() {
            NamedConstant slopeConstant = NamedConstant.ofDouble("WARMUP_SLOPE", slope, "(initLr - startLr) / W");
            return startLr == 0 ? List.of(slopeConstant)
                    : List.of(NamedConstant.ofDouble("START_LR", startLr, "startLr"), slopeConstant);
        }

        @Override
        public CodeBlock code() {
            // startLr + x is x exactly when startLr is 0, so leaving it out changes no bit.
            return CodeBlock.of("return $L;\n", expression());
        }

        @Override
        public CodeBlock fill() {
            return FillCode.closedForm(expression());
        }

        private String expression() {
            return startLr == 0 ? "WARMUP_SLOPE * step" : "START_LR + WARMUP_SLOPE * step";
        }

        @Override
        public String formula() {
            return "startLr + (initLr - startLr) * t / W";
        }

        @Override
        public String computation() {
            return startLr == 0 ? "WARMUP_SLOPE * t" : "START_LR + WARMUP_SLOPE * t";
        }

        @Override
        public String title() {
            return "linear warmup";
        }
    }

    /** Constant warmup (He et al. 2016): {@code lr(t) = startLr}. */
    record Constant(double startLr) implements WarmupShape {
        @Override
        public double at(long step) {
            return startLr;
        }

        @Override
        public List<NamedConstant> constants() {
            return List.of(NamedConstant.ofDouble("START_LR", startLr, "startLr"));
        }

        @Override
        public CodeBlock code() {
            return CodeBlock.of("return START_LR;\n");
        }

        @Override
        public CodeBlock fill() {
            return FillCode.constant("START_LR");
        }

        @Override
        public String formula() {
            return "startLr";
        }

        @Override
        public String computation() {
            return "START_LR";
        }

        @Override
        public String title() {
            return "constant warmup";
        }
    }

    /**
     * Exponential warmup: {@code lr(t) = startLr * (initLr / startLr)^(t / W)}, computed from the end of warmup as
     * {@code initLr * exp(rate * (t - W))} with {@code rate = (ln initLr - ln startLr) / W}: the exponent is never
     * positive, so the value never exceeds initLr, even for an initLr near {@link Double#MAX_VALUE}.
     */
    record Exponential(double initLr, double logRate, long warmupSteps) implements WarmupShape {

        static Exponential of(double startLr, double initLr, long warmupSteps) {
            return new Exponential(initLr, (Math.log(initLr) - Math.log(startLr)) / warmupSteps, warmupSteps);
        }

        @Override
        public double at(long step) {
            return initLr * Math.exp(logRate * (step - warmupSteps));
        }

        @Override
        public List<NamedConstant> constants() {
            return List.of(
                    NamedConstant.ofDouble("INIT_LR", initLr, "initLr"),
                    NamedConstant.ofDouble("WARMUP_LOG_RATE", logRate, "(ln initLr - ln startLr) / W"));
        }

        @Override
        public CodeBlock code() {
            return CodeBlock.of("return $L;\n", ANCHOR);
        }

        private static final String ANCHOR = "INIT_LR * Math.exp(WARMUP_LOG_RATE * (step - WARMUP_STEPS))";

        @Override
        public CodeBlock fill() {
            return tabulated() ? FillCode.geometric(ANCHOR, "WARMUP_GROWTH") : FillCode.closedForm(ANCHOR);
        }

        @Override
        public List<FillCode.Table> tables() {
            return tabulated() ? List.of(new FillCode.Table("WARMUP_GROWTH", "Math.exp(WARMUP_LOG_RATE * k)",
                    "(initLr / startLr)^(k / W): the growth over k warmup steps")) : List.of();
        }

        /**
         * Whether {@code fill} may multiply an anchor by tabulated growth: only while the growth over a block stays
         * finite and every anchor, the smallest rate of its block, is a normal double. A warmup from a subnormal
         * startLr, or one that grows by more than e^700 in a block, is filled from the closed form instead.
         */
        private boolean tabulated() {
            double logStartLr = Math.log(initLr) - logRate * warmupSteps;
            return logRate * (FillCode.BLOCK - 1) <= 700 && logStartLr > Math.log(Double.MIN_NORMAL) + 1;
        }

        @Override
        public String formula() {
            return "startLr * (initLr / startLr)^(t / W)";
        }

        @Override
        public String computation() {
            return "INIT_LR * exp(WARMUP_LOG_RATE * (t - W))";
        }

        @Override
        public String title() {
            return "exponential warmup";
        }
    }
}
