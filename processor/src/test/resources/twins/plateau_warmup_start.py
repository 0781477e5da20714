# PyTorch 1.13 twin of twins.PlateauWarmupStartPlateauLr: the same rule, from torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import LambdaLR, ReduceLROnPlateau

# optimizer = torch.optim.SGD(params, lr=0.1)
warmup = LambdaLR(optimizer, lambda step: (0.01 + (0.1 - 0.01) * step / 30) / 0.1)
scheduler = ReduceLROnPlateau(optimizer, patience=4, cooldown=3, eps=0.001)
# Call warmup.step() after each of the first 30 optimizer.step() calls (steps 0 to 29), then
# scheduler.step(metric) after each evaluation, as observe(step, metric) of the generated class (which ignores
# evaluations before step 30). ReduceLROnPlateau cannot follow a warmup in SequentialLR: the two are stepped
# by hand.
