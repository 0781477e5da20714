# PyTorch 1.13 twin of twins.CosinePoweredStepLr: the same rate at every step, from torch.optim.lr_scheduler.
import math
from torch.optim.lr_scheduler import LambdaLR, LinearLR, SequentialLR

# optimizer = torch.optim.SGD(params, lr=0.001)
warmup = LinearLR(optimizer, start_factor=0.0001 / 0.001, total_iters=50)
decay = LambdaLR(optimizer, lambda step: (1e-05 + (0.001 - 1e-05) * (math.cos(math.pi * min(step, 350) / (2 * 350)) ** 2) ** 0.5) / 0.001)
# SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
# steps from 0.
scheduler = SequentialLR(optimizer, schedulers=[warmup, decay], milestones=[50])
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
