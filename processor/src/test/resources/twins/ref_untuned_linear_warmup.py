# PyTorch 1.13 twin of twins.RefUntunedLinearWarmupStepLr: the same rate at every step, from
# torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import LambdaLR

# optimizer = torch.optim.Adam(params, lr=0.001, betas=(0.9, 0.999))
# @UntunedWarmup: the schedule times pytorch_warmup's UntunedLinearWarmup factor omega(t) for Adam's beta2 =
# 0.999, at iteration t = step + 1, written out. With pytorch_warmup itself: warmup =
# pytorch_warmup.UntunedLinearWarmup(optimizer), and after each optimizer.step(), `with warmup.dampening():
# scheduler.step()` for the scheduler without the factor.
def untuned_warmup(t):
    return min(1.0, t / 1999)  # tau = int(2.0 / (1.0 - 0.999))

# a constant rate, initLr: LambdaLR keeps the optimizer's lr
scheduler = LambdaLR(optimizer, lambda step: (1.0) * untuned_warmup(step + 1))
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
