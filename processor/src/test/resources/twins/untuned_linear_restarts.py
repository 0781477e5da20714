# PyTorch 1.13 twin of twins.UntunedLinearRestartsStepLr: the same rate at every step, from
# torch.optim.lr_scheduler.
import math
from torch.optim.lr_scheduler import LambdaLR

# optimizer = torch.optim.Adam(params, lr=0.001, betas=(0.9, 0.999))
# @UntunedWarmup: the schedule times pytorch_warmup's UntunedLinearWarmup factor omega(t) for Adam's beta2 =
# 0.999, at iteration t = step + 1, written out. With pytorch_warmup itself: warmup =
# pytorch_warmup.UntunedLinearWarmup(optimizer), and after each optimizer.step(), `with warmup.dampening():
# scheduler.step()` for the scheduler without the factor.
def untuned_warmup(t):
    return min(1.0, t / 1999)  # tau = int(2.0 / (1.0 - 0.999))

# rate(step): the rate of cycle i.
def rate(step):
    d = step
    i = 0  # the cycle: cycle i starts at t0 * (tMult^i - 1) / (tMult - 1) and lasts t0 * tMult^i
    while d >= 100 * (2 ** (i + 1) - 1) // 1:
        i += 1
    start = 100 * (2 ** i - 1) // 1
    length = 100 * 2 ** i
    return 0.001 * (1 + math.cos(math.pi * (d - start) / length)) / 2
scheduler = LambdaLR(optimizer, lambda step: rate(step) / 0.001 * untuned_warmup(step + 1))
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
