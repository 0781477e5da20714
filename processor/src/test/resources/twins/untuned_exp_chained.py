# PyTorch 1.13 twin of twins.UntunedExpChainedStepLr: the same rate at every step, from
# torch.optim.lr_scheduler.
import math
from torch.optim.lr_scheduler import LambdaLR

# optimizer = torch.optim.Adam(params, lr=0.001, betas=(0.9, 0.98))
# @UntunedWarmup: the schedule times pytorch_warmup's UntunedExponentialWarmup factor omega(t) for Adam's
# beta2 = 0.98, at iteration t = step + 1, written out. With pytorch_warmup itself: warmup =
# pytorch_warmup.UntunedExponentialWarmup(optimizer), and after each optimizer.step(), `with
# warmup.dampening(): scheduler.step()` for the scheduler without the factor.
def untuned_warmup(t):
    return 1.0 - math.exp(-t / 49)  # tau = int(1.0 / (1.0 - 0.98))

# factor(step): the product of the factors, each from step 0.
def factor(step):
    return 0.995 ** step
scheduler = LambdaLR(optimizer, lambda step: factor(step) * untuned_warmup(step + 1))
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
