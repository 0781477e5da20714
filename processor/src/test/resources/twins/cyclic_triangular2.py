# PyTorch 1.13 twin of twins.CyclicTriangular2StepLr: the same rate at every step, from
# torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import CyclicLR

# optimizer = torch.optim.SGD(params, lr=0.1)
scheduler = CyclicLR(optimizer, base_lr=0.001, max_lr=0.1, step_size_up=40, mode='triangular2', cycle_momentum=False)
# CyclicLR sets the rate itself (base_lr at step 0).
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
