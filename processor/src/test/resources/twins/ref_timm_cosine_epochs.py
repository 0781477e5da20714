# PyTorch 1.13 twin of twins.RefTimmCosineEpochsStepLr: the same rate at every step, from
# torch.optim.lr_scheduler.
import math
from torch.optim.lr_scheduler import LambdaLR

# optimizer = torch.optim.SGD(params, lr=0.1)
# rate(step): the rate of cycle i; the warmup in place of the first cycle's first steps (timm's
# warmup_prefix=False).
def rate(step):
    if step < 5:
        return 0.0001 + (0.1 - 0.0001) * step / 5
    d = step
    i = d // 100  # the cycle
    start, length = i * 100, 100
    if i >= 1:  # after the last cycle (timm's cycle_limit)
        return 1e-05
    return 1e-05 + (0.1 - 1e-05) * (1 + math.cos(math.pi * (d - start) / length)) / 2
scheduler = LambdaLR(optimizer, lambda step: rate(step) / 0.1)
# Stepped once an epoch of 100 updates (@Epochs), its lengths in epochs: call scheduler.step() after the last
# optimizer.step() of each epoch, once an epoch. Every update of epoch e (steps 100 * e to 100 * e + 99) uses
# the rate after e calls, lr(step) of the generated class.
