# PyTorch 1.13 twin of twins.ChainedCosineStepLr: the same rate at every step, from torch.optim.lr_scheduler.
import math
from torch.optim.lr_scheduler import LambdaLR

# optimizer = torch.optim.SGD(params, lr=0.1)
# factor(step): the product of the factors, each from step 0: CosineAnnealingLR in a ChainedScheduler climbs
# back after T_max, and with eta_min > 0 is no factor; ConstantLR(factor=0.0) divides by 0 at total_iters.
def factor(step):
    return (0.01 + (1.0 - 0.01) * min(step, 50) / 50) * (0.1 + (1.0 - 0.1) * (1 + math.cos(math.pi * min(step, 300) / 300)) / 2)
scheduler = LambdaLR(optimizer, lambda step: factor(step))
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
