package dev.warmup.processor;

import dev.warmup.CyclicMode;
import dev.warmup.Decay;
import dev.warmup.FactorShape;
import dev.warmup.PhaseShape;
import dev.warmup.PlateauMode;
import dev.warmup.ThresholdMode;
import dev.warmup.Warmup;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The PyTorch twin of a generated class: Python for PyTorch 1.13's {@code torch.optim.lr_scheduler} that gives, given
 * an {@code optimizer}, a {@code scheduler} whose rate before each update is the generated {@code lr(step)} (within
 * the last bits of PyTorch's own arithmetic). It reads the validated model and the annotation's attributes, and writes
 * what a PyTorch user writes: a native scheduler where PyTorch has one with the same values ({@code SequentialLR} of
 * {@code LinearLR}, {@code ConstantLR}, {@code ExponentialLR}, {@code StepLR}, {@code MultiStepLR},
 * {@code CosineAnnealingLR}, {@code PolynomialLR}; {@code OneCycleLR}, {@code CyclicLR},
 * {@code CosineAnnealingWarmRestarts}, {@code ChainedScheduler}, {@code ReduceLROnPlateau}), and a {@code LambdaLR}
 * of the formula written out where none has (Keras's, Optax's, timm's and Hugging Face's shapes, floors, the untuned
 * warmup). Comments state the traps: {@code SequentialLR}'s milestone shift, {@code OneCycleLR}'s last step,
 * {@code CosineAnnealingLR} past {@code T_max}, and when to call {@code scheduler.step()}.
 *
 * <p>The same model gives the same text; each double is written as Python's {@code repr} writes it
 * ({@link Literals#ofPython}), so it parses back to the same double. {@code PyTorchTwinTest} runs every twin in
 * PyTorch where it is installed, and checks the values recorded from it everywhere.
 */
final class PyTorchTwin {

    private PyTorchTwin() {}

    /** How a twin whose scheduler cannot set the momentum tells to set it. */
    private static final String SET_MOMENTUM = "before each update, `for group in optimizer.param_groups: "
            + "group['betas'] = (momentum(step), group['betas'][1])` (Adam's beta1; SGD's group['momentum']).";

    /** Text lines of the twin are wrapped at this many characters, where a comment allows it. */
    private static final int WIDTH = 110;

    /**
     * The twin of a {@code StepLr} class.
     *
     * @param generatedClass the generated class's qualified name, for the header
     * @param quantities the quantities beside the rate, each a method of the generated class
     */
    static String of(ScheduleModel model, List<QuantityModel> quantities, String generatedClass) {
        Python python = new Python();
        long stepsPerEpoch = 1;
        boolean everyUpdate = false;
        ScheduleModel schedule = model;
        if (schedule instanceof EpochModel epochs) {
            stepsPerEpoch = epochs.stepsPerEpoch();
            schedule = epochs.schedule();
        } else if (schedule instanceof EpochLengthsModel lengths) {
            stepsPerEpoch = lengths.stepsPerEpoch();
            everyUpdate = true;
            schedule = lengths.schedule();
        }
        UntunedShape untuned = null;
        if (schedule instanceof UntunedModel withUntuned) {
            untuned = withUntuned.untuned();
            schedule = withUntuned.schedule();
        }
        Twin twin = new Twin(python, untuned);
        if (schedule instanceof WarmupModel warmup) {
            warmupSchedule(twin, warmup);
        } else if (schedule instanceof PhasedModel phased) {
            phasedSchedule(twin, phased);
        } else if (schedule instanceof OneCycleModel oneCycle) {
            oneCycleSchedule(twin, oneCycle, everyUpdate ? stepsPerEpoch : 1);
        } else if (schedule instanceof CyclicModel cyclic) {
            cyclicSchedule(twin, cyclic);
        } else if (schedule instanceof WarmRestartsModel restarts) {
            warmRestartsSchedule(twin, restarts);
        } else if (schedule instanceof ChainedModel chained) {
            chainedSchedule(twin, chained);
        } else if (schedule instanceof LrRangeModel range) {
            rangeTest(twin, range);
        } else {
            throw new IllegalArgumentException("no PyTorch twin for " + schedule.getClass().getSimpleName());
        }
        if (everyUpdate) {
            python.comment("The lengths were stated in epochs of " + stepsPerEpoch + " updates (@Epochs(everyUpdate = "
                    + "true)); here they are in updates, and the scheduler moves every update.");
        }
        if (!everyUpdate && stepsPerEpoch > 1) {
            python.comment("Stepped once an epoch of " + stepsPerEpoch + " updates (@Epochs), its lengths in epochs: "
                    + "call scheduler.step() after the last optimizer.step() of each epoch, once an epoch. Every "
                    + "update of epoch e (steps " + stepsPerEpoch + " * e to " + stepsPerEpoch + " * e + "
                    + (stepsPerEpoch - 1) + ") uses the rate after e calls, lr(step) of the generated class.");
        } else {
            python.comment("Call scheduler.step() after each optimizer.step(): the update that follows `step` earlier "
                    + "updates uses lr(step) of the generated class.");
        }
        for (QuantityModel quantity : quantities) {
            if (quantity.attributes() != null) {
                quantity(python, quantity);
            }
        }
        return python.text("PyTorch 1.13 twin of " + generatedClass + ": the same rate at every step, from "
                + "torch.optim.lr_scheduler.");
    }

    /** The twin of a {@code PlateauLr} class: {@code ReduceLROnPlateau}, after a warmup {@code LambdaLR}. */
    static String of(PlateauModel model, String generatedClass) {
        Python python = new Python();
        Attributes a = model.attributes();
        double init = model.initLr();
        python.optimizer(init, "");
        long w = model.warmupSteps();
        if (w > 0) {
            python.line("warmup = " + python.scheduler("LambdaLR") + "(optimizer, lambda step: "
                    + linearFrom(model.startLr(), init, "step", w) + ")");
        }
        // ReduceLROnPlateau's arguments in its order, those the annotation sets (its defaults are PyTorch's)
        List<String> arguments = new ArrayList<>(List.of("optimizer"));
        if (a.isSet("mode")) {
            arguments.add("mode=" + quoted(model.mode() == PlateauMode.MIN ? "min" : "max"));
        }
        if (a.isSet("factor")) {
            arguments.add("factor=" + py(model.factor()));
        }
        if (a.isSet("patience")) {
            arguments.add("patience=" + model.patience());
        }
        if (a.isSet("threshold")) {
            arguments.add("threshold=" + py(model.threshold()));
        }
        if (a.isSet("thresholdMode")) {
            arguments.add("threshold_mode=" + quoted(model.thresholdMode() == ThresholdMode.REL ? "rel" : "abs"));
        }
        if (a.isSet("cooldown")) {
            arguments.add("cooldown=" + model.cooldown());
        }
        if (a.isSet("minLr")) {
            arguments.add("min_lr=" + py(model.minLr()));
        }
        if (a.isSet("eps")) {
            arguments.add("eps=" + py(model.eps()));
        }
        python.line("scheduler = " + python.scheduler("ReduceLROnPlateau") + "(" + String.join(", ", arguments)
                + ")");
        python.comment(w > 0 ? "Call warmup.step() after each of the first " + w + " optimizer.step() calls (steps 0 "
                + "to " + (w - 1) + "), then scheduler.step(metric) after each evaluation, as observe(step, metric) "
                + "of the generated class (which ignores evaluations before step " + w + "). ReduceLROnPlateau "
                + "cannot follow a warmup in SequentialLR: the two are stepped by hand."
                : "Call scheduler.step(metric) after each evaluation, as observe(step, metric) of the generated "
                        + "class; the rate changes only there.");
        return python.text("PyTorch 1.13 twin of " + generatedClass + ": the same rule, from "
                + "torch.optim.lr_scheduler.");
    }

    // --- @WarmupSchedule

    private static void warmupSchedule(Twin twin, WarmupModel model) {
        Attributes a = model.attributes();
        double init = model.peakLr();
        long w = model.warmupSteps();
        Decay decay = Decay.valueOf(a.enumValue("decay"));
        boolean decays = decay != Decay.NONE || w == 0;
        if (WarmupModel.isScaled(a)) {
            twin.python.comment("initLr by the linear scaling rule: " + a.show("initLr") + " * "
                    + a.longValue("batchSize") + " / " + a.longValue("referenceBatchSize") + " = " + py(init));
        }
        List<Piece> pieces = new ArrayList<>();
        if (w > 0) {
            pieces.add(warmupPiece(a, init, w, !decays));
        }
        if (decays) {
            pieces.addAll(decayPieces(a, init, w));
        }
        twin.optimizer(init, "");
        twin.sequential(pieces);
    }

    private static Piece warmupPiece(Attributes a, double init, long w, boolean last) {
        double start = a.doubleValue("startLr");
        String step = last ? "min(step, " + w + ")" : "step";
        return switch (Warmup.valueOf(a.enumValue("warmup"))) {
            case LINEAR -> start > 0
                    ? Piece.of("warmup", 0, "LinearLR(optimizer, start_factor=" + ratio(start, init) + ", total_iters="
                            + w + ")", linearFrom(start, init, step, w))
                    : Piece.lambda("warmup", 0, linearFrom(start, init, step, w));
            case CONSTANT -> {
                String factor = last ? ratio(start, init) + " if step < " + w + " else 1.0" : ratio(start, init);
                yield start > 0 || !last
                        ? Piece.of("warmup", 0, "ConstantLR(optimizer, factor=" + ratio(start, init) + ", total_iters="
                                + w + ")", factor)
                        : Piece.lambda("warmup", 0, factor);
            }
            case EXPONENTIAL -> Piece.lambda("warmup", 0, over(py(start) + " * (" + py(init) + " / " + py(start)
                    + ") ** (" + step + " / " + w + ")", init));
        };
    }

    private static List<Piece> decayPieces(Attributes a, double init, long w) {
        Decay decay = Decay.valueOf(a.enumValue("decay"));
        String name = "decay";
        double min = a.doubleValue("minLr");
        long total = a.longValue("totalSteps");
        long length = total - w;
        String d = Long.toString(length);
        String held = "min(step, " + d + ")";
        double power = a.doubleValue("power");
        String powered = power == 1 ? "" : " ** " + py(power);
        long stepSize = a.longValue("stepSize");
        List<Piece> pieces = new ArrayList<>();
        switch (decay) {
            case NONE -> pieces.add(Piece.lambda("scheduler", w, "1.0")
                    .withComment("a constant rate, initLr: LambdaLR keeps the optimizer's lr"));
            case EXP -> {
                double gamma = WarmupModel.gammaOr(a, 0.9999);
                String factor = py(gamma) + " ** " + (a.isSet("stepSize") ? "(step / " + stepSize + ")" : "step");
                pieces.add(min > 0 ? Piece.lambda(name, w, "max(" + factor + ", " + ratio(min, init) + ")")
                        : a.isSet("stepSize") ? Piece.lambda(name, w, factor)
                        : Piece.of(name, w, "ExponentialLR(optimizer, gamma=" + py(gamma) + ")", factor));
            }
            case STEP -> {
                double gamma = WarmupModel.gammaOr(a, 0.1);
                String factor = py(gamma) + " ** (step // " + stepSize + ")";
                pieces.add(min > 0 ? Piece.lambda(name, w, "max(" + factor + ", " + ratio(min, init) + ")")
                        : Piece.of(name, w, "StepLR(optimizer, step_size=" + stepSize + ", gamma=" + py(gamma) + ")",
                                factor));
            }
            case MULTISTEP -> {
                double gamma = WarmupModel.gammaOr(a, 0.1);
                String milestones = WarmupModel.milestones(a).stream().map(m -> Long.toString(m - w))
                        .collect(Collectors.joining(", ", "[", "]"));
                Piece piece = Piece.of(name, w, "MultiStepLR(optimizer, milestones=" + milestones + ", gamma="
                        + py(gamma) + ")", py(gamma) + " ** sum(step >= m for m in " + milestones + ")");
                pieces.add(w == 0 ? piece : piece.withComment("milestones from the hand-over at step " + w
                        + ": the annotation's " + a.show("milestones") + " less " + w));
            }
            case COSINE -> {
                double cycles = WarmupModel.cyclesOr(a, decay);
                if (cycles != 0.5) {
                    // Hugging Face's num_cycles: waves that end at T, where the rate holds
                    pieces.add(Piece.lambda(name, w, scaled(init, min, "(1 + math.cos(2 * math.pi * "
                            + py(cycles) + " * " + held + " / " + d + ")) / 2", init)));
                } else if (power != 1) {
                    // Optax's exponent, of (1 + cos(pi u / D)) / 2 written as cos(pi u / 2D)^2, which does not cancel
                    pieces.add(Piece.lambda(name, w, scaled(init, min, "(math.cos(math.pi * " + held + " / (2 * "
                            + d + ")) ** 2)" + powered, init)));
                } else {
                    pieces.add(Piece.of(name, w, "CosineAnnealingLR(optimizer, T_max=" + d + (min == 0 ? ""
                            : ", eta_min=" + py(min)) + ")", scaled(init, min, "(1 + math.cos(math.pi * "
                            + held + " / " + d + ")) / 2", init))
                            .withComment(w == 0 ? "" : "T_max from the hand-over at step " + w + ": totalSteps "
                                    + total + " less " + w));
                    pieces.add(Piece.hold(total, ratio(min, init), "minLr from step " + total + " on: "
                            + "CosineAnnealingLR is periodic, and would climb back to initLr by step "
                            + (total + length)));
                }
            }
            case LINEAR -> pieces.add(Piece.of(name, w, "LinearLR(optimizer, start_factor=1.0, end_factor="
                    + ratio(min, init) + ", total_iters=" + d + ")", scaled(init, min, "(" + d + " - " + held
                    + ") / " + d, init)).withComment(w == 0 ? "" : "total_iters from the hand-over at step " + w
                            + ": totalSteps " + total + " less " + w));
            case POLY -> {
                String factor = scaled(init, min, "((" + d + " - " + held + ") / " + d + ")" + powered, init);
                pieces.add(min > 0 ? Piece.lambda(name, w, factor)
                        : Piece.of(name, w, "PolynomialLR(optimizer, total_iters=" + d + (power == 1 ? ""
                                : ", power=" + py(power)) + ")", factor).withComment(w == 0 ? ""
                                : "total_iters from the hand-over at step " + w + ": totalSteps " + total + " less "
                                        + w));
            }
            case INV_SQRT -> pieces.add(Piece.lambda(name, w, "math.sqrt(" + w + " / (" + w + " + step))")
                    .withComment("initLr * sqrt(W / t) at t = " + w + " + step (Hugging Face's "
                            + "get_inverse_sqrt_schedule)"));
            case REPEATED_POWER -> pieces.add(Piece.lambda(name, w, py(init) + " ** (" + py(power) + " ** step) / "
                    + py(init)).withComment("initLr^(power^step): the rate raised to the power every step"));
            case COSINE_RESTARTS -> {
                // Hugging Face's hard restarts: the position in the cycle, frac(cycles * step / D), in whole numbers
                long units = (long) (WarmupModel.cyclesOr(a, decay) * CosineCyclesShape.CYCLE_UNITS);
                long per = CosineCyclesShape.CYCLE_UNITS;
                while (units % 2 == 0 && per > 1) {
                    units /= 2;
                    per /= 2;
                }
                long wave = per * length;
                pieces.add(Piece.lambda(name, w, ratio(min, init) + " if step >= " + d + " else "
                        + scaled(init, min, "(1 + math.cos(math.pi * (" + (units == 1 ? "" : units + " * ")
                                + "step % " + wave + ") / " + wave + ")) / 2", init))
                        .withComment("cycles = " + py(WarmupModel.cyclesOr(a, decay)) + " restarts over " + d
                                + " steps: the position in the cycle, cycles * step / " + d
                                + " % 1, in whole numbers"));
            }
            case INV_TIME -> pieces.add(Piece.lambda(name, w, "1 / (1 + " + py(a.doubleValue("gamma")) + " * "
                    + (a.isSet("stepSize") ? "step / " + stepSize : "step") + ")")
                    .withComment("Keras's InverseTimeDecay"));
            case INV_TIME_STEP -> pieces.add(Piece.lambda(name, w, "1 / (1 + " + py(a.doubleValue("gamma"))
                    + " * (step // " + stepSize + "))").withComment("Keras's InverseTimeDecay(staircase=True)"));
            case POLY_CYCLE -> pieces.add(Piece.lambda(name, w, scaled(init, min, "((horizon(step) - step) / "
                    + "horizon(step))" + powered, init))
                    .withDefinition("def horizon(step):  # Keras's PolynomialDecay(cycle=True): the first multiple "
                            + "of " + d + " at or after step",
                            "    return " + d + " * max(1, math.ceil(step / " + d + "))"));
        }
        return pieces;
    }

    // --- @PhasedSchedule

    private static void phasedSchedule(Twin twin, PhasedModel model) {
        double peak = model.peakLr();
        if (peak == 0) {
            // no factor of a rate of 0 gives another rate: the optimizer's lr is the schedule
            twin.optimizer(0.0, "");
            twin.sequential(List.of(Piece.lambda("scheduler", 0, "1.0").withComment("every phase at 0: the "
                    + "optimizer's lr, 0.0, at every step")));
            return;
        }
        List<Attributes> written = model.attributes().nested("phases");
        List<Piece> pieces = new ArrayList<>();
        for (int i = 0; i < model.phases().size(); i++) {
            PhasedModel.Phase phase = model.phases().get(i);
            long start = i == 0 ? 0 : model.ends().get(i - 1);
            long length = model.ends().get(i) - start;
            boolean last = i == model.phases().size() - 1;
            Attributes a = written.get(i);
            double power = phase.kind() == PhaseShape.COSINE || phase.kind() == PhaseShape.POLY
                    ? a.doubleValue("power") : 1;
            boolean byFactor = phase.kind() == PhaseShape.EXPONENTIAL && a.isSet("gamma");
            double gamma = byFactor ? a.doubleValue("gamma") : Double.NaN;
            long stepSize = byFactor && a.isSet("stepSize") ? a.longValue("stepSize") : 1;
            String factor = phaseFactor(phase, length, power, gamma, stepSize, peak, last);
            String name = "phase" + (i + 1);
            String scheduler = phaseScheduler(phase, length, power, gamma, stepSize, peak, last);
            pieces.add(scheduler == null ? Piece.lambda(name, start, factor)
                    : Piece.of(name, start, scheduler, factor));
            if (last && scheduler != null && (phase.kind() == PhaseShape.COSINE
                    || phase.kind() == PhaseShape.EXPONENTIAL)) {
                pieces.add(Piece.hold(model.ends().get(i), ratio(phase.end(), peak), "the last phase's end value "
                        + "from step " + model.ends().get(i) + " on, where " + (phase.kind() == PhaseShape.COSINE
                                ? "CosineAnnealingLR would climb back" : "ExponentialLR would go on")));
            }
        }
        twin.optimizer(peak, "");
        twin.sequential(pieces);
    }

    /** The phase's factor of the optimizer's lr {@code peak} at its own step; held at its end if it is the last. */
    private static String phaseFactor(PhasedModel.Phase phase, long length, double power, double gamma,
            long stepSize, double peak, boolean last) {
        double a = phase.start();
        double b = phase.end();
        String u = last ? "min(step, " + length + ")" : "step";
        return switch (phase.kind()) {
            case CONSTANT -> ratio(b, peak);
            case LINEAR -> scaled(b, a, u + " / " + length, peak);
            default -> over(phaseValue(phase.kind(), a, b, length, power, gamma, stepSize, last), peak);
        };
    }

    /** A native scheduler with the phase's values from its first step to its last, or null where none has them. */
    private static String phaseScheduler(PhasedModel.Phase phase, long length, double power, double gamma,
            long stepSize, double peak, boolean last) {
        double a = phase.start();
        double b = phase.end();
        return switch (phase.kind()) {
            // ConstantLR returns to the optimizer's lr after total_iters: the last phase is a LambdaLR
            case CONSTANT -> last ? null : "ConstantLR(optimizer, factor=" + ratio(b, peak) + ", total_iters="
                    + length + ")";
            // LinearLR's factors are in (0, 1] and [0, 1]: a phase cut before it rises past the peak is a LambdaLR
            case LINEAR -> a > 0 && b <= peak ? "LinearLR(optimizer, start_factor=" + ratio(a, peak) + ", end_factor="
                    + ratio(b, peak) + ", total_iters=" + length + ")" : null;
            case COSINE -> power == 1 && a == peak && b < a ? "CosineAnnealingLR(optimizer, T_max=" + length
                    + (b == 0 ? "" : ", eta_min=" + py(b)) + ")" : null;
            case EXPONENTIAL -> a != peak || b >= a ? null : Double.isNaN(gamma)
                    ? "ExponentialLR(optimizer, gamma=(" + py(b) + " / " + py(a) + ") ** (1 / " + length + "))"
                    : stepSize == 1 ? "ExponentialLR(optimizer, gamma=" + py(gamma) + ")" : null;
            case POLY -> a == peak && b == 0 ? "PolynomialLR(optimizer, total_iters=" + length
                    + (power == 1 ? "" : ", power=" + py(power)) + ")" : null;
            case INV_SQRT, ONE_MINUS_SQRT -> null;
        };
    }

    /**
     * The value of a {@link PhaseShape} from a to b over L steps at its own {@code step}, from 0, as a Python
     * expression, held at b from L on; for {@code CONSTANT}, b throughout.
     *
     * @param gamma the factor of an exponential phase given by it (NaN for one given by its length)
     */
    static String phaseValue(PhaseShape kind, double a, double b, long length, double power, double gamma,
            long stepSize, boolean held) {
        String n = Long.toString(length);
        String u = held ? "min(step, " + n + ")" : "step";
        String powered = power == 1 ? "" : " ** " + py(power);
        return switch (kind) {
            case CONSTANT -> py(b);
            case LINEAR -> between(b, a, u + " / " + n);
            case COSINE -> power == 1 ? between(a, b, "(1 + math.cos(math.pi * " + u + " / " + n + ")) / 2")
                    // (1 + cos(pi u / L)) / 2 as cos(pi u / 2L)^2, which does not cancel where it nears 0
                    : between(a, b, "(math.cos(math.pi * " + u + " / (2 * " + n + ")) ** 2)" + powered);
            case EXPONENTIAL -> Double.isNaN(gamma)
                    ? py(a) + " * (" + py(b) + " / " + py(a) + ") ** (" + u + " / " + n + ")"
                    : py(b) + " if step >= " + n + " else " + py(a) + " * " + py(gamma) + " ** "
                            + (stepSize == 1 ? "step" : "(step / " + stepSize + ")");
            case POLY -> between(a, b, "((" + n + " - " + u + ") / " + n + ")" + powered);
            case INV_SQRT -> {
                String tau = py(InverseSqrtShape.tau(a, b, length));
                yield py(a) + " * math.sqrt(" + tau + " / (" + tau + " + " + u + "))";
            }
            case ONE_MINUS_SQRT -> a >= b ? between(a, b, "(1 - math.sqrt(" + u + " / " + n + "))")
                    : between(b, a, "(1 - math.sqrt((" + n + " - " + u + ") / " + n + "))");
        };
    }

    // --- @OneCycleSchedule

    private static void oneCycleSchedule(Twin twin, OneCycleModel model, long stepsPerEpoch) {
        Attributes a = model.attributes();
        double max = a.doubleValue("maxLr");
        boolean momentum = a.booleanValue("cycleMomentum");
        long total = a.longValue("totalSteps");
        twin.optimizer(max, momentum ? ", momentum=" + py(a.doubleValue("maxMomentum")) : "");
        if (twin.untuned != null) {
            twin.defineUntuned();
            double initial = max / a.doubleValue("divFactor");
            boolean three = a.booleanValue("threePhase");
            boolean cos = a.enumValue("annealStrategy").equals("COS");
            twin.python.comment("OneCycleLR's anneal through phases (end step, start, end), as it computes it, "
                    + "held from its last step, " + model.lastStep() + ", on.");
            twin.python.line("def one_cycle(step, phases):");
            twin.python.line("    start_step = 0");
            twin.python.line("    for end_step, start, end in phases:");
            twin.python.line("        if step <= end_step or end_step == " + model.lastStep() + ":");
            twin.python.line("            pct = (min(step, " + model.lastStep() + ") - start_step) / (end_step - "
                    + "start_step)");
            twin.python.line(cos ? "            return end + (start - end) / 2.0 * (math.cos(math.pi * pct) + 1)"
                    : "            return (end - start) * pct + start");
            twin.python.line("        start_step = end_step");
            twin.whole(max, "OneCycleLR's rate", "    return one_cycle(step, " + phases(model, three
                    ? List.of(initial, max, initial, model.minLr()) : List.of(initial, max, model.minLr())) + ")");
            if (momentum) {
                double base = a.doubleValue("baseMomentum");
                double top = a.doubleValue("maxMomentum");
                twin.python.comment("The momentum OneCycleLR cycles, momentum(step) of the generated class, which "
                        + "LambdaLR does not set: " + SET_MOMENTUM);
                twin.python.line("def momentum(step):");
                twin.python.line("    return one_cycle(step, " + phases(model, three ? List.of(top, base, top, top)
                        : List.of(top, base, top)) + ")");
            }
            return;
        }
        List<String> arguments = new ArrayList<>(List.of("optimizer", "max_lr=" + py(max)));
        if (stepsPerEpoch > 1 && total % stepsPerEpoch == 0) {
            arguments.add("epochs=" + total / stepsPerEpoch);
            arguments.add("steps_per_epoch=" + stepsPerEpoch);
        } else {
            arguments.add("total_steps=" + total);
        }
        if (a.isSet("pctStart")) {
            arguments.add("pct_start=" + py(a.doubleValue("pctStart")));
        }
        if (a.isSet("annealStrategy")) {
            arguments.add("anneal_strategy=" + quoted(a.enumValue("annealStrategy").equals("COS") ? "cos" : "linear"));
        }
        for (String[] names : new String[][] {{"divFactor", "div_factor"}, {"finalDivFactor", "final_div_factor"}}) {
            if (a.isSet(names[0])) {
                arguments.add(names[1] + "=" + py(a.doubleValue(names[0])));
            }
        }
        if (a.isSet("threePhase")) {
            arguments.add("three_phase=" + (a.booleanValue("threePhase") ? "True" : "False"));
        }
        momentumArguments(a, arguments);
        twin.python.line("scheduler = " + twin.python.scheduler("OneCycleLR") + "(" + String.join(", ", arguments)
                + ")");
        twin.python.comment("OneCycleLR sets the rate itself (max_lr / div_factor at step 0)"
                + (momentum ? ", and the momentum of each update (Adam's betas[0]), the generated momentum(step)" : "")
                + ". Its last step is total_steps - 1 = " + model.lastStep() + ", at the final rate, which the "
                + "generated class holds from there on; a scheduler.step() past total_steps = " + total
                + " raises ValueError.");
    }

    /** OneCycleLR's phases from one value to the next, {@code [(end step, start, end), ...]}, as Python. */
    private static String phases(OneCycleModel model, List<Double> values) {
        List<String> phases = new ArrayList<>();
        for (int i = 0; i < values.size() - 1; i++) {
            String end = i < model.ends().size() ? py(model.ends().get(i)) : Long.toString(model.lastStep());
            phases.add("(" + end + ", " + py(values.get(i)) + ", " + py(values.get(i + 1)) + ")");
        }
        return "[" + String.join(", ", phases) + "]";
    }

    /** CyclicLR's and OneCycleLR's momentum arguments, those the annotation sets. */
    private static void momentumArguments(Attributes a, List<String> arguments) {
        if (a.isSet("cycleMomentum")) {
            arguments.add("cycle_momentum=" + (a.booleanValue("cycleMomentum") ? "True" : "False"));
        }
        for (String[] names : new String[][] {{"baseMomentum", "base_momentum"}, {"maxMomentum", "max_momentum"}}) {
            if (a.isSet(names[0])) {
                arguments.add(names[1] + "=" + py(a.doubleValue(names[0])));
            }
        }
    }

    // --- @CyclicSchedule

    private static void cyclicSchedule(Twin twin, CyclicModel model) {
        Attributes a = model.attributes();
        boolean momentum = a.booleanValue("cycleMomentum");
        double peak = model.peakLr();
        twin.optimizer(peak, momentum ? ", momentum=" + py(a.doubleValue("maxMomentum")) : "");
        long up = a.longValue("stepSizeUp");
        long down = a.isSet("stepSizeDown") ? a.longValue("stepSizeDown") : up;
        CyclicMode mode = model.mode();
        if (twin.untuned != null) {
            twin.defineUntuned();
            double base = a.doubleValue("baseLr");
            twin.python.comment("CyclicLR's triangle wave, scaled by its mode, as it computes it.");
            twin.python.line("def wave(step):");
            twin.python.line("    cycle = math.floor(1 + step / " + (up + down) + ")");
            twin.python.line("    x = 1.0 + step / " + (up + down) + " - cycle");
            twin.python.line("    step_ratio = " + up + " / " + (up + down));
            twin.python.line("    scale = x / step_ratio if x <= step_ratio else (x - 1) / (step_ratio - 1)");
            twin.python.line("    return scale" + switch (mode) {
                case TRIANGULAR -> "";
                case TRIANGULAR2 -> " / 2.0 ** (cycle - 1)";
                case EXP_RANGE -> " * " + py(a.doubleValue("gamma")) + " ** step";
            });
            twin.whole(peak, "CyclicLR's rate", "    return " + py(base) + " + (" + py(a.doubleValue("maxLr")) + " - "
                    + py(base) + ") * wave(step)");
            if (momentum) {
                double top = a.doubleValue("maxMomentum");
                twin.python.comment("The momentum CyclicLR cycles, momentum(step) of the generated class, which "
                        + "LambdaLR does not set: " + SET_MOMENTUM);
                twin.python.line("def momentum(step):");
                twin.python.line("    return " + py(top) + " - (" + py(top) + " - "
                        + py(a.doubleValue("baseMomentum")) + ") * wave(step)");
            }
            return;
        }
        List<String> arguments = new ArrayList<>(List.of("optimizer", "base_lr=" + py(a.doubleValue("baseLr")),
                "max_lr=" + py(a.doubleValue("maxLr"))));
        if (a.isSet("stepSizeUp")) {
            arguments.add("step_size_up=" + up);
        }
        if (a.isSet("stepSizeDown")) {
            arguments.add("step_size_down=" + down);
        }
        if (a.isSet("mode")) {
            arguments.add("mode=" + quoted(mode.name().toLowerCase(java.util.Locale.ROOT)));
        }
        if (mode == CyclicMode.EXP_RANGE && a.isSet("gamma")) {
            arguments.add("gamma=" + py(a.doubleValue("gamma")));
        }
        momentumArguments(a, arguments);
        twin.python.line("scheduler = " + twin.python.scheduler("CyclicLR") + "(" + String.join(", ", arguments)
                + ")");
        twin.python.comment("CyclicLR sets the rate itself (base_lr at step 0)" + (momentum ? ", and the momentum of "
                + "each update, the generated momentum(step): SGD's momentum (PyTorch 1.13 refuses Adam with "
                + "cycle_momentum=True)" : "") + ".");
    }

    // --- @WarmRestartsSchedule

    private static void warmRestartsSchedule(Twin twin, WarmRestartsModel model) {
        Attributes a = model.attributes();
        double base = model.baseLr();
        double etaMin = model.etaMin();
        long w = model.warmupSteps();
        long t0 = a.longValue("t0");
        double tMult = model.tMult();
        boolean whole = WarmRestartsModel.isWhole(tMult) && tMult <= Integer.MAX_VALUE;
        twin.optimizer(base, "");
        boolean plain = whole && model.decay().none() && a.longValue("cycles") == 0 && model.kDecay() == 1
                && (w == 0 || model.prefix());
        if (plain && twin.untuned == null) {
            List<Piece> pieces = new ArrayList<>();
            if (w > 0) {
                double start = model.startLr();
                pieces.add(start > 0 ? Piece.of("warmup", 0, "LinearLR(optimizer, start_factor=" + ratio(start, base)
                        + ", total_iters=" + w + ")", linearFrom(start, base, "step", w))
                        : Piece.lambda("warmup", 0, linearFrom(start, base, "step", w)));
            }
            pieces.add(Piece.of(w > 0 ? "restarts" : "scheduler", w, "CosineAnnealingWarmRestarts(optimizer, T_0=" + t0
                    + (tMult == 1 ? "" : ", T_mult=" + (long) tMult) + (etaMin == 0 ? "" : ", eta_min=" + py(etaMin))
                    + ")", null).withComment(w == 0 ? "" : "its cycles from the hand-over at step " + w));
            twin.sequential(pieces);
            return;
        }
        String mult = whole ? Long.toString((long) tMult) : py(tMult);
        List<String> body = new ArrayList<>();
        if (w > 0) {
            body.add("    if step < " + w + ":");
            body.add("        return " + between(base, model.startLr(), "step / " + w));
        }
        body.add("    d = " + (model.prefix() && w > 0 ? "step - " + w : "step"));
        if (tMult == 1) {
            body.add("    i = d // " + t0 + "  # the cycle");
            body.add("    start, length = i * " + t0 + ", " + t0);
        } else {
            body.add("    i = 0  # the cycle: cycle i starts at t0 * (tMult^i - 1) / (tMult - 1) and lasts "
                    + "t0 * tMult^i");
            String next = whole ? t0 + " * (" + mult + " ** (i + 1) - 1) // " + ((long) tMult - 1)
                    : t0 + " * ((" + mult + " ** (i + 1) - 1) / (" + mult + " - 1))";
            body.add("    while d >= " + next + ":");
            body.add("        i += 1");
            body.add("    start = " + (whole ? t0 + " * (" + mult + " ** i - 1) // " + ((long) tMult - 1)
                    : t0 + " * ((" + mult + " ** i - 1) / (" + mult + " - 1))"));
            body.add("    length = " + t0 + " * " + mult + " ** i");
        }
        if (a.longValue("cycles") > 0) {
            body.add("    if i >= " + a.longValue("cycles") + ":  # after the last cycle (timm's cycle_limit)");
            body.add("        return " + py(etaMin));
        }
        // the restart's height above etaMin: the same, lower by Keras's m_mul, or from timm's decayed restart
        String top = etaMin == 0 ? py(base) : "(" + py(base) + " - " + py(etaMin) + ")";
        String height = model.decay().none() ? top : model.decay().ofPeak()
                ? (etaMin == 0 ? py(base) + " * " + py(model.decay().factor()) + " ** i"
                        : "(" + py(base) + " * " + py(model.decay().factor()) + " ** i - " + py(etaMin) + ")")
                : top + " * " + py(model.decay().factor()) + " ** i";
        String position = "(d - start) / length";
        String angle = model.kDecay() == 1 ? position : "(" + position + ") ** " + py(model.kDecay());
        body.add("    return " + (etaMin == 0 ? "" : py(etaMin) + " + ") + height + " * (1 + math.cos(math.pi * "
                + angle + ")) / 2");
        twin.whole(base, "the rate of cycle i"
                + (model.decay().none() ? "" : model.decay().ofPeak() ? ", its restart lower by timm's cycle_decay"
                        : ", its height lower by Keras's m_mul")
                + (model.kDecay() == 1 ? "" : ", the cosine at timm's k_decay power of its position")
                + (w > 0 && !model.prefix() ? "; the warmup in place of the first cycle's first steps "
                        + "(timm's warmup_prefix=False)" : ""), body.toArray(String[]::new));
    }

    // --- @ChainedSchedule

    /** {@code @LrRangeTest}: fastai's ramp {@code start * (end / start) ** (step / N)}, then endLr, as a factor. */
    private static void rangeTest(Twin twin, LrRangeModel model) {
        double start = model.attributes().doubleValue("startLr");
        double end = model.attributes().doubleValue("endLr");
        twin.optimizer(start, "");
        twin.wholeFactor("fastai's lr_find ramp, startLr * (endLr / startLr)^(step / N) over N = " + model.steps()
                + " steps, then endLr", "    return (" + py(end) + " / " + py(start) + ") ** (min(step, "
                + model.steps() + ") / " + model.steps() + ")");
    }

    private static void chainedSchedule(Twin twin, ChainedModel model) {
        List<Attributes> factors = model.attributes().nested("factors");
        double base = model.attributes().doubleValue("baseLr");
        twin.optimizer(base, "");
        boolean chainable = factors.stream().noneMatch(f -> FactorShape.valueOf(f.enumValue("shape"))
                == FactorShape.COSINE || FactorShape.valueOf(f.enumValue("shape")) == FactorShape.CONSTANT
                && f.doubleValue("factor") == 0);
        List<String> terms = new ArrayList<>();
        List<String> schedulers = new ArrayList<>();
        for (Attributes f : factors) {
            long n = f.longValue("steps");
            double gamma = f.isSet("gamma") ? f.doubleValue("gamma") : 0.1;
            double power = f.doubleValue("power");
            switch (FactorShape.valueOf(f.enumValue("shape"))) {
                case CONSTANT -> {
                    schedulers.add(twin.python.scheduler("ConstantLR") + "(optimizer, factor="
                            + py(f.doubleValue("factor")) + ", total_iters=" + n + ")");
                    terms.add("(" + py(f.doubleValue("factor")) + " if step < " + n + " else 1.0)");
                }
                case LINEAR -> {
                    double start = f.doubleValue("startFactor");
                    double end = f.isSet("endFactor") ? f.doubleValue("endFactor") : 1.0;
                    schedulers.add(twin.python.scheduler("LinearLR") + "(optimizer, start_factor=" + py(start)
                            + (f.isSet("endFactor") ? ", end_factor=" + py(end) : "") + ", total_iters=" + n + ")");
                    terms.add("(" + between(end, start, "min(step, " + n + ") / " + n) + ")");
                }
                case EXP -> {
                    schedulers.add(twin.python.scheduler("ExponentialLR") + "(optimizer, gamma=" + py(gamma) + ")");
                    terms.add(py(gamma) + " ** step");
                }
                case STEP -> {
                    schedulers.add(twin.python.scheduler("StepLR") + "(optimizer, step_size=" + f.longValue("stepSize")
                            + ", gamma=" + py(gamma) + ")");
                    terms.add(py(gamma) + " ** (step // " + f.longValue("stepSize") + ")");
                }
                case MULTISTEP -> {
                    String milestones = f.longs("milestones").stream().map(String::valueOf)
                            .collect(Collectors.joining(", ", "[", "]"));
                    schedulers.add(twin.python.scheduler("MultiStepLR") + "(optimizer, milestones=" + milestones
                            + ", gamma=" + py(gamma) + ")");
                    terms.add(py(gamma) + " ** sum(step >= m for m in " + milestones + ")");
                }
                case POLY -> {
                    schedulers.add(twin.python.scheduler("PolynomialLR") + "(optimizer, total_iters=" + n
                            + (power == 1 ? "" : ", power=" + py(power)) + ")");
                    terms.add("((" + n + " - min(step, " + n + ")) / " + n + ")" + (power == 1 ? "" : " ** "
                            + py(power)));
                }
                case COSINE -> terms.add("(" + between(1.0, f.isSet("endFactor") ? f.doubleValue("endFactor") : 0.0,
                        "(1 + math.cos(math.pi * min(step, " + n + ") / " + n + ")) / 2") + ")");
            }
        }
        if (chainable && twin.untuned == null) {
            twin.python.line("scheduler = " + twin.python.scheduler("ChainedScheduler") + "([");
            for (int i = 0; i < schedulers.size(); i++) {
                twin.python.line("    " + schedulers.get(i) + (i < schedulers.size() - 1 ? "," : "])"));
            }
            twin.python.comment("Every scheduler of the chain counts from step 0, and their factors multiply.");
            return;
        }
        twin.python.unimport("ConstantLR", "LinearLR", "ExponentialLR", "StepLR", "MultiStepLR", "PolynomialLR");
        twin.wholeFactor("the product of the factors, each from step 0" + (chainable ? ""
                        : ": CosineAnnealingLR in a ChainedScheduler climbs back after T_max, and with eta_min > 0 is "
                                + "no factor; ConstantLR(factor=0.0) divides by 0 at total_iters"),
                "    return " + String.join(" * ", terms));
    }

    // --- @UntunedWarmup and @Quantity

    private static void untunedWarmup(Python python, UntunedShape untuned) {
        String beta2 = py(untuned.beta2());
        String rule = switch (untuned.rule()) {
            case LINEAR -> "UntunedLinearWarmup";
            case EXPONENTIAL -> "UntunedExponentialWarmup";
            case RADAM -> "RAdamWarmup";
        };
        python.comment("@UntunedWarmup: the schedule times pytorch_warmup's " + rule + " factor omega(t) for Adam's "
                + "beta2 = " + beta2 + ", at iteration t = step + 1, written out. With pytorch_warmup itself: "
                + "warmup = pytorch_warmup." + rule + "(optimizer), and after each optimizer.step(), "
                + "`with warmup.dampening(): scheduler.step()` for the scheduler without the factor.");
        python.line("def untuned_warmup(t):");
        switch (untuned.rule()) {
            case LINEAR -> python.line("    return min(1.0, t / " + untuned.tau() + ")  # tau = int(2.0 / (1.0 - "
                    + beta2 + "))");
            case EXPONENTIAL -> python.line("    return 1.0 - math.exp(-t / " + untuned.tau() + ")  # tau = int(1.0 "
                    + "/ (1.0 - " + beta2 + "))");
            case RADAM -> {
                python.line("    rho_inf = 2.0 / (1.0 - " + beta2 + ") - 1");
                python.line("    s = t - 1 + " + untuned.offset() + "  # the offset: the least s >= 1 with rho(s) > 4");
                python.line("    rho = rho_inf - 2 * s * " + beta2 + " ** s / (1 - " + beta2 + " ** s)");
                python.line("    return math.sqrt((rho - 4) * (rho - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) "
                        + "* rho))");
            }
        }
        python.line("");
    }

    /** A {@code @Quantity}, which no PyTorch scheduler sets: a function of the step, and where to use it. */
    private static void quantity(Python python, QuantityModel quantity) {
        Attributes a = quantity.attributes();
        PhaseShape shape = PhaseShape.valueOf(a.enumValue("shape"));
        String function = QuantityModel.prefix(quantity.method()).toLowerCase(java.util.Locale.ROOT);
        long steps = a.longValue("steps");
        double start = a.doubleValue("start");
        double end = a.doubleValue("end");
        String value = shape == PhaseShape.CONSTANT ? py(start) + " if step < " + steps + " else " + py(end)
                : phaseValue(shape, start, end, steps, a.doubleValue("power"), Double.NaN, 1, true);
        python.line("");
        python.comment(quantity.method() + "(step) of the generated class (@Quantity), which no PyTorch scheduler "
                + "sets: " + switch (quantity.kind()) {
                    case MOMENTUM -> "before each update, `for group in optimizer.param_groups: group['momentum'] = "
                            + function + "(step)` (Adam's betas[0])";
                    case WEIGHT_DECAY -> "before each update, `for group in optimizer.param_groups: "
                            + "group['weight_decay'] = " + function + "(step)`";
                    case DROPOUT -> "before each update, `module.p = " + function + "(step)` for each Dropout module";
                    case OTHER -> "use " + function + "(step) where the update uses it";
                } + ".");
        python.line("def " + function + "(step):");
        python.line("    return " + value);
    }

    // --- text

    /**
     * {@code b + (a - b) * weight} as a factor of the optimizer's lr {@code peak}: {@code weight} itself where b is 0
     * and a the peak.
     */
    private static String scaled(double a, double b, String weight, double peak) {
        return b == 0 && a == peak ? weight : over(between(a, b, weight), peak);
    }

    /** {@code b + (a - b) * weight}, as {@code a * weight} for b = 0: from b to a as weight goes from 0 to 1. */
    private static String between(double a, double b, String weight) {
        return b == 0 ? py(a) + " * " + weight : py(b) + " + (" + py(a) + " - " + py(b) + ") * " + weight;
    }

    /** The factor of a linear warmup from {@code start} to {@code init} over {@code w} steps, at {@code step}. */
    private static String linearFrom(double start, double init, String step, long w) {
        return start == 0 ? step + " / " + w : over(py(start) + " + (" + py(init) + " - " + py(start) + ") * " + step
                + " / " + w, init);
    }

    /** A rate as a factor of the optimizer's lr {@code peak}: {@code (rate) / peak}. */
    private static String over(String rate, double peak) {
        return "(" + rate + ") / " + py(peak);
    }

    /** x as a factor of {@code peak}: {@code x / peak}, 1.0 or 0.0. */
    private static String ratio(double x, double peak) {
        return x == peak ? "1.0" : x == 0 ? "0.0" : py(x) + " / " + py(peak);
    }

    private static String py(double value) {
        return Literals.ofPython(value);
    }

    private static String quoted(String text) {
        return "'" + text + "'";
    }

    /**
     * One scheduler of a {@code SequentialLR}, from its milestone {@code start} on: a scheduler (a native one, or a
     * {@code LambdaLR}), and its factor of the optimizer's lr at its own step (counted from 0 at the milestone), a
     * Python expression of {@code step} that the untuned warmup multiplies (null where there is none: the twin is then
     * written without pieces).
     */
    private record Piece(String name, long start, String scheduler, String factor, String comment,
            List<String> definition, boolean holdOnly) {

        static Piece of(String name, long start, String scheduler, String factor) {
            return new Piece(name, start, scheduler, factor, "", List.of(), false);
        }

        static Piece lambda(String name, long start, String factor) {
            return new Piece(name, start, null, factor, "", List.of(), false);
        }

        /**
         * The value held after a native scheduler that would not hold it ({@code CosineAnnealingLR}): not needed
         * where that scheduler is a {@code LambdaLR}, which holds it itself.
         */
        static Piece hold(long start, String factor, String comment) {
            return new Piece("hold", start, null, factor, comment, List.of(), true);
        }

        Piece withComment(String text) {
            return new Piece(name, start, scheduler, factor, text, definition, holdOnly);
        }

        Piece withDefinition(String... lines) {
            return new Piece(name, start, scheduler, factor, comment, List.of(lines), holdOnly);
        }
    }

    /** A twin being written: its text, and the untuned warmup that multiplies its rate (null for none). */
    private static final class Twin {
        final Python python;
        final UntunedShape untuned;
        private boolean untunedDefined;

        Twin(Python python, UntunedShape untuned) {
            this.python = python;
            this.untuned = untuned;
        }

        /**
         * The optimizer the twin expects, as a comment: SGD at {@code lr} ({@code more}: its momentum), or, with the
         * untuned warmup, Adam with its beta2.
         */
        void optimizer(double lr, String more) {
            if (untuned == null) {
                python.line("# optimizer = torch.optim.SGD(params, lr=" + py(lr) + more + ")");
            } else {
                python.line("# optimizer = torch.optim.Adam(params, lr=" + py(lr) + ", betas=(0.9, "
                        + py(untuned.beta2()) + "))");
            }
        }

        /** {@code def untuned_warmup(t)}, once, before the schedulers that use it. */
        void defineUntuned() {
            if (untuned != null && !untunedDefined) {
                untunedWarmup(python, untuned);
                untunedDefined = true;
            }
        }

        /**
         * {@code scheduler = ...} from the pieces, in a {@code SequentialLR} if there are several; every piece a
         * {@code LambdaLR} of its factor times the untuned warmup, if there is one.
         */
        void sequential(List<Piece> pieces) {
            defineUntuned();
            if (untuned != null) {
                pieces = pieces.stream().filter(p -> !p.holdOnly()).toList();
            }
            List<String> names = new ArrayList<>();
            for (Piece piece : pieces) {
                piece.definition().forEach(python::line);
                String scheduler;
                if (untuned != null) {
                    scheduler = python.scheduler("LambdaLR") + "(optimizer, lambda step: (" + piece.factor()
                            + ") * untuned_warmup(" + (piece.start() == 0 ? "" : piece.start() + " + ") + "step + 1))";
                } else if (piece.scheduler() != null) {
                    String native_ = piece.scheduler();
                    python.scheduler(native_.substring(0, native_.indexOf('(')));
                    scheduler = native_;
                } else {
                    scheduler = python.scheduler("LambdaLR") + "(optimizer, lambda step: " + piece.factor() + ")";
                }
                String name = pieces.size() == 1 ? "scheduler" : piece.name();
                if (!piece.comment().isEmpty()) {
                    python.comment(piece.comment());
                }
                python.line(name + " = " + scheduler);
                names.add(name);
            }
            if (pieces.size() > 1) {
                python.comment("SequentialLR hands over at each milestone, an absolute step; the scheduler that "
                        + "starts there counts its own steps from 0.");
                String schedulers = "scheduler = " + python.scheduler("SequentialLR") + "(optimizer, schedulers=["
                        + String.join(", ", names) + "],";
                String milestones = "milestones=[" + pieces.stream().skip(1).map(p -> Long.toString(p.start()))
                        .collect(Collectors.joining(", ")) + "])";
                if (schedulers.length() + 1 + milestones.length() <= WIDTH) {
                    python.line(schedulers + " " + milestones);
                } else {
                    python.line(schedulers);
                    python.line(" ".repeat("scheduler = SequentialLR(".length()) + milestones);
                }
            }
        }

        /**
         * {@code def rate(step)} with {@code body} (which returns the rate), and a {@code LambdaLR} of it over
         * the optimizer's lr, times the untuned warmup if there is one.
         */
        void whole(double lr, String what, String... body) {
            function("rate", " / " + py(lr), what, body);
        }

        /** As {@link #whole}, for a body that returns the factor of the optimizer's lr: {@code factor(step)}. */
        void wholeFactor(String what, String... body) {
            function("factor", "", what, body);
        }

        private void function(String name, String divided, String what, String... body) {
            defineUntuned();
            python.comment(name + "(step): " + what + ".");
            python.line("def " + name + "(step):");
            for (String line : body) {
                python.line(line);
            }
            python.line("scheduler = " + python.scheduler("LambdaLR") + "(optimizer, lambda step: " + name
                    + "(step)" + divided + (untuned == null ? "" : " * untuned_warmup(step + 1)") + ")");
        }
    }

    /** The text of a twin: its header, imports, then its lines, each as written. */
    private static final class Python {
        private final Set<String> imported = new TreeSet<>();
        private final List<String> lines = new ArrayList<>();

        /** A scheduler class of {@code torch.optim.lr_scheduler}, imported. */
        String scheduler(String name) {
            imported.add(name);
            return name;
        }

        void unimport(String... names) {
            imported.removeAll(List.of(names));
        }

        void line(String line) {
            lines.add(line);
        }

        /** The optimizer the twin expects, as a comment a reader (and the test's harness) can run. */
        void optimizer(double lr, String more) {
            lines.add("# optimizer = torch.optim.SGD(params, lr=" + py(lr) + more + ")");
        }

        /** A comment, over as many lines as it takes. */
        void comment(String text) {
            StringBuilder line = new StringBuilder("#");
            for (String word : text.split(" ")) {
                if (line.length() > 1 && line.length() + 1 + word.length() > WIDTH) {
                    lines.add(line.toString());
                    line = new StringBuilder("#");
                }
                line.append(' ').append(word);
            }
            lines.add(line.toString());
        }

        String text(String header) {
            Python head = new Python();
            head.comment(header);
            StringBuilder text = new StringBuilder();
            head.lines.forEach(l -> text.append(l).append('\n'));
            if (lines.stream().anyMatch(l -> l.contains("math."))) {
                text.append("import math\n");
            }
            text.append("from torch.optim.lr_scheduler import ").append(String.join(", ", imported)).append("\n\n");
            lines.forEach(l -> text.append(l).append('\n'));
            return text.toString();
        }
    }
}
