// README.md's examples, verbatim (ReadmeSnippetTest checks it): several schedules in one file named after none of them.
package example;

import dev.warmup.*;

// Warmup, then one decay: nanoGPT's, 6e-7 to 6e-4 over 2000 steps, cosine to 6e-5 at step 20000.
@WarmupSchedule(steps = 2000, startLr = 6e-7, initLr = 6e-4, decay = Decay.COSINE, totalSteps = 20000, minLr = 6e-5)
final class NanoGpt {}

// Phases one after the other: Hugging Face's warmup-stable-decay.
@PhasedSchedule(phases = {
        @Phase(steps = 1000, shape = PhaseShape.LINEAR, endLr = 1e-3),
        @Phase(steps = 7000, shape = PhaseShape.CONSTANT, endLr = 1e-3),
        @Phase(steps = 2000, shape = PhaseShape.LINEAR, endLr = 0.0)})
final class Wsd {}

// PyTorch's OneCycleLR(max_lr=0.1, total_steps=10000), which cycles the momentum too: momentum(step).
@OneCycleSchedule(maxLr = 0.1, totalSteps = 10000)
final class SuperConvergence {}

// PyTorch's CyclicLR(0.001, 0.1, step_size_up=500, mode="triangular2").
@CyclicSchedule(baseLr = 0.001, maxLr = 0.1, stepSizeUp = 500, mode = CyclicMode.TRIANGULAR2)
final class Clr {}

// PyTorch's CosineAnnealingWarmRestarts(T_0=1000, T_mult=2, eta_min=1e-4), after a 500-step linear warmup.
@WarmRestartsSchedule(baseLr = 0.1, t0 = 1000, tMult = 2, etaMin = 1e-4, warmupSteps = 500)
final class Sgdr {}

// PyTorch's ChainedScheduler([LinearLR(start_factor=0.01, total_iters=1000), ExponentialLR(0.999)]): the decay runs
// during the warmup.
@ChainedSchedule(baseLr = 0.1, factors = {
        @Factor(shape = FactorShape.LINEAR, startFactor = 0.01, steps = 1000),
        @Factor(shape = FactorShape.EXP, gamma = 0.999)})
final class Chained {}

// RAdam's warmup from Adam's beta2 (pytorch_warmup), on top of a cosine decay.
@WarmupSchedule(steps = 0, initLr = 1e-3, decay = Decay.COSINE, totalSteps = 5000)
@UntunedWarmup(UntunedRule.RADAM)
final class AdamCosine {}

// DINO's weight decay and teacher momentum (its utils.cosine_scheduler) beside a warmup and cosine rate:
// DinoStepLr has lr(step), weightDecay(step) and teacherMomentum(step).
@WarmupSchedule(steps = 500, initLr = 5e-4, decay = Decay.COSINE, totalSteps = 5000, minLr = 1e-6)
@Quantity(kind = QuantityKind.WEIGHT_DECAY, shape = PhaseShape.COSINE, start = 0.04, end = 0.4, steps = 5000)
@Quantity(kind = QuantityKind.MOMENTUM, name = "teacherMomentum", shape = PhaseShape.COSINE, start = 0.996,
        end = 1.0, steps = 5000)
final class Dino {}

// PyTorch's ReduceLROnPlateau(factor=0.5, patience=3, cooldown=2, min_lr=1e-4): generates ValLossPlateauLr, with
// state; s.lr(step) every step, s.observe(step, validationLoss) after each evaluation.
@PlateauSchedule(initLr = 0.1, factor = 0.5, patience = 3, cooldown = 2, minLr = 1e-4)
final class ValLoss {}
