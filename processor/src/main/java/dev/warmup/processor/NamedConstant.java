package dev.warmup.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.TypeName;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@code private static final} field of a generated class: a number the processor computed once so that
 * {@code lr(step)} does not. {@code value} is a {@link Long}, a {@link Double}, a {@code long[]} or a
 * {@code double[]}; {@code doc} says how it was computed.
 */
record NamedConstant(String name, Object value, String doc) {

    NamedConstant {
        boolean finite;
        if (value instanceof Long || value instanceof long[]) {
            finite = true;
        } else if (value instanceof Double d) {
            finite = Double.isFinite(d);
        } else if (value instanceof double[] a) {
            finite = Arrays.stream(a).allMatch(Double::isFinite);
        } else {
            throw new IllegalArgumentException(name + ": not a constant type: " + value);
        }
        if (!finite) {
            throw new NotFinite(name + " (" + doc + ") is not finite");
        }
    }

    /** A constant that would be infinite or NaN, which no Java literal writes. */
    static final class NotFinite extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        NotFinite(String message) {
            super(message);
        }
    }

    static NamedConstant ofLong(String name, long value, String doc) {
        return new NamedConstant(name, value, doc);
    }

    static NamedConstant ofDouble(String name, double value, String doc) {
        return new NamedConstant(name, value, doc);
    }

    TypeName type() {
        if (value instanceof Long) {
            return TypeName.LONG;
        }
        if (value instanceof Double) {
            return TypeName.DOUBLE;
        }
        return ArrayTypeName.of(value instanceof long[] ? TypeName.LONG : TypeName.DOUBLE);
    }

    /** An array's elements as Java literals, or null for a single number. */
    List<String> elements() {
        if (value instanceof long[] a) {
            return Arrays.stream(a).mapToObj(Literals::ofLong).toList();
        }
        if (value instanceof double[] a) {
            return Arrays.stream(a).mapToObj(Literals::ofDouble).toList();
        }
        return null;
    }

    /** The value as Java source that parses back to exactly the same number(s). */
    String literal() {
        if (value instanceof Long l) {
            return Literals.ofLong(l);
        }
        if (value instanceof Double d) {
            return Literals.ofDouble(d);
        }
        if (value instanceof long[] a) {
            return Arrays.stream(a).mapToObj(Literals::ofLong).collect(Collectors.joining(", ", "{", "}"));
        }
        return Arrays.stream((double[]) value).mapToObj(Literals::ofDouble)
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
