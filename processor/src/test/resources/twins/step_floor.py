# PyTorch 1.13 twin of twins.StepFloorStepLr: the same rate at every step, from torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import LambdaLR

# optimizer = torch.optim.SGD(params, lr=0.1)
scheduler = LambdaLR(optimizer, lambda step: max(0.3 ** (step // 40), 0.002 / 0.1))
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
