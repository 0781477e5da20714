# PyTorch 1.13 twin of twins.OnecycleEpochsStepLr: the same rate at every step, from torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import OneCycleLR

# optimizer = torch.optim.SGD(params, lr=0.1)
scheduler = OneCycleLR(optimizer, max_lr=0.1, total_steps=20, cycle_momentum=False)
# OneCycleLR sets the rate itself (max_lr / div_factor at step 0). Its last step is total_steps - 1 = 19, at
# the final rate, which the generated class holds from there on; a scheduler.step() past total_steps = 20
# raises ValueError.
# Stepped once an epoch of 10 updates (@Epochs), its lengths in epochs: call scheduler.step() after the last
# optimizer.step() of each epoch, once an epoch. Every update of epoch e (steps 10 * e to 10 * e + 9) uses the
# rate after e calls, lr(step) of the generated class.
