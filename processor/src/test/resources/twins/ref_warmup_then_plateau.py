# PyTorch 1.13 twin of twins.RefWarmupThenPlateauPlateauLr: the same rule, from torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import LambdaLR, ReduceLROnPlateau

# optimizer = torch.optim.SGD(params, lr=0.1)
warmup = LambdaLR(optimizer, lambda step: step / 100)
scheduler = ReduceLROnPlateau(optimizer, factor=0.3, patience=10, threshold=0.001, cooldown=5, min_lr=1e-05)
# Call warmup.step() after each of the first 100 optimizer.step() calls (steps 0 to 99), then
# scheduler.step(metric) after each evaluation, as observe(step, metric) of the generated class (which ignores
# evaluations before step 100). ReduceLROnPlateau cannot follow a warmup in SequentialLR: the two are stepped
# by hand.
