# PyTorch 1.13 twin of twins.PolyNativeStepLr: the same rate at every step, from torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import LinearLR, PolynomialLR, SequentialLR

# optimizer = torch.optim.SGD(params, lr=0.05)
warmup = LinearLR(optimizer, start_factor=0.0005 / 0.05, total_iters=20)
# total_iters from the hand-over at step 20: totalSteps 320 less 20
decay = PolynomialLR(optimizer, total_iters=300, power=2.0)
# SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
# steps from 0.
scheduler = SequentialLR(optimizer, schedulers=[warmup, decay], milestones=[20])
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
