package dev.warmup.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The constants and {@code fill} tables of one generated class, collected as its code is built: code refers to a
 * constant through {@link #use}, which returns its name for JavaPoet's {@code $N}, and the class declares exactly the
 * constants that were used, in order of first use. No constant is declared that no code reads.
 */
final class Code {

    private final Map<String, NamedConstant> constants = new LinkedHashMap<>();
    private final Map<String, FillCode.Table> tables = new LinkedHashMap<>();

    /** The name of {@code constant}, which the class will declare; one name, one value. */
    String use(NamedConstant constant) {
        NamedConstant before = constants.putIfAbsent(constant.name(), constant);
        if (before != null && !before.literal().equals(constant.literal())) {
            throw new IllegalStateException(constant.name() + " defined twice: " + before + ", " + constant);
        }
        return constant.name();
    }

    /** The name of {@code table}, which the class will declare with {@code FILL_BLOCK}. */
    String table(FillCode.Table table) {
        tables.putIfAbsent(table.name(), table);
        return table.name();
    }

    List<NamedConstant> constants() {
        return new ArrayList<>(constants.values());
    }

    List<FillCode.Table> tables() {
        return new ArrayList<>(tables.values());
    }
}
