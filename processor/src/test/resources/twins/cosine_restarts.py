# PyTorch 1.13 twin of twins.CosineRestartsStepLr: the same rate at every step, from torch.optim.lr_scheduler.
import math
from torch.optim.lr_scheduler import LambdaLR, SequentialLR

# optimizer = torch.optim.SGD(params, lr=0.001)
warmup = LambdaLR(optimizer, lambda step: step / 40)
# cycles = 2.5 restarts over 400 steps: the position in the cycle, cycles * step / 400 % 1, in whole numbers
decay = LambdaLR(optimizer, lambda step: 1e-05 / 0.001 if step >= 400 else (1e-05 + (0.001 - 1e-05) * (1 + math.cos(math.pi * (5 * step % 800) / 800)) / 2) / 0.001)
# SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
# steps from 0.
scheduler = SequentialLR(optimizer, schedulers=[warmup, decay], milestones=[40])
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
