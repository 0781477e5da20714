# PyTorch 1.13 twin of twins.RestartsEqualStepLr: the same rate at every step, from torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import CosineAnnealingWarmRestarts

# optimizer = torch.optim.SGD(params, lr=0.1)
scheduler = CosineAnnealingWarmRestarts(optimizer, T_0=50, eta_min=0.001)
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
