# PyTorch 1.13 twin of twins.RefWarmupStepStepLr: the same rate at every step, from torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import LinearLR, SequentialLR, StepLR

# optimizer = torch.optim.SGD(params, lr=0.4)
warmup = LinearLR(optimizer, start_factor=0.004 / 0.4, total_iters=500)
decay = StepLR(optimizer, step_size=3000, gamma=0.5)
# SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
# steps from 0.
scheduler = SequentialLR(optimizer, schedulers=[warmup, decay], milestones=[500])
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
