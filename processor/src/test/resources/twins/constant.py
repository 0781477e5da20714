# PyTorch 1.13 twin of twins.ConstantStepLr: the same rate at every step, from torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import LambdaLR

# optimizer = torch.optim.SGD(params, lr=0.03)
# a constant rate, initLr: LambdaLR keeps the optimizer's lr
scheduler = LambdaLR(optimizer, lambda step: 1.0)
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
