# PyTorch 1.13 twin of twins.PhasedEdgesStepLr: the same rate at every step, from torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import ExponentialLR, LambdaLR, SequentialLR

# optimizer = torch.optim.SGD(params, lr=0.1)
phase1 = ExponentialLR(optimizer, gamma=(0.05 / 0.1) ** (1 / 5))
phase2 = LambdaLR(optimizer, lambda step: (0.05 + (0.2 - 0.05) * step / 1) / 0.1)
phase3 = LambdaLR(optimizer, lambda step: 0.0)
# SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
# steps from 0.
scheduler = SequentialLR(optimizer, schedulers=[phase1, phase2, phase3], milestones=[5, 6])
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
