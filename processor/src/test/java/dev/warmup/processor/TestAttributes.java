package dev.warmup.processor;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@link Attributes} built in a test, as the processor would read them from source: the explicit values given, the
 * annotation's own defaults (read from its class) for the rest. Values are written as in {@link Attributes}: Long,
 * Double, Boolean, String, an enum constant, or a {@code List<Attributes>}.
 */
final class TestAttributes {

    private TestAttributes() {}

    static Attributes of(Class<? extends Annotation> type, Map<String, Object> explicit) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Method method : type.getDeclaredMethods()) {
            Object value = explicit.containsKey(method.getName()) ? explicit.get(method.getName())
                    : method.getDefaultValue();
            if (value != null) {
                values.put(method.getName(), convert(value));
            }
        }
        return new Attributes(type.getSimpleName(), values, explicit.keySet());
    }

    private static Object convert(Object value) {
        if (value instanceof Integer i) {
            return i.longValue();
        }
        if (value instanceof Enum<?> e) {
            return new Attributes.EnumConstant(e.getDeclaringClass().getSimpleName(), e.name());
        }
        if (value instanceof long[] longs) {
            return java.util.Arrays.stream(longs).boxed().toList();
        }
        return value;
    }

    /** The explicit values as annotation source, written here rather than by the processor. */
    static String source(Class<? extends Annotation> type, Map<String, Object> explicit) {
        return explicit.entrySet().stream().map(e -> e.getKey() + " = " + literal(e.getValue()))
                .collect(Collectors.joining(", ", "@" + type.getSimpleName() + "(", ")"));
    }

    static String literal(Object value) {
        if (value instanceof Long l) {
            return l == Long.MIN_VALUE ? "Long.MIN_VALUE" : l + "L";
        }
        if (value instanceof Integer i) {
            return i == Integer.MIN_VALUE ? "Integer.MIN_VALUE" : Integer.toString(i);
        }
        if (value instanceof Double d) {
            if (Double.isNaN(d)) {
                return "Double.NaN";
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
            }
            return Double.toString(d);
        }
        if (value instanceof Enum<?> e) {
            return e.getDeclaringClass().getSimpleName() + "." + e.name();
        }
        if (value instanceof String s) {
            return '"' + s + '"';
        }
        if (value instanceof Phase phase) {
            return phase.source();
        }
        if (value instanceof Factor factor) {
            return factor.source();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(TestAttributes::literal).collect(Collectors.joining(", ", "{", "}"));
        }
        return String.valueOf(value);
    }

    /** A {@code @Phase} of a test: its explicit values. */
    record Phase(Map<String, Object> explicit) {
        String source() {
            return TestAttributes.source(dev.warmup.Phase.class, explicit);
        }

        Attributes attributes() {
            return of(dev.warmup.Phase.class, explicit);
        }
    }

    /** Attributes of a {@code @PhasedSchedule}, whose {@code phases} are test {@link Phase}s. */
    static Attributes phased(List<Phase> phases) {
        return of(dev.warmup.PhasedSchedule.class,
                Map.of("phases", phases.stream().map(Phase::attributes).toList()));
    }

    /** A {@code @Factor} of a test: its explicit values. */
    record Factor(Map<String, Object> explicit) {
        String source() {
            return TestAttributes.source(dev.warmup.Factor.class, explicit);
        }

        Attributes attributes() {
            return of(dev.warmup.Factor.class, explicit);
        }
    }

    /** Attributes of a {@code @ChainedSchedule} of {@code baseLr} and test {@link Factor}s. */
    static Attributes chained(double baseLr, List<Factor> factors) {
        Map<String, Object> explicit = new LinkedHashMap<>();
        explicit.put("baseLr", baseLr);
        explicit.put("factors", factors.stream().map(Factor::attributes).toList());
        return of(dev.warmup.ChainedSchedule.class, explicit);
    }
}
