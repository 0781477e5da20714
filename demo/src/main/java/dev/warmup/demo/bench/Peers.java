package dev.warmup.demo.bench;

import ai.djl.training.tracker.Tracker;
import ai.djl.training.tracker.WarmUpTracker;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.RampSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * The three schedules as the Java peers express them, each configured as close to ours as it allows; where one
 * cannot say the same thing, the Javadoc says how it differs.
 */
final class Peers {

    private Peers() {}

    // ---------------------------------------------------------------- DJL (ai.djl:api): float arithmetic

    /** {@code WarmUpTracker(LINEAR, 0 -> 0.1 over 2500)} around {@code FactorTracker(0.1, 0.9999)}: the same schedule. */
    static Tracker djlCardExp() {
        return Tracker.warmUp()
                .optWarmUpBeginValue(0f)
                .optWarmUpSteps(2500)
                .optWarmUpMode(WarmUpTracker.Mode.LINEAR)
                .setMainTracker(Tracker.factor().setBaseValue(0.1f).setFactor(0.9999f)
                        .optMaxUpdates(Integer.MAX_VALUE).build())
                .build();
    }

    /** {@code WarmUpTracker(LINEAR, 6e-7 -> 6e-4 over 2000)} around {@code CosineTracker(6e-4 -> 6e-5 over 18000)}. */
    static Tracker djlNanoGptCosine() {
        return Tracker.warmUp()
                .optWarmUpBeginValue(6e-7f)
                .optWarmUpSteps(2000)
                .optWarmUpMode(WarmUpTracker.Mode.LINEAR)
                .setMainTracker(Tracker.cosine().setBaseValue(6e-4f).optFinalValue(6e-5f).setMaxUpdates(18000).build())
                .build();
    }

    /**
     * {@code WarmUpTracker(CONSTANT 0.01 for 400)} around {@code MultiFactorTracker(0.1, factor 0.1)}. Its steps count
     * from the end of warmup and a step s takes effect at update s + 1, so the milestones 32000 and 48000 are
     * {31599, 47599}. MultiFactorTracker is stateful: it only moves forward, so a fresh one is needed per pass.
     */
    static Tracker djlResNetMultiStep() {
        return Tracker.warmUp()
                .optWarmUpBeginValue(0.01f)
                .optWarmUpSteps(400)
                .optWarmUpMode(WarmUpTracker.Mode.CONSTANT)
                .setMainTracker(Tracker.multiFactor().setBaseValue(0.1f).setSteps(new int[] {31599, 47599})
                        .optFactor(0.1f).build())
                .build();
    }

    // ---------------------------------------------------------------- ND4J (org.nd4j:nd4j-api)

    /**
     * {@code RampSchedule(ExponentialSchedule, 2500)}, the nearest ND4J has: the ramp multiplies by (i + 1) / W, not
     * i / W, and the exponential runs from step 0, so its initial value is set to 0.1 / 0.9999^2500 to meet ours
     * after warmup.
     */
    static ISchedule nd4jCardExp() {
        return new RampSchedule(new ExponentialSchedule(ScheduleType.ITERATION, 0.1 / Math.pow(0.9999, 2500), 0.9999),
                2500);
    }

    /**
     * ND4J has no cosine schedule: the nearest is a {@code MapSchedule} holding every step's value (20001 entries,
     * computed from our closed form), which shows what a lookup table costs.
     */
    static ISchedule nd4jNanoGptCosine() {
        Map<Integer, Double> values = new HashMap<>();
        for (int step = 0; step <= 20000; step++) {
            values.put(step, HandInline.nanoGptCosine(step));
        }
        return new MapSchedule(ScheduleType.ITERATION, values);
    }

    /** {@code MapSchedule{0: 0.01, 400: 0.1, 32000: 0.01, 48000: 0.001}}: the same schedule. */
    static ISchedule nd4jResNetMultiStep() {
        return new MapSchedule(ScheduleType.ITERATION, Map.of(0, 0.01, 400, 0.1, 32000, 0.01, 48000, 0.001));
    }

    // ---------------------------------------------------------------- PyTorch's LambdaLR, in Java

    /** {@code base * factor(step)} with a boxed {@code Function<Integer, Double>}, as LambdaLR is written. */
    record LambdaLr(double base, Function<Integer, Double> factor) {
        double lr(long step) {
            return base * factor.apply((int) step);
        }
    }

    static LambdaLr lambda(double base, Function<Integer, Double> factor) {
        return new LambdaLr(base, factor);
    }

    static LambdaLr lambdaCardExp() {
        return lambda(0.1, t -> t < 2500 ? t / 2500.0 : Math.pow(0.9999, t - 2500));
    }

    static LambdaLr lambdaNanoGptCosine() {
        return lambda(6e-4, t -> {
            if (t < 2000) {
                return 0.001 + (1 - 0.001) * t / 2000.0;
            }
            if (t >= 20000) {
                return 0.1;
            }
            return 0.1 + (1 - 0.1) * 0.5 * (1 + Math.cos(Math.PI * (t - 2000) / 18000.0));
        });
    }

    static LambdaLr lambdaResNetMultiStep() {
        return lambda(0.1, t -> t < 400 ? 0.1 : t < 32000 ? 1.0 : t < 48000 ? 0.1 : 0.01);
    }
}
