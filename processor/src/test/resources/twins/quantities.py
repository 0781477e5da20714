# PyTorch 1.13 twin of twins.QuantitiesStepLr: the same rate at every step, from torch.optim.lr_scheduler.
import math
from torch.optim.lr_scheduler import LambdaLR, LinearLR, SequentialLR

# optimizer = torch.optim.SGD(params, lr=0.01)
warmup = LambdaLR(optimizer, lambda step: step / 20)
# total_iters from the hand-over at step 20: totalSteps 300 less 20
decay = LinearLR(optimizer, start_factor=1.0, end_factor=0.0, total_iters=280)
# SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
# steps from 0.
scheduler = SequentialLR(optimizer, schedulers=[warmup, decay], milestones=[20])
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.

# weightDecay(step) of the generated class (@Quantity), which no PyTorch scheduler sets: before each update,
# `for group in optimizer.param_groups: group['weight_decay'] = weight_decay(step)`.
def weight_decay(step):
    return 0.05 * min(step, 200) / 200

# dropout(step) of the generated class (@Quantity), which no PyTorch scheduler sets: before each update,
# `module.p = dropout(step)` for each Dropout module.
def dropout(step):
    return 0.1 if step < 100 else 0.0

# momentum(step) of the generated class (@Quantity), which no PyTorch scheduler sets: before each update, `for
# group in optimizer.param_groups: group['momentum'] = momentum(step)` (Adam's betas[0]).
def momentum(step):
    return 0.9 * (0.99 / 0.9) ** (min(step, 150) / 150)

# temperature(step) of the generated class (@Quantity), which no PyTorch scheduler sets: use temperature(step)
# where the update uses it.
def temperature(step):
    return 1.0 * math.sqrt(83.33333333333333 / (83.33333333333333 + min(step, 250)))
