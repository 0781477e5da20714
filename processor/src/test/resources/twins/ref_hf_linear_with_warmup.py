# PyTorch 1.13 twin of twins.RefHfLinearWithWarmupStepLr: the same rate at every step, from
# torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import LambdaLR, LinearLR, SequentialLR

# optimizer = torch.optim.SGD(params, lr=5e-05)
warmup = LambdaLR(optimizer, lambda step: step / 500)
# total_iters from the hand-over at step 500: totalSteps 10000 less 500
decay = LinearLR(optimizer, start_factor=1.0, end_factor=0.0, total_iters=9500)
# SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
# steps from 0.
scheduler = SequentialLR(optimizer, schedulers=[warmup, decay], milestones=[500])
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
