# PyTorch 1.13 twin of twins.RefNanogptCosineStepLr: the same rate at every step, from
# torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import CosineAnnealingLR, LambdaLR, LinearLR, SequentialLR

# optimizer = torch.optim.SGD(params, lr=0.0006)
warmup = LinearLR(optimizer, start_factor=6e-07 / 0.0006, total_iters=2000)
# T_max from the hand-over at step 2000: totalSteps 20000 less 2000
decay = CosineAnnealingLR(optimizer, T_max=18000, eta_min=6e-05)
# minLr from step 20000 on: CosineAnnealingLR is periodic, and would climb back to initLr by step 38000
hold = LambdaLR(optimizer, lambda step: 6e-05 / 0.0006)
# SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
# steps from 0.
scheduler = SequentialLR(optimizer, schedulers=[warmup, decay, hold], milestones=[2000, 20000])
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
