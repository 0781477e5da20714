# PyTorch 1.13 twin of twins.ExpPerStepsFloorStepLr: the same rate at every step, from
# torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import ConstantLR, LambdaLR, SequentialLR

# optimizer = torch.optim.SGD(params, lr=0.02)
warmup = ConstantLR(optimizer, factor=1.0, total_iters=30)
decay = LambdaLR(optimizer, lambda step: max(0.5 ** (step / 50), 0.001 / 0.02))
# SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
# steps from 0.
scheduler = SequentialLR(optimizer, schedulers=[warmup, decay], milestones=[30])
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
