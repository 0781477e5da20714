package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;

/**
 * A decay that stops at a floor, Optax's {@code end_value} of {@code exponential_decay}:
 * {@code lr = max(decay(t), floor)}, computed as {@code Math.max} of the decay's rate and the floor, as Optax clips
 * it. {@code Math.max} holds the floor from the first step whose rate is below it, on every JVM; a step found at
 * compile time would depend on the last bit of {@code Math.exp} or {@code Math.pow}, which may differ by an ulp
 * between JVMs.
 *
 * @param decay the decay, an {@link ExponentialShape} or a {@link StepShape}
 * @param floor the floor, {@code >= 0}
 */
record FlooredShape(Shape decay, double floor, Names names) implements Shape {

    private NamedConstant floorConstant() {
        return NamedConstant.ofDouble(names.name("END_LR"), floor, names.endDoc() + ": the floor of the decay");
    }

    @Override
    public double at(long step) {
        return Math.max(decay.at(step), floor);
    }

    @Override
    public CodeBlock code(Code code) {
        CodeBlock.Builder body = CodeBlock.builder();
        CodeBlock rate;
        if (decay instanceof ClosedFormShape closed) {
            rate = closed.expression(code);
        } else {
            StepShape step = (StepShape) decay;
            body.addStatement("long drops = $L", step.drops(code));
            rate = step.expression(code, "drops");
        }
        return body.addStatement("return $T.max($L, $N)", Math.class, rate, code.use(floorConstant())).build();
    }

    @Override
    public String formula() {
        return "max(" + decay.formula() + ", " + names.words("{b}") + ")";
    }

    @Override
    public String computation() {
        return "max(" + decay.computation() + ", " + floorConstant().name() + ")";
    }

    @Override
    public String kind() {
        return decay.kind() + " decay to a floor";
    }
}
