package example;

import dev.warmup.Decay;
import dev.warmup.WarmupSchedule;

/** The design card's schedule: linear warmup over 2,500 steps to 0.1, then 0.1 * 0.9999^(t - 2500). */
@WarmupSchedule(steps = 2500, initLr = 0.1, decay = Decay.EXP, gamma = 0.9999)
final class Cifar10 {}
