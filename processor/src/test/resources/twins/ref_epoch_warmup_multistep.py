# PyTorch 1.13 twin of twins.RefEpochWarmupMultistepStepLr: the same rate at every step, from
# torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import ChainedScheduler, LinearLR, MultiStepLR

# optimizer = torch.optim.SGD(params, lr=0.1)
scheduler = ChainedScheduler([
    LinearLR(optimizer, start_factor=0.1, total_iters=5),
    MultiStepLR(optimizer, milestones=[30, 60, 80], gamma=0.1)])
# Every scheduler of the chain counts from step 0, and their factors multiply.
# Stepped once an epoch of 50 updates (@Epochs), its lengths in epochs: call scheduler.step() after the last
# optimizer.step() of each epoch, once an epoch. Every update of epoch e (steps 50 * e to 50 * e + 49) uses
# the rate after e calls, lr(step) of the generated class.
