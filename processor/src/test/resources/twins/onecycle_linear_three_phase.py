# PyTorch 1.13 twin of twins.OnecycleLinearThreePhaseStepLr: the same rate at every step, from
# torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import OneCycleLR

# optimizer = torch.optim.SGD(params, lr=0.05, momentum=0.9)
scheduler = OneCycleLR(optimizer, max_lr=0.05, total_steps=300, pct_start=0.25, anneal_strategy='linear', div_factor=10.0, final_div_factor=100.0, three_phase=True, base_momentum=0.8, max_momentum=0.9)
# OneCycleLR sets the rate itself (max_lr / div_factor at step 0), and the momentum of each update (Adam's
# betas[0]), the generated momentum(step). Its last step is total_steps - 1 = 299, at the final rate, which
# the generated class holds from there on; a scheduler.step() past total_steps = 300 raises ValueError.
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
