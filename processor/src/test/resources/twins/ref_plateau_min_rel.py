# PyTorch 1.13 twin of twins.RefPlateauMinRelPlateauLr: the same rule, from torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import ReduceLROnPlateau

# optimizer = torch.optim.SGD(params, lr=0.1)
scheduler = ReduceLROnPlateau(optimizer, factor=0.5, patience=3, threshold=0.0001, cooldown=2, min_lr=0.0001)
# Call scheduler.step(metric) after each evaluation, as observe(step, metric) of the generated class; the rate
# changes only there.
