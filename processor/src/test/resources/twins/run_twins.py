"""Runs PyTorch twins as a training loop does, and prints the rate of the updates asked for.

    python3 run_twins.py manifest.json > values.json

The manifest lists cases: {"name", "twin" (a file), "steps" (ascending), "stepsPerEpoch" (scheduler.step() once
every that many updates; 1 for every update), "momentum" (whether to read the optimizer's momentum too),
"functions" (the twin's functions of the step to read too, its @Quantity), and, for a ReduceLROnPlateau twin,
"plateauWarmup" (its warmup steps) and "metrics" (the metric passed after each update)}. Each twin is run as its
text says: the optimizer of its "# optimizer = ..." line on one parameter, then the twin, then, for every update,
the rate read from param_groups[0] before it, optimizer.step(), and scheduler.step() (warmup.step() during a
plateau twin's warmup, scheduler.step(metric) after it). Prints {name: {"lr": [...], "momentum": [...],
"functions": {name: [...]}}} as JSON, whose floats are Python's repr: each parses back to the same double.
"""
import json
import sys
import warnings

try:
    import torch
except ImportError:
    json.dump({"torch": None}, sys.stdout)
    sys.exit(0)

# SequentialLR passes an epoch to the scheduler it hands over to, which PyTorch 1.13 warns about
warnings.simplefilter("ignore")


def run(case):
    with open(case["twin"], encoding="utf-8") as f:
        text = f.read()
    namespace = {"torch": torch, "params": [torch.zeros(1, requires_grad=True)]}
    optimizer_line = next(line for line in text.splitlines() if line.startswith("# optimizer = "))
    exec(optimizer_line[2:], namespace)
    exec(text, namespace)
    optimizer = namespace["optimizer"]
    scheduler = namespace["scheduler"]
    group = optimizer.param_groups[0]
    steps = case["steps"]
    wanted = set(steps)
    per_epoch = case.get("stepsPerEpoch", 1)
    metrics = case.get("metrics")
    plateau_warmup = case.get("plateauWarmup", 0)
    functions = {name: namespace[name] for name in case.get("functions", [])}
    values = {"lr": [], "momentum": [], "functions": {name: [] for name in functions}}
    for step in range(steps[-1] + 1):
        if step in wanted:
            values["lr"].append(group["lr"])
            if case.get("momentum"):
                values["momentum"].append(group["momentum"])
            for name, function in functions.items():
                values["functions"][name].append(function(step))
        if step == steps[-1]:
            break
        pass
        if metrics is not None:
            if step < plateau_warmup:
                namespace["warmup"].step()
            else:
                scheduler.step(metrics[step])
        elif (step + 1) % per_epoch == 0:
            scheduler.step()
    return values


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        cases = json.load(f)
    out = {}
    for case in cases:
        try:
            out[case["name"]] = run(case)
        except Exception as e:  # reported by name, so that one twin that fails does not hide the others
            out[case["name"]] = {"error": type(e).__name__ + ": " + str(e)}
    json.dump({"torch": torch.__version__, "cases": out}, sys.stdout)


if __name__ == "__main__":
    main()
