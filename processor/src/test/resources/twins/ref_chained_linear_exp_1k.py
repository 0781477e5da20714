# PyTorch 1.13 twin of twins.RefChainedLinearExp1kStepLr: the same rate at every step, from
# torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import ChainedScheduler, ExponentialLR, LinearLR

# optimizer = torch.optim.SGD(params, lr=0.1)
scheduler = ChainedScheduler([
    LinearLR(optimizer, start_factor=0.01, total_iters=1000),
    ExponentialLR(optimizer, gamma=0.999)])
# Every scheduler of the chain counts from step 0, and their factors multiply.
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
