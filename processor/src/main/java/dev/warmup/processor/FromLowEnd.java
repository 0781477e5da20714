package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;

/**
 * A shape from a to b computed from its low end: {@code low + x}, x never negative, so nothing cancels where the rate
 * nears its low end and the low end is exact. A low end of 0 is left out ({@code 0.0 + x} is x, bit for bit, for
 * {@code x >= +0.0}). A flat shape counts as falling.
 */
interface FromLowEnd extends Shape {

    /** a, the rate at the start of the span. */
    double start();

    /** b, the rate at its end. */
    double end();

    Names names();

    default boolean rising() {
        return end() > start();
    }

    default double low() {
        return Math.min(start(), end());
    }

    /** {@code |b - a|}. */
    default double amplitude() {
        return Math.max(start(), end()) - low();
    }

    /** The low end's constant: a, named {@code START_LR}, rising; b, named {@code END_LR}, falling. */
    default NamedConstant lowConstant() {
        return rising() ? NamedConstant.ofDouble(names().name("START_LR"), start(), names().startDoc())
                : NamedConstant.ofDouble(names().name("END_LR"), end(), names().endDoc());
    }

    /** The constant {@code |b - a|}. */
    default NamedConstant amplitudeConstant() {
        return NamedConstant.ofDouble(names().name("AMPLITUDE"), amplitude(),
                names().doc(rising() ? "{b} - {a}" : "{a} - {b}"));
    }

    /** The evaluator's {@code low + x}. */
    default double plusLow(double x) {
        return low() == 0 ? x : low() + x;
    }

    /** The code's {@code LOW + x}. */
    default CodeBlock plusLow(Code code, CodeBlock x) {
        return low() == 0 ? x : CodeBlock.of("$N + $L", code.use(lowConstant()), x);
    }

    /** The Javadoc's {@code LOW + x}. */
    default String plusLow(String x) {
        return low() == 0 ? x : lowConstant().name() + " + " + x;
    }
}
