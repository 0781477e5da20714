# PyTorch 1.13 twin of twins.WarmupExponentialCosineStepLr: the same rate at every step, from
# torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import CosineAnnealingLR, LambdaLR, SequentialLR

# optimizer = torch.optim.SGD(params, lr=0.05)
warmup = LambdaLR(optimizer, lambda step: (0.0005 * (0.05 / 0.0005) ** (step / 60)) / 0.05)
# T_max from the hand-over at step 60: totalSteps 400 less 60
decay = CosineAnnealingLR(optimizer, T_max=340, eta_min=0.001)
# minLr from step 400 on: CosineAnnealingLR is periodic, and would climb back to initLr by step 740
hold = LambdaLR(optimizer, lambda step: 0.001 / 0.05)
# SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
# steps from 0.
scheduler = SequentialLR(optimizer, schedulers=[warmup, decay, hold], milestones=[60, 400])
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
