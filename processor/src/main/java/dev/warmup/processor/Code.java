package dev.warmup.processor;

import com.palantir.javapoet.MethodSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The constants and private methods of one generated class, collected as its code is built: code refers to a
 * constant through {@link #use}, which returns its name for JavaPoet's {@code $N}, and the class declares exactly the
 * constants that were used, in order of first use. No constant is declared that no code reads.
 */
final class Code {

    private final Map<String, NamedConstant> constants = new LinkedHashMap<>();
    private final Map<String, MethodSpec> methods = new LinkedHashMap<>();

    /** The name of {@code constant}, which the class will declare; one name, one value. */
    String use(NamedConstant constant) {
        NamedConstant before = constants.putIfAbsent(constant.name(), constant);
        // Equal values have equal literals (Double.equals and Arrays.equals compare bits, as a literal does).
        if (before != null && !Objects.deepEquals(before.value(), constant.value())) {
            throw new IllegalStateException(constant.name() + " defined twice: " + before + ", " + constant);
        }
        return constant.name();
    }

    /**
     * The name of {@code method}, a private method of the class that code calls (a factor of a {@link ProductShape}),
     * which the class will declare, in order of first use; one name, one method.
     */
    String method(MethodSpec method) {
        MethodSpec before = methods.putIfAbsent(method.name(), method);
        if (before != null && !before.equals(method)) {
            throw new IllegalStateException(method.name() + " defined twice");
        }
        return method.name();
    }

    List<MethodSpec> methods() {
        return new ArrayList<>(methods.values());
    }

    List<NamedConstant> constants() {
        return new ArrayList<>(constants.values());
    }
}
