package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import java.util.Arrays;
import java.util.function.Function;
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

    /**
     * What a pattern does with each step's rate: writes it into {@code out}, or multiplies what {@code out} holds by
     * it, for a factor of a product ({@link Shape#fillTimes}).
     */
    enum Into {
        SET("="),
        TIMES("*=");

        private final String operator;

        Into(String operator) {
            this.operator = operator;
        }

        /** {@code =} or {@code *=}. */
        String operator() {
            return operator;
        }
    }

    /** A {@code double[BLOCK]} table of the generated class, {@code name[k] = valueOfK}. */
    record Table(String name, CodeBlock valueOfK, String doc) {}

    /** {@code FILL_STEPS[k] = k}: the steps of a block from its first, as doubles. */
    static final Table STEPS = new Table("FILL_STEPS", CodeBlock.of("k"), "k");

    /**
     * Block by block, the statements {@code perStep} (an expression of {@code span.inFillBlock()}, which ends with
     * {@code out[j] = ...;}) for each step of the block: the steps done and left at the block's first step are
     * converted once, {@code firstDone} and {@code firstLeft}, and each step adds or subtracts {@code k}, its place in
     * the block, the same doubles as {@code lr}'s, without a conversion per step. The places are copied into
     * {@code out} first ({@code FILL_STEPS}) and each step reads its own: JDK 17's C2 vectorizes a loop that reads and
     * writes {@code out[j]} alone, not one that also reads {@code FILL_STEPS[k]} (another {@code double[]}, at another
     * offset, which it cannot tell apart from {@code out}); a division and a square root then cost 0.6 ns a step,
     * against 3.4.
     */
    static CodeBlock blocks(Code code, Span span, CodeBlock perStep) {
        return blocks(code, span, perStep, "to");
    }

    /** {@link #blocks} over {@code out[from, end)}. */
    private static CodeBlock blocks(Code code, Span span, CodeBlock perStep, String end) {
        String text = perStep.toString();
        CodeBlock.Builder body = CodeBlock.builder()
                .addStatement("int i = from")
                .beginControlFlow("while (i < $L)", end)
                .addStatement("int length = $T.min(FILL_BLOCK, $L - i)", Math.class, end)
                .addStatement("long $L = firstStep + (i - from)", span.variable());
        if (text.contains("firstDone")) {
            body.addStatement("double firstDone = $L", span.done(code));
        }
        if (text.contains("firstLeft")) {
            body.addStatement("double firstLeft = $L", span.left(code));
        }
        return body.addStatement("$T.arraycopy($N, 0, out, i, length)", System.class, code.table(STEPS))
                .beginControlFlow("for (int j = i; j < i + length; j++)")
                .addStatement("double k = out[j]")
                .add(perStep)
                .endControlFlow()
                .addStatement("i += length")
                .endControlFlow()
                .build();
    }

    /**
     * For a span without an end ({@link Span#fillsInBlocksAtFirst}): {@link #blocks} while the steps done are below
     * 2^53, where {@code firstDone + k} is exact, then each step as {@code expression}, as {@link #closedForm}: no
     * {@code fill} gets there in practice, but {@code lr}'s bits must hold at every step.
     */
    static CodeBlock blocksThenSteps(Code code, Span span, CodeBlock perStep, CodeBlock expression) {
        return CodeBlock.builder()
                .add("// in blocks while the steps done are below 2^53, where firstDone + k is exact; then step by step\n")
                .addStatement("int blocksEnd = from + (int) $T.min(to - from, $T.max(0L, (1L << 53) - $L))",
                        Math.class, Math.class, span.doneAtFirstStep(code))
                .add(blocks(code, span, perStep, "blocksEnd"))
                .beginControlFlow("for (; i < to; i++)")
                .addStatement("long $L = firstStep + (i - from)", span.variable())
                .addStatement("out[i] = $L", expression)
                .endControlFlow()
                .build();
    }

    /**
     * Every step through the rate's method, {@code lr(step)} ({@link Code#rate}): for shapes whose closed form is as
     * cheap as any recurrence.
     */
    static CodeBlock viaRate(Code code, Into into) {
        return CodeBlock.builder()
                .beginControlFlow("for (int i = from; i < to; i++)")
                .addStatement("out[i] $L $N(firstStep + (i - from))", into.operator(), code.rate())
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
        return closedForm(variable, prelude, expression, Into.SET);
    }

    /** As {@link #closedForm(String, CodeBlock, CodeBlock)}, each step's rate {@code into} {@code out}. */
    static CodeBlock closedForm(String variable, CodeBlock prelude, CodeBlock expression, Into into) {
        return CodeBlock.builder()
                .beginControlFlow("for (int i = from; i < to; i++)")
                .addStatement("long $L = firstStep + (i - from)", variable)
                .add(prelude)
                .addStatement("out[i] $L $L", into.operator(), expression)
                .endControlFlow()
                .build();
    }

    /** The same value throughout. */
    static CodeBlock constant(String value, Into into) {
        if (into == Into.SET) {
            return CodeBlock.of("$T.fill(out, from, to, $N);\n", Arrays.class, value);
        }
        return CodeBlock.builder()
                .beginControlFlow("for (int i = from; i < to; i++)")
                .addStatement("out[i] *= $N", value)
                .endControlFlow()
                .build();
    }

    /**
     * Runs of one value: {@code runLength} (an expression of {@code step}, at least 1) is the number of steps from
     * {@code step} on that share the rate at {@code step} (a call of {@link Code#rate}); {@code prelude}, statements
     * that it needs before it.
     */
    static CodeBlock runs(Code code, CodeBlock prelude, CodeBlock runLength, Into into) {
        CodeBlock.Builder body = CodeBlock.builder()
                .addStatement("int i = from")
                .addStatement("long step = firstStep")
                .beginControlFlow("while (i < to)")
                .add(prelude)
                .addStatement("long run = $L", runLength)
                .addStatement("int end = run >= to - i ? to : i + (int) run");
        if (into == Into.SET) {
            body.addStatement("$T.fill(out, i, end, $N(step))", Arrays.class, code.rate());
        } else {
            body.addStatement("double value = $N(step)", code.rate())
                    .beginControlFlow("for (int j = i; j < end; j++)")
                    .addStatement("out[j] *= value")
                    .endControlFlow();
        }
        return body
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
    static CodeBlock geometric(CodeBlock prelude, CodeBlock anchor, String factors, Into into) {
        return CodeBlock.builder()
                .addStatement("int i = from")
                .beginControlFlow("while (i < to)")
                .addStatement("int length = $T.min(FILL_BLOCK, to - i)", Math.class)
                .addStatement("long step = firstStep + (i - from)")
                .add(prelude)
                .addStatement("double anchor = $L", anchor)
                .beginControlFlow("for (int k = 0; k < length; k++)")
                .addStatement("out[i + k] $L anchor * $N[k]", into.operator(), factors)
                .endControlFlow()
                .addStatement("i += length")
                .endControlFlow()
                .build();
    }

    /**
     * The rotation pattern of a cosine, {@code rate(s)} with {@code s = sin(angle)} and the angle w steps from the low
     * end: {@code out[start, end)} in blocks of {@code block} steps; per block, {@code sin} and {@code cos} of the
     * angle at its step nearest the low end (its last step falling, its first rising), with {@code Math.sin} and
     * {@code Math.cos}; then at j steps from that anchor {@code s = sin * cos(j w) + cos * sin(j w)}: two
     * positive terms, so nothing cancels and no error grows along the block.
     *
     * @param forward the steps move away from the low end (rising); else toward it
     * @param anchor the statements that set {@code double angle} at the anchor, given its offset from {@code start}
     *     as an expression
     * @param cosAt {@code cos(j w)} as an expression of j
     * @param sinAt {@code sin(j w)} as an expression of j
     */
    static CodeBlock rotation(String start, String end, String block, boolean forward,
            Function<String, CodeBlock> anchor, Function<String, CodeBlock> cosAt, Function<String, CodeBlock> sinAt,
            Function<String, CodeBlock> rate) {
        return rotation(start, end, block, forward, anchor, cosAt, sinAt, rate, Into.SET);
    }

    /** As {@link #rotation(String, String, String, boolean, Function, Function, Function, Function)}, {@code into}. */
    static CodeBlock rotation(String start, String end, String block, boolean forward,
            Function<String, CodeBlock> anchor, Function<String, CodeBlock> cosAt, Function<String, CodeBlock> sinAt,
            Function<String, CodeBlock> rate, Into into) {
        CodeBlock.Builder body = CodeBlock.builder()
                .addStatement("int i = $L", start)
                .beginControlFlow("while (i < $L)", end)
                .addStatement("int length = $T.min($L, $L - i)", Math.class, block, end);
        String j = "k";
        String offset = "(i - " + start + ")";
        if (!forward) {
            body.addStatement("int last = length - 1");
            j = "last - k";
            offset += " + last";
        }
        return body.add(anchor.apply(offset))
                .addStatement("double sin = $T.sin(angle)", Math.class)
                .addStatement("double cos = $T.cos(angle)", Math.class)
                .beginControlFlow("for (int k = 0; k < length; k++)")
                .addStatement("double s = sin * $L + cos * $L", cosAt.apply(j), sinAt.apply(j))
                .addStatement("out[i + k] $L $L", into.operator(), rate.apply("s"))
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
     * The name of the part that fills or multiplies in the rates of {@code method}: {@code timesFactor1} for
     * {@code times} and {@code factor1}.
     */
    static String partName(String verb, String method) {
        return verb + Character.toUpperCase(method.charAt(0)) + method.substring(1);
    }

    /**
     * Inside a part ({@link #part}), the statement {@code int end = ...;}: the index of {@code out} where the steps
     * reach {@code step}, a {@code long} constant ({@code from} if they start past it, at most {@code to}).
     */
    static CodeBlock endBefore(String step) {
        return CodeBlock.of("int end = firstStep >= $N ? from$W: from + (int) $T.min(to - from, $N - firstStep);\n",
                step, Math.class, step);
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
