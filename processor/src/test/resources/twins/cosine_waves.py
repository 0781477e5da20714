# PyTorch 1.13 twin of twins.CosineWavesStepLr: the same rate at every step, from torch.optim.lr_scheduler.
import math
from torch.optim.lr_scheduler import LambdaLR, SequentialLR

# optimizer = torch.optim.SGD(params, lr=0.0005)
warmup = LambdaLR(optimizer, lambda step: step / 50)
decay = LambdaLR(optimizer, lambda step: (1 + math.cos(2 * math.pi * 1.5 * min(step, 400) / 400)) / 2)
# SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
# steps from 0.
scheduler = SequentialLR(optimizer, schedulers=[warmup, decay], milestones=[50])
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
