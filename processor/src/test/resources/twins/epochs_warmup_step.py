# PyTorch 1.13 twin of twins.EpochsWarmupStepStepLr: the same rate at every step, from
# torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import LambdaLR, SequentialLR, StepLR

# optimizer = torch.optim.SGD(params, lr=0.1)
warmup = LambdaLR(optimizer, lambda step: step / 2)
decay = StepLR(optimizer, step_size=3, gamma=0.5)
# SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
# steps from 0.
scheduler = SequentialLR(optimizer, schedulers=[warmup, decay], milestones=[2])
# Stepped once an epoch of 20 updates (@Epochs), its lengths in epochs: call scheduler.step() after the last
# optimizer.step() of each epoch, once an epoch. Every update of epoch e (steps 20 * e to 20 * e + 19) uses
# the rate after e calls, lr(step) of the generated class.
