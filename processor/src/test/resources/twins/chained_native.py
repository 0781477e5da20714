# PyTorch 1.13 twin of twins.ChainedNativeStepLr: the same rate at every step, from torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import ChainedScheduler, ConstantLR, ExponentialLR, LinearLR, MultiStepLR, PolynomialLR, StepLR

# optimizer = torch.optim.SGD(params, lr=0.1)
scheduler = ChainedScheduler([
    ConstantLR(optimizer, factor=0.5, total_iters=30),
    LinearLR(optimizer, start_factor=0.1, end_factor=0.8, total_iters=60),
    StepLR(optimizer, step_size=70, gamma=0.7),
    MultiStepLR(optimizer, milestones=[100, 250], gamma=0.5),
    PolynomialLR(optimizer, total_iters=400, power=1.5),
    ExponentialLR(optimizer, gamma=0.999)])
# Every scheduler of the chain counts from step 0, and their factors multiply.
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
