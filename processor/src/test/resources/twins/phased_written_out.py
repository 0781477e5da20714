# PyTorch 1.13 twin of twins.PhasedWrittenOutStepLr: the same rate at every step, from
# torch.optim.lr_scheduler.
import math
from torch.optim.lr_scheduler import LambdaLR, SequentialLR

# optimizer = torch.optim.SGD(params, lr=0.1)
phase1 = LambdaLR(optimizer, lambda step: (0.05 + (0.001 - 0.05) * (1 + math.cos(math.pi * step / 40)) / 2) / 0.1)
phase2 = LambdaLR(optimizer, lambda step: (0.05 * (0.1 / 0.05) ** (step / 40)) / 0.1)
phase3 = LambdaLR(optimizer, lambda step: (0.1 * math.sqrt(20.0 / (20.0 + step))) / 0.1)
phase4 = LambdaLR(optimizer, lambda step: (0.01 + (0.05 - 0.01) * (1 - math.sqrt(step / 50))) / 0.1)
phase5 = LambdaLR(optimizer, lambda step: (0.01 + (0.04 - 0.01) * (1 - math.sqrt((50 - step) / 50))) / 0.1)
phase6 = LambdaLR(optimizer, lambda step: (0.005 + (0.04 - 0.005) * ((60 - step) / 60) ** 0.5) / 0.1)
phase7 = LambdaLR(optimizer, lambda step: (0.002 + (0.08 - 0.002) * (math.cos(math.pi * step / (2 * 60)) ** 2) ** 2.0) / 0.1)
phase8 = LambdaLR(optimizer, lambda step: (0.01 if step >= 99 else 0.002 * 1.05 ** (step / 3)) / 0.1)
# SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
# steps from 0.
scheduler = SequentialLR(optimizer, schedulers=[phase1, phase2, phase3, phase4, phase5, phase6, phase7, phase8],
                         milestones=[40, 80, 140, 190, 240, 300, 360])
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
