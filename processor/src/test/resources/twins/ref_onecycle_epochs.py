# PyTorch 1.13 twin of twins.RefOnecycleEpochsStepLr: the same rate at every step, from
# torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import OneCycleLR

# optimizer = torch.optim.SGD(params, lr=0.1, momentum=0.95)
scheduler = OneCycleLR(optimizer, max_lr=0.1, epochs=20, steps_per_epoch=50)
# OneCycleLR sets the rate itself (max_lr / div_factor at step 0), and the momentum of each update (Adam's
# betas[0]), the generated momentum(step). Its last step is total_steps - 1 = 999, at the final rate, which
# the generated class holds from there on; a scheduler.step() past total_steps = 1000 raises ValueError.
# The lengths were stated in epochs of 50 updates (@Epochs(everyUpdate = true)); here they are in updates, and
# the scheduler moves every update.
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
