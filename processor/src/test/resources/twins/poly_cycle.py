# PyTorch 1.13 twin of twins.PolyCycleStepLr: the same rate at every step, from torch.optim.lr_scheduler.
import math
from torch.optim.lr_scheduler import LambdaLR

# optimizer = torch.optim.SGD(params, lr=0.1)
def horizon(step):  # Keras's PolynomialDecay(cycle=True): the first multiple of 100 at or after step
    return 100 * max(1, math.ceil(step / 100))
scheduler = LambdaLR(optimizer, lambda step: (0.0001 + (0.1 - 0.0001) * ((horizon(step) - step) / horizon(step)) ** 0.5) / 0.1)
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
