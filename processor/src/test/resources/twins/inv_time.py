# PyTorch 1.13 twin of twins.InvTimeStepLr: the same rate at every step, from torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import LambdaLR

# optimizer = torch.optim.SGD(params, lr=0.1)
# Keras's InverseTimeDecay
scheduler = LambdaLR(optimizer, lambda step: 1 / (1 + 0.5 * step / 50))
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
