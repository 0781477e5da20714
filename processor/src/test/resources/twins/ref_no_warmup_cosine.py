# PyTorch 1.13 twin of twins.RefNoWarmupCosineStepLr: the same rate at every step, from
# torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import CosineAnnealingLR, LambdaLR, SequentialLR

# optimizer = torch.optim.SGD(params, lr=0.1)
decay = CosineAnnealingLR(optimizer, T_max=10000, eta_min=0.001)
# minLr from step 10000 on: CosineAnnealingLR is periodic, and would climb back to initLr by step 20000
hold = LambdaLR(optimizer, lambda step: 0.001 / 0.1)
# SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
# steps from 0.
scheduler = SequentialLR(optimizer, schedulers=[decay, hold], milestones=[10000])
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
