package example

import dev.warmup.Decay
import dev.warmup.Phase
import dev.warmup.PhaseShape
import dev.warmup.PhasedSchedule
import dev.warmup.WarmupSchedule

/** Linear warmup over 2,500 steps to 0.1, then 0.1 * 0.9999^(t - 2500). Generates Cifar10StepLr. */
@WarmupSchedule(steps = 2500, initLr = 0.1, decay = Decay.EXP, gamma = 0.9999)
class Cifar10

/** Warmup-stable-decay: up to 1e-3 over 1,000 steps, flat for 7,000, down to 0 over 2,000. Generates WsdStepLr. */
@PhasedSchedule(phases = [
    Phase(steps = 1000, shape = PhaseShape.LINEAR, endLr = 1e-3),
    Phase(steps = 7000, shape = PhaseShape.CONSTANT, endLr = 1e-3),
    Phase(steps = 2000, shape = PhaseShape.LINEAR, endLr = 0.0),
])
class Wsd
