# PyTorch 1.13 twin of twins.RefRadamWarmupCosineStepLr: the same rate at every step, from
# torch.optim.lr_scheduler.
import math
from torch.optim.lr_scheduler import LambdaLR

# optimizer = torch.optim.Adam(params, lr=0.001, betas=(0.9, 0.999))
# @UntunedWarmup: the schedule times pytorch_warmup's RAdamWarmup factor omega(t) for Adam's beta2 = 0.999, at
# iteration t = step + 1, written out. With pytorch_warmup itself: warmup =
# pytorch_warmup.RAdamWarmup(optimizer), and after each optimizer.step(), `with warmup.dampening():
# scheduler.step()` for the scheduler without the factor.
def untuned_warmup(t):
    rho_inf = 2.0 / (1.0 - 0.999) - 1
    s = t - 1 + 5  # the offset: the least s >= 1 with rho(s) > 4
    rho = rho_inf - 2 * s * 0.999 ** s / (1 - 0.999 ** s)
    return math.sqrt((rho - 4) * (rho - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho))

scheduler = LambdaLR(optimizer, lambda step: ((1 + math.cos(math.pi * min(step, 5000) / 5000)) / 2) * untuned_warmup(step + 1))
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
