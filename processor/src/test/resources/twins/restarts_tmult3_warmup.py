# PyTorch 1.13 twin of twins.RestartsTmult3WarmupStepLr: the same rate at every step, from
# torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import CosineAnnealingWarmRestarts, LinearLR, SequentialLR

# optimizer = torch.optim.SGD(params, lr=0.1)
warmup = LinearLR(optimizer, start_factor=0.01 / 0.1, total_iters=20)
# its cycles from the hand-over at step 20
restarts = CosineAnnealingWarmRestarts(optimizer, T_0=10, T_mult=3)
# SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
# steps from 0.
scheduler = SequentialLR(optimizer, schedulers=[warmup, restarts], milestones=[20])
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
