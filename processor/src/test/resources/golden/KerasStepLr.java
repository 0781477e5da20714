package p;

import dev.warmup.Boundary;
import dev.warmup.StepLr;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Learning-rate schedule of {@code p.Keras}, generated from
 * {@code @WarmRestartsSchedule(baseLr = 0.1, t0 = 100, tMult = 1.5, etaMin = 0.001, warmupSteps = 0 (default),
 *         heightDecay = 0.8)}:
 * cosine annealing with warm restarts (SGDR, PyTorch's CosineAnnealingWarmRestarts): cycle i of 100 * 1.5^i steps, starting at S_i = 100 * (1.5^i - 1) / 0.5 and restarting at the first whole step at or after it, each restart's height above etaMin times 0.8 the one before (Keras's m_mul).
 *
 * <pre>{@code
 * step t  lr(t)                                                                         computed as
 * t >= 0  etaMin + (baseLr - etaMin) * heightDecay^i * (1 + cos(pi * T_cur / T_i)) / 2  ETA_MIN + height * c^2, c = cos(HALF_PI * (T_cur / T_i)), T_i = FIRST_CYCLE * T_MULT^i, T_cur = d - FIRST_CYCLE * (T_MULT^i - 1) / T_MULT_MINUS_ONE, height = AMPLITUDE * HEIGHT_DECAY^i
 * }</pre>
 *
 * <p>Constants:
 * <pre>{@code
 * constant            value               from
 * FIRST_CYCLE         100L                t0: the length of the first cycle
 * T_MULT              1.5                 tMult: each cycle tMult times longer than the one before
 * T_MULT_MINUS_ONE    0.5                 tMult - 1
 * CYCLE_SCALE         0.005               (tMult - 1) / t0
 * INVERSE_LOG_T_MULT  2.4663034623764317  1 / ln(tMult)
 * HALF_PI             1.5707963267948966  pi / 2
 * HEIGHT_DECAY        0.8                 heightDecay: cycle i restarts at etaMin + (baseLr - etaMin) * HEIGHT_DECAY^i
 * AMPLITUDE           0.099               baseLr - etaMin
 * ETA_MIN             0.001               etaMin
 * }</pre>
 *
 * <p>Values at key steps:
 * <pre>{@code
 * step  lr
 * 0     0.1
 * 50    0.05050000000000002
 * 99    0.0010244252618962879
 * 100   0.08020000000000001
 * 175   0.04060000000000001
 * 249   0.001008684934396119
 * 250   0.06436000000000001
 * 362   0.03290116632623943
 * 474   0.0010030880393852427
 * }</pre>
 *
 * <p>The same schedule in PyTorch, also the resource {@code KerasStepLr.py} beside this class:
 * <pre>{@code
 * # PyTorch 1.13 twin of p.KerasStepLr: the same rate at every step, from torch.optim.lr_scheduler.
 * import math
 * from torch.optim.lr_scheduler import LambdaLR
 *
 * # optimizer = torch.optim.SGD(params, lr=0.1)
 * # rate(step): the rate of cycle i, its height lower by Keras's m_mul.
 * def rate(step):
 *     d = step
 *     i = 0  # the cycle: cycle i starts at t0 * (tMult^i - 1) / (tMult - 1) and lasts t0 * tMult^i
 *     while d >= 100 * ((1.5 ** (i + 1) - 1) / (1.5 - 1)):
 *         i += 1
 *     start = 100 * ((1.5 ** i - 1) / (1.5 - 1))
 *     length = 100 * 1.5 ** i
 *     return 0.001 + (0.1 - 0.001) * 0.8 ** i * (1 + math.cos(math.pi * (d - start) / length)) / 2
 * scheduler = LambdaLR(optimizer, lambda step: rate(step) / 0.1)
 * # Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
 * # lr(step) of the generated class.
 * }</pre>
 */
@Generated(
        value = "dev.warmup.processor.WarmupProcessor",
        comments = "from @WarmRestartsSchedule(baseLr = 0.1, t0 = 100, tMult = 1.5, etaMin = 0.001, heightDecay = 0.8) on p.Keras"
)
public final class KerasStepLr implements StepLr {
    /**
     * The schedule; it has no state, so one instance serves every thread.
     */
    public static final KerasStepLr INSTANCE = new KerasStepLr();

    /**
     * The fingerprint of the schedule's settings, the first 16 hexadecimal digits of the SHA-256 of every
     * attribute of its annotations, defaults included (the name left out): the same in every build, and
     * another for any other setting.
     */
    public static final String FINGERPRINT = "d7f48099d5a7e1a0";

    /**
     * Where each part of the schedule starts, from step 0, with the rate there: what {@code part(step)}
     * searches, for a training loop that logs each change of regime once.
     */
    public static final List<Boundary> BOUNDARIES = List.of(
        new Boundary(0L, "cycle 1", 0.1),
        new Boundary(100L, "cycle 2", 0.08020000000000001),
        new Boundary(250L, "cycle 3", 0.06436000000000001),
        new Boundary(475L, "cycle 4", 0.05168800000000002),
        new Boundary(813L, "cycle 5", 0.04155030240119855),
        new Boundary(1319L, "cycle 6", 0.0334403113245448),
        new Boundary(2079L, "cycle 7", 0.02695221821358787),
        new Boundary(3218L, "cycle 8", 0.021761793215590824),
        new Boundary(4926L, "cycle 9", 0.01760944354144056),
        new Boundary(7489L, "cycle 10", 0.014287554833152447),
        new Boundary(11334L, "cycle 11", 0.011630043281107748),
        new Boundary(17100L, "cycle 12", 0.009504035179215258),
        new Boundary(25750L, "cycle 13", 0.007803228143372207),
        new Boundary(38724L, "cycle 14", 0.006442582557146287),
        new Boundary(58186L, "cycle 15", 0.00535406604571703),
        new Boundary(87379L, "cycle 16", 0.004483252836573625),
        new Boundary(131169L, "cycle 17", 0.0037866022683299802));

    private static final long FIRST_CYCLE = 100L;

    private static final double T_MULT = 1.5;

    private static final double T_MULT_MINUS_ONE = 0.5;

    private static final double CYCLE_SCALE = 0.005;

    private static final double INVERSE_LOG_T_MULT = 2.4663034623764317;

    private static final double HALF_PI = 1.5707963267948966;

    private static final double HEIGHT_DECAY = 0.8;

    private static final double AMPLITUDE = 0.099;

    private static final double ETA_MIN = 0.001;

    private KerasStepLr() {
    }

    @Override
    public double lr(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        long d = step;
        // cycle i spans the real steps [S_i, S_(i+1)), S_i = t0 * (g - 1) / (tMult - 1), of length
        // T_i = t0 * g, g = tMult^i: the cycle by its logarithm, corrected by at most one
        // against S_i (StrictMath: the same starts on every JVM)
        int cycle = (int) (Math.log(d * CYCLE_SCALE + 1.0) * INVERSE_LOG_T_MULT);
        double growth = StrictMath.pow(T_MULT, cycle);
        if (d < FIRST_CYCLE * ((growth - 1.0) / T_MULT_MINUS_ONE)) {
            cycle--;
            growth = StrictMath.pow(T_MULT, cycle);
        } else {
            double nextGrowth = StrictMath.pow(T_MULT, cycle + 1);
            if (d >= FIRST_CYCLE * ((nextGrowth - 1.0) / T_MULT_MINUS_ONE)) {
                cycle++;
                growth = nextGrowth;
            }
        }
        double sinceRestart = d - FIRST_CYCLE * ((growth - 1.0) / T_MULT_MINUS_ONE);
        double cycleLength = FIRST_CYCLE * growth;
        // Keras's m_mul: cycle i restarts at etaMin + (baseLr - etaMin) * HEIGHT_DECAY^i
        double height = AMPLITUDE * Math.pow(HEIGHT_DECAY, cycle);
        // etaMin + height * (1 + cos(pi * T_cur / T_i)) / 2 = etaMin + height * c^2,
        // c = cos(pi / 2 * (T_cur / T_i)), T_cur = sinceRestart, T_i = cycleLength
        double c = Math.cos(HALF_PI * (sinceRestart / cycleLength));
        return ETA_MIN + height * (c * c);
    }

    @Override
    public long warmupSteps() {
        return 0L;
    }

    @Override
    public double peakLr() {
        return 0.1;
    }

    @Override
    public String fingerprint() {
        return FINGERPRINT;
    }

    @Override
    public List<Boundary> boundaries() {
        return BOUNDARIES;
    }

    @Override
    public String toString() {
        return "KerasStepLr @WarmRestartsSchedule(baseLr = 0.1, t0 = 100, tMult = 1.5, etaMin = 0.001, warmupSteps = 0 (default), heightDecay = 0.8)";
    }
}
