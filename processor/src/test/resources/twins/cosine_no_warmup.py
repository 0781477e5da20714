# PyTorch 1.13 twin of twins.CosineNoWarmupStepLr: the same rate at every step, from torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import CosineAnnealingLR, LambdaLR, SequentialLR

# optimizer = torch.optim.SGD(params, lr=0.1)
decay = CosineAnnealingLR(optimizer, T_max=300)
# minLr from step 300 on: CosineAnnealingLR is periodic, and would climb back to initLr by step 600
hold = LambdaLR(optimizer, lambda step: 0.0)
# SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
# steps from 0.
scheduler = SequentialLR(optimizer, schedulers=[decay, hold], milestones=[300])
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
