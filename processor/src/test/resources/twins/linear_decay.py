# PyTorch 1.13 twin of twins.LinearDecayStepLr: the same rate at every step, from torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import LambdaLR, LinearLR, SequentialLR

# optimizer = torch.optim.SGD(params, lr=5e-05)
warmup = LambdaLR(optimizer, lambda step: step / 30)
# total_iters from the hand-over at step 30: totalSteps 330 less 30
decay = LinearLR(optimizer, start_factor=1.0, end_factor=1e-06 / 5e-05, total_iters=300)
# SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
# steps from 0.
scheduler = SequentialLR(optimizer, schedulers=[warmup, decay], milestones=[30])
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
