package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * A product of factors, each a shape defined at every step {@code >= 0}: {@code lr = scale * f_1(t) * f_2(t) * ...},
 * multiplied left to right, the scale (if any) first. The one node that multiplies: a {@code @ChainedSchedule} is
 * {@code BASE_LR} times its factors (PyTorch's {@code ChainedScheduler}), and {@code @UntunedWarmup} is the schedule
 * beside it times its warmup factor.
 *
 * <p>Each factor is a private static method of the generated class, {@code factor1(step)}, documented with its
 * formula: a shape's code is statements that end in {@code return}, so a factor cannot be inlined into one
 * expression, and a method of a few bytecodes is inlined by the JIT. {@code lr} returns
 * {@code BASE_LR * factor1(step) * factor2(step)}.
 *
 * @param scale the constant the factors multiply, or null for none
 * @param factors the factors, in the order they multiply
 */
record ProductShape(NamedConstant scale, List<Factor> factors) implements Shape {

    /**
     * One factor: the method that computes it, what it is in words (for its Javadoc and the class's), and its shape.
     *
     * @param method the name of its method, {@code factor1}
     * @param title what it is: {@code factor 1: linear 0.01 -> 1.0 over 1000 steps, then 1.0}
     * @param shape its value at every step {@code >= 0}
     */
    record Factor(String method, String title, Shape shape) {}

    ProductShape {
        factors = List.copyOf(factors);
    }

    @Override
    public double at(long step) {
        double product = scale == null ? factors.get(0).shape().at(step)
                : (Double) scale.value() * factors.get(0).shape().at(step);
        for (Factor factor : factors.subList(1, factors.size())) {
            product *= factor.shape().at(step);
        }
        return product;
    }

    /**
     * {@code return} the product of the factors' methods, {@code BASE_LR * factor1(step) * factor2(step)}, each
     * method declared through {@code code}.
     */
    @Override
    public CodeBlock code(Code code) {
        CodeBlock.Builder product = CodeBlock.builder().add("return ");
        if (scale != null) {
            product.add("$N * ", code.use(scale));
        }
        for (int i = 0; i < factors.size(); i++) {
            product.add(i == 0 ? "$N(step)" : " * $N(step)", code.method(method(factors.get(i), code)));
        }
        return product.add(";\n").build();
    }

    /** The private method of a factor: its shape's statements, with its formula in its Javadoc. */
    private static MethodSpec method(Factor factor, Code code) {
        return MethodSpec.methodBuilder(factor.method())
                .addJavadoc("$L: {@code $L},\ncomputed as {@code $L}.\n", capitalized(factor.title()),
                        factor.shape().formula(), factor.shape().computation())
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(TypeName.DOUBLE)
                .addParameter(TypeName.LONG, "step")
                .addCode(factor.shape().code(code))
                .build();
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    @Override
    public String formula() {
        return factors.stream().map(f -> "f" + (factors.indexOf(f) + 1) + "(t)")
                .collect(Collectors.joining(" * ", scale == null ? "" : scale.doc() + " * ", ""));
    }

    @Override
    public String computation() {
        return factors.stream().map(f -> f.method() + "(t)")
                .collect(Collectors.joining(" * ", scale == null ? "" : scale.name() + " * ", ""));
    }

    @Override
    public String kind() {
        return "product";
    }
}
