# PyTorch 1.13 twin of twins.RefDinoTeacherMomentumStepLr: the same rate at every step, from
# torch.optim.lr_scheduler.
import math
from torch.optim.lr_scheduler import CosineAnnealingLR, LambdaLR, SequentialLR

# optimizer = torch.optim.SGD(params, lr=0.0005)
warmup = LambdaLR(optimizer, lambda step: step / 500)
# T_max from the hand-over at step 500: totalSteps 5000 less 500
decay = CosineAnnealingLR(optimizer, T_max=4500, eta_min=1e-06)
# minLr from step 5000 on: CosineAnnealingLR is periodic, and would climb back to initLr by step 9500
hold = LambdaLR(optimizer, lambda step: 1e-06 / 0.0005)
# SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
# steps from 0.
scheduler = SequentialLR(optimizer, schedulers=[warmup, decay, hold], milestones=[500, 5000])
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.

# teacherMomentum(step) of the generated class (@Quantity), which no PyTorch scheduler sets: before each
# update, `for group in optimizer.param_groups: group['momentum'] = teacher_momentum(step)` (Adam's betas[0]).
def teacher_momentum(step):
    return 1.0 + (0.996 - 1.0) * (1 + math.cos(math.pi * min(step, 5000) / 5000)) / 2
