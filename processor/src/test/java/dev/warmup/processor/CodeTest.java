package dev.warmup.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.palantir.javapoet.MethodSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link Code} declares: each constant and method once, under its own name, in the order of first use. */
class CodeTest {

    @Test
    void constantsAreDeclaredOnceInTheOrderOfFirstUse() {
        Code code = new Code();
        assertEquals("B", code.use(NamedConstant.ofDouble("B", 0.5, "b")));
        assertEquals("A", code.use(NamedConstant.ofLong("A", 3, "a")));
        assertEquals("B", code.use(NamedConstant.ofDouble("B", 0.5, "b, again")));
        assertEquals(List.of("B", "A"), code.constants().stream().map(NamedConstant::name).toList());
    }

    @Test
    void aNameGivenToTwoValuesIsRefused() {
        Code code = new Code();
        code.use(NamedConstant.ofDouble("SLOPE", 0.5, "a slope"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> code.use(NamedConstant.ofDouble("SLOPE", 0.25, "another slope")));
        assertEquals("SLOPE defined twice: NamedConstant[name=SLOPE, value=0.5, doc=a slope], "
                + "NamedConstant[name=SLOPE, value=0.25, doc=another slope]", e.getMessage());
    }

    @Test
    void methodsAreDeclaredOnceAndANameGivenToTwoMethodsIsRefused() {
        Code code = new Code();
        MethodSpec factor = MethodSpec.methodBuilder("factor1").build();
        assertEquals("factor1", code.method(factor));
        assertEquals("factor1", code.method(MethodSpec.methodBuilder("factor1").build()));
        assertEquals(List.of(factor), code.methods());
        assertThrows(IllegalStateException.class,
                () -> code.method(MethodSpec.methodBuilder("factor1").addStatement("return").build()));
    }
}
