# PyTorch 1.13 twin of twins.WarmupOnlyConstantStepLr: the same rate at every step, from
# torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import ConstantLR

# optimizer = torch.optim.SGD(params, lr=0.1)
scheduler = ConstantLR(optimizer, factor=0.02 / 0.1, total_iters=50)
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
