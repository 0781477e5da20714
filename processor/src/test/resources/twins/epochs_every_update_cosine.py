# PyTorch 1.13 twin of twins.EpochsEveryUpdateCosineStepLr: the same rate at every step, from
# torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import CosineAnnealingLR, LambdaLR, SequentialLR

# optimizer = torch.optim.SGD(params, lr=0.1)
warmup = LambdaLR(optimizer, lambda step: step / 60)
# T_max from the hand-over at step 60: totalSteps 300 less 60
decay = CosineAnnealingLR(optimizer, T_max=240, eta_min=0.001)
# minLr from step 300 on: CosineAnnealingLR is periodic, and would climb back to initLr by step 540
hold = LambdaLR(optimizer, lambda step: 0.001 / 0.1)
# SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
# steps from 0.
scheduler = SequentialLR(optimizer, schedulers=[warmup, decay, hold], milestones=[60, 300])
# The lengths were stated in epochs of 60 updates (@Epochs(everyUpdate = true)); here they are in updates, and
# the scheduler moves every update.
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
