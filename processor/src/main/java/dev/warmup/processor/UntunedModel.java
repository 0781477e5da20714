package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import dev.warmup.UntunedRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A schedule with {@code @UntunedWarmup} beside it: {@code lr(t) = schedule(t) * omega(t + 1)}, one
 * {@link ProductShape} of the schedule (its own {@code lr} code, as a method {@code schedule(step)}) and the factor
 * ({@link UntunedShape}, as {@code untunedWarmup(step)}), the node that {@code @ChainedSchedule} uses too.
 *
 * @param schedule the model of the schedule annotation beside it
 * @param untuned the warmup factor
 * @param product the schedule times the factor
 * @param beside {@code @UntunedWarmup} as read
 */
record UntunedModel(ScheduleModel schedule, UntunedShape untuned, ProductShape product, Attributes beside)
        implements ProductModel, BesideModel {

    /** The method of the product's first factor, the schedule beside {@code @UntunedWarmup}. */
    private static final String SCHEDULE = "schedule";

    /** The schedule beside {@code @UntunedWarmup} as a factor: its {@code lr} code and its evaluator. */
    private record ScheduleShape(ScheduleModel model) implements Shape {
        @Override
        public double at(long step) {
            return model.at(step);
        }

        @Override
        public CodeBlock code(Code code) {
            return model.body(code);
        }

        @Override
        public String formula() {
            return model.annotationText();
        }

        @Override
        public String computation() {
            return "the schedule's own code, as without @UntunedWarmup";
        }

        @Override
        public String kind() {
            return "schedule";
        }
    }

    /**
     * Validates {@code @UntunedWarmup} (read into {@code attributes}) and, if it and the schedule beside it are valid,
     * wraps the schedule; empty if either is not.
     */
    static Optional<ScheduleModel> validate(Attributes attributes, Reporter reporter,
            Optional<ScheduleModel> schedule) {
        Checks checks = new Checks(attributes, reporter);
        UntunedRule rule = UntunedRule.valueOf(attributes.enumValue("value"));
        double beta2 = attributes.doubleValue("beta2");
        boolean ok = checks.check(beta2 >= 0 && beta2 < 1, "beta2", "Adam's beta2 must be in [0, 1)");
        if (ok && rule == UntunedRule.RADAM) {
            ok = checks.checkWith(UntunedShape.rhoInfinity(beta2) > 4, "beta2", "beta2 = " + attributes.show("beta2")
                    + " is not allowed with UntunedRule.RADAM: RAdam's warmup needs rho_inf = 2 / (1 - beta2) - 1 > 4,"
                    + " so beta2 must be in (0.6, 1)");
        }
        UntunedShape untuned = new UntunedShape(rule, beta2);
        if (ok && rule == UntunedRule.RADAM) {
            ok = checks.check(untuned.offset() > 0, "beta2", "RAdam's rho(s) stays <= 4 for s < 2^20");
        }
        if (!ok || schedule.isEmpty()) {
            return Optional.empty();
        }
        ScheduleModel inner = schedule.get();
        Attributes a = inner.attributes();
        long ownWarmup = switch (a.annotation()) {
            case "WarmupSchedule" -> a.longValue("steps");
            case "WarmRestartsSchedule" -> a.longValue("warmupSteps");
            default -> 0;
        };
        if (ownWarmup > 0) {
            String attribute = a.annotation().equals("WarmupSchedule") ? "steps" : "warmupSteps";
            checks.warning("value", "the schedule already warms up (" + attribute + " = " + a.show(attribute) + "); "
                    + "@UntunedWarmup multiplies it by a second warmup");
        }
        String title = UntunedShape.name(rule) + " warmup factor of beta2 = "
                + attributes.show("beta2");
        ProductShape product = new ProductShape(null, List.of(
                new ProductShape.Factor(SCHEDULE, "the schedule: " + inner.summary(), new ScheduleShape(inner)),
                new ProductShape.Factor("untunedWarmup", "untuned " + title, untuned)));
        return Optional.of(new UntunedModel(inner, untuned, product, attributes));
    }

    @Override
    public String effectiveText() {
        return schedule.effectiveText() + " " + beside.annotationText(beside.isSet("beta2")
                ? Map.of() : Map.of("beta2", "0.999"));
    }

    @Override
    public double at(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        return product.at(step);
    }

    @Override
    public long warmupSteps() {
        return Math.max(schedule.warmupSteps(), untuned.warmupPeriod());
    }

    @Override
    public String summary() {
        return schedule.summary() + ", times the untuned " + UntunedShape.name(untuned.rule())
                + " warmup factor of beta2 = " + beside.show("beta2") + " (Ma and Yarats 2019, as "
                + "pytorch_warmup)";
    }

    @Override
    public List<FormulaRow> formulaRows() {
        List<FormulaRow> rows = new ArrayList<>();
        rows.add(new FormulaRow("t >= 0", "schedule(t) * omega(t + 1)", product.computation()));
        for (FormulaRow row : schedule.formulaRows()) {
            rows.add(new FormulaRow("schedule, " + row.steps(), row.formula(), row.computation()));
        }
        rows.add(new FormulaRow("factor, t >= 0", untuned.formula(), untuned.computation()));
        return rows;
    }

    @Override
    public List<Long> keySteps() {
        TreeSet<Long> steps = new TreeSet<>(schedule.keySteps());
        long period = untuned.warmupPeriod();
        steps.addAll(List.of(0L, 1L, period / 2, period));
        return List.copyOf(steps);
    }

    @Override
    public List<SvgPlot.Marker> markers() {
        List<SvgPlot.Marker> markers = new ArrayList<>(schedule.markers());
        markers.add(new SvgPlot.Marker(untuned.warmupPeriod(), "untuned warmup " + untuned.warmupPeriod()));
        return markers;
    }

    @Override
    public long plotEnd() {
        long period = untuned.warmupPeriod();
        return Math.max(schedule.plotEnd(), period > Long.MAX_VALUE / 3 ? Long.MAX_VALUE : 3 * period);
    }
}
