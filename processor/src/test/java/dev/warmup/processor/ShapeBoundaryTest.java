package dev.warmup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.warmup.StepLr;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every shape of {@code @Phase}, rising and falling, at the boundaries of its phase: the generated class gives the
 * evaluator's bits at the phase's first step, its last step and the step after; the first step gives the start rate
 * written in the annotation (to 1e-15 relative: a shape computed from its other end, as an exponential rising to its
 * end, rounds on the way), and the step after the last phase gives its end rate exactly.
 */
class ShapeBoundaryTest {

    /** A phase of each shape and direction, written as a user would, with the rates it starts and ends at. */
    private record Phase(String source, double start, double end, long steps) {}

    private static final List<Phase> PHASES = List.of(
            new Phase("@Phase(steps = 49, shape = PhaseShape.LINEAR, startLr = 0.0, endLr = 0.1)", 0.0, 0.1, 49),
            new Phase("@Phase(steps = 49, shape = PhaseShape.LINEAR, startLr = 0.1, endLr = 0.003)", 0.1, 0.003, 49),
            new Phase("@Phase(steps = 77, shape = PhaseShape.COSINE, startLr = 0.002, endLr = 0.3)", 0.002, 0.3, 77),
            new Phase("@Phase(steps = 77, shape = PhaseShape.COSINE, startLr = 0.3, endLr = 0.0)", 0.3, 0.0, 77),
            new Phase("@Phase(steps = 31, shape = PhaseShape.EXPONENTIAL, startLr = 1e-4, endLr = 0.1)", 1e-4, 0.1,
                    31),
            new Phase("@Phase(steps = 31, shape = PhaseShape.EXPONENTIAL, startLr = 0.1, endLr = 1e-5)", 0.1, 1e-5,
                    31),
            // The drift of issue 14: 49 steps falling from 0.1 gave lr(0) = 0.09999999999999998.
            new Phase("@Phase(steps = 49, shape = PhaseShape.POLY, startLr = 0.1, endLr = 0.0, power = 2.5)", 0.1,
                    0.0, 49),
            new Phase("@Phase(steps = 49, shape = PhaseShape.POLY, startLr = 0.01, endLr = 0.2, power = 3.0)", 0.01,
                    0.2, 49),
            new Phase("@Phase(steps = 60, shape = PhaseShape.INV_SQRT, startLr = 0.1, endLr = 0.01)", 0.1, 0.01, 60),
            new Phase("@Phase(steps = 49, shape = PhaseShape.ONE_MINUS_SQRT, startLr = 0.1, endLr = 0.0)", 0.1,
                    0.0, 49),
            new Phase("@Phase(steps = 49, shape = PhaseShape.ONE_MINUS_SQRT, startLr = 0.3, endLr = 0.002)", 0.3,
                    0.002, 49),
            new Phase("@Phase(steps = 49, shape = PhaseShape.ONE_MINUS_SQRT, startLr = 0.01, endLr = 0.2)", 0.01,
                    0.2, 49),
            new Phase("@Phase(steps = 20, shape = PhaseShape.CONSTANT, endLr = 0.05)", 0.05, 0.05, 20),
            new Phase("@Phase(steps = 77, shape = PhaseShape.COSINE, startLr = 0.3, endLr = 0.001, power = 2.0)", 0.3,
                    0.001, 77),
            new Phase("@Phase(steps = 77, shape = PhaseShape.COSINE, startLr = 0.002, endLr = 0.3, power = 1.5)",
                    0.002, 0.3, 77));

    @Test
    void everyShapeGivesItsRatesAtItsBoundariesInTheEvaluatorAndTheGeneratedClass() {
        List<javax.tools.JavaFileObject> sources = new ArrayList<>();
        for (int i = 0; i < PHASES.size(); i++) {
            sources.add(JavaFileObjects.forSourceString("p.Shape" + i, "package p;\nimport dev.warmup.*;\n"
                    + "@PhasedSchedule(phases = {@Phase(steps = 5, shape = PhaseShape.CONSTANT, endLr = 0.5), "
                    + PHASES.get(i).source() + "})\nfinal class Shape" + i + " {}\n"));
        }
        Compilation compilation = Compiler.compile(sources.toArray(javax.tools.JavaFileObject[]::new));
        assertThat(compilation).succeededWithoutWarnings();
        Compiler.Loader loader = new Compiler.Loader(compilation);
        for (int i = 0; i < PHASES.size(); i++) {
            Phase phase = PHASES.get(i);
            StepLr generated = loader.schedule("p.Shape" + i + "StepLr");
            ScheduleModel model = PhasedModel.validate(TestAttributes.phased(List.of(
                    new TestAttributes.Phase(java.util.Map.of("steps", 5L, "shape", dev.warmup.PhaseShape.CONSTANT,
                            "endLr", 0.5)), phase(phase))), FailingReporter.ANY).orElseThrow();
            long first = 5;
            long last = first + phase.steps() - 1;
            for (long step : new long[] {first, first + 1, last, last + 1}) {
                assertEquals(Double.doubleToRawLongBits(model.at(step)), Double.doubleToRawLongBits(generated.lr(step)),
                        phase.source() + " at step " + step);
            }
            double atStart = generated.lr(first);
            assertTrue(Math.abs(atStart - phase.start()) <= 1e-15 * phase.start(),
                    phase.source() + ": starts at " + atStart);
            assertEquals(phase.end(), generated.lr(last + 1), phase.source() + ": its end rate, held after it");
        }
        // The drift of issue 14, fixed: a falling polynomial divides by its length, as the decay does.
        assertEquals(0.1, loader.schedule("p.Shape6StepLr").lr(5));
        // 1-sqrt falling to 0 and rising: the first step gives the start rate exactly.
        assertEquals(0.1, loader.schedule("p.Shape9StepLr").lr(5));
        assertEquals(0.01, loader.schedule("p.Shape11StepLr").lr(5));
    }

    /** The test's phase as {@link TestAttributes} of a {@code @Phase}, parsed back from its source. */
    private static TestAttributes.Phase phase(Phase phase) {
        java.util.Map<String, Object> explicit = new java.util.LinkedHashMap<>();
        String inside = phase.source().substring("@Phase(".length(), phase.source().length() - 1);
        for (String pair : inside.split(", ")) {
            String[] kv = pair.split(" = ");
            Object value = switch (kv[0]) {
                case "steps" -> Long.parseLong(kv[1]);
                case "shape" -> dev.warmup.PhaseShape.valueOf(kv[1].substring("PhaseShape.".length()));
                default -> Double.parseDouble(kv[1]);
            };
            explicit.put(kv[0], value);
        }
        return new TestAttributes.Phase(explicit);
    }
}
