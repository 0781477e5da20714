# PyTorch 1.13 twin of twins.PhasedZeroStepLr: the same rate at every step, from torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import LambdaLR

# optimizer = torch.optim.SGD(params, lr=0.0)
# every phase at 0: the optimizer's lr, 0.0, at every step
scheduler = LambdaLR(optimizer, lambda step: 1.0)
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
