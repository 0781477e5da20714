package dev.warmup.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.warmup.StepLr;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * DINO's three schedules (facebookresearch/dino, {@code main_dino.py} and {@code utils.cosine_scheduler}), the rate
 * with its {@code np.linspace} warmup included, against {@code cosine_scheduler} transcribed here as numpy computes it:
 *
 * <pre>{@code
 * warmup = np.linspace(start_warmup_value, base_value, warmup_iters)      # its last value is base_value
 * iters = np.arange(epochs * niter_per_ep - warmup_iters)
 * schedule = final_value + 0.5 * (base_value - final_value) * (1 + np.cos(np.pi * iters / len(iters)))
 * }</pre>
 *
 * <p>with DINO's defaults for ViT-S/16 on 100 epochs (lr 5e-4 at batch 256, min_lr 1e-6, 10 warmup epochs, weight
 * decay 0.04 to 0.4, teacher momentum 0.996 to 1), 50 updates an epoch. The warmup reaches the peak at update
 * {@code warmup_iters - 1}, one update earlier than a {@code t / W} warmup: a {@code @PhasedSchedule} of a linear
 * phase of {@code W - 1} steps, the peak held one step, and the cosine. The teacher momentum's values recorded from
 * DINO's numpy are {@code PyTorchReferenceTest}'s case {@code dino_teacher_momentum}.
 */
class DinoRecipeTest {

    private static final int EPOCHS = 100;
    private static final int PER_EPOCH = 50;
    private static final int WARMUP = 10 * PER_EPOCH;
    private static final int TOTAL = EPOCHS * PER_EPOCH;

    /** {@code utils.cosine_scheduler}, transcribed. */
    private static double cosineScheduler(double base, double last, int warmupIters, double startWarmup, int i) {
        if (i < warmupIters) {
            double step = (base - startWarmup) / (warmupIters - 1);
            return i == warmupIters - 1 ? base : startWarmup + i * step;
        }
        int length = TOTAL - warmupIters;
        return last + 0.5 * (base - last) * (1 + Math.cos(Math.PI * (i - warmupIters) / length));
    }

    @Test
    void theThreeSchedulesAreDinos() throws ReflectiveOperationException {
        Compilation compilation = Compiler.compile(JavaFileObjects.forSourceLines("p.Dino",
                "package p;",
                "import dev.warmup.*;",
                "@PhasedSchedule(phases = {",
                "        @Phase(steps = 499, shape = PhaseShape.LINEAR, endLr = 5e-4),",
                "        @Phase(steps = 1, shape = PhaseShape.CONSTANT, endLr = 5e-4),",
                "        @Phase(steps = 4500, shape = PhaseShape.COSINE, endLr = 1e-6)})",
                "@Quantity(kind = QuantityKind.WEIGHT_DECAY, shape = PhaseShape.COSINE, start = 0.04, end = 0.4,",
                "        steps = 5000)",
                "@Quantity(kind = QuantityKind.MOMENTUM, name = \"teacherMomentum\", shape = PhaseShape.COSINE,",
                "        start = 0.996, end = 1.0, steps = 5000)",
                "final class Dino {}"));
        assertThat(compilation).succeededWithoutWarnings();
        StepLr dino = new Compiler.Loader(compilation).schedule("p.DinoStepLr");
        Method weightDecay = dino.getClass().getMethod("weightDecay", long.class);
        Method teacherMomentum = dino.getClass().getMethod("teacherMomentum", long.class);
        double worstLr = 0;
        double worstWd = 0;
        double worstMomentum = 0;
        for (int i = 0; i < TOTAL; i++) {
            double lr = cosineScheduler(5e-4, 1e-6, WARMUP, 0, i);
            double wd = cosineScheduler(0.04, 0.4, 0, 0, i);
            double momentum = cosineScheduler(0.996, 1, 0, 0, i);
            worstLr = Math.max(worstLr, Math.abs(dino.lr(i) - lr) / Math.max(lr, Double.MIN_NORMAL));
            worstWd = Math.max(worstWd, Math.abs((double) weightDecay.invoke(dino, (long) i) - wd) / wd);
            worstMomentum = Math.max(worstMomentum,
                    Math.abs((double) teacherMomentum.invoke(dino, (long) i) - momentum) / momentum);
        }
        System.out.printf("DINO, %d updates: max relative error lr %.3g, weight decay %.3g, teacher momentum %.3g%n",
                TOTAL, worstLr, worstWd, worstMomentum);
        // DINO's own form rounds where it cancels: 1 + cos near the end of a cosine, and final + (base - final) near
        // the start of the rising weight decay (0.4 - 0.36 = 0.04); the generated classes compute from the low end.
        assertTrue(worstLr <= 1e-12, "lr: " + worstLr);
        assertTrue(worstWd <= 1e-14, "weight decay: " + worstWd);
        assertTrue(worstMomentum <= 1e-15, "teacher momentum: " + worstMomentum);
        assertEquals(0.0, dino.lr(0));
        assertEquals(5e-4, dino.lr(WARMUP - 1));
        assertEquals(5e-4, dino.lr(WARMUP));
    }
}
