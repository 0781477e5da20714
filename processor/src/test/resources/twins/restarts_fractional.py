# PyTorch 1.13 twin of twins.RestartsFractionalStepLr: the same rate at every step, from
# torch.optim.lr_scheduler.
import math
from torch.optim.lr_scheduler import LambdaLR

# optimizer = torch.optim.SGD(params, lr=0.1)
# rate(step): the rate of cycle i.
def rate(step):
    d = step
    i = 0  # the cycle: cycle i starts at t0 * (tMult^i - 1) / (tMult - 1) and lasts t0 * tMult^i
    while d >= 10 * ((1.1 ** (i + 1) - 1) / (1.1 - 1)):
        i += 1
    start = 10 * ((1.1 ** i - 1) / (1.1 - 1))
    length = 10 * 1.1 ** i
    return 0.1 * (1 + math.cos(math.pi * (d - start) / length)) / 2
scheduler = LambdaLR(optimizer, lambda step: rate(step) / 0.1)
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
