package dev.warmup.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.palantir.javapoet.MethodSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link Code} declares: each method once, under its own name, in the order of first use. */
class CodeTest {

    @Test
    void aMethodBuiltLaterIsDeclaredOnceUnderItsNameBeforeTheMethodsItsCodeDeclares() {
        Code code = new Code();
        String outer = code.method("outer", () -> {
            code.method(MethodSpec.methodBuilder("inner").build());
            return MethodSpec.methodBuilder("outer").build();
        });
        assertEquals("outer", outer);
        assertEquals("outer", code.method("outer", () -> MethodSpec.methodBuilder("other").build()));
        assertEquals(List.of("outer", "inner"), code.methods().stream().map(MethodSpec::name).toList());
    }

    @Test
    void aMethodBuiltUnderAnotherNameThanItsOwnIsRefused() {
        Code code = new Code();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> code.method("fillPhase1", () -> MethodSpec.methodBuilder("fillPhase2").build()));
        assertEquals("method fillPhase2 declared as fillPhase1", e.getMessage());
    }
}
