package p;

import dev.warmup.Boundary;
import dev.warmup.StepLr;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Learning-rate schedule of {@code p.Dino}, generated from
 * {@code @WarmupSchedule(steps = 500, initLr = 5.0E-4, warmup = Warmup.LINEAR (default),
 *         startLr = 0.0 (default), decay = Decay.COSINE, totalSteps = 5000, minLr = 1.0E-6)}:
 * linear warmup over 500 steps, then cosine decay.
 *
 * <pre>{@code
 * step t        lr(t)                                                             computed as
 * 0 <= t < 500  startLr + (initLr - startLr) * t / W                              WARMUP_SLOPE * t
 * t >= 500      minLr + (initLr - minLr) * (1 + cos(pi * (t - W) / (T - W))) / 2  MIN_LR + DECAY_AMPLITUDE * c^2, c = cos(DECAY_HALF_OMEGA * (t - W))
 * }</pre>
 *
 * <p>{@code weightDecay(t)}: cosine from 0.04 to 0.4 over 5000 steps, then held:
 * <pre>{@code
 * step t         weightDecay(t)                                       computed as
 * 0 <= t < 5000  end + (start - end) * (1 + cos(pi * t / steps)) / 2  WEIGHT_DECAY_START + WEIGHT_DECAY_AMPLITUDE * c^2, c = cos(WEIGHT_DECAY_HALF_OMEGA * (steps - t))
 * t >= 5000      end                                                  WEIGHT_DECAY_END
 * }</pre>
 *
 * <p>{@code teacherMomentum(t)}: cosine from 0.996 to 1.0 over 5000 steps, then held:
 * <pre>{@code
 * step t         teacherMomentum(t)                                   computed as
 * 0 <= t < 5000  end + (start - end) * (1 + cos(pi * t / steps)) / 2  TEACHER_MOMENTUM_START + TEACHER_MOMENTUM_AMPLITUDE * c^2, c = cos(TEACHER_MOMENTUM_HALF_OMEGA * (steps - t))
 * t >= 5000      end                                                  TEACHER_MOMENTUM_END
 * }</pre>
 *
 * <p>Constants:
 * <pre>{@code
 * constant                     value                  from
 * WARMUP_STEPS                 500L                   steps: the warmup length W
 * WARMUP_SLOPE                 1.0E-6                 (initLr - startLr) / W
 * TOTAL_STEPS                  5000L                  totalSteps T: minLr from here on
 * MIN_LR                       1.0E-6                 minLr
 * DECAY_HALF_OMEGA             3.490658503988659E-4   pi / (2 (T - W))
 * DECAY_AMPLITUDE              4.99E-4                initLr - minLr
 * WEIGHT_DECAY_STEPS           5000L                  steps: weightDecay holds end from here on
 * WEIGHT_DECAY_END             0.4                    end
 * WEIGHT_DECAY_HALF_OMEGA      3.141592653589793E-4   pi / (2 steps)
 * WEIGHT_DECAY_AMPLITUDE       0.36000000000000004    end - start
 * WEIGHT_DECAY_START           0.04                   start
 * TEACHER_MOMENTUM_STEPS       5000L                  steps: teacherMomentum holds end from here on
 * TEACHER_MOMENTUM_END         1.0                    end
 * TEACHER_MOMENTUM_HALF_OMEGA  3.141592653589793E-4   pi / (2 steps)
 * TEACHER_MOMENTUM_AMPLITUDE   0.0040000000000000036  end - start
 * TEACHER_MOMENTUM_START       0.996                  start
 * }</pre>
 *
 * <p>Values at key steps:
 * <pre>{@code
 * step  lr                     weightDecay           teacherMomentum
 * 0     0.0                    0.04                  0.996
 * 250   2.5E-4                 0.042216098692875216  0.9960246233188097
 * 499   4.99E-4                0.04877491186205942   0.9960974990206896
 * 500   5.0E-4                 0.04880982706687237   0.9960978869674096
 * 2750  2.5050000000000007E-4  0.2481582037072416    0.9983128689300804
 * 4999  1.00006080163452E-6    0.3999999644694254    0.9999999996052158
 * 5000  1.0E-6                 0.4                   1.0
 * }</pre>
 *
 * <p>The same schedule in PyTorch, also the resource {@code DinoStepLr.py} beside this class:
 * <pre>{@code
 * # PyTorch 1.13 twin of p.DinoStepLr: the same rate at every step, from torch.optim.lr_scheduler.
 * import math
 * from torch.optim.lr_scheduler import CosineAnnealingLR, LambdaLR, SequentialLR
 *
 * # optimizer = torch.optim.SGD(params, lr=0.0005)
 * warmup = LambdaLR(optimizer, lambda step: step / 500)
 * # T_max from the hand-over at step 500: totalSteps 5000 less 500
 * decay = CosineAnnealingLR(optimizer, T_max=4500, eta_min=1e-06)
 * # minLr from step 5000 on: CosineAnnealingLR is periodic, and would climb back to initLr by step 9500
 * hold = LambdaLR(optimizer, lambda step: 1e-06 / 0.0005)
 * # SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
 * # steps from 0.
 * scheduler = SequentialLR(optimizer, schedulers=[warmup, decay, hold], milestones=[500, 5000])
 * # Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
 * # lr(step) of the generated class.
 *
 * # weightDecay(step) of the generated class (@Quantity), which no PyTorch scheduler sets: before each update,
 * # `for group in optimizer.param_groups: group['weight_decay'] = weight_decay(step)`.
 * def weight_decay(step):
 *     return 0.4 + (0.04 - 0.4) * (1 + math.cos(math.pi * min(step, 5000) / 5000)) / 2
 *
 * # teacherMomentum(step) of the generated class (@Quantity), which no PyTorch scheduler sets: before each
 * # update, `for group in optimizer.param_groups: group['momentum'] = teacher_momentum(step)` (Adam's betas[0]).
 * def teacher_momentum(step):
 *     return 1.0 + (0.996 - 1.0) * (1 + math.cos(math.pi * min(step, 5000) / 5000)) / 2
 * }</pre>
 */
@Generated(
        value = "dev.warmup.processor.WarmupProcessor",
        comments = "from @WarmupSchedule(steps = 500, initLr = 5.0E-4, decay = Decay.COSINE, totalSteps = 5000, minLr = 1.0E-6) on p.Dino"
)
public final class DinoStepLr implements StepLr {
    /**
     * The schedule; it has no state, so one instance serves every thread.
     */
    public static final DinoStepLr INSTANCE = new DinoStepLr();

    /**
     * The fingerprint of the schedule's settings, the first 16 hexadecimal digits of the SHA-256 of every
     * attribute of its annotations, defaults included (the name left out): the same in every build, and
     * another for any other setting.
     */
    public static final String FINGERPRINT = "f43b64c6f3d7e14f";

    /**
     * Where each part of the schedule starts, from step 0, with the rate there: what {@code part(step)}
     * searches, for a training loop that logs each change of regime once.
     */
    public static final List<Boundary> BOUNDARIES = List.of(
        new Boundary(0L, "linear warmup", 0.0),
        new Boundary(500L, "cosine decay", 5.0E-4),
        new Boundary(5000L, "final rate held", 1.0E-6));

    private static final long WARMUP_STEPS = 500L;

    private static final double WARMUP_SLOPE = 1.0E-6;

    private static final long TOTAL_STEPS = 5000L;

    private static final double MIN_LR = 1.0E-6;

    private static final double DECAY_HALF_OMEGA = 3.490658503988659E-4;

    private static final double DECAY_AMPLITUDE = 4.99E-4;

    private static final long WEIGHT_DECAY_STEPS = 5000L;

    private static final double WEIGHT_DECAY_END = 0.4;

    private static final double WEIGHT_DECAY_HALF_OMEGA = 3.141592653589793E-4;

    private static final double WEIGHT_DECAY_AMPLITUDE = 0.36000000000000004;

    private static final double WEIGHT_DECAY_START = 0.04;

    private static final long TEACHER_MOMENTUM_STEPS = 5000L;

    private static final double TEACHER_MOMENTUM_END = 1.0;

    private static final double TEACHER_MOMENTUM_HALF_OMEGA = 3.141592653589793E-4;

    private static final double TEACHER_MOMENTUM_AMPLITUDE = 0.0040000000000000036;

    private static final double TEACHER_MOMENTUM_START = 0.996;

    private DinoStepLr() {
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
        // cosine decay: minLr + (initLr - minLr) * (1 + cos(pi * (t - W) / (T - W))) / 2
        if (step >= TOTAL_STEPS) {
            return MIN_LR;
        }
        double c = Math.cos(DECAY_HALF_OMEGA * (step - WARMUP_STEPS));
        return MIN_LR + DECAY_AMPLITUDE * (c * c);
    }

    /**
     * Returns the {@code weightDecay} of the update that follows {@code step} earlier updates, the one
     * that uses {@code lr(step)}: cosine from 0.04 to 0.4 over 5000 steps, then held.
     *
     * @param step the number of updates before this one, from 0
     * @return the {@code weightDecay}
     * @throws IllegalArgumentException if {@code step} is negative
     */
    public double weightDecay(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        if (step >= WEIGHT_DECAY_STEPS) {
            return WEIGHT_DECAY_END;
        }
        double c = Math.cos(WEIGHT_DECAY_HALF_OMEGA * (WEIGHT_DECAY_STEPS - step));
        return WEIGHT_DECAY_START + WEIGHT_DECAY_AMPLITUDE * (c * c);
    }

    /**
     * Returns the {@code teacherMomentum} of the update that follows {@code step} earlier updates, the one
     * that uses {@code lr(step)}: cosine from 0.996 to 1.0 over 5000 steps, then held.
     *
     * @param step the number of updates before this one, from 0
     * @return the {@code teacherMomentum}
     * @throws IllegalArgumentException if {@code step} is negative
     */
    public double teacherMomentum(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        if (step >= TEACHER_MOMENTUM_STEPS) {
            return TEACHER_MOMENTUM_END;
        }
        double c = Math.cos(TEACHER_MOMENTUM_HALF_OMEGA * (TEACHER_MOMENTUM_STEPS - step));
        return TEACHER_MOMENTUM_START + TEACHER_MOMENTUM_AMPLITUDE * (c * c);
    }

    @Override
    public long warmupSteps() {
        return WARMUP_STEPS;
    }

    @Override
    public double peakLr() {
        return 5.0E-4;
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
        return "DinoStepLr @WarmupSchedule(steps = 500, initLr = 5.0E-4, warmup = Warmup.LINEAR (default), startLr = 0.0 (default), decay = Decay.COSINE, totalSteps = 5000, minLr = 1.0E-6)";
    }
}
