package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import java.util.List;

/** Constant: {@code lr(t) = b}, one rate held throughout (a constant warmup, no decay, a flat phase). */
record ConstantShape(double rate, Names names) implements Shape {

    private NamedConstant constant() {
        return NamedConstant.ofDouble(names.name("LR"), rate, names.label().isEmpty() ? names.b()
                : "b, the " + names.noun() + " of " + names.label());
    }

    @Override
    public double at(long step) {
        return rate;
    }

    @Override
    public CodeBlock code(Code code) {
        return CodeBlock.of("return $N;\n", code.use(constant()));
    }

    @Override
    public String formula() {
        return names.b();
    }

    @Override
    public String computation() {
        return constant().name();
    }

    @Override
    public String kind() {
        return "constant";
    }

}
