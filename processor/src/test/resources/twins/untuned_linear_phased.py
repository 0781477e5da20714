# PyTorch 1.13 twin of twins.UntunedLinearPhasedStepLr: the same rate at every step, from
# torch.optim.lr_scheduler.
import math
from torch.optim.lr_scheduler import LambdaLR, SequentialLR

# optimizer = torch.optim.Adam(params, lr=0.001, betas=(0.9, 0.99))
# @UntunedWarmup: the schedule times pytorch_warmup's UntunedLinearWarmup factor omega(t) for Adam's beta2 =
# 0.99, at iteration t = step + 1, written out. With pytorch_warmup itself: warmup =
# pytorch_warmup.UntunedLinearWarmup(optimizer), and after each optimizer.step(), `with warmup.dampening():
# scheduler.step()` for the scheduler without the factor.
def untuned_warmup(t):
    return min(1.0, t / 199)  # tau = int(2.0 / (1.0 - 0.99))

phase1 = LambdaLR(optimizer, lambda step: (1.0) * untuned_warmup(step + 1))
phase2 = LambdaLR(optimizer, lambda step: ((0.0001 + (0.001 - 0.0001) * (1 + math.cos(math.pi * min(step, 300) / 300)) / 2) / 0.001) * untuned_warmup(100 + step + 1))
# SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
# steps from 0.
scheduler = SequentialLR(optimizer, schedulers=[phase1, phase2], milestones=[100])
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
