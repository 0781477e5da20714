package dev.warmup.processor;

import dev.warmup.PlateauMode;
import dev.warmup.ThresholdMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated {@code @PlateauSchedule}: PyTorch's {@code ReduceLROnPlateau} rule with its settings as constants, after
 * an optional linear warmup of W steps (the same {@link LinearShape} as every other warmup). Unlike a
 * {@link ScheduleModel}, its rate depends on the metrics observed, so it is written by {@link PlateauWriter} as a class
 * with state implementing {@code PlateauLr}, not a {@code StepLr}.
 *
 * <p>{@link Run} is the reference evaluator of the rule, the same operations in the same order as the generated
 * {@code observe}; the chart and the Javadoc's table use it.
 *
 * @param mode which way the metric improves
 * @param thresholdMode whether the threshold is relative or absolute
 * @param relEpsilon {@code 1 - threshold} (MIN) or {@code threshold + 1} (MAX), as PyTorch computes its
 *     {@code rel_epsilon}; unused with {@link ThresholdMode#ABS}
 */
record PlateauModel(double initLr, PlateauMode mode, double factor, int patience, double threshold,
        ThresholdMode thresholdMode, double relEpsilon, int cooldown, double minLr, double eps, long warmupSteps,
        double startLr, Attributes attributes) {

    /** The suffix of the generated class's default name. */
    static final String SUFFIX = "PlateauLr";

    /** Validates a {@code @PlateauSchedule}, reporting every problem; empty if there was one. */
    static Optional<PlateauModel> validate(Attributes a, Reporter reporter) {
        Checks checks = new Checks(a, reporter);
        checks.name();
        boolean initOk = checks.rate("initLr", true, "the starting rate");
        double init = a.doubleValue("initLr");
        double factor = a.doubleValue("factor");
        boolean factorOk = checks.check(factor > 0 && factor < 1, "factor", "each reduction multiplies the rate by "
                + "factor, which must be in (0, 1)");
        long patience = a.longValue("patience");
        boolean patienceOk = checks.check(patience >= 0, "patience", "the number of evaluations without "
                + "improvement to wait must be >= 0");
        PlateauMode mode = PlateauMode.valueOf(a.enumValue("mode"));
        ThresholdMode thresholdMode = ThresholdMode.valueOf(a.enumValue("thresholdMode"));
        double threshold = a.doubleValue("threshold");
        boolean thresholdOk;
        if (mode == PlateauMode.MIN && thresholdMode == ThresholdMode.REL) {
            // At 1, PyTorch's best * (1 - threshold) is Infinity * 0 = NaN before the first improvement: nothing
            // would ever improve.
            thresholdOk = checks.checkWith(threshold >= 0 && threshold < 1, "threshold", "threshold = "
                    + a.show("threshold") + " is not allowed with mode = MIN and thresholdMode = REL: an improvement "
                    + "must beat best * (1 - threshold), so threshold must be in [0, 1)");
        } else {
            thresholdOk = checks.check(Double.isFinite(threshold) && threshold >= 0, "threshold", "how much an "
                    + "improvement must beat the best metric by must be finite and >= 0");
        }
        long cooldown = a.longValue("cooldown");
        boolean cooldownOk = checks.check(cooldown >= 0, "cooldown", "the number of evaluations after a reduction "
                + "that do not count as bad must be >= 0");
        double minLr = a.doubleValue("minLr");
        boolean minOk = initOk ? checks.check(Double.isFinite(minLr) && minLr >= 0 && minLr <= init, "minLr",
                "the lowest rate must be in [0, initLr] = [0, " + Literals.ofDouble(init) + "]")
                : checks.rate("minLr", false, "the lowest rate");
        double eps = a.doubleValue("eps");
        boolean epsOk = checks.check(Double.isFinite(eps) && eps >= 0, "eps", "the smallest change applied must be "
                + "finite and >= 0");
        boolean warmupOk = checks.warmup("initLr", initOk);
        long w = a.longValue("warmupSteps");
        double start = a.doubleValue("startLr");
        if (!(initOk && factorOk && patienceOk && thresholdOk && cooldownOk && minOk && epsOk && warmupOk)) {
            return Optional.empty();
        }
        double relEpsilon = mode == PlateauMode.MIN ? 1. - threshold : threshold + 1.;
        PlateauModel model = new PlateauModel(init, mode, factor, (int) patience, threshold, thresholdMode,
                relEpsilon, (int) cooldown, minLr, eps, w, w == 0 ? 0 : start, a);
        // The change of every later reduction is at most the first's (lr - max(lr * factor, minLr) grows with lr).
        double firstChange = init - Math.max(init * factor, minLr);
        if (!(firstChange > eps)) {
            checks.warning("eps", "eps = " + a.show("eps") + " ignores every reduction: the first would lower the "
                    + "rate by initLr - max(initLr * factor, minLr) = " + Literals.show(firstChange) + ", not more "
                    + "than eps; the rate stays " + Literals.ofDouble(init));
        }
        return Optional.of(model);
    }

    /** The linear warmup over {@code [0, W)}, null without one. */
    Shape warmup() {
        return warmupSteps == 0 ? null : new LinearShape(startLr, initLr,
                new Span(Span.Bound.ZERO, Span.Bound.of(warmupStepsConstant(), "W")),
                new Names(WarmupModel.WARMUP_NAMES, "", "startLr", "initLr", "t", "W"));
    }

    NamedConstant warmupStepsConstant() {
        return NamedConstant.ofLong("WARMUP_STEPS", warmupSteps, "warmupSteps: the warmup length W; observations "
                + "start at step W");
    }

    /** The unset attributes the rule uses, with their values, for the annotation as the class shows it. */
    Map<String, String> defaultsUsed() {
        Map<String, String> used = new LinkedHashMap<>();
        List<String> attributes = new ArrayList<>(List.of("mode", "factor", "patience", "threshold", "thresholdMode",
                "cooldown", "minLr", "eps"));
        if (warmupSteps > 0) {
            attributes.add("startLr");
        }
        for (String attribute : attributes) {
            used.put(attribute, this.attributes.show(attribute));
        }
        return used;
    }

    /** The improvement test in words and as the generated code writes it, {@code metric} against {@code best}. */
    String improvementText() {
        boolean min = mode == PlateauMode.MIN;
        String threshold = Literals.ofDouble(this.threshold);
        return thresholdMode == ThresholdMode.REL
                ? (min ? "metric < best * (1 - " + threshold + ")" : "metric > best * (1 + " + threshold + ")")
                : (min ? "metric < best - " + threshold : "metric > best + " + threshold);
    }

    /** The rule in a sentence, for the class Javadoc (no final period; its comparison in {@code {@code ...}}). */
    String summary() {
        String words = (warmupSteps > 0 ? "linear warmup from " + Literals.ofDouble(startLr) + " over "
                + warmupSteps + " steps, then " : "")
                + "starts at " + Literals.ofDouble(initLr) + " and is multiplied by " + Literals.ofDouble(factor)
                + (minLr > 0 ? " (not below " + Literals.ofDouble(minLr) + ")" : "")
                + " when the metric has not improved ({@code " + improvementText() + "}) for more than " + patience
                + " evaluation" + (patience == 1 ? "" : "s") + " in a row";
        return cooldown == 0 ? words : words + ", then waits " + cooldown + " evaluation" + (cooldown == 1 ? "" : "s");
    }

    /** PyTorch's construction of the same rule. */
    String pyTorchText() {
        return "ReduceLROnPlateau(mode='" + mode.name().toLowerCase(java.util.Locale.ROOT) + "', factor="
                + Literals.ofDouble(factor) + ", patience=" + patience + ", threshold=" + Literals.ofDouble(threshold)
                + ", threshold_mode='" + thresholdMode.name().toLowerCase(java.util.Locale.ROOT) + "', cooldown="
                + cooldown + ", min_lr=" + Literals.ofDouble(minLr) + ", eps=" + Literals.ofDouble(eps) + ")";
    }

    /** The best metric before the first observation: the worst value of the mode. */
    double initialBest() {
        return mode == PlateauMode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    /** The rate of a step of the warmup, {@code 0 <= step < W}, as the generated {@code lr(step)} computes it. */
    double warmupAt(long step) {
        return warmup().at(step);
    }

    /**
     * The rule as the generated class runs it: the reference evaluator, for the chart and the Javadoc. The same
     * operations in the same order as the generated {@code observe}.
     */
    final class Run {
        double lr = initLr;
        double best = initialBest();
        int badEvaluations;
        int cooldownLeft;
        long evaluations;

        /** One observation after the warmup; whether the rate was reduced. */
        boolean observe(double metric) {
            evaluations++;
            if (improves(metric)) {
                best = metric;
                badEvaluations = 0;
            } else {
                badEvaluations++;
            }
            if (cooldownLeft > 0) {
                cooldownLeft--;
                badEvaluations = 0;
            }
            if (badEvaluations > patience) {
                cooldownLeft = cooldown;
                badEvaluations = 0;
                return reduce();
            }
            return false;
        }

        private boolean improves(double metric) {
            boolean min = mode == PlateauMode.MIN;
            if (thresholdMode == ThresholdMode.REL) {
                return min ? metric < best * relEpsilon : metric > best * relEpsilon;
            }
            return min ? metric < best - threshold : metric > best + threshold;
        }

        /** PyTorch's {@code _reduce_lr}: {@code max(lr * factor, minLr)}, if it lowers the rate by more than eps. */
        boolean reduce() {
            double reduced = Math.max(lr * factor, minLr);
            if (lr - reduced > eps) {
                lr = reduced;
                return true;
            }
            return false;
        }
    }

    /** The evaluations before the first reduction of the fastest decay: one improvement, then patience + 1 bad. */
    long firstReductionEvaluations() {
        return patience + 2L;
    }

    /** The evaluations between two reductions of the fastest decay: the cooldown, then patience + 1 bad. */
    long reductionPeriod() {
        return cooldown + patience + 1L;
    }

    /**
     * The rates of the fastest decay the rule allows, from {@code initLr} on: each reduction's, until the rate stops
     * changing (at minLr, or where eps ignores the change), at most {@code limit} of them.
     */
    List<Double> fastestDecayRates(int limit) {
        Run run = new Run();
        List<Double> rates = new ArrayList<>(List.of(run.lr));
        while (rates.size() <= limit && run.reduce()) {
            rates.add(run.lr);
        }
        return rates;
    }

    /**
     * The rate at {@code step} of the fastest decay the rule allows: observed after every step from W on with a
     * metric that improves once, at the first observation, and never again. The k-th reduction (k = 1, 2, ...) then
     * comes after {@code patience + 2 + (k - 1) (cooldown + patience + 1)} observations; PyTorch starts a cooldown
     * even after a reduction that eps ignores, so the reductions keep this rhythm.
     */
    double fastestDecayAt(long step) {
        if (step < warmupSteps) {
            return warmupAt(step);
        }
        double evaluations = (double) step - warmupSteps;
        long reductions = evaluations < firstReductionEvaluations() ? 0
                : 1 + (long) ((evaluations - firstReductionEvaluations()) / reductionPeriod());
        Run run = new Run();
        for (long k = 0; k < reductions && run.reduce(); k++) {
            // each reduction until the rate stops changing
        }
        return run.lr;
    }

    /** The step from which the k-th reduction of the fastest decay applies (k >= 1), in double: it may pass 2^63. */
    double fastestReductionStep(int k) {
        return (double) warmupSteps + firstReductionEvaluations() + (double) (k - 1) * reductionPeriod();
    }

    /** The last step of the chart: the fastest decay's reductions, up to six, and a tenth more. */
    long plotEnd() {
        int reductions = Math.max(1, fastestDecayRates(6).size() - 1);
        double end = fastestReductionStep(reductions) + Math.max(reductionPeriod(), 2) - 1;
        end = Math.max(end * 1.1, 2.0 * warmupSteps);
        return end >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(10, (long) end);
    }

    /** The chart's markers: the end of warmup and the first reduction. */
    List<SvgPlot.Marker> markers() {
        List<SvgPlot.Marker> markers = new ArrayList<>();
        if (warmupSteps > 0) {
            markers.add(new SvgPlot.Marker(warmupSteps, "W = " + warmupSteps));
        }
        double first = fastestReductionStep(1);
        if (first < Long.MAX_VALUE && fastestDecayRates(1).size() > 1) {
            markers.add(new SvgPlot.Marker((long) first, "first reduction"));
        }
        return markers;
    }
}
