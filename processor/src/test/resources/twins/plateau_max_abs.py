# PyTorch 1.13 twin of twins.PlateauMaxAbsPlateauLr: the same rule, from torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import ReduceLROnPlateau

# optimizer = torch.optim.SGD(params, lr=0.05)
scheduler = ReduceLROnPlateau(optimizer, mode='max', factor=0.5, patience=5, threshold=0.01, threshold_mode='abs', min_lr=0.001)
# Call scheduler.step(metric) after each evaluation, as observe(step, metric) of the generated class; the rate
# changes only there.
