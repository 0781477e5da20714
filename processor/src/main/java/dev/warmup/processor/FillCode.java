package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import java.util.Arrays;

/**
 * Patterns of the generated {@code fill(double[], long)}: statements that fill {@code out[from, to)} with the rates of
 * steps {@code firstStep, firstStep + 1, ...}, with {@code out}, {@code from}, {@code to} and {@code firstStep} in
 * scope. Each pattern either computes the same bits as {@code lr(step)} or, for the geometric and rotation patterns,
 * multiplies a value computed exactly as {@code lr} does (the anchor, once per block of {@value #BLOCK} steps) by
 * tabulated powers, which keeps every value within a few ulps of {@code lr(step)} without a transcendental call per
 * step and without error that grows along the block.
 */
final class FillCode {

    /** Steps per anchor, and the length of the tables. */
    static final int BLOCK = 256;

    private FillCode() {}

    /** A {@code double[BLOCK]} table of the generated class, {@code name[k] = valueOfK}. */
    record Table(String name, String valueOfK, String doc) {}

    /** Every step as {@code lr(step)}: for shapes whose closed form is as cheap as any recurrence. */
    static CodeBlock viaLr() {
        return CodeBlock.builder()
                .beginControlFlow("for (int i = from; i < to; i++)")
                .addStatement("out[i] = lr(firstStep + (i - from))")
                .endControlFlow()
                .build();
    }

    /** Every step as {@code expression}, a closed form of {@code step}, the same as {@code lr}'s. */
    static CodeBlock closedForm(String expression) {
        return closedForm(expression, "to");
    }

    /** As {@link #closedForm(String)}, up to the index {@code end} (a variable in scope) instead of {@code to}. */
    static CodeBlock closedForm(String expression, String end) {
        return CodeBlock.builder()
                .beginControlFlow("for (int i = from; i < $L; i++)", end)
                .addStatement("long step = firstStep + (i - from)")
                .addStatement("out[i] = $L", expression)
                .endControlFlow()
                .build();
    }

    /** The same value throughout. */
    static CodeBlock constant(String value) {
        return CodeBlock.of("$T.fill(out, from, to, $L);\n", Arrays.class, value);
    }

    /**
     * Runs of one value: {@code runLength} (an expression of {@code step}, at least 1) is the number of steps from
     * {@code step} on that share {@code lr(step)}.
     */
    static CodeBlock runs(String runLength) {
        return runs(CodeBlock.of(""), runLength);
    }

    /** As {@link #runs(String)}, with statements that {@code runLength} needs before it. */
    static CodeBlock runs(CodeBlock prelude, String runLength) {
        return CodeBlock.builder()
                .addStatement("int i = from")
                .addStatement("long step = firstStep")
                .beginControlFlow("while (i < to)")
                .add(prelude)
                .addStatement("long run = $L", runLength)
                .addStatement("int end = run >= to - i ? to : i + (int) run")
                .addStatement("$T.fill(out, i, end, lr(step))", Arrays.class)
                .addStatement("step += end - i")
                .addStatement("i = end")
                .endControlFlow()
                .build();
    }

    /**
     * {@code lr(step + k) = lr(step) * ratio^k}: per block, one anchor computed as {@code lr} computes it, then one
     * multiplication per step by the table {@code powers[k] = ratio^k}.
     *
     * @param anchor the closed form of {@code lr(step)}, an expression of {@code step}
     */
    static CodeBlock geometric(String anchor, String powers) {
        return CodeBlock.builder()
                .addStatement("int i = from")
                .beginControlFlow("while (i < to)")
                .addStatement("int length = Math.min(FILL_BLOCK, to - i)")
                .addStatement("long step = firstStep + (i - from)")
                .addStatement("double anchor = $L", anchor)
                .beginControlFlow("for (int k = 0; k < length; k++)")
                .addStatement("out[i + k] = anchor * $L[k]", powers)
                .endControlFlow()
                .addStatement("i += length")
                .endControlFlow()
                .build();
    }

    /**
     * For decays that reach minLr at T: {@code decayEnd}, the index of step T in {@code out} (or {@code to}, or
     * {@code from}), then {@code beforeTotal} for {@code out[from, decayEnd)}, then minLr to the end.
     */
    static CodeBlock untilTotalSteps(CodeBlock beforeTotal) {
        return CodeBlock.builder()
                .addStatement("int decayEnd = firstStep >= TOTAL_STEPS ? from"
                        + " : (int) Math.min(to, from + (TOTAL_STEPS - firstStep))")
                .add(beforeTotal)
                .addStatement("$T.fill(out, decayEnd, to, MIN_LR)", Arrays.class)
                .build();
    }
}
