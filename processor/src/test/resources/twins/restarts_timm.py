# PyTorch 1.13 twin of twins.RestartsTimmStepLr: the same rate at every step, from torch.optim.lr_scheduler.
import math
from torch.optim.lr_scheduler import LambdaLR

# optimizer = torch.optim.SGD(params, lr=0.1)
# rate(step): the rate of cycle i, its restart lower by timm's cycle_decay, the cosine at timm's k_decay power
# of its position; the warmup in place of the first cycle's first steps (timm's warmup_prefix=False).
def rate(step):
    if step < 10:
        return 0.0001 + (0.1 - 0.0001) * step / 10
    d = step
    i = 0  # the cycle: cycle i starts at t0 * (tMult^i - 1) / (tMult - 1) and lasts t0 * tMult^i
    while d >= 50 * ((1.5 ** (i + 1) - 1) / (1.5 - 1)):
        i += 1
    start = 50 * ((1.5 ** i - 1) / (1.5 - 1))
    length = 50 * 1.5 ** i
    if i >= 4:  # after the last cycle (timm's cycle_limit)
        return 1e-05
    return 1e-05 + (0.1 * 0.7 ** i - 1e-05) * (1 + math.cos(math.pi * ((d - start) / length) ** 1.5)) / 2
scheduler = LambdaLR(optimizer, lambda step: rate(step) / 0.1)
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
