package dev.warmup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every error of {@code @LrRangeTest}: the message, the file, and the line of the attribute at fault (of the
 * annotation, for one about the annotation as a whole). Sources put one attribute a line. Every source compiles in
 * one compilation, each class with its own errors. The expected messages are the processor's specification, written
 * from its message text.
 */
class LrRangeTestErrorsTest {

    private static final List<JavaFileObject> SOURCES = new ArrayList<>();
    private static Compilation compilation;

    private static JavaFileObject source(String name, String... lines) {
        List<String> all = new ArrayList<>(List.of("package e;", "", "import dev.warmup.*;", ""));
        all.addAll(List.of(lines));
        JavaFileObject source = JavaFileObjects.forSourceLines("e." + name, all);
        SOURCES.add(source);
        return source;
    }

    private static final JavaFileObject START_ZERO = source("StartZero",
            "@LrRangeTest(",
            "        startLr = 0.0)",
            "final class StartZero {}");
    private static final JavaFileObject BOTH_RATES = source("BothRates",
            "@LrRangeTest(",
            "        startLr = -1.0,",
            "        endLr = Double.NaN)",
            "final class BothRates {}");
    private static final JavaFileObject END_BELOW = source("EndBelow",
            "@LrRangeTest(",
            "        endLr = 1e-8)",
            "final class EndBelow {}");
    private static final JavaFileObject END_INFINITE = source("EndInfinite",
            "@LrRangeTest(",
            "        startLr = 1e-5,",
            "        endLr = Double.POSITIVE_INFINITY)",
            "final class EndInfinite {}");
    private static final JavaFileObject TOO_FEW = source("TooFew",
            "@LrRangeTest(",
            "        steps = 6)",
            "final class TooFew {}");
    private static final JavaFileObject TOO_MANY = source("TooMany",
            "@LrRangeTest(",
            "        steps = 10001)",
            "final class TooMany {}");
    private static final JavaFileObject BAD_NAME = source("BadName",
            "@LrRangeTest(",
            "        name = \"record\")",
            "final class BadName {}");
    private static final JavaFileObject BESIDE_PHASED = source("BesidePhased",
            "@PhasedSchedule(phases = @Phase(steps = 100, shape = PhaseShape.LINEAR, endLr = 0.1))",
            "@LrRangeTest(",
            "        steps = 50)",
            "final class BesidePhased {}");
    private static final JavaFileObject ON_INTERFACE = source("OnInterface",
            "@LrRangeTest(",
            "        steps = 50)",
            "interface OnInterface {}");
    private static final JavaFileObject SAME_NAME = source("SameName",
            "@WarmupSchedule(steps = 10, initLr = 0.1, name = \"Both\")",
            "@LrRangeTest(",
            "        name = \"Both\",",
            "        steps = 50)",
            "final class SameName {}");

    @BeforeAll
    static void compile() {
        compilation = Compiler.compile(SOURCES.toArray(JavaFileObject[]::new));
    }

    @Test
    void eachSourceHasItsErrorsAndNoOther() {
        assertThat(compilation).hadErrorCount(11);
    }

    @Test
    void startLrNotPositiveIsAnError() {
        assertThat(compilation).hadErrorContaining("startLr = 0.0 is not allowed: the rate of step 0 must be finite"
                + " and > 0").inFile(START_ZERO).onLineContaining("startLr = 0.0");
    }

    @Test
    void endLrIsCheckedAloneWhenStartLrIsInvalid() {
        assertThat(compilation).hadErrorContaining("startLr = -1.0 is not allowed: the rate of step 0 must be finite"
                + " and > 0").inFile(BOTH_RATES).onLineContaining("startLr = -1.0");
        assertThat(compilation).hadErrorContaining("endLr = NaN is not allowed: the rate the ramp reaches at step N"
                + " must be finite and > 0").inFile(BOTH_RATES).onLineContaining("endLr = Double.NaN");
    }

    @Test
    void endLrNotAboveStartLrIsAnError() {
        assertThat(compilation).hadErrorContaining("endLr = 1.0E-8 is not allowed: the rate the ramp reaches at step"
                + " N must be finite and > startLr = 1.0E-7").inFile(END_BELOW).onLineContaining("endLr = 1e-8");
    }

    @Test
    void endLrInfiniteIsAnError() {
        assertThat(compilation).hadErrorContaining("endLr = Infinity is not allowed: the rate the ramp reaches at step"
                + " N must be finite and > startLr = 1.0E-5").inFile(END_INFINITE)
                .onLineContaining("endLr = Double.POSITIVE_INFINITY");
    }

    @Test
    void stepsOutsideSevenToTenThousandAreAnError() {
        String allowed = " is not allowed: the steps N of the test must be in [7, 10000]: the suggestions leave out"
                + " the first N / 10 and the last 5 points and need 2, and fastai's valley compares every pair of"
                + " points";
        assertThat(compilation).hadErrorContaining("steps = 6" + allowed).inFile(TOO_FEW)
                .onLineContaining("steps = 6");
        assertThat(compilation).hadErrorContaining("steps = 10001" + allowed).inFile(TOO_MANY)
                .onLineContaining("steps = 10001");
    }

    @Test
    void aNameThatCannotNameAClassIsAnError() {
        assertThat(compilation).hadErrorContaining("name = \"record\" is not allowed: " + Checks.NAME_ALLOWED)
                .inFile(BAD_NAME).onLineContaining("name = \"record\"");
    }

    @Test
    void besidePhasedScheduleIsAnErrorOnTheRangeTest() {
        assertThat(compilation).hadErrorContaining("@LrRangeTest is not supported beside @PhasedSchedule, whose peak"
                + " is in its phases, not in one attribute that annotationFor could write; put @LrRangeTest on a"
                + " class of its own").inFile(BESIDE_PHASED).onLineContaining("@LrRangeTest(");
    }

    @Test
    void onAnInterfaceIsAnError() {
        assertThat(compilation).hadErrorContaining("@LrRangeTest is not allowed on an interface e.OnInterface:"
                + " annotate a class or a record").inFile(ON_INTERFACE).onLineContaining("@LrRangeTest(");
    }

    @Test
    void theNameOfTheScheduleBesideIsAnError() {
        assertThat(compilation).hadErrorContaining("Another @WarmupSchedule of this compilation, on e.SameName,"
                + " generates e.Both too; set name = \"...\" to another simple name").inFile(SAME_NAME)
                .onLineContaining("name = \"Both\",");
    }
}
