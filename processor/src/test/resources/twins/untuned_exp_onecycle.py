# PyTorch 1.13 twin of twins.UntunedExpOnecycleStepLr: the same rate at every step, from
# torch.optim.lr_scheduler.
import math
from torch.optim.lr_scheduler import LambdaLR

# optimizer = torch.optim.Adam(params, lr=0.01, betas=(0.9, 0.99))
# @UntunedWarmup: the schedule times pytorch_warmup's UntunedExponentialWarmup factor omega(t) for Adam's
# beta2 = 0.99, at iteration t = step + 1, written out. With pytorch_warmup itself: warmup =
# pytorch_warmup.UntunedExponentialWarmup(optimizer), and after each optimizer.step(), `with
# warmup.dampening(): scheduler.step()` for the scheduler without the factor.
def untuned_warmup(t):
    return 1.0 - math.exp(-t / 99)  # tau = int(1.0 / (1.0 - 0.99))

# OneCycleLR's anneal through phases (end step, start, end), as it computes it, held from its last step, 399,
# on.
def one_cycle(step, phases):
    start_step = 0
    for end_step, start, end in phases:
        if step <= end_step or end_step == 399:
            pct = (min(step, 399) - start_step) / (end_step - start_step)
            return end + (start - end) / 2.0 * (math.cos(math.pi * pct) + 1)
        start_step = end_step
# rate(step): OneCycleLR's rate.
def rate(step):
    return one_cycle(step, [(119.0, 0.0004, 0.01), (399, 0.01, 4e-08)])
scheduler = LambdaLR(optimizer, lambda step: rate(step) / 0.01 * untuned_warmup(step + 1))
# The momentum OneCycleLR cycles, momentum(step) of the generated class, which LambdaLR does not set: before
# each update, `for group in optimizer.param_groups: group['betas'] = (momentum(step), group['betas'][1])`
# (Adam's beta1; SGD's group['momentum']).
def momentum(step):
    return one_cycle(step, [(119.0, 0.95, 0.85), (399, 0.85, 0.95)])
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
