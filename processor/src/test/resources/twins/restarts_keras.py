# PyTorch 1.13 twin of twins.RestartsKerasStepLr: the same rate at every step, from torch.optim.lr_scheduler.
import math
from torch.optim.lr_scheduler import LambdaLR

# optimizer = torch.optim.SGD(params, lr=0.1)
# rate(step): the rate of cycle i, its height lower by Keras's m_mul.
def rate(step):
    d = step
    i = 0  # the cycle: cycle i starts at t0 * (tMult^i - 1) / (tMult - 1) and lasts t0 * tMult^i
    while d >= 40 * (2 ** (i + 1) - 1) // 1:
        i += 1
    start = 40 * (2 ** i - 1) // 1
    length = 40 * 2 ** i
    return 0.001 + (0.1 - 0.001) * 0.5 ** i * (1 + math.cos(math.pi * (d - start) / length)) / 2
scheduler = LambdaLR(optimizer, lambda step: rate(step) / 0.1)
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
