# Writes djl-momentum-pytorch.csv, the parameters torch.optim.SGD gives after each update in the setting of
# DjlMomentumTest: nn.Linear(2, 1) from weight [0.5, -0.25] and bias 0.1, on one batch of three examples, loss
# 0.5 * mean((y - p)^2) (DJL's L2Loss), momentum 0.9, rate 0.1 for the first update and 1.0 after (Jump), without and
# with weight decay 0.1. Run: python3 djl-momentum-pytorch.py > djl-momentum-pytorch.csv (torch 1.13, CPU, float32).
import torch

x = torch.tensor([[1.0, 0.5], [-0.5, 1.0], [0.25, -1.0]])
y = torch.tensor([[1.0], [-1.0], [0.5]])
print("# written by djl-momentum-pytorch.py beside this file, torch " + torch.__version__.split("+")[0])
print("weight_decay,update,w0,w1,b")
for weight_decay in (0.0, 0.1):
    layer = torch.nn.Linear(2, 1)
    with torch.no_grad():
        layer.weight.copy_(torch.tensor([[0.5, -0.25]]))
        layer.bias.copy_(torch.tensor([0.1]))
    optimizer = torch.optim.SGD(layer.parameters(), lr=1.0, momentum=0.9, weight_decay=weight_decay)
    scheduler = torch.optim.lr_scheduler.ConstantLR(optimizer, factor=0.1, total_iters=1)
    for update in range(1, 7):
        optimizer.zero_grad()
        loss = 0.5 * ((y - layer(x)) ** 2).mean()
        loss.backward()
        optimizer.step()
        scheduler.step()
        w = layer.weight.detach()[0]
        print("%s,%d,%.9g,%.9g,%.9g" % (weight_decay, update, w[0], w[1], layer.bias.item()))
