# PyTorch 1.13 twin of twins.RefHfWsdLinearStepLr: the same rate at every step, from torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import ConstantLR, LambdaLR, LinearLR, SequentialLR

# optimizer = torch.optim.SGD(params, lr=0.001)
phase1 = LambdaLR(optimizer, lambda step: step / 1000)
phase2 = ConstantLR(optimizer, factor=1.0, total_iters=7000)
phase3 = LinearLR(optimizer, start_factor=1.0, end_factor=0.0, total_iters=2000)
# SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
# steps from 0.
scheduler = SequentialLR(optimizer, schedulers=[phase1, phase2, phase3], milestones=[1000, 8000])
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
