# PyTorch 1.13 twin of twins.PhasedCosineLastStepLr: the same rate at every step, from
# torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import ConstantLR, CosineAnnealingLR, LambdaLR, SequentialLR

# optimizer = torch.optim.SGD(params, lr=0.1)
phase1 = ConstantLR(optimizer, factor=0.01 / 0.1, total_iters=30)
phase2 = CosineAnnealingLR(optimizer, T_max=200, eta_min=0.001)
# the last phase's end value from step 230 on, where CosineAnnealingLR would climb back
hold = LambdaLR(optimizer, lambda step: 0.001 / 0.1)
# SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
# steps from 0.
scheduler = SequentialLR(optimizer, schedulers=[phase1, phase2, hold], milestones=[30, 230])
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
