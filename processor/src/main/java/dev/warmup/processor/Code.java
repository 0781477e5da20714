package dev.warmup.processor;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The constants and {@code fill} tables of one generated class, collected as its code is built: code refers to a
 * constant through {@link #use}, which returns its name for JavaPoet's {@code $N}, and the class declares exactly the
 * constants that were used, in order of first use. No constant is declared that no code reads.
 */
final class Code {

    private final Map<String, NamedConstant> constants;
    private final Map<String, FillCode.Table> tables;
    private final Map<String, MethodSpec> methods;
    private final Map<String, FieldSpec> fields;
    private final String rate;

    Code() {
        this(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), "lr");
    }

    private Code(Map<String, NamedConstant> constants, Map<String, FillCode.Table> tables,
            Map<String, MethodSpec> methods, Map<String, FieldSpec> fields, String rate) {
        this.constants = constants;
        this.tables = tables;
        this.methods = methods;
        this.fields = fields;
        this.rate = rate;
    }

    /**
     * The method whose value a shape's {@code fill} patterns compute, and call where a pattern calls it
     * ({@link FillCode#viaRate}, {@link FillCode#runs}): {@code lr}, or in a product the factor's method.
     */
    String rate() {
        return rate;
    }

    /** The same class's code, for the patterns of a shape whose rate is {@code method}'s, a factor of a product. */
    Code forRate(String method) {
        return new Code(constants, tables, methods, fields, method);
    }

    /** The name of {@code constant}, which the class will declare; one name, one value. */
    String use(NamedConstant constant) {
        NamedConstant before = constants.putIfAbsent(constant.name(), constant);
        // Equal values have equal literals (Double.equals and Arrays.equals compare bits, as a literal does).
        if (before != null && !Objects.deepEquals(before.value(), constant.value())) {
            throw new IllegalStateException(constant.name() + " defined twice: " + before + ", " + constant);
        }
        return constant.name();
    }

    /** The name of {@code table}, which the class will declare with {@code FILL_BLOCK}. */
    String table(FillCode.Table table) {
        tables.putIfAbsent(table.name(), table);
        return table.name();
    }

    /**
     * The name of {@code method}, a private method of the class that code calls (a factor of a {@link ProductShape},
     * a part of its {@code fill}), which the class will declare, in order of first use; one name, one method.
     */
    String method(MethodSpec method) {
        MethodSpec before = methods.putIfAbsent(method.name(), method);
        if (before != null && !before.equals(method)) {
            throw new IllegalStateException(method.name() + " defined twice");
        }
        return method.name();
    }

    /**
     * As {@link #method(MethodSpec)}, for a method whose code declares others: its place is taken before
     * {@code method} builds it, so that it comes before them; built once, and named {@code name}.
     */
    String method(String name, Supplier<MethodSpec> method) {
        if (!methods.containsKey(name)) {
            methods.put(name, null);
            MethodSpec built = method.get();
            if (!built.name().equals(name)) {
                throw new IllegalStateException("method " + built.name() + " declared as " + name);
            }
            methods.put(name, built);
        }
        return name;
    }

    /**
     * The name of {@code field}, a private static final field of the class that code reads, whose value the class
     * finds when it is loaded (not the processor: {@link StepValue}'s JDK test); declared after the constants, in
     * order of first use; one name, one field.
     */
    String field(FieldSpec field) {
        FieldSpec before = fields.putIfAbsent(field.name(), field);
        if (before != null && !before.equals(field)) {
            throw new IllegalStateException(field.name() + " defined twice");
        }
        return field.name();
    }

    List<FieldSpec> fields() {
        return new ArrayList<>(fields.values());
    }

    List<MethodSpec> methods() {
        return new ArrayList<>(methods.values());
    }

    List<NamedConstant> constants() {
        return new ArrayList<>(constants.values());
    }

    List<FillCode.Table> tables() {
        return new ArrayList<>(tables.values());
    }
}
