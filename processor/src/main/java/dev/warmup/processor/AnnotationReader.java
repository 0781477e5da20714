package dev.warmup.processor;

import dev.warmup.Decay;
import dev.warmup.Warmup;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * Reads a {@code @WarmupSchedule} mirror into {@link Settings}, noting which attributes the source sets. An attribute
 * whose value did not compile (an unknown constant, a wrong type) has already been reported by the compiler; the
 * reader then gives up on the annotation quietly rather than report it twice.
 */
final class AnnotationReader {

    private AnnotationReader() {}

    /** The attributes written in the source, by name, for pointing diagnostics at them. */
    static Map<String, AnnotationValue> explicitValues(AnnotationMirror mirror) {
        Map<String, AnnotationValue> values = new HashMap<>();
        mirror.getElementValues().forEach((method, value) -> values.put(method.getSimpleName().toString(), value));
        return values;
    }

    static Optional<Settings> read(AnnotationMirror mirror, Elements elements) {
        Map<String, Object> values = new HashMap<>();
        try {
            // Inside the try: for a value that did not compile (a String where a double belongs), ECJ throws here.
            for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                    : elements.getElementValuesWithDefaults(mirror).entrySet()) {
                values.put(entry.getKey().getSimpleName().toString(), entry.getValue().getValue());
            }
            return Optional.of(new Settings(
                    longValue(values.get("steps")),
                    doubleValue(values.get("initLr")),
                    longValue(values.get("batchSize")),
                    longValue(values.get("referenceBatchSize")),
                    Warmup.valueOf(enumName(values.get("warmup"))),
                    doubleValue(values.get("startLr")),
                    Decay.valueOf(enumName(values.get("decay"))),
                    doubleValue(values.get("gamma")),
                    longValue(values.get("stepSize")),
                    longArray(values.get("milestones")),
                    longValue(values.get("totalSteps")),
                    doubleValue(values.get("minLr")),
                    doubleValue(values.get("power")),
                    (String) values.get("name"),
                    explicitValues(mirror).keySet()));
        } catch (RuntimeException erroneous) { // ClassCastException, ..., and ECJ's ShouldNotImplement
            return Optional.empty();
        }
    }

    private static long longValue(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        throw new IllegalArgumentException("not a long: " + value);
    }

    private static double doubleValue(Object value) {
        return ((Number) value).doubleValue();
    }

    private static String enumName(Object value) {
        return ((VariableElement) value).getSimpleName().toString();
    }

    private static long[] longArray(Object value) {
        if (!(value instanceof List<?> list)) {
            return new long[] {longValue(value)};
        }
        long[] array = new long[list.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = longValue(((AnnotationValue) list.get(i)).getValue());
        }
        return array;
    }
}
