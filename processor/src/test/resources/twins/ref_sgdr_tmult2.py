# PyTorch 1.13 twin of twins.RefSgdrTmult2StepLr: the same rate at every step, from torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import CosineAnnealingWarmRestarts

# optimizer = torch.optim.SGD(params, lr=0.1)
scheduler = CosineAnnealingWarmRestarts(optimizer, T_0=1000, T_mult=2, eta_min=0.0001)
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
