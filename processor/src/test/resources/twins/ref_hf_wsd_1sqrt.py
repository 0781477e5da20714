# PyTorch 1.13 twin of twins.RefHfWsd1sqrtStepLr: the same rate at every step, from torch.optim.lr_scheduler.
import math
from torch.optim.lr_scheduler import ConstantLR, LambdaLR, SequentialLR

# optimizer = torch.optim.SGD(params, lr=0.001)
phase1 = LambdaLR(optimizer, lambda step: step / 1000)
phase2 = ConstantLR(optimizer, factor=1.0, total_iters=7000)
phase3 = LambdaLR(optimizer, lambda step: (0.001 * (1 - math.sqrt(min(step, 2000) / 2000))) / 0.001)
# SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
# steps from 0.
scheduler = SequentialLR(optimizer, schedulers=[phase1, phase2, phase3], milestones=[1000, 8000])
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
