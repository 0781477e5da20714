package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import javax.lang.model.element.Modifier;

/**
 * A count of steps, a {@code long}, as the {@code double} the formulas take: the generated class's private
 * {@code toDouble(long)}, the same value as the cast. Below 2^52 it puts n in the mantissa of 2^52 and subtracts
 * 2^52, which is exact and needs no {@code cvtsi2sd}: JDK 17's C2 emits that instruction without clearing its target
 * register first, so it waits on whatever last wrote that register, often the previous call's result
 * (JDK-8318562; cleared from JDK 23 on). Measured on the phased exponential-then-poly shape, JDK 17: 8.4 ns per call
 * with the cast, 2.0 with this, 2.3 by hand; JDK 25: 1.9 and 2.0.
 */
final class StepValue {

    private static final MethodSpec TO_DOUBLE = MethodSpec.methodBuilder("toDouble")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(TypeName.DOUBLE)
            .addParameter(TypeName.LONG, "n")
            .addJavadoc("{@code (double) n}, the same value; below 2^52 from the bits of 2^52 + n, exactly, without\n"
                    + "the {@code cvtsi2sd} instruction, which JDK 17's C2 leaves waiting on the last write of its\n"
                    + "target register (JDK-8318562).\n")
            .addStatement("return n >>> 52 == 0 ? $T.longBitsToDouble(0x4330_0000_0000_0000L | n) - 0x1p52 : n",
                    Double.class)
            .build();

    private StepValue() {}

    /** {@code toDouble(steps)}: {@code steps}, an expression of type {@code long}, as a double. */
    static CodeBlock of(Code code, CodeBlock steps) {
        return CodeBlock.of("$N($L)", code.method(TO_DOUBLE), steps);
    }

    /** {@code toDouble(variable)}, a {@code long} variable as a double. */
    static CodeBlock of(Code code, String variable) {
        return of(code, CodeBlock.of("$L", variable));
    }
}
