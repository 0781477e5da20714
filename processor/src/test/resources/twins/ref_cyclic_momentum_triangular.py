# PyTorch 1.13 twin of twins.RefCyclicMomentumTriangularStepLr: the same rate at every step, from
# torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import CyclicLR

# optimizer = torch.optim.SGD(params, lr=0.1, momentum=0.9)
scheduler = CyclicLR(optimizer, base_lr=0.001, max_lr=0.1, step_size_up=500, base_momentum=0.8, max_momentum=0.9)
# CyclicLR sets the rate itself (base_lr at step 0), and the momentum of each update, the generated
# momentum(step): SGD's momentum (PyTorch 1.13 refuses Adam with cycle_momentum=True).
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
