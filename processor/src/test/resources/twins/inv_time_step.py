# PyTorch 1.13 twin of twins.InvTimeStepStepLr: the same rate at every step, from torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import LambdaLR, SequentialLR

# optimizer = torch.optim.SGD(params, lr=0.1)
warmup = LambdaLR(optimizer, lambda step: step / 25)
# Keras's InverseTimeDecay(staircase=True)
decay = LambdaLR(optimizer, lambda step: 1 / (1 + 1.0 * (step // 60)))
# SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
# steps from 0.
scheduler = SequentialLR(optimizer, schedulers=[warmup, decay], milestones=[25])
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
