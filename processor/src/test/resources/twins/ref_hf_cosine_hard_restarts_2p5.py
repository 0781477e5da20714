# PyTorch 1.13 twin of twins.RefHfCosineHardRestarts2p5StepLr: the same rate at every step, from
# torch.optim.lr_scheduler.
import math
from torch.optim.lr_scheduler import LambdaLR, SequentialLR

# optimizer = torch.optim.SGD(params, lr=0.001)
warmup = LambdaLR(optimizer, lambda step: step / 1000)
# cycles = 2.5 restarts over 10000 steps: the position in the cycle, cycles * step / 10000 % 1, in whole
# numbers
decay = LambdaLR(optimizer, lambda step: 0.0 if step >= 10000 else (1 + math.cos(math.pi * (5 * step % 20000) / 20000)) / 2)
# SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
# steps from 0.
scheduler = SequentialLR(optimizer, schedulers=[warmup, decay], milestones=[1000])
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
