package dev.warmup.benchmarks;

import ai.djl.training.tracker.CyclicalTracker;
import ai.djl.training.tracker.LinearTracker;
import ai.djl.training.tracker.PolynomialDecayTracker;
import ai.djl.training.tracker.Tracker;
import ai.djl.training.tracker.WarmUpTracker;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongToDoubleFunction;
import java.util.function.Supplier;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.RampSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

/**
 * The Java peers, each configured to a {@link Shape} as closely as it allows: DJL's trackers ({@code ai.djl:api},
 * {@code float} arithmetic), ND4J's schedules ({@code org.nd4j:nd4j-api}, plain Java, no native backend), and
 * PyTorch's {@code LambdaLR} written in Java. A peer is listed only where it has the shape; {@link #tolerance} is how
 * far from the generated class it may be, relative to the schedule's peak ({@code PeersTest} holds each to it), or
 * NaN where the nearest it can say is a different schedule (the Javadoc says how). ND4J's {@code PolySchedule}
 * (1.0.0-M2.1) is not listed for LINEAR or POLY decay: configured as {@code (0.1, power 1, maxIter 10000)} it
 * returns 0.1 at 0, 0.15 at 5000, 0.19999 at 9999 and 0 from 10000 on, a rise, not a decay ({@code PeersTest} found it).
 */
public enum Peer {
    LINEAR_WARMUP_DJL(Shape.LINEAR_WARMUP, "DJL WarmUpTracker(LINEAR, fixed)", 1e-6, () -> djl(Tracker.warmUp()
            .optWarmUpBeginValue(0f).optWarmUpSteps(2000).optWarmUpMode(WarmUpTracker.Mode.LINEAR)
            .setMainTracker(Tracker.fixed(0.1f)).build())),
    CONSTANT_WARMUP_DJL(Shape.CONSTANT_WARMUP, "DJL WarmUpTracker(CONSTANT, fixed)", 1e-6, () -> djl(Tracker.warmUp()
            .optWarmUpBeginValue(0.01f).optWarmUpSteps(2000).optWarmUpMode(WarmUpTracker.Mode.CONSTANT)
            .setMainTracker(Tracker.fixed(0.1f)).build())),
    EXP_DJL(Shape.EXP, "DJL FactorTracker", 1e-3, () -> djl(Tracker.factor().setBaseValue(0.1f).setFactor(0.9995f)
            .optMaxUpdates(Integer.MAX_VALUE).build())),
    EXP_ND4J(Shape.EXP, "ND4J ExponentialSchedule", 1e-12,
            () -> nd4j(new ExponentialSchedule(ScheduleType.ITERATION, 0.1, 0.9995))),
    STEP_ND4J(Shape.STEP, "ND4J StepSchedule", 1e-12,
            () -> nd4j(new StepSchedule(ScheduleType.ITERATION, 0.1, 0.5, 2000))),
    /** MultiFactorTracker's steps take effect one update later than PyTorch's milestones, and it only moves forward. */
    MULTI_STEP_DJL(Shape.MULTI_STEP, "DJL MultiFactorTracker", 1e-6, true, () -> djl(Tracker.multiFactor()
            .setBaseValue(0.1f).setSteps(new int[] {2999, 5999, 7999}).optFactor(0.1f).build())),
    MULTI_STEP_ND4J(Shape.MULTI_STEP, "ND4J MapSchedule", 1e-12, () -> nd4j(new MapSchedule(ScheduleType.ITERATION,
            Map.of(0, 0.1, 3000, 0.01, 6000, 0.001, 8000, 1e-4)))),
    COSINE_DJL(Shape.COSINE, "DJL CosineTracker", 1e-6, () -> djl(Tracker.cosine().setBaseValue(0.1f)
            .optFinalValue(0f).setMaxUpdates(10000).build())),
    LINEAR_DECAY_DJL(Shape.LINEAR_DECAY, "DJL LinearTracker", 1e-6, () -> djl(LinearTracker.builder()
            .setBaseValue(0.1f).optSlope(-1e-5f).optMinValue(0f).build())),
    POLY_DJL(Shape.POLY, "DJL PolynomialDecayTracker", 1e-6, () -> djl(PolynomialDecayTracker.builder()
            .setBaseValue(0.1f).setEndLearningRate(0f).setDecaySteps(10000).optPower(2f).build())),
    CYCLIC_TRIANGULAR_DJL(Shape.CYCLIC_TRIANGULAR, "DJL CyclicalTracker(TRIANGULAR)", 1e-6, () -> djl(
            Tracker.cyclical().optBaseValue(0.001f).optMaxValue(0.1f).optStepSizeUp(1000).optStepSizeDown(1000)
                    .optMode(CyclicalTracker.CyclicalMode.TRIANGULAR).build())),
    CYCLIC_EXP_RANGE_DJL(Shape.CYCLIC_EXP_RANGE, "DJL CyclicalTracker(EXP_RANGE)", 1e-4, () -> djl(
            Tracker.cyclical().optBaseValue(0.001f).optMaxValue(0.1f).optStepSizeUp(1000).optStepSizeDown(1000)
                    .optMode(CyclicalTracker.CyclicalMode.EXP_RANGE).optGamma(0.9999f).build())),
    CARD_EXP_DJL(Shape.CARD_EXP, "DJL WarmUpTracker(LINEAR, FactorTracker)", 1e-3, () -> djl(Peer.djlCardExp())),
    /**
     * {@code RampSchedule(ExponentialSchedule, 2500)}, the nearest ND4J has: the ramp multiplies by (i + 1) / W, not
     * i / W, and the exponential runs from step 0, so its initial value is set to 0.1 / 0.9999^2500 to meet ours
     * after warmup.
     */
    CARD_EXP_ND4J(Shape.CARD_EXP, "ND4J RampSchedule(ExponentialSchedule), not the same", Double.NaN,
            () -> nd4j(Peer.nd4jCardExp())),
    CARD_EXP_LAMBDA(Shape.CARD_EXP, "LambdaLR in Java", 1e-12, () -> Peer.lambdaCardExp()::lr),
    NANO_GPT_COSINE_DJL(Shape.NANO_GPT_COSINE, "DJL WarmUpTracker(LINEAR, CosineTracker)", 1e-6,
            () -> djl(Peer.djlNanoGptCosine())),
    /** ND4J has no cosine: the nearest is a {@code MapSchedule} holding every step's value (a lookup table). */
    NANO_GPT_COSINE_ND4J(Shape.NANO_GPT_COSINE, "ND4J MapSchedule of every step", 1e-12,
            () -> nd4j(Peer.nd4jNanoGptCosine())),
    NANO_GPT_COSINE_LAMBDA(Shape.NANO_GPT_COSINE, "LambdaLR in Java", 1e-12, () -> Peer.lambdaNanoGptCosine()::lr),
    RESNET_MULTI_STEP_DJL(Shape.RESNET_MULTI_STEP, "DJL WarmUpTracker(CONSTANT, MultiFactorTracker)", 1e-6, true,
            () -> djl(Peer.djlResNetMultiStep())),
    RESNET_MULTI_STEP_ND4J(Shape.RESNET_MULTI_STEP, "ND4J MapSchedule", 1e-12,
            () -> nd4j(Peer.nd4jResNetMultiStep())),
    RESNET_MULTI_STEP_LAMBDA(Shape.RESNET_MULTI_STEP, "LambdaLR in Java", 1e-12,
            () -> Peer.lambdaResNetMultiStep()::lr);

    final Shape shape;
    final String label;
    final double tolerance;
    /** Only moves forward (DJL's {@code MultiFactorTracker}): a pass over the steps needs a new instance. */
    final boolean stateful;
    /** A new instance, as a function of the step. */
    final Supplier<LongToDoubleFunction> factory;

    Peer(Shape shape, String label, double tolerance, Supplier<LongToDoubleFunction> factory) {
        this(shape, label, tolerance, false, factory);
    }

    Peer(Shape shape, String label, double tolerance, boolean stateful, Supplier<LongToDoubleFunction> factory) {
        this.shape = shape;
        this.label = label;
        this.tolerance = tolerance;
        this.stateful = stateful;
        this.factory = factory;
    }

    private static LongToDoubleFunction djl(Tracker tracker) {
        return step -> tracker.getNewValue((int) step);
    }

    private static LongToDoubleFunction nd4j(ISchedule schedule) {
        return step -> schedule.valueAt((int) step, 0);
    }

    // ---------------------------------------------------------------- the three PyTorch reference cases

    /** {@code WarmUpTracker(LINEAR, 0 -> 0.1 over 2500)} around {@code FactorTracker(0.1, 0.9999)}: the same schedule. */
    static Tracker djlCardExp() {
        return Tracker.warmUp().optWarmUpBeginValue(0f).optWarmUpSteps(2500).optWarmUpMode(WarmUpTracker.Mode.LINEAR)
                .setMainTracker(Tracker.factor().setBaseValue(0.1f).setFactor(0.9999f)
                        .optMaxUpdates(Integer.MAX_VALUE).build())
                .build();
    }

    /** {@code WarmUpTracker(LINEAR, 6e-7 -> 6e-4 over 2000)} around {@code CosineTracker(6e-4 -> 6e-5 over 18000)}. */
    static Tracker djlNanoGptCosine() {
        return Tracker.warmUp().optWarmUpBeginValue(6e-7f).optWarmUpSteps(2000)
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
        return Tracker.warmUp().optWarmUpBeginValue(0.01f).optWarmUpSteps(400)
                .optWarmUpMode(WarmUpTracker.Mode.CONSTANT)
                .setMainTracker(Tracker.multiFactor().setBaseValue(0.1f).setSteps(new int[] {31599, 47599})
                        .optFactor(0.1f).build())
                .build();
    }

    static ISchedule nd4jCardExp() {
        return new RampSchedule(new ExponentialSchedule(ScheduleType.ITERATION, 0.1 / Math.pow(0.9999, 2500), 0.9999),
                2500);
    }

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

    /** PyTorch's LambdaLR: {@code base * factor(step)} with a boxed {@code Function<Integer, Double>}. */
    record LambdaLr(double base, Function<Integer, Double> factor) {
        double lr(long step) {
            return base * factor.apply((int) step);
        }
    }

    static LambdaLr lambdaCardExp() {
        return new LambdaLr(0.1, t -> t < 2500 ? t / 2500.0 : Math.pow(0.9999, t - 2500));
    }

    static LambdaLr lambdaNanoGptCosine() {
        return new LambdaLr(6e-4, t -> {
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
        return new LambdaLr(0.1, t -> t < 400 ? 0.1 : t < 32000 ? 1.0 : t < 48000 ? 0.1 : 0.01);
    }
}
