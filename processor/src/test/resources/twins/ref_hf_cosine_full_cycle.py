# PyTorch 1.13 twin of twins.RefHfCosineFullCycleStepLr: the same rate at every step, from
# torch.optim.lr_scheduler.
import math
from torch.optim.lr_scheduler import LambdaLR, SequentialLR

# optimizer = torch.optim.SGD(params, lr=5e-05)
warmup = LambdaLR(optimizer, lambda step: step / 500)
decay = LambdaLR(optimizer, lambda step: (1 + math.cos(2 * math.pi * 1.0 * min(step, 7500) / 7500)) / 2)
# SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
# steps from 0.
scheduler = SequentialLR(optimizer, schedulers=[warmup, decay], milestones=[500])
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
