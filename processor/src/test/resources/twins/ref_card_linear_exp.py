# PyTorch 1.13 twin of twins.RefCardLinearExpStepLr: the same rate at every step, from
# torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import ExponentialLR, LambdaLR, SequentialLR

# optimizer = torch.optim.SGD(params, lr=0.1)
warmup = LambdaLR(optimizer, lambda step: step / 2500)
decay = ExponentialLR(optimizer, gamma=0.9999)
# SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
# steps from 0.
scheduler = SequentialLR(optimizer, schedulers=[warmup, decay], milestones=[2500])
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
