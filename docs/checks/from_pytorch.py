# The PyTorch side of docs/from-pytorch.md. Run: /usr/bin/python3 docs/checks/from_pytorch.py (needs PyTorch: apt-get install python3-torch)
import math, warnings, torch
warnings.filterwarnings("ignore")
from torch.optim.lr_scheduler import *
def opt(lr):
    return torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=lr)
print("torch", torch.__version__)
# OneCycleLR: the last step and past it
o = opt(0.1); s = OneCycleLR(o, max_lr=0.1, total_steps=10)
lrs = [o.param_groups[0]["lr"]]
for i in range(9):
    o.step(); s.step(); lrs.append(o.param_groups[0]["lr"])
print("OneCycleLR(0.1, 10): lr at steps 0..9:", lrs)
for extra in (10, 11):
    try:
        o.step(); s.step(); print("step %d:" % extra, o.param_groups[0]["lr"])
    except ValueError as e:
        print("step %d: ValueError:" % extra, e)
# CosineAnnealingLR past T_max
o = opt(0.1); s = CosineAnnealingLR(o, T_max=10, eta_min=0.001)
lrs = [o.param_groups[0]["lr"]]
for i in range(20):
    o.step(); s.step(); lrs.append(o.param_groups[0]["lr"])
print("CosineAnnealingLR(T_max=10, eta_min=0.001): steps 9..20:", [round(x, 6) for x in lrs[9:21]])
# CosineAnnealingWarmRestarts.step(epoch), T_0 = 1, T_mult = 3
for T_mult in (2, 3):
    o = opt(0.1); s = CosineAnnealingWarmRestarts(o, T_0=1, T_mult=T_mult, eta_min=0.0)
    starts = [sum(T_mult**k for k in range(i)) for i in range(1, 8)]
    res = []
    for e in starts:
        s.step(e); res.append((e, s.T_cur, s.T_i, o.param_groups[0]["lr"]))
    print("CosineAnnealingWarmRestarts(T_0=1, T_mult=%d).step(epoch) at cycle starts (epoch, T_cur, T_i, lr):" % T_mult, res)
    # stepped without an epoch
    o = opt(0.1); s = CosineAnnealingWarmRestarts(o, T_0=1, T_mult=T_mult, eta_min=0.0)
    lrs = [o.param_groups[0]["lr"]]
    for i in range(max(starts)):
        o.step(); s.step(); lrs.append(o.param_groups[0]["lr"])
    print("  same, step() without epoch, lr at those steps:", [lrs[e] for e in starts])
print("math.log(243, 3) =", math.log(243, 3))
# Which of the first eleven cycle starts step(epoch) misses, for T_0 = 1 and T_mult 2 to 7
missed = {}
for T_mult in range(2, 8):
    o = opt(0.1); s = CosineAnnealingWarmRestarts(o, T_0=1, T_mult=T_mult)
    missed[T_mult] = []
    for e in [sum(T_mult**k for k in range(i)) for i in range(1, 12)]:
        if e > 10**9:
            break
        s.step(e)
        if s.T_cur != 0:
            missed[T_mult].append(e)
print("cycle starts step(epoch) puts in the previous cycle, by T_mult:", missed)
# SequentialLR(LinearLR, MultiStepLR): milestones counted from the hand-over
o = opt(0.1)
s = SequentialLR(o, [LinearLR(o, start_factor=0.1, total_iters=4), MultiStepLR(o, milestones=[3], gamma=0.1)], milestones=[4])
lrs = [o.param_groups[0]["lr"]]
for i in range(10):
    o.step(); s.step(); lrs.append(o.param_groups[0]["lr"])
print("SequentialLR(LinearLR(0.1, 4), MultiStepLR([3])), milestones=[4]: steps 0..10:", [round(x, 6) for x in lrs])
# ConstantLR
o = opt(0.1); s = ConstantLR(o, factor=0.1, total_iters=3)
lrs = [o.param_groups[0]["lr"]]
for i in range(5):
    o.step(); s.step(); lrs.append(o.param_groups[0]["lr"])
print("ConstantLR(factor=0.1, total_iters=3): steps 0..5:", lrs)
