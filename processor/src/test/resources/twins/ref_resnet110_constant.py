# PyTorch 1.13 twin of twins.RefResnet110ConstantStepLr: the same rate at every step, from
# torch.optim.lr_scheduler.
from torch.optim.lr_scheduler import ConstantLR, MultiStepLR, SequentialLR

# optimizer = torch.optim.SGD(params, lr=0.1)
warmup = ConstantLR(optimizer, factor=0.01 / 0.1, total_iters=400)
# milestones from the hand-over at step 400: the annotation's {32000, 48000} less 400
decay = MultiStepLR(optimizer, milestones=[31600, 47600], gamma=0.1)
# SequentialLR hands over at each milestone, an absolute step; the scheduler that starts there counts its own
# steps from 0.
scheduler = SequentialLR(optimizer, schedulers=[warmup, decay], milestones=[400])
# Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier updates uses
# lr(step) of the generated class.
