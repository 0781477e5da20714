"""Expected values of LrFinderTest: fastai 2.7's learning-rate finder, transcribed, run on fixed loss sequences.

Transcribed from fastai/callback/schedule.py (SchedExp, LRFinder.before_batch / after_batch, lr_find's trimming,
valley, steep, minimum) and fastai/learner.py (AvgSmoothLoss, Recorder.after_batch) at fastai commit
0a049e8a90b86d70860f68072698245a1ee787ca, in float64 tensors where fastai's are float32 (the test compares the
algorithm, not float32 rounding). fastai itself is not needed. Run with PyTorch (1.13 here) and numpy:

    python3 fastai_lr_find.py    # writes cases.csv and one <case>.csv per case beside this file
"""
import math
import os

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
BETA = 0.98


def sched_exp(start, end, pos):  # schedule.py
    return start * (end / start) ** pos


class AvgSmoothLoss:  # learner.py
    def __init__(self, beta=BETA):
        self.beta = beta
        self.count, self.val = 0, torch.tensor(0., dtype=torch.float64)

    def accumulate(self, loss):
        self.count += 1
        self.val = torch.lerp(torch.tensor(loss, dtype=torch.float64), self.val, self.beta)

    @property
    def value(self):
        return self.val / (1 - self.beta ** self.count)


def run_finder(losses_in, start_lr, end_lr, num_it):
    """LRFinder with stop_div=True: lr set before each batch at pos = train_iter / num_it; after the batch, the
    Recorder appends lr and the smoothed loss, then LRFinder stops on 4 x best or when train_iter reaches num_it."""
    if num_it < 6:
        num_it = 6
    smooth = AvgSmoothLoss()
    lrs, losses = [], []
    best = float('inf')
    train_iter = 0
    while True:
        lr = sched_exp(start_lr, end_lr, train_iter / num_it)          # before_batch
        smooth.accumulate(losses_in[train_iter])                        # Recorder.after_batch
        lrs.append(lr)
        losses.append(smooth.value)
        train_iter += 1                                                 # TrainEvalCallback.after_batch
        smooth_loss = smooth.value                                      # LRFinder.after_batch
        if smooth_loss < best:
            best = smooth_loss
        if smooth_loss > 4 * best:
            break
        if train_iter >= num_it:
            break
    return lrs, losses


def valley(lrs, losses, num_it):
    n = len(losses)
    max_start, max_end = 0, 0
    lds = [1] * n
    for i in range(1, n):
        for j in range(0, i):
            if (losses[i] < losses[j]) and (lds[i] < lds[j] + 1):
                lds[i] = lds[j] + 1
            if lds[max_end] < lds[i]:
                max_end = i
                max_start = max_end - lds[max_end]
    sections = (max_end - max_start) / 3
    idx = max_start + int(sections) + int(sections / 2)
    return float(lrs[idx]), (float(lrs[idx]), losses[idx])


def minimum(lrs, losses, num_it):
    lr_min = lrs[losses.argmin()].item()
    loss_idx = losses[min(range(len(lrs)), key=lambda i: abs(lrs[i] - lr_min))]
    return lr_min / 10, (lr_min, loss_idx)


def steep(lrs, losses, num_it):
    grads = (losses[1:] - losses[:-1]) / (lrs[1:].log() - lrs[:-1].log())
    lr_steep = lrs[grads.argmin()].item()
    loss_idx = losses[min(range(len(lrs)), key=lambda i: abs(lrs[i] - lr_steep))]
    return lr_steep, (lr_steep, loss_idx)


def lr_find_suggestions(recorded_lrs, recorded_losses, num_it):
    lrs = torch.tensor(recorded_lrs[num_it // 10:-5], dtype=torch.float64)
    losses = torch.tensor([float(l) for l in recorded_losses[num_it // 10:-5]], dtype=torch.float64)
    nan_idxs = torch.nonzero(torch.isnan(losses.view(-1)))
    if len(nan_idxs) > 0:
        drop_idx = min(nan_idxs)
        lrs = lrs[:drop_idx]
        losses = losses[:drop_idx]
    if len(losses) < 2:
        return None  # fastai fails here (steep's argmin of nothing)
    return [f(lrs, losses, num_it) for f in (valley, steep, minimum)]


def curve(log10_lr, rng, noise):
    """A range test's loss: flat at 2.3, falling from about 1e-3, lowest near 0.1, then blowing up."""
    x = log10_lr
    fall = 1.8 / (1 + math.exp(-2.5 * (x + 2.5)))
    blow = math.exp(3.0 * (x + 0.7))
    return 2.3 - fall + blow + rng.normal(0, noise)


def case_losses(name, num_it, start, end):
    rng = np.random.default_rng(sum(map(ord, name)))
    xs = [math.log10(sched_exp(start, end, i / num_it)) for i in range(num_it)]
    if name == 'ramp_diverges':
        return [curve(x, rng, 0.05) for x in xs]
    if name == 'no_divergence':
        return [2.3 - 1.5 * i / num_it + rng.normal(0, 0.03) for i in range(num_it)]
    if name == 'nan_at_60':
        losses = [curve(x, rng, 0.05) for x in xs]
        losses[60] = float('nan')
        return losses
    if name == 'inf_at_40':
        losses = [curve(x, rng, 0.05) for x in xs]
        losses[40] = float('inf')
        return losses
    if name == 'rising_only':
        return [1.0 + 0.01 * i for i in range(num_it)]
    if name == 'first_two_fall':
        return [1.0, 1.0, 1.0, 0.2] + [1.2 + 0.05 * k for k in range(num_it - 4)]
    if name == 'long_300':
        return [curve(x, rng, 0.2) for x in xs]
    if name == 'noisy_flat':
        return [1.0 + rng.normal(0, 0.1) for _ in range(num_it)]
    if name == 'stops_too_early':
        return [1.0 if i < 8 else 100.0 for i in range(num_it)]
    raise ValueError(name)


CASES = [  # name, start_lr, end_lr, num_it
    ('ramp_diverges', 1e-7, 10.0, 100),
    ('no_divergence', 1e-7, 10.0, 100),
    ('nan_at_60', 1e-7, 10.0, 100),
    ('inf_at_40', 1e-5, 10.0, 100),
    ('rising_only', 1e-3, 1.0, 20),
    ('first_two_fall', 1e-3, 1.0, 20),
    ('long_300', 1e-5, 1.0, 300),
    ('noisy_flat', 1e-4, 1.0, 50),
    ('stops_too_early', 1e-7, 10.0, 100),
]


def num(x):
    """A float as Java's Double.parseDouble reads it: repr, NaN, Infinity."""
    x = float(x)
    return 'NaN' if math.isnan(x) else ('Infinity' if x > 0 else '-Infinity') if math.isinf(x) else repr(x)


def main():
    rows = ['case,start_lr,end_lr,steps,recorded,valley,valley_loss,steep,steep_loss,minimum,minimum_loss']
    for name, start, end, num_it in CASES:
        losses_in = case_losses(name, num_it, start, end)
        lrs, losses = run_finder(losses_in, start, end, num_it)
        # fastai goes on recording NaN after a NaN; a finder that stops there records up to the first NaN
        recorded = len(losses)
        nan_at = next((i for i, l in enumerate(losses) if math.isnan(float(l))), None)
        if nan_at is not None:
            recorded = nan_at + 1
        with open(os.path.join(HERE, name + '.csv'), 'w') as f:
            f.write('step,lr,loss,smoothed\n')
            for i in range(num_it):
                lr = sched_exp(start, end, i / num_it)
                smoothed = num(losses[i]) if i < recorded else ''
                f.write('%d,%s,%s,%s\n' % (i, num(lr), num(losses_in[i]), smoothed))
        suggestions = lr_find_suggestions(lrs, losses, num_it)
        if suggestions is None:
            values = ['none'] * 6
        else:
            (v, (_, vl)), (s, (_, sl)), (m, (_, ml)) = suggestions
            values = [num(x) for x in (v, vl, s, sl, m, ml)]
        rows.append(','.join([name, num(start), num(end), str(num_it), str(recorded)] + values))
    with open(os.path.join(HERE, 'cases.csv'), 'w') as f:
        f.write('\n'.join(rows) + '\n')


if __name__ == '__main__':
    main()
