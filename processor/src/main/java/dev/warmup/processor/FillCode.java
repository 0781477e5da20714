package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import java.util.Arrays;
import javax.lang.model.element.Modifier;

/**
 * Patterns of the generated {@code fill(double[], long)}: statements that fill {@code out[from, to)} with the rates of
 * steps {@code firstStep, firstStep + 1, ...}, with {@code out}, {@code from}, {@code to} and {@code firstStep} in
 * scope. Each pattern either computes the same bits as {@code lr(step)} or, for the geometric and rotation patterns,
 * multiplies a value computed exactly as {@code lr} does (the anchor, once per block of {@value #BLOCK} steps) by
 * tabulated factors, without a transcendental call per step and without error that grows along the block; how far
 * that is from {@code lr} is each shape's {@link Shape#fillUlps()}.
 *
 * <p>A schedule's {@code fill} is its shapes' patterns, one private method per shape ({@link #part}), called on the
 * segments of {@code out} that the shape's span covers ({@link #segmentEnd}): a composite splits the range at its
 * phase ends, cycles and half-cycles once per segment, never per step.
 */
final class FillCode {

    /** Steps per anchor, and the length of the tables. */
    static final int BLOCK = 256;

    private FillCode() {}

    /** A {@code double[BLOCK]} table of the generated class, {@code name[k] = valueOfK}. */
    record Table(String name, CodeBlock valueOfK, String doc) {}

    /** Every step as {@code lr(step)}: for shapes whose closed form is as cheap as any recurrence. */
    static CodeBlock viaLr() {
        return CodeBlock.builder()
                .beginControlFlow("for (int i = from; i < to; i++)")
                .addStatement("out[i] = lr(firstStep + (i - from))")
                .endControlFlow()
                .build();
    }

    /**
     * Every step as {@code expression}, a closed form of {@code variable} (the span's step: {@code step}, or a step
     * within a cycle), the same as {@code lr}'s.
     */
    static CodeBlock closedForm(String variable, CodeBlock expression) {
        return closedForm(variable, CodeBlock.of(""), expression);
    }

    /** As {@link #closedForm(String, CodeBlock)}, with {@code prelude}, statements the expression needs, per step. */
    static CodeBlock closedForm(String variable, CodeBlock prelude, CodeBlock expression) {
        return CodeBlock.builder()
                .beginControlFlow("for (int i = from; i < to; i++)")
                .addStatement("long $L = firstStep + (i - from)", variable)
                .add(prelude)
                .addStatement("out[i] = $L", expression)
                .endControlFlow()
                .build();
    }

    /** The same value throughout. */
    static CodeBlock constant(String value) {
        return CodeBlock.of("$T.fill(out, from, to, $N);\n", Arrays.class, value);
    }

    /**
     * Runs of one value: {@code runLength} (an expression of {@code step}, at least 1) is the number of steps from
     * {@code step} on that share {@code lr(step)}; {@code prelude}, statements that it needs before it.
     */
    static CodeBlock runs(CodeBlock prelude, CodeBlock runLength) {
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
     * multiplication per step by the table {@code factors[k] = ratio^k}.
     *
     * @param prelude statements that the anchor needs, after {@code step}
     * @param anchor the closed form of {@code lr(step)}, an expression of {@code step}
     */
    static CodeBlock geometric(CodeBlock prelude, CodeBlock anchor, String factors) {
        return CodeBlock.builder()
                .addStatement("int i = from")
                .beginControlFlow("while (i < to)")
                .addStatement("int length = $T.min(FILL_BLOCK, to - i)", Math.class)
                .addStatement("long step = firstStep + (i - from)")
                .add(prelude)
                .addStatement("double anchor = $L", anchor)
                .beginControlFlow("for (int k = 0; k < length; k++)")
                .addStatement("out[i + k] = anchor * $N[k]", factors)
                .endControlFlow()
                .addStatement("i += length")
                .endControlFlow()
                .build();
    }

    /**
     * A private method {@code name(out, from, to, firstStep)} whose body, {@code code}, fills {@code out[from, to)}
     * with the rates of steps {@code firstStep, firstStep + 1, ...} of one shape (a shape's {@link Shape#fill}).
     */
    static MethodSpec part(String name, CodeBlock code) {
        return MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE)
                .addParameter(double[].class, "out")
                .addParameter(TypeName.INT, "from")
                .addParameter(TypeName.INT, "to")
                .addParameter(TypeName.LONG, "firstStep")
                .addCode(code)
                .build();
    }

    /**
     * The statement {@code int name = fromStep >= end ? 0 : (int) Math.min(n, end - fromStep);}: the index of
     * {@code out} where the steps reach {@code end}, a whole-step constant ({@code 0} if they start past it).
     */
    static CodeBlock segmentEnd(String name, String end) {
        return segmentEnd(name, CodeBlock.of("$N", end));
    }

    /** As {@link #segmentEnd(String, String)}, for an end given as an expression. */
    static CodeBlock segmentEnd(String name, CodeBlock end) {
        return CodeBlock.of("int $L = fromStep >= $L ? 0 : (int) $T.min(n, $L - fromStep);\n", name, end, Math.class,
                end);
    }
}
