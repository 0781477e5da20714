package dev.warmup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.warmup.processor.ErrorSources.annotated;
import static dev.warmup.processor.ErrorSources.phase;
import static dev.warmup.processor.ErrorSources.source;
import static dev.warmup.processor.WarmupScheduleErrorsTest.assertOnlyError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.warmup.StepLr;
import java.io.IOException;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every error of {@code @WarmupSchedule}'s linear scaling rule:
 * the message, the file, and the line of the attribute at fault; for an attribute of a nested {@code @Phase}, the line
 * of that value inside the phase. Sources put one attribute a line (phases too), so a line names one attribute. The
 * expected messages are the processor's specification, written from its message text.
 */
class LinearScalingRuleErrorsTest {

    // ------------------------------------------------------------------------ @WarmupSchedule's linear scaling rule

    @Test
    void linearScalingRuleScalesInitLrExactly() throws IOException {
        JavaFileObject source = annotated("WarmupSchedule", "steps = 100", "initLr = 0.1", "batchSize = 8192",
                "referenceBatchSize = 256", "decay = Decay.COSINE", "totalSteps = 1000", "minLr = 0.5");
        Compilation compilation = Compiler.compile(source);
        assertThat(compilation).succeededWithoutWarnings();
        StepLr schedule = new Compiler.Loader(compilation).schedule("p.SchedStepLr");
        assertEquals(3.2, schedule.lr(100)); // 0.1 * 8192 / 256, exactly the double 3.2
        assertEquals(1.6, schedule.lr(50));
        assertEquals(0.5, schedule.lr(1000)); // minLr = 0.5 is allowed: it is below the scaled 3.2, not below 0.1
        String generated = compilation.generatedFile(StandardLocation.SOURCE_OUTPUT, "p/SchedStepLr.java")
                .orElseThrow().getCharContent(false).toString();
        assertTrue(generated.contains("(initLr scaled by the linear scaling rule: 0.1 * 8192 / 256 = 3.2)"), generated);
        assertTrue(generated.contains("batchSize = 8192, referenceBatchSize = 256"), generated);
    }

    @Test
    void batchSizeWithoutReferenceBatchSizeIsAnErrorOnBatchSize() {
        assertOnlyError(annotated("WarmupSchedule", "steps = 100", "initLr = 0.1", "batchSize = 8192"),
                "batchSize = 8192", "batchSize = 8192 is not allowed without referenceBatchSize: the linear scaling"
                        + " rule multiplies initLr by batchSize / referenceBatchSize; set referenceBatchSize to the"
                        + " batch size initLr was tuned for (Goyal et al. used 256)");
    }

    @Test
    void referenceBatchSizeWithoutBatchSizeIsAnErrorOnReferenceBatchSize() {
        assertOnlyError(annotated("WarmupSchedule", "steps = 100", "initLr = 0.1", "referenceBatchSize = 256"),
                "referenceBatchSize = 256", "referenceBatchSize = 256 is not allowed without batchSize: the linear"
                        + " scaling rule multiplies initLr by batchSize / referenceBatchSize; set batchSize to the"
                        + " batch size trained with");
    }

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource(delimiter = '|', value = {
        "batchSize = 0          | referenceBatchSize = 256  | batchSize = 0",
        "batchSize = 8192       | referenceBatchSize = -256 | referenceBatchSize = -256",
    })
    void batchSizeNotPositiveIsAnErrorOnIt(String batch, String reference, String wrong) {
        assertOnlyError(annotated("WarmupSchedule", "steps = 100", "initLr = 0.1", batch, reference), wrong,
                wrong + " is not allowed: a batch size must be > 0");
    }

    @ParameterizedTest(name = "initLr = {0}")
    @CsvSource(delimiter = '|', value = {
        "1e308            | 8192 | 1   | 1.0E308 * 8192 / 1 = Infinity",
        "Double.MIN_VALUE | 1    | 256 | 5.0E-324 * 1 / 256 = 0.0",
    })
    void scaledRateNotFiniteAndPositiveIsAnErrorOnBatchSize(String initLr, String batch, String reference,
            String scaling) {
        assertOnlyError(annotated("WarmupSchedule", "steps = 100", "initLr = " + initLr, "batchSize = " + batch,
                        "referenceBatchSize = " + reference), "batchSize = " + batch, "batchSize = " + batch + " is not"
                        + " allowed: the scaled rate " + scaling + " must be finite and > 0");
    }

    @Test
    void startLrIsComparedWithTheScaledRate() {
        assertOnlyError(annotated("WarmupSchedule", "steps = 100", "initLr = 0.1", "batchSize = 512",
                        "referenceBatchSize = 256", "startLr = 0.3"), "startLr = 0.3", "startLr = 0.3 is not allowed:"
                        + " the rate at step 0 must be in [0, initLr * batchSize / referenceBatchSize] = [0, 0.2]");
    }
}
