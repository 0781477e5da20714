# PyTorch 1.13 twin of twins.RepeatedPowerStepLr: the same rate at every step, from torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import LambdaLR, SequentialLR

# optimizer = torch.optim.SGD(params, lr=0.5)
warmup = LambdaLR(optimizer, lambda step: step / 10)
# initLr^(power^step): the rate raised to the power every step
decay = LambdaLR(optimizer, lambda step: 0.5 ** (1.01 ** step) / 0.5)
# SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
# steps from 0.
scheduler = SequentialLR(optimizer, schedulers=[warmup, decay], milestones=[10])
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
