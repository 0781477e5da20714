# PyTorch's own parameters for Dl4jMomentumTest: a linear model w . x + b, mean squared error on a fixed batch of 4,
# torch.optim.SGD(momentum=0.9) with and without nesterov, the rate from ConstantLR (0.1 for 3 steps, then 1.0, the
# generated Dl4jJump3StepLr), 6 updates, all in float64. Writes dl4j-momentum-pytorch.csv beside it:
#   python3 dl4j-momentum-pytorch.py > dl4j-momentum-pytorch.csv
import torch

torch.set_default_dtype(torch.float64)
X = torch.tensor([[0.2, 0.4], [0.6, -0.1], [-0.3, 0.5], [0.1, 0.1]])
Y = torch.tensor([[0.3], [-0.2], [0.4], [0.1]])

print("# torch %s, float64: python3 dl4j-momentum-pytorch.py > dl4j-momentum-pytorch.csv (the script beside this file)"
      % torch.__version__)
print("nesterov,update,lr,w0,w1,b")
for nesterov in (False, True):
    model = torch.nn.Linear(2, 1)
    with torch.no_grad():
        model.weight.copy_(torch.tensor([[0.5, -0.3]]))
        model.bias.copy_(torch.tensor([0.1]))
    optimizer = torch.optim.SGD(model.parameters(), lr=1.0, momentum=0.9, nesterov=nesterov)
    scheduler = torch.optim.lr_scheduler.ConstantLR(optimizer, factor=0.1, total_iters=3)
    for update in range(1, 7):
        lr = optimizer.param_groups[0]["lr"]
        optimizer.zero_grad()
        torch.nn.functional.mse_loss(model(X), Y).backward()
        optimizer.step()
        scheduler.step()
        w = model.weight.detach()[0]
        print(",".join([str(nesterov).lower(), str(update)] + [repr(float(v)) for v in (lr, w[0], w[1], model.bias[0])]))
