package dev.warmup.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * The attributes of one annotation as written, before validation: every value by name, defaults included, in the
 * annotation's declaration order, and which of them the source sets: how every schedule annotation is read. A value is a {@link Long} (for {@code long} and
 * {@code int}), a {@link Double}, a {@link Boolean}, a {@link String}, an {@link EnumConstant}, or, for an array of
 * annotations, a {@code List<Attributes>}.
 *
 * <p>A value that did not compile (an unknown constant, a wrong type) has already been reported by the compiler;
 * {@link #read} then gives up on the annotation quietly rather than report it twice.
 */
final class Attributes {

    /** An enum constant as written: {@code CyclicMode.TRIANGULAR2}. */
    record EnumConstant(String type, String name) {
        @Override
        public String toString() {
            return type + "." + name;
        }
    }

    private final String annotation;
    private final Map<String, Object> values;
    private final Set<String> explicit;
    /** How attributes whose value is not as written ({@link #with}) read: {@code 5 epochs (250 updates)}. */
    private final Map<String, String> shown;

    /**
     * @param annotation the annotation's simple name
     * @param values every attribute's value, in declaration order
     * @param explicit the attributes the source sets
     */
    Attributes(String annotation, Map<String, Object> values, Set<String> explicit) {
        this(annotation, values, explicit, Map.of());
    }

    private Attributes(String annotation, Map<String, Object> values, Set<String> explicit,
            Map<String, String> shown) {
        this.annotation = annotation;
        this.values = new LinkedHashMap<>(values);
        this.explicit = Set.copyOf(explicit);
        this.shown = Map.copyOf(shown);
    }

    /**
     * These attributes with the value of {@code attribute} replaced by {@code value}, which messages and Javadoc show
     * as {@code shownAs} (as written, the value read otherwise) when it is not null.
     */
    Attributes with(String attribute, Object value, String shownAs) {
        value(attribute);
        Map<String, Object> replaced = new LinkedHashMap<>(values);
        replaced.put(attribute, value);
        Map<String, String> shownNow = new LinkedHashMap<>(shown);
        if (shownAs != null) {
            shownNow.put(attribute, shownAs);
        }
        return new Attributes(annotation, replaced, explicit, shownNow);
    }

    /** The attributes of {@code mirror}, or empty if one of its values (or a nested one) did not compile. */
    static Optional<Attributes> read(AnnotationMirror mirror) {
        TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
        Map<String, AnnotationValue> written = new LinkedHashMap<>();
        try {
            mirror.getElementValues().forEach((method, value) -> written.put(method.getSimpleName().toString(),
                    value));
        } catch (RuntimeException erroneous) {
            return Optional.empty(); // the Eclipse compiler's way of saying that a value did not compile
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            String name = method.getSimpleName().toString();
            AnnotationValue value = written.getOrDefault(name, method.getDefaultValue());
            Object converted = value == null ? null : convert(method.getReturnType(), valueOf(value));
            if (converted == null) {
                return Optional.empty();
            }
            values.put(name, converted);
        }
        return Optional.of(new Attributes(type.getSimpleName().toString(), values, written.keySet()));
    }

    /**
     * The value of an annotation value, or null if it did not compile: javac gives a placeholder of another type, the
     * Eclipse compiler throws (its {@code ShouldNotImplement}) for, say, a String written for a double, here or
     * already when asked for the annotation's values.
     */
    private static Object valueOf(AnnotationValue value) {
        try {
            return value.getValue();
        } catch (RuntimeException erroneous) {
            return null;
        }
    }

    /** {@code value} as the type {@code type} declares, or null if it is not of that type (it did not compile). */
    private static Object convert(TypeMirror type, Object value) {
        switch (type.getKind()) {
            case LONG:
            case INT:
                return value instanceof Long || value instanceof Integer || value instanceof Short
                        || value instanceof Byte ? ((Number) value).longValue() : null;
            case DOUBLE:
                return value instanceof Number number ? number.doubleValue() : null;
            case BOOLEAN:
                return value instanceof Boolean ? value : null;
            case ARRAY:
                if (!(value instanceof List<?> list)) {
                    return null;
                }
                List<Object> elements = new ArrayList<>();
                for (Object element : list) {
                    Object converted = element instanceof AnnotationValue annotationValue
                            ? convert(((ArrayType) type).getComponentType(), valueOf(annotationValue)) : null;
                    if (converted == null) {
                        return null;
                    }
                    elements.add(converted);
                }
                return List.copyOf(elements);
            case DECLARED:
                Element declared = ((DeclaredType) type).asElement();
                if (declared.getKind() == ElementKind.ENUM) {
                    return value instanceof VariableElement constant && isConstantOf(declared, constant)
                            ? new EnumConstant(declared.getSimpleName().toString(),
                                    constant.getSimpleName().toString())
                            : null;
                }
                if (declared.getKind() == ElementKind.ANNOTATION_TYPE) {
                    return value instanceof AnnotationMirror nested ? read(nested).orElse(null) : null;
                }
                return value instanceof String ? value : null;
            default:
                return null;
        }
    }

    private static boolean isConstantOf(Element enumType, VariableElement constant) {
        return constant.getKind() == ElementKind.ENUM_CONSTANT && enumType.getEnclosedElements().stream()
                .anyMatch(e -> e.getKind() == ElementKind.ENUM_CONSTANT
                        && e.getSimpleName().contentEquals(constant.getSimpleName()));
    }

    /** The annotation's simple name, without the {@code @}. */
    String annotation() {
        return annotation;
    }

    boolean isSet(String attribute) {
        return explicit.contains(attribute);
    }

    long longValue(String attribute) {
        return (Long) value(attribute);
    }

    double doubleValue(String attribute) {
        return (Double) value(attribute);
    }

    boolean booleanValue(String attribute) {
        return (Boolean) value(attribute);
    }

    String stringValue(String attribute) {
        return (String) value(attribute);
    }

    /** The name of the enum constant of {@code attribute}: {@code "TRIANGULAR2"}. */
    String enumValue(String attribute) {
        return ((EnumConstant) value(attribute)).name();
    }

    /** The names of the enum constants of an array-of-enums attribute: {@code ["DJL", "ND4J"]}. */
    List<String> enums(String attribute) {
        return ((List<?>) value(attribute)).stream().map(e -> ((EnumConstant) e).name()).toList();
    }

    /** The values of an array-of-longs attribute. */
    List<Long> longs(String attribute) {
        return ((List<?>) value(attribute)).stream().map(Long.class::cast).toList();
    }

    /** The nested annotations of an array-of-annotations attribute. */
    List<Attributes> nested(String attribute) {
        List<?> list = (List<?>) value(attribute);
        return list.stream().map(Attributes.class::cast).toList();
    }

    /** The value of {@code attribute}, of the type {@link Attributes} describes. */
    Object value(String attribute) {
        Object value = values.get(attribute);
        if (value == null) {
            throw new IllegalArgumentException("@" + annotation + " has no attribute " + attribute);
        }
        return value;
    }

    /** The value of an attribute as it reads in source, for messages and Javadoc. */
    String show(String attribute) {
        return shown.getOrDefault(attribute, showValue(value(attribute)));
    }

    /** A value as it reads in source: {@code 0.1}, {@code {30, 60}}, {@code Decay.EXP}. */
    static String showValue(Object value) {
        if (value instanceof Long l) {
            return Literals.show(l);
        }
        if (value instanceof Double d) {
            return Literals.show(d);
        }
        if (value instanceof String s) {
            return '"' + s + '"';
        }
        if (value instanceof List<?> list) {
            if (list.size() > 8 && list.get(0) instanceof Long) {
                // Up to 8 numbers in full; more as the first six, an ellipsis, the last, and how many there are.
                return list.stream().limit(6).map(Attributes::showValue).collect(Collectors.joining(", ", "{", ""))
                        + ", ..., " + showValue(list.get(list.size() - 1)) + "} (" + list.size() + " values)";
            }
            return list.stream().map(Attributes::showValue).collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof Attributes nested) {
            return nested.annotationText();
        }
        return value.toString(); // Boolean, EnumConstant
    }

    /** The annotation with its explicit attributes, in declaration order, as a user would write it. */
    String annotationText() {
        return annotationText(Map.of());
    }

    /**
     * The annotation as the schedule uses it: its explicit attributes and, marked {@code (default)}, the unset ones
     * that {@code defaults} gives the value used of, in declaration order: {@code gamma = 0.9999 (default)}.
     */
    String annotationText(Map<String, String> defaults) {
        return values.keySet().stream().filter(a -> isSet(a) || defaults.containsKey(a))
                .map(a -> isSet(a) ? a + " = " + show(a) : a + " = " + defaults.get(a) + " (default)")
                .collect(Collectors.joining(", ", "@" + annotation + "(", ")"));
    }

    /**
     * Every attribute but {@code name} with its value as read, set or default, in declaration order, nested
     * annotations so too: {@code @Phase(steps = 100, shape = PhaseShape.LINEAR, ...)}. The values are the read ones,
     * not how messages show them ({@link #with}). Two annotations of the same settings have the same text, whichever
     * of them the source writes out. A schedule annotation's {@code name} names the generated class, not a setting;
     * a {@code @Quantity}'s names a method, which its caller adds.
     */
    String settingsText() {
        return values.entrySet().stream().filter(e -> !e.getKey().equals("name"))
                .map(e -> e.getKey() + " = " + settingText(e.getValue()))
                .collect(Collectors.joining(", ", "@" + annotation + "(", ")"));
    }

    private static String settingText(Object value) {
        if (value instanceof Attributes nested) {
            return nested.settingsText();
        }
        if (value instanceof List<?> list) {
            // every element, however many (show abbreviates a long array)
            return list.stream().map(e -> e instanceof Attributes nested ? nested.settingsText() : showValue(e))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return showValue(value);
    }

    /** The names of the attributes, in declaration order. */
    Set<String> names() {
        return new LinkedHashSet<>(values.keySet());
    }
}
