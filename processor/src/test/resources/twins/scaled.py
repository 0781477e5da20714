# PyTorch 1.13 twin of twins.ScaledStepLr: the same rate at every step, from torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import CosineAnnealingLR, LambdaLR, SequentialLR

# initLr by the linear scaling rule: 0.1 * 1024 / 256 = 0.4
# optimizer = torch.optim.SGD(params, lr=0.4)
warmup = LambdaLR(optimizer, lambda step: step / 50)
# T_max from the hand-over at step 50: totalSteps 300 less 50
decay = CosineAnnealingLR(optimizer, T_max=250, eta_min=0.001)
# minLr from step 300 on: CosineAnnealingLR is periodic, and would climb back to initLr by step 550
hold = LambdaLR(optimizer, lambda step: 0.001 / 0.4)
# SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
# steps from 0.
scheduler = SequentialLR(optimizer, schedulers=[warmup, decay, hold], milestones=[50, 300])
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
