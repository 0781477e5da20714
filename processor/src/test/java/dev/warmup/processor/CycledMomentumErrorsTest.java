package dev.warmup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.warmup.processor.ErrorSources.annotated;
import static dev.warmup.processor.WarmupScheduleErrorsTest.assertOnlyError;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error of the cycled momentum ({@code cycleMomentum}, {@code baseMomentum}, {@code maxMomentum}), one check
 * that {@code @OneCycleSchedule} and {@code @CyclicSchedule} share, each case under both annotations:
 * the message, the file, and the line of the attribute at fault. Sources put one attribute a line, so a line names one
 * attribute. The expected messages are the processor's specification, written from its message text.
 */
class CycledMomentumErrorsTest {

    /** An annotation with a cycled momentum: its attributes without a default, and the defaults of its momentum. */
    enum Schedule {
        ONE_CYCLE("OneCycleSchedule", List.of("maxLr = 0.1", "totalSteps = 1000"), "0.85", "0.95"),
        CYCLIC("CyclicSchedule", List.of("baseLr = 0.001", "maxLr = 0.1"), "0.8", "0.9");

        final String annotation;
        final List<String> required;
        final String defaultBaseMomentum;
        final String defaultMaxMomentum;

        Schedule(String annotation, List<String> required, String defaultBaseMomentum, String defaultMaxMomentum) {
            this.annotation = annotation;
            this.required = required;
            this.defaultBaseMomentum = defaultBaseMomentum;
            this.defaultMaxMomentum = defaultMaxMomentum;
        }

        /** {@code @<annotation>} with its required attributes, then {@code attributes}, one a line. */
        JavaFileObject with(String... attributes) {
            List<String> all = new ArrayList<>(required);
            all.addAll(List.of(attributes));
            return annotated(annotation, all.toArray(String[]::new));
        }

        @Override
        public String toString() {
            return "@" + annotation;
        }
    }

    /** Each annotation with each case: its arguments follow the annotation's. */
    private static Stream<Arguments> eachSchedule(Object[]... cases) {
        return Stream.of(Schedule.values()).flatMap(schedule -> Stream.of(cases).map(arguments -> {
            Object[] withSchedule = new Object[arguments.length + 1];
            withSchedule[0] = schedule;
            System.arraycopy(arguments, 0, withSchedule, 1, arguments.length);
            return Arguments.of(withSchedule);
        }));
    }

    private static Object[] of(Object... arguments) {
        return arguments;
    }

    // ---------------------------------------------------------------------------------------------- [0, 1)

    /** Written, and echoed in the message. */
    static Stream<Arguments> outsideZeroToOne() {
        return eachSchedule(of("1.0", "1.0"), of("-0.1", "-0.1"), of("Double.NaN", "NaN"));
    }

    @ParameterizedTest(name = "{0}: baseMomentum = {1}")
    @MethodSource("outsideZeroToOne")
    void baseMomentumOutsideZeroToOneIsAnError(Schedule schedule, String written, String echoed) {
        assertOnlyError(schedule.with("baseMomentum = " + written), "baseMomentum = " + written,
                "baseMomentum = " + echoed + " is not allowed: a momentum must be in [0, 1)");
    }

    @ParameterizedTest(name = "{0}: maxMomentum = {1}")
    @MethodSource("outsideZeroToOne")
    void maxMomentumOutsideZeroToOneIsAnError(Schedule schedule, String written, String echoed) {
        assertOnlyError(schedule.with("maxMomentum = " + written), "maxMomentum = " + written,
                "maxMomentum = " + echoed + " is not allowed: a momentum must be in [0, 1)");
    }

    /** baseMomentum written and echoed, then maxMomentum written and echoed. */
    static Stream<Arguments> bothOutsideZeroToOne() {
        return eachSchedule(of("-0.5", "-0.5", "1.5", "1.5"), of("Double.NaN", "NaN", "1.0", "1.0"));
    }

    @ParameterizedTest(name = "{0}: baseMomentum = {1}, maxMomentum = {3}")
    @MethodSource("bothOutsideZeroToOne")
    void bothMomentaOutsideZeroToOneAreTwoErrors(Schedule schedule, String baseWritten, String baseEchoed,
            String maxWritten, String maxEchoed) {
        JavaFileObject source = schedule.with("baseMomentum = " + baseWritten, "maxMomentum = " + maxWritten);
        Compilation compilation = Compiler.compile(source);
        assertThat(compilation).hadErrorContaining("baseMomentum = " + baseEchoed + " is not allowed: a momentum must"
                + " be in [0, 1)").inFile(source).onLineContaining("baseMomentum = " + baseWritten);
        assertThat(compilation).hadErrorContaining("maxMomentum = " + maxEchoed + " is not allowed: a momentum must be"
                + " in [0, 1)").inFile(source).onLineContaining("maxMomentum = " + maxWritten);
        assertThat(compilation).hadErrorCount(2);
    }

    // ---------------------------------------------------------------------------------------------- base < max

    /**
     * baseMomentum, and maxMomentum or null for its default. With maxMomentum left at its default (0.95, 0.9), a case
     * runs where baseMomentum is not below that default: at it or above.
     */
    static Stream<Arguments> baseNotBelowMax() {
        Stream<Arguments> maxDefault = Stream.of(Schedule.values()).flatMap(schedule -> Stream.of("0.9", "0.95", "0.97")
                .filter(base -> Double.parseDouble(base) >= Double.parseDouble(schedule.defaultMaxMomentum))
                .map(base -> Arguments.of(schedule, base, null)));
        return Stream.concat(maxDefault, eachSchedule(of("0.9", "0.9"), of("0.9", "0.8"), of("0.85", "0.85"),
                of("0.85", "0.7")));
    }

    /** baseMomentum set: the error is on it, whether maxMomentum is its default or set. */
    @ParameterizedTest(name = "{0}: baseMomentum = {1}, maxMomentum = {2}")
    @MethodSource("baseNotBelowMax")
    void baseMomentumNotBelowMaxMomentumIsAnErrorOnBaseMomentum(Schedule schedule, String base, String max) {
        String baseWritten = "baseMomentum = " + base;
        JavaFileObject source = max == null
                ? schedule.with(baseWritten)
                : schedule.with(baseWritten, "maxMomentum = " + max);
        assertOnlyError(source, baseWritten, baseWritten + " is not allowed: the momentum cycles between baseMomentum"
                + " = " + base + " and maxMomentum = " + (max == null ? schedule.defaultMaxMomentum : max) + ", so"
                + " baseMomentum must be below maxMomentum; for a momentum that does not move, set cycleMomentum ="
                + " false and give it to the optimizer");
    }

    /** maxMomentum; a case runs where it is not above the annotation's default baseMomentum (0.85, 0.8). */
    static Stream<Arguments> maxNotAboveDefaultBase() {
        return Stream.of(Schedule.values()).flatMap(schedule -> Stream.of("0.85", "0.8", "0.75", "0.0")
                .filter(max -> Double.parseDouble(max) <= Double.parseDouble(schedule.defaultBaseMomentum))
                .map(max -> Arguments.of(schedule, max)));
    }

    /** baseMomentum left at its default: the error is on maxMomentum, the attribute written. */
    @ParameterizedTest(name = "{0}: maxMomentum = {1}")
    @MethodSource("maxNotAboveDefaultBase")
    void maxMomentumNotAboveTheDefaultBaseMomentumIsAnErrorOnMaxMomentum(Schedule schedule, String max) {
        assertOnlyError(schedule.with("maxMomentum = " + max), "maxMomentum = " + max, "maxMomentum = " + max + " is"
                + " not allowed: the momentum cycles between baseMomentum = " + schedule.defaultBaseMomentum + " and"
                + " maxMomentum = " + max + ", so baseMomentum must be below maxMomentum; for a momentum that does not"
                + " move, set cycleMomentum = false and give it to the optimizer");
    }

    // ---------------------------------------------------------------------------------------------- cycleMomentum

    static Stream<Arguments> momentumSet() {
        return eachSchedule(of("baseMomentum = 0.9"), of("baseMomentum = 0.85"), of("baseMomentum = 1.5"),
                of("baseMomentum = -1.0"), of("maxMomentum = 0.99"), of("maxMomentum = 0.95"),
                of("maxMomentum = 0.5"));
    }

    /** Without a cycled momentum, a momentum set is a mistake, valid or not: it is reported as having no effect. */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("momentumSet")
    void momentumSetWithoutCycleMomentumIsAnError(Schedule schedule, String momentum) {
        assertOnlyError(schedule.with("cycleMomentum = false", momentum), momentum, momentum + " has no effect:"
                + " cycleMomentum = false schedules no momentum; remove it, or remove cycleMomentum = false");
    }

    /** baseMomentum, then maxMomentum: the defaults of {@code @OneCycleSchedule}, then of {@code @CyclicSchedule}. */
    static Stream<Arguments> bothSet() {
        return eachSchedule(of("0.85", "0.95"), of("0.8", "0.9"));
    }

    @ParameterizedTest(name = "{0}: baseMomentum = {1}, maxMomentum = {2}")
    @MethodSource("bothSet")
    void bothMomentaSetWithoutCycleMomentumAreTwoErrors(Schedule schedule, String base, String max) {
        JavaFileObject source = schedule.with("cycleMomentum = false", "baseMomentum = " + base,
                "maxMomentum = " + max);
        Compilation compilation = Compiler.compile(source);
        assertThat(compilation).hadErrorContaining("baseMomentum = " + base + " has no effect: cycleMomentum = false"
                + " schedules no momentum; remove it, or remove cycleMomentum = false").inFile(source)
                .onLineContaining("baseMomentum = " + base);
        assertThat(compilation).hadErrorContaining("maxMomentum = " + max + " has no effect: cycleMomentum = false"
                + " schedules no momentum; remove it, or remove cycleMomentum = false").inFile(source)
                .onLineContaining("maxMomentum = " + max);
        assertThat(compilation).hadErrorCount(2);
    }
}
