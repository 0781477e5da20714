# PyTorch 1.13 twin of twins.PhasedNativeDecaysStepLr: the same rate at every step, from
# torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import ExponentialLR, LambdaLR, PolynomialLR, SequentialLR

# optimizer = torch.optim.SGD(params, lr=0.2)
phase1 = LambdaLR(optimizer, lambda step: step / 40)
phase2 = ExponentialLR(optimizer, gamma=(0.02 / 0.2) ** (1 / 150))
phase3 = PolynomialLR(optimizer, total_iters=100, power=2.0)
# SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
# steps from 0.
scheduler = SequentialLR(optimizer, schedulers=[phase1, phase2, phase3], milestones=[40, 190])
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
