# PyTorch 1.13 twin of twins.RefNoWarmupExpStepLr: the same rate at every step, from torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import ExponentialLR

# optimizer = torch.optim.SGD(params, lr=0.1)
scheduler = ExponentialLR(optimizer, gamma=0.999)
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
