package p;

import dev.warmup.PlateauLr;
import dev.warmup.PlateauState;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Learning rate of {@code p.WarmupPlateau}, generated from
 * {@code @PlateauSchedule(initLr = 0.1, mode = PlateauMode.MIN (default), factor = 0.3, patience = 10,
 *         threshold = 0.001, thresholdMode = ThresholdMode.REL (default), cooldown = 5, minLr = 1.0E-5,
 *         eps = 1.0E-8 (default), warmupSteps = 100, startLr = 0.0 (default))}:
 * linear warmup from 0.0 over 100 steps, then starts at 0.1 and is multiplied by 0.3 (not below 1.0E-5) when the metric has not improved ({@code metric < best * (1 - 0.001)}) for more than 10 evaluations in a row, then waits 5 evaluations.
 * As PyTorch's {@code ReduceLROnPlateau(mode='min', factor=0.3, patience=10, threshold=0.001, threshold_mode='rel', cooldown=5, min_lr=1.0E-5, eps=1.0E-8)}, after the warmup.
 * One instance per training run; not thread-safe. No method allocates, except {@code state()} and {@code toString()}; its state is a {@link PlateauState}.
 *
 * <pre>{@code
 * step t        lr(t)                                 computed as
 * 0 <= t < 100  startLr + (initLr - startLr) * t / W  WARMUP_SLOPE * t
 * t >= 100      the plateau rate lr()                 lr
 * }</pre>
 *
 * <p>Constants:
 * <pre>{@code
 * constant      value   from
 * INIT_LR       0.1     initLr: the rate before the first reduction
 * FACTOR        0.3     factor: what each reduction multiplies the rate by
 * PATIENCE      10      patience: the rate drops at the next bad evaluation after this many in a row
 * REL_EPSILON   0.999   1 - threshold, as PyTorch rounds its rel_epsilon
 * COOLDOWN      5       cooldown: evaluations after a reduction that do not count as bad
 * MIN_LR        1.0E-5  minLr: no reduction goes below it
 * EPS           1.0E-8  eps: a reduction that lowers the rate by this or less is skipped
 * WARMUP_STEPS  100L    warmupSteps: the warmup length W; observations start at step W
 * WARMUP_SLOPE  0.001   (initLr - startLr) / W
 * }</pre>
 *
 * <p>The fastest decay the rule allows, observed after every step with a metric that improves at the first
 * observation and never again (the reductions until the rate stops changing, at most six):
 * <pre>{@code
 * from step  lr
 * 0          0.0
 * 100        0.1
 * 112        0.03
 * 128        0.009
 * 144        0.0026999999999999997
 * 160        8.099999999999998E-4
 * 176        2.4299999999999994E-4
 * 192        7.289999999999998E-5
 * }</pre>
 *
 * <p>The same schedule in PyTorch, also the resource {@code WarmupPlateauPlateauLr.py} beside this class:
 * <pre>{@code
 * # PyTorch 1.13 twin of p.WarmupPlateauPlateauLr: the same rule, from torch.optim.lr_scheduler.
 * from torch.optim.lr_scheduler import LambdaLR, ReduceLROnPlateau
 *
 * # optimizer = torch.optim.SGD(params, lr=0.1)
 * warmup = LambdaLR(optimizer, lambda step: step / 100)
 * scheduler = ReduceLROnPlateau(optimizer, factor=0.3, patience=10, threshold=0.001, cooldown=5, min_lr=1e-05)
 * # Call warmup.step() after each of the first 100 optimizer.step() calls (steps 0 to 99), then
 * # scheduler.step(metric) after each evaluation, as observe(step, metric) of the generated class (which ignores
 * # evaluations before step 100). ReduceLROnPlateau cannot follow a warmup in SequentialLR: the two are stepped
 * # by hand.
 * }</pre>
 */
@Generated(
        value = "dev.warmup.processor.WarmupProcessor",
        comments = "from @PlateauSchedule(initLr = 0.1, factor = 0.3, patience = 10, threshold = 0.001, cooldown = 5, minLr = 1.0E-5, warmupSteps = 100) on p.WarmupPlateau"
)
public final class WarmupPlateauPlateauLr implements PlateauLr {
    /**
     * The fingerprint of the schedule's settings, the first 16 hexadecimal digits of the SHA-256 of every
     * attribute of its annotations, defaults included (the name left out): the same in every build, and
     * another for any other setting.
     */
    public static final String FINGERPRINT = "01493d57222cb884";

    /**
     * The state of a new instance: {@code restore(INITIAL_STATE)} starts the run over.
     */
    public static final PlateauState INITIAL_STATE = new PlateauState(FINGERPRINT, 0.1, Double.POSITIVE_INFINITY, 0, 0, 0L);

    private static final double INIT_LR = 0.1;

    private static final double FACTOR = 0.3;

    private static final int PATIENCE = 10;

    private static final double REL_EPSILON = 0.999;

    private static final int COOLDOWN = 5;

    private static final double MIN_LR = 1.0E-5;

    private static final double EPS = 1.0E-8;

    private static final long WARMUP_STEPS = 100L;

    private static final double WARMUP_SLOPE = 0.001;

    private double lr = INIT_LR;

    private double best = Double.POSITIVE_INFINITY;

    private int badEvaluations;

    private int cooldownLeft;

    private long evaluations;

    /**
     * A new run of the schedule, in {@link #INITIAL_STATE}.
     */
    public WarmupPlateauPlateauLr() {
    }

    @Override
    public double lr(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        if (step < WARMUP_STEPS) {
            // linear warmup: startLr + (initLr - startLr) * t / W
            return WARMUP_SLOPE * step;
        }
        return lr;
    }

    @Override
    public double lr() {
        return lr;
    }

    @Override
    public boolean observe(long step, double metric) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        if (step < WARMUP_STEPS) {
            // the warmup sets the rate; the rule starts with the metric after step W
            return false;
        }
        evaluations++;
        // 1. improvement (metric < best * (1 - 0.001)); NaN never improves
        if (metric < best * REL_EPSILON) {
            best = metric;
            badEvaluations = 0;
        } else {
            badEvaluations++;
        }
        // 2. cooldown: bad evaluations in cooldown do not count
        if (cooldownLeft > 0) {
            cooldownLeft--;
            badEvaluations = 0;
        }
        // 3. patience, then 4. the reduction; PyTorch starts the cooldown even when eps skips it
        if (badEvaluations > PATIENCE) {
            cooldownLeft = COOLDOWN;
            badEvaluations = 0;
            double reduced = Math.max(lr * FACTOR, MIN_LR);
            if (lr - reduced > EPS) {
                lr = reduced;
                return true;
            }
        }
        return false;
    }

    @Override
    public PlateauState state() {
        return new PlateauState(FINGERPRINT, lr, best, badEvaluations, cooldownLeft, evaluations);
    }

    @Override
    public void restore(PlateauState state) {
        Objects.requireNonNull(state, "state");
        if (!state.fingerprint().equals(FINGERPRINT)) {
            throw new IllegalArgumentException("this state was taken from the schedule of fingerprint " + state.fingerprint() + ", not from this one, of fingerprint " + FINGERPRINT + " (" + this + "): restore it into a schedule of the settings it was saved with");
        }
        if (!(state.lr() >= MIN_LR && state.lr() <= INIT_LR)) {
            throw new IllegalArgumentException("lr = " + state.lr() + " is not allowed: a rate of this schedule is in [minLr, initLr] = [1.0E-5, 0.1]");
        }
        if (state.badEvaluations() < 0 || state.badEvaluations() > PATIENCE) {
            throw new IllegalArgumentException("badEvaluations = " + state.badEvaluations() + " is not allowed: after an observation it is in [0, patience] = [0, 10]");
        }
        if (state.cooldownLeft() < 0 || state.cooldownLeft() > COOLDOWN) {
            throw new IllegalArgumentException("cooldownLeft = " + state.cooldownLeft() + " is not allowed: it is in [0, cooldown] = [0, 5]");
        }
        lr = state.lr();
        best = state.best();
        badEvaluations = state.badEvaluations();
        cooldownLeft = state.cooldownLeft();
        evaluations = state.evaluations();
    }

    @Override
    public String fingerprint() {
        return FINGERPRINT;
    }

    @Override
    public long warmupSteps() {
        return WARMUP_STEPS;
    }

    @Override
    public double peakLr() {
        return INIT_LR;
    }

    @Override
    public String toString() {
        return "WarmupPlateauPlateauLr @PlateauSchedule(initLr = 0.1, mode = PlateauMode.MIN (default), factor = 0.3, patience = 10, threshold = 0.001, thresholdMode = ThresholdMode.REL (default), cooldown = 5, minLr = 1.0E-5, eps = 1.0E-8 (default), warmupSteps = 100, startLr = 0.0 (default)) " + state();
    }
}
