# PyTorch 1.13 twin of twins.PhasedExponentialByFactorStepLr: the same rate at every step, from
# torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import ExponentialLR, LambdaLR, LinearLR, SequentialLR

# optimizer = torch.optim.SGD(params, lr=0.1)
phase1 = LinearLR(optimizer, start_factor=0.001 / 0.1, end_factor=1.0, total_iters=20)
phase2 = ExponentialLR(optimizer, gamma=0.98)
# the last phase's end value from step 134 on, where ExponentialLR would go on
hold = LambdaLR(optimizer, lambda step: 0.01 / 0.1)
# SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
# steps from 0.
scheduler = SequentialLR(optimizer, schedulers=[phase1, phase2, hold], milestones=[20, 134])
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
