# PyTorch 1.13 twin of twins.PhasedNativeStepLr: the same rate at every step, from torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import ConstantLR, CosineAnnealingLR, LambdaLR, LinearLR, SequentialLR

# optimizer = torch.optim.SGD(params, lr=0.1)
phase1 = LinearLR(optimizer, start_factor=0.01 / 0.1, end_factor=1.0, total_iters=50)
phase2 = ConstantLR(optimizer, factor=1.0, total_iters=100)
phase3 = CosineAnnealingLR(optimizer, T_max=100, eta_min=0.01)
phase4 = LambdaLR(optimizer, lambda step: 0.005 / 0.1)
# SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
# steps from 0.
scheduler = SequentialLR(optimizer, schedulers=[phase1, phase2, phase3, phase4], milestones=[50, 150, 250])
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
