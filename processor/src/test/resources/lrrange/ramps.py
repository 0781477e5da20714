"""Expected values of LrRangeReferenceTest: the rate of each step of a learning-rate range test, by fastai and by
Lightning, transcribed from their sources and run here (neither library is needed).

fastai 2.7 (fastai/callback/schedule.py, commit 0a049e8a90b86d70860f68072698245a1ee787ca): LRFinder sets, before
each batch, SchedExp(start_lr, end_lr) at pos = train_iter / num_it, that is start * (end / start) ** pos.

Lightning 2 (src/lightning/pytorch/tuner/lr_finder.py, commit 001278272e8e91c85a74dd17449e4eafc489e25f):
_ExponentialLR, a PyTorch LR scheduler whose get_lr is base_lr * (end_lr / base_lr) ** r with
r = (last_epoch + 1) / num_iter once last_epoch > 0, and base_lr at last_epoch 0; the finder's callback logs
scheduler.lr[0] before each batch and the scheduler steps after it. Run here on a real torch.optim.SGD stepped by
PyTorch (1.13, as _LRScheduler), reading optimizer.param_groups[0]["lr"] before each step.

    python3 ramps.py    # writes ramps.csv beside this file: case, step, fastai, lightning (repr of each double)
"""
import os

import torch

CASES = [  # name, start_lr, end_lr, num_it
    ('fastai_defaults', 1e-7, 10.0, 100),
    ('demo', 1e-5, 10.0, 100),
    ('long', 1e-5, 1.0, 300),
    ('shortest', 1e-4, 10.0, 7),
]


def sched_exp(start, end, pos):
    return start * (end / start) ** pos


class ExponentialLR(torch.optim.lr_scheduler._LRScheduler):
    def __init__(self, optimizer, end_lr, num_iter, last_epoch=-1):
        self.end_lr = end_lr
        self.num_iter = num_iter
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        curr_iter = self.last_epoch + 1
        r = curr_iter / self.num_iter
        if self.last_epoch > 0:
            val = [base_lr * (self.end_lr / base_lr) ** r for base_lr in self.base_lrs]
        else:
            val = [base_lr for base_lr in self.base_lrs]
        self._lr = val
        return val


def lightning(start, end, num_it):
    param = torch.nn.Parameter(torch.zeros(1))
    optimizer = torch.optim.SGD([param], lr=start)
    scheduler = ExponentialLR(optimizer, end, num_it)
    lrs = []
    for _ in range(num_it):
        lrs.append(optimizer.param_groups[0]['lr'])
        optimizer.step()
        scheduler.step()
    return lrs


def main():
    rows = ['case,step,fastai,lightning']
    for name, start, end, num_it in CASES:
        light = lightning(start, end, num_it)
        for i in range(num_it):
            rows.append('%s,%d,%r,%r' % (name, i, sched_exp(start, end, i / num_it), light[i]))
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'ramps.csv'), 'w') as f:
        f.write('\n'.join(rows) + '\n')


if __name__ == '__main__':
    main()
