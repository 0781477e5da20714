package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import javax.lang.model.element.Modifier;

/**
 * A count of steps, a {@code long}, as the {@code double} the formulas take: the generated class's private
 * {@code toDouble(long)}, the same value as the cast. JDK 17's C2 emits {@code cvtsi2sd} for the cast without
 * clearing its target register first, so the conversion waits on whatever last wrote that register, often the previous
 * call's result (JDK-8318562; cleared from JDK 23 on). There, below 2^52, {@code toDouble} puts n in the mantissa of
 * 2^52 and subtracts 2^52, which is exact and needs no {@code cvtsi2sd}; from JDK 23 on it is the cast, cheaper than
 * those three operations. Which of the two is a {@code static final} field that the class sets when it is loaded,
 * {@code CVTSI2SD_WAITS}, and that C2 folds: each JVM compiles only its own branch. Measured on the phased
 * exponential-then-poly shape, JDK 17: 8.4 ns per call with the cast, 2.0 with the bits, 2.3 by hand; on JDK 25 the
 * cast against the bits, one-cycle {@code LINEAR} per sweep step: 0.79 against 1.30 ns (4 forks; per call, within
 * the noise of 1.3 to 1.6 ns; docs/performance.md). Where the count is known to lie in [0, 2^52), the steps of a span
 * that ends below 2^52, {@code smallToDouble} takes the bits without testing for it: on JDK 17, one-cycle
 * {@code LINEAR} per call 1.39 ns with {@code toDouble}, 1.26 without the test ({@code StepConversionBenchmark},
 * 6 forks; docs/performance.md).
 */
final class StepValue {

    private static final FieldSpec CVTSI2SD_WAITS = FieldSpec.builder(TypeName.BOOLEAN, "CVTSI2SD_WAITS",
                    Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("Whether this JVM's C2 leaves {@code (double) n} waiting on the last write of its target\n"
                    + "register (JDK-8318562, before JDK 23): the conversions of steps then take the bits.\n"
                    + "A constant to C2, which compiles only the branch this JVM takes.\n")
            .initializer("$T.version().feature() < 23", Runtime.class)
            .build();

    private static final MethodSpec TO_DOUBLE = MethodSpec.methodBuilder("toDouble")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(TypeName.DOUBLE)
            .addParameter(TypeName.LONG, "n")
            .addJavadoc("{@code (double) n}, the same value; where {@code cvtsi2sd} waits ({@code CVTSI2SD_WAITS}),\n"
                    + "below 2^52 from the bits of 2^52 + n, exactly.\n")
            .addStatement("return $N && n >>> 52 == 0 ? $T.longBitsToDouble(0x4330_0000_0000_0000L | n) - 0x1p52 : n",
                    CVTSI2SD_WAITS, Double.class)
            .build();

    private static final MethodSpec SMALL_TO_DOUBLE = MethodSpec.methodBuilder("smallToDouble")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(TypeName.DOUBLE)
            .addParameter(TypeName.LONG, "n")
            .addJavadoc("{@code (double) n}, the same value, for {@code 0 <= n < 2^52} only (a step of a span that\n"
                    + "ends below 2^52): where {@code cvtsi2sd} waits ({@code CVTSI2SD_WAITS}), from the bits of\n"
                    + "2^52 + n, exactly, with no test of the range.\n")
            .addStatement("return $N ? $T.longBitsToDouble(0x4330_0000_0000_0000L | n) - 0x1p52 : n",
                    CVTSI2SD_WAITS, Double.class)
            .build();

    private StepValue() {}

    /** {@code toDouble(steps)}: {@code steps}, an expression of type {@code long}, as a double. */
    static CodeBlock of(Code code, CodeBlock steps) {
        code.field(CVTSI2SD_WAITS);
        return CodeBlock.of("$N($L)", code.method(TO_DOUBLE), steps);
    }

    /**
     * {@code smallToDouble(steps)}: {@code steps}, an expression of type {@code long} whose value is in [0, 2^52)
     * wherever the code runs, as a double.
     */
    static CodeBlock ofSmall(Code code, CodeBlock steps) {
        code.field(CVTSI2SD_WAITS);
        return CodeBlock.of("$N($L)", code.method(SMALL_TO_DOUBLE), steps);
    }

    /** {@code toDouble(variable)}, a {@code long} variable as a double. */
    static CodeBlock of(Code code, String variable) {
        return of(code, CodeBlock.of("$L", variable));
    }
}
