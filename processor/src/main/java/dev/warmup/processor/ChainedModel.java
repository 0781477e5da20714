package dev.warmup.processor;

import dev.warmup.FactorShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A validated {@code @ChainedSchedule}: PyTorch's {@code ChainedScheduler}, {@code lr(t) = baseLr * f_1(t) * ...},
 * one {@link ProductShape} of {@code BASE_LR} and one shape per {@code @Factor}, each counting from step 0. A factor
 * is a shape of the family evaluated with factors instead of rates: {@code LINEAR} a {@link LinearShape} from
 * startFactor to endFactor, {@code EXP} an {@link ExponentialShape} from 1, and so on; one that changes over N steps
 * and then stays ({@code CONSTANT}, {@code LINEAR}, {@code POLY}, {@code COSINE}) is a {@link HeldShape}.
 *
 * @param parts the factors, in the order they multiply
 * @param product BASE_LR times the factors
 * @param warmupSteps the last step at which a factor rises, 0 if none does
 */
record ChainedModel(List<Part> parts, ProductShape product, long warmupSteps, Attributes attributes)
        implements ProductModel {

    /** Upper bound on factors: each is a method of the generated class and a call of {@code lr}. */
    static final int MAX_FACTORS = 16;

    /** Upper bound on the milestones of a {@code MULTISTEP} factor, as for {@code @WarmupSchedule}. */
    static final int MAX_MILESTONES = 1000;

    /**
     * One factor as the annotation gives it: its shape, the steps over which it changes (0 for none), the first
     * milestones or drops worth showing, and whether it rises.
     */
    record Part(FactorShape kind, long length, List<Long> keySteps, boolean rises) {}

    /** The attributes each shape uses, besides {@code shape}. */
    private static Set<String> used(FactorShape kind) {
        return switch (kind) {
            case CONSTANT -> Set.of("factor", "steps");
            case LINEAR -> Set.of("startFactor", "endFactor", "steps");
            case EXP -> Set.of("gamma");
            case STEP -> Set.of("stepSize", "gamma");
            case MULTISTEP -> Set.of("milestones", "gamma");
            case POLY -> Set.of("steps", "power");
            case COSINE -> Set.of("steps", "endFactor");
        };
    }

    /** Validates a {@code @ChainedSchedule}, reporting every problem; empty if there was one. */
    static Optional<ScheduleModel> validate(Attributes attributes, Reporter reporter) {
        Checks checks = new Checks(attributes, reporter);
        checks.name();
        boolean baseOk = checks.rate("baseLr", true, "the rate the factors multiply");
        List<Attributes> factors = attributes.nested("factors");
        if (factors.isEmpty() || factors.size() > MAX_FACTORS) {
            checks.checkWith(false, "factors", (factors.isEmpty() ? "factors = {}"
                    : "factors = {...} (" + factors.size() + " factors)") + " is not allowed: a chain needs between 1 and "
                    + MAX_FACTORS + " factors");
            return Optional.empty();
        }
        List<Part> parts = new ArrayList<>();
        List<ProductShape.Factor> shapes = new ArrayList<>();
        for (int i = 0; i < factors.size(); i++) {
            Checks factor = checks.nested("factors", i, "factor " + (i + 1) + ": ");
            Optional<Part> part = part(factor);
            if (part.isPresent()) {
                parts.add(part.get());
                shapes.add(new ProductShape.Factor("factor" + (i + 1), "factor " + (i + 1) + ": "
                        + title(factor.attributes(), part.get()), shape(factor.attributes(), part.get(), i + 1)));
            }
        }
        if (checks.failed() || !baseOk) {
            return Optional.empty();
        }
        ProductShape product = new ProductShape(NamedConstant.ofDouble("BASE_LR", attributes.doubleValue("baseLr"),
                "baseLr"), shapes);
        long warmup = parts.stream().filter(Part::rises).mapToLong(Part::length).max().orElse(0);
        ChainedModel model = new ChainedModel(List.copyOf(parts), product, warmup, attributes);
        return checks.failed() ? Optional.empty() : Optional.of(model);
    }

    /** The checks of one {@code @Factor}, and what it is if they pass. */
    private static Optional<Part> part(Checks f) {
        Attributes a = f.attributes();
        FactorShape kind = FactorShape.valueOf(a.enumValue("shape"));
        Set<String> used = used(kind);
        for (String attribute : a.names()) {
            if (!attribute.equals("shape") && !used.contains(attribute)) {
                f.unused(attribute, "shape = FactorShape." + kind + " does not use it; remove it");
            }
        }
        boolean ok = true;
        long steps = a.longValue("steps");
        if (used.contains("steps")) {
            ok &= required(f, kind, "steps", "the number of steps the factor changes over, PyTorch's "
                    + (kind == FactorShape.COSINE ? "T_max" : "total_iters"))
                    && f.check(steps > 0, "steps", "the factor's length must be > 0 steps");
        }
        if (used.contains("endFactor") && a.isSet("endFactor")) {
            double end = a.doubleValue("endFactor");
            ok &= f.check(end >= 0 && end <= 1, "endFactor", "the end factor must be in [0, 1]");
        }
        List<Long> keySteps = List.of();
        boolean rises = false;
        switch (kind) {
            case CONSTANT -> {
                double factor = a.doubleValue("factor");
                ok &= required(f, kind, "factor", "the factor in [0, 1] of the first steps, PyTorch's factor")
                        && f.check(factor >= 0 && factor <= 1, "factor", "ConstantLR's factor must be in [0, 1]");
                rises = factor < 1;
                identity(f, "factor", factor == 1);
            }
            case LINEAR -> {
                double start = a.doubleValue("startFactor");
                ok &= required(f, kind, "startFactor", "the factor at step 0 in (0, 1], PyTorch's start_factor")
                        && f.check(start > 0 && start <= 1, "startFactor",
                                "LinearLR's start factor must be in (0, 1]");
                rises = start < endFactor(a, 1.0);
                identity(f, "startFactor", start == 1 && endFactor(a, 1.0) == 1);
            }
            case EXP -> {
                ok &= required(f, kind, "gamma", "the factor per step in (0, 1], PyTorch's gamma")
                        && gamma(f, "the factor per step");
                identity(f, "gamma", a.doubleValue("gamma") == 1);
            }
            case STEP -> {
                long stepSize = a.longValue("stepSize");
                ok &= gamma(f, "the factor per drop");
                ok &= required(f, kind, "stepSize", "the number of steps between drops")
                        && f.check(stepSize > 0, "stepSize", "the number of steps between drops must be > 0");
                identity(f, "gamma", gammaOr(a, 0.1) == 1);
                if (stepSize > 0) {
                    keySteps = stepSize <= Long.MAX_VALUE / 2 ? List.of(stepSize, 2 * stepSize) : List.of(stepSize);
                }
            }
            case MULTISTEP -> {
                ok &= gamma(f, "the factor per milestone");
                boolean milestonesOk = milestones(f, kind);
                ok &= milestonesOk;
                identity(f, "gamma", gammaOr(a, 0.1) == 1);
                if (milestonesOk) {
                    keySteps = a.longs("milestones").stream().limit(4).toList();
                }
            }
            case POLY -> ok &= f.check(Double.isFinite(a.doubleValue("power")) && a.doubleValue("power") > 0, "power",
                    "the exponent of the polynomial must be finite and > 0");
            case COSINE -> identity(f, "endFactor", endFactor(a, 0.0) == 1);
        }
        return ok ? Optional.of(new Part(kind, used.contains("steps") ? steps : 0, keySteps, rises))
                : Optional.empty();
    }

    /** Reports that {@code attribute} is missing, on {@code shape}, unless it is set. */
    private static boolean required(Checks f, FactorShape kind, String attribute, String what) {
        return f.attributes().isSet(attribute) || f.checkWith(false, "shape", attribute + " is required with shape = "
                + "FactorShape." + kind + ": set " + attribute + " to " + what);
    }

    /** gamma, if set, in (0, 1]. */
    private static boolean gamma(Checks f, String what) {
        double gamma = f.attributes().doubleValue("gamma");
        return !f.attributes().isSet("gamma") || f.check(gamma > 0 && gamma <= 1, "gamma", what + " must be in (0, 1]");
    }

    /** Warns that a factor is 1 at every step, which changes nothing. */
    private static void identity(Checks f, String attribute, boolean identity) {
        if (identity) {
            f.warning(attribute, attribute + " = " + f.attributes().show(attribute) + " makes this factor 1 at every "
                    + "step: it leaves the rate unchanged");
        }
    }

    private static boolean milestones(Checks f, FactorShape kind) {
        if (!required(f, kind, "milestones", "the steps at which the factor is multiplied by gamma")) {
            return false;
        }
        List<Long> milestones = f.attributes().longs("milestones");
        String allowed = "milestones must be strictly increasing steps >= 0, at most " + MAX_MILESTONES
                + " of them; ";
        if (milestones.isEmpty()) {
            return f.check(false, "milestones", allowed + "give at least one");
        }
        if (milestones.size() > MAX_MILESTONES) {
            return f.check(false, "milestones", allowed + "there are " + milestones.size());
        }
        if (milestones.get(0) < 0) {
            return f.check(false, "milestones", allowed + milestones.get(0) + " is negative");
        }
        for (int i = 1; i < milestones.size(); i++) {
            if (milestones.get(i) <= milestones.get(i - 1)) {
                return f.check(false, "milestones", allowed + milestones.get(i) + " follows " + milestones.get(i - 1));
            }
        }
        return true;
    }

    private static double gammaOr(Attributes a, double unset) {
        return a.isSet("gamma") ? a.doubleValue("gamma") : unset;
    }

    private static double endFactor(Attributes a, double unset) {
        return a.isSet("endFactor") ? a.doubleValue("endFactor") : unset;
    }

    /** The factor in words, for its method's Javadoc and the class's summary. */
    private static String title(Attributes a, Part part) {
        String n = Long.toString(part.length());
        return switch (part.kind()) {
            case CONSTANT -> "constant " + a.show("factor") + " for " + n + " steps, then 1";
            case LINEAR -> "linear " + a.show("startFactor") + " -> " + Literals.ofDouble(endFactor(a, 1.0)) + " over "
                    + n + " steps, then " + Literals.ofDouble(endFactor(a, 1.0));
            case EXP -> "exponential, times " + a.show("gamma") + " every step";
            case STEP -> "step, times " + Literals.ofDouble(gammaOr(a, 0.1)) + " every " + a.show("stepSize")
                    + " steps";
            case MULTISTEP -> "multi-step, times " + Literals.ofDouble(gammaOr(a, 0.1)) + " at each of "
                    + a.longs("milestones").size() + (a.longs("milestones").size() == 1 ? " milestone" : " milestones");
            case POLY -> "polynomial 1 -> 0 over " + n + " steps, power " + a.show("power") + ", then 0";
            case COSINE -> "cosine 1 -> " + Literals.ofDouble(endFactor(a, 0.0)) + " over " + n + " steps, then "
                    + Literals.ofDouble(endFactor(a, 0.0));
        };
    }

    /** The shape of factor {@code k} (from 1): a shape of the family, with factors for rates. */
    private static Shape shape(Attributes a, Part part, int k) {
        String prefix = "FACTOR_" + k + "_";
        String n = "N";
        Span span = part.length() == 0 ? null : new Span(Span.Bound.ZERO, Span.Bound.of(NamedConstant.ofLong(
                prefix + "STEPS", part.length(), "N, the steps over which factor " + k + " changes"), "N"));
        return switch (part.kind()) {
            case CONSTANT -> new HeldShape(new ConstantShape(a.doubleValue("factor"), names(prefix, "1",
                    "factor", n)), span, held(prefix, 1.0, k));
            case LINEAR -> {
                double start = a.doubleValue("startFactor");
                double end = endFactor(a, 1.0);
                yield new HeldShape(new LinearShape(start, end, span, names(prefix, "startFactor", "endFactor", n)),
                        span, held(prefix, end, k));
            }
            case EXP -> {
                double gamma = a.doubleValue("gamma");
                String g = Literals.ofDouble(gamma);
                yield new ExponentialShape(1.0, ExponentialShape.logOf(gamma), false, Span.from(Span.Bound.ZERO),
                        names(prefix, "1, the factor at step 0", "0", n), "gamma^{u}", "ln(gamma) = ln(" + g + ")");
            }
            case STEP -> new StepShape(1.0, gammaOr(a, 0.1), a.longValue("stepSize"), Span.from(Span.Bound.ZERO),
                    names(prefix, "1", "0", n));
            case MULTISTEP -> MultiStepShape.of(a.longs("milestones").stream().mapToLong(Long::longValue).toArray(),
                    1.0, gammaOr(a, 0.1), names(prefix, "1", "0", n));
            case POLY -> new HeldShape(new PolynomialShape(1.0, 0.0, a.doubleValue("power"), span,
                    names(prefix, "1", "0", n)), span, held(prefix, 0.0, k));
            case COSINE -> {
                double end = endFactor(a, 0.0);
                yield new HeldShape(new CosineShape(1.0, end, span, names(prefix, "1",
                        end == 0 ? "0" : "endFactor", n)), span, held(prefix, end, k));
            }
        };
    }

    /**
     * The names of a factor's constants, {@code FACTOR_1_SLOPE}; a rate's roles name factors here
     * ({@code START_LR} is {@code FACTOR_1_START}).
     */
    private static Names names(String prefix, String a, String b, String length) {
        return new Names(role -> prefix + switch (role) {
            case "LR" -> "VALUE";
            case "START_LR" -> "START";
            case "END_LR" -> "END";
            default -> role.replace("LR_AFTER_", "AFTER_");
        }, "", a, b, "t", length);
    }

    private static NamedConstant held(String prefix, double value, int k) {
        return NamedConstant.ofDouble(prefix + "END", value, Literals.ofDouble(value) + ", factor " + k
                + " from N on");
    }

    @Override
    public double at(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        return product.at(step);
    }

    /** baseLr, which the factors multiply. */
    @Override
    public double peakLr() {
        return attributes().doubleValue("baseLr");
    }

    @Override
    public String scaleAttribute() {
        return "factors";
    }

    @Override
    public String summary() {
        List<String> titles = product.factors().stream().map(f -> f.title().substring(f.title().indexOf(": ") + 2))
                .toList();
        return "baseLr " + attributes.show("baseLr") + " times " + parts.size()
                + (parts.size() == 1 ? " factor" : " factors") + ", each from step 0 (" + String.join("; ", titles)
                + ")";
    }

    @Override
    public List<FormulaRow> formulaRows() {
        List<FormulaRow> rows = new ArrayList<>();
        rows.add(new FormulaRow("t >= 0", product.formula(), product.computation()));
        for (ProductShape.Factor factor : product.factors()) {
            String label = factor.title().substring(0, factor.title().indexOf(':'));
            if (factor.shape() instanceof HeldShape held) {
                long n = held.span().end().whole();
                rows.add(new FormulaRow(label + ", t < " + n, held.shape().formula(), held.shape().computation()));
                rows.add(new FormulaRow(label + ", t >= " + n, Literals.ofDouble((Double) held.held().value()),
                        held.held().name()));
            } else {
                rows.add(new FormulaRow(label + ", t >= 0", factor.shape().formula(), factor.shape().computation()));
            }
        }
        return rows;
    }

    /** Step 0, where each factor that changes over N steps ends, each milestone and drop, and the end of change. */
    @Override
    public List<Landmark> landmarks(long runEnd) {
        List<Landmark> landmarks = new ArrayList<>(List.of(Landmark.part(0, "baseLr times the factors", "factors")));
        List<Attributes> factors = attributes.nested("factors");
        boolean ends = true;
        long last = 0;
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            String path = "factors[" + i + "].";
            switch (part.kind()) {
                case MULTISTEP -> {
                    ends = false; // its last rate is where its milestones leave it, not an end reached over steps
                    List<Long> milestones = factors.get(i).longs("milestones");
                    for (int j = 0; j < milestones.size(); j++) {
                        landmarks.add(Landmark.part(milestones.get(j), "factor " + (i + 1) + ": milestone "
                                + milestones.get(j), path + "milestones[" + j + "]"));
                    }
                }
                case STEP -> {
                    ends = false;
                    int factor = i + 1;
                    Landmark.repeated(landmarks, 0, factors.get(i).longValue("stepSize"), runEnd, Long.MAX_VALUE,
                            (k, step) -> Landmark.part(step, "factor " + factor + ": drop " + k, path + "stepSize"));
                }
                case EXP -> ends = false;
                default -> {
                    if (part.length() > 0) {
                        landmarks.add(Landmark.end(part.length(), "factor " + (i + 1) + " ends", path + "steps"));
                        last = Math.max(last, part.length());
                    }
                }
            }
        }
        if (ends && last > 0) {
            landmarks.add(Landmark.held(last, "final rate held", "factors"));
        }
        landmarks.sort(java.util.Comparator.comparingLong(Landmark::step));
        return landmarks;
    }

    @Override
    public Optional<String> warmupAttribute() {
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).rises() && parts.get(i).length() == warmupSteps && warmupSteps > 0) {
                return Optional.of("factors[" + i + "].steps");
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> decayAttribute() {
        // factors that only rise, or hold, do not mean to decay
        return parts.stream().anyMatch(p -> !p.rises() && p.kind() != FactorShape.CONSTANT) ? Optional.of("factors")
                : Optional.empty();
    }

    /** 0, the middle, last and end step of each factor that changes over N steps, the first drops and milestones. */
    @Override
    public List<Long> keySteps() {
        TreeSet<Long> steps = new TreeSet<>(List.of(0L));
        for (Part part : parts) {
            if (part.length() > 0) {
                steps.add(part.length() / 2);
                steps.add(part.length() - 1);
                steps.add(part.length());
            }
            steps.addAll(part.keySteps());
        }
        return List.copyOf(steps);
    }

    /** Where each factor that changes over N steps ends. */
    @Override
    public List<SvgPlot.Marker> markers() {
        List<SvgPlot.Marker> markers = new ArrayList<>();
        for (int i = 0; i < parts.size() && markers.size() < 8; i++) {
            if (parts.get(i).length() > 0) {
                markers.add(new SvgPlot.Marker(parts.get(i).length(), "factor " + (i + 1) + " ends"));
            }
        }
        return markers;
    }

    /** Past every key step; for a chain of decays without end, far enough to see them decay. */
    @Override
    public long plotEnd() {
        long end = ProductModel.super.plotEnd();
        for (ProductShape.Factor factor : product.factors()) {
            if (factor.shape() instanceof ExponentialShape exp && exp.logRate() < 0) {
                // where gamma^t reaches 5 %
                end = Math.max(end, (long) Math.min(1e15, Math.ceil(StrictMath.log(0.05) / exp.logRate())));
            }
        }
        return end;
    }
}
