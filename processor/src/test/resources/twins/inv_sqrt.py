# PyTorch 1.13 twin of twins.InvSqrtStepLr: the same rate at every step, from torch.optim.lr_scheduler.
import math
from torch.optim.lr_scheduler import LambdaLR, SequentialLR

# optimizer = torch.optim.SGD(params, lr=0.001)
warmup = LambdaLR(optimizer, lambda step: step / 100)
# initLr * sqrt(W / t) at t = 100 + step (Hugging Face's get_inverse_sqrt_schedule)
decay = LambdaLR(optimizer, lambda step: math.sqrt(100 / (100 + step)))
# SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
# steps from 0.
scheduler = SequentialLR(optimizer, schedulers=[warmup, decay], milestones=[100])
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
