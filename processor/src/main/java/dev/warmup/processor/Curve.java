package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import dev.warmup.PhaseShape;
import java.util.ArrayList;
import java.util.List;

/**
 * One stretch of a schedule: from the rate {@code start} (a) to the rate {@code end} (b) over {@code span} (L) steps,
 * following a {@link PhaseShape}. The phases of {@code @PhasedSchedule} and of {@code @OneCycleSchedule} are curves.
 *
 * <p>As with {@link WarmupShape} and {@link DecayShape}, {@link #at} and {@link #code} perform the same operations in
 * the same order on the same constants. The caller gives the position twice, as the steps done u and the steps left
 * {@code L - u}, each computed its own way (from whole steps, or from PyTorch's fractional boundaries), in the
 * evaluator as doubles and in the code as expressions of {@code step}. Each shape computes from the end where the
 * rate is smallest, adding non-negative terms, so no digits cancel where the rate nears its low end:
 * <ul>
 *   <li>{@code LINEAR}: {@code low + slope * (u or L - u)};</li>
 *   <li>{@code COSINE}: {@code low + |b - a| * s^2}, {@code s = sin(pi / (2 L) * (u or L - u))}, equal to the cosine
 *       form by the half-angle identity;</li>
 *   <li>{@code EXPONENTIAL}: {@code high * exp(logRate * (L - u or u))}, an exponent never positive;</li>
 *   <li>{@code POLY}: falling {@code b + (a - b) * ((L - u) / L)^power}; rising
 *       {@code a + (b - a) * -expm1(power * log1p(-u / L))}, the same as {@code b - (b - a) * (1 - u / L)^power};</li>
 *   <li>{@code INV_SQRT}: {@code a * sqrt(tau / (tau + u))}.</li>
 * </ul>
 *
 * @param prefix the prefix of the curve's constants, {@code PHASE_2}
 * @param label what the curve is called in documentation, {@code phase 2}
 */
record Curve(PhaseShape shape, double start, double end, double span, double power, String prefix, String label) {

    /** Whether the rate rises along the curve; a flat curve counts as falling. */
    boolean rising() {
        return end > start;
    }

    private double low() {
        return Math.min(start, end);
    }

    private double high() {
        return Math.max(start, end);
    }

    private double amplitude() {
        return high() - low();
    }

    private double slope() {
        return amplitude() / span;
    }

    private double halfOmega() {
        return Math.PI / (2 * span);
    }

    private double inverseSpan() {
        return 1.0 / span;
    }

    /** For {@code EXPONENTIAL}: {@code (ln low - ln high) / L}, never positive. */
    private double logRate() {
        return (Math.log(low()) - Math.log(high())) / span;
    }

    /** For {@code INV_SQRT}: {@code tau = L * b^2 / (a^2 - b^2) = L / ((a / b - 1) (a / b + 1))}. */
    double tau() {
        double ratio = start / end;
        return span / ((ratio - 1) * (ratio + 1));
    }

    /** The rate at {@code u} steps into the curve, {@code left = L - u} steps before its end. */
    double at(double u, double left) {
        double towardsLow = rising() ? u : left;
        switch (shape) {
            case CONSTANT:
                return end;
            case LINEAR:
                return plusLow(slope() * towardsLow);
            case COSINE: {
                double s = Math.sin(halfOmega() * towardsLow);
                return plusLow(amplitude() * (s * s));
            }
            case EXPONENTIAL:
                return high() * Math.exp(logRate() * (rising() ? left : u));
            case POLY:
                return rising() ? plusLow(-(amplitude() * Math.expm1(power * Math.log1p(-(u * inverseSpan())))))
                        : plusLow(amplitude() * Math.pow(left * inverseSpan(), power));
            case INV_SQRT:
                return start * Math.sqrt(tau() / (tau() + u));
            default:
                throw new AssertionError(shape);
        }
    }

    /** {@code low + x}, without the addition when low is 0 (0.0 + x is x, bit for bit, for x >= +0.0). */
    private double plusLow(double x) {
        return low() == 0 ? x : low() + x;
    }

    private String plusLow(String x) {
        return low() == 0 ? x : lowName() + " + " + x;
    }

    private String lowName() {
        return prefix + (rising() ? "_START_LR" : "_END_LR");
    }

    private String name(String suffix) {
        return prefix + "_" + suffix;
    }

    /** The constants {@link #code} refers to, in declaration order. */
    List<NamedConstant> constants() {
        List<NamedConstant> constants = new ArrayList<>();
        boolean lowConstant = low() != 0 && shape != PhaseShape.CONSTANT && shape != PhaseShape.EXPONENTIAL
                && shape != PhaseShape.INV_SQRT;
        if (lowConstant) {
            constants.add(NamedConstant.ofDouble(lowName(), low(), rising() ? "a, the rate " + label + " starts at"
                    : "b, the rate " + label + " ends at"));
        }
        switch (shape) {
            case CONSTANT -> constants.add(NamedConstant.ofDouble(name("LR"), end, "b, the rate of " + label));
            case LINEAR -> constants.add(NamedConstant.ofDouble(name("SLOPE"), slope(), "|b - a| / L of " + label));
            case COSINE -> {
                constants.add(NamedConstant.ofDouble(name("AMPLITUDE"), amplitude(), "|b - a| of " + label));
                constants.add(NamedConstant.ofDouble(name("HALF_OMEGA"), halfOmega(), "pi / (2 L) of " + label));
            }
            case EXPONENTIAL -> {
                constants.add(rising() ? NamedConstant.ofDouble(name("END_LR"), end, "b, the rate " + label
                        + " ends at") : NamedConstant.ofDouble(name("START_LR"), start, "a, the rate " + label
                        + " starts at"));
                constants.add(NamedConstant.ofDouble(name("LOG_RATE"), logRate(),
                        "-|ln b - ln a| / L of " + label + ", the logarithm of its factor per step"));
            }
            case POLY -> {
                constants.add(NamedConstant.ofDouble(name("AMPLITUDE"), amplitude(), "|b - a| of " + label));
                constants.add(NamedConstant.ofDouble(name("INVERSE_SPAN"), inverseSpan(), "1 / L of " + label));
                constants.add(NamedConstant.ofDouble(name("POWER"), power, "power of " + label));
            }
            case INV_SQRT -> {
                constants.add(NamedConstant.ofDouble(name("START_LR"), start, "a, the rate " + label
                        + " starts at"));
                constants.add(NamedConstant.ofDouble(name("TAU"), tau(),
                        "L * b^2 / (a^2 - b^2) of " + label + ", its time scale"));
            }
            default -> throw new AssertionError(shape);
        }
        return constants;
    }

    /**
     * Statements that return the rate, {@code u} and {@code left} being Java expressions of {@code step} for the
     * steps done and the steps left (of type long or double, as the evaluator's doubles were computed).
     */
    CodeBlock code(String u, String left) {
        String towardsLow = rising() ? u : left;
        return switch (shape) {
            case CONSTANT -> CodeBlock.of("return $L;\n", name("LR"));
            case LINEAR -> CodeBlock.of("return $L;\n", plusLow(name("SLOPE") + " * " + towardsLow));
            case COSINE -> CodeBlock.builder()
                    .addStatement("double s = Math.sin($L * $L)", name("HALF_OMEGA"), towardsLow)
                    .addStatement("return $L", plusLow(name("AMPLITUDE") + " * (s * s)"))
                    .build();
            case EXPONENTIAL -> CodeBlock.of("return $L * Math.exp($L * $L);\n",
                    name(rising() ? "END_LR" : "START_LR"), name("LOG_RATE"), rising() ? left : u);
            case POLY -> CodeBlock.of("return $L;\n", rising()
                    ? plusLow("-(" + name("AMPLITUDE") + " * Math.expm1(" + name("POWER") + " * Math.log1p(-(" + u
                            + " * " + name("INVERSE_SPAN") + "))))")
                    : plusLow(name("AMPLITUDE") + " * Math.pow(" + left + " * " + name("INVERSE_SPAN") + ", "
                            + name("POWER") + ")"));
            case INV_SQRT -> CodeBlock.of("return $L * Math.sqrt($L / ($L + $L));\n", name("START_LR"), name("TAU"),
                    name("TAU"), u);
        };
    }

    /** What {@link #code} computes, in terms of the constants and {@code t}, for the Javadoc. */
    String computation(String u, String left) {
        String towardsLow = rising() ? u : left;
        return switch (shape) {
            case CONSTANT -> name("LR");
            case LINEAR -> plusLow(name("SLOPE") + " * " + towardsLow);
            case COSINE -> plusLow(name("AMPLITUDE") + " * sin(" + name("HALF_OMEGA") + " * " + towardsLow + ")^2");
            case EXPONENTIAL -> name(rising() ? "END_LR" : "START_LR") + " * exp(" + name("LOG_RATE") + " * "
                    + (rising() ? left : u) + ")";
            case POLY -> rising()
                    ? plusLow(name("AMPLITUDE") + " * -expm1(" + name("POWER") + " * log1p(-" + u + " * "
                            + name("INVERSE_SPAN") + "))")
                    : plusLow(name("AMPLITUDE") + " * (" + left + " * " + name("INVERSE_SPAN") + ")^" + name("POWER"));
            case INV_SQRT -> name("START_LR") + " * sqrt(" + name("TAU") + " / (" + name("TAU") + " + " + u + "))";
        };
    }

    /** The shape's formula with a, b, L and power written out, {@code u} being the steps done as text. */
    String formula(String u, String spanText) {
        String template = switch (shape) {
            case CONSTANT -> "{b}";
            case LINEAR -> "{a} + ({b} - {a}) * {u} / {L}";
            case COSINE -> "{b} + ({a} - {b}) * (1 + cos(pi * {u} / {L})) / 2";
            case EXPONENTIAL -> "{a} * ({b} / {a})^({u} / {L})";
            case POLY -> "{b} + ({a} - {b}) * (1 - {u} / {L})^{p}";
            case INV_SQRT -> "{a} * sqrt(tau / (tau + {u})), tau = {L} * {b}^2 / ({a}^2 - {b}^2)";
        };
        return template.replace("{a}", Literals.ofDouble(start)).replace("{b}", Literals.ofDouble(end))
                .replace("{u}", u).replace("{L}", spanText).replace("{p}", Literals.ofDouble(power));
    }

    /** The shape's name for people: {@code linear 0.0 -> 0.001}, {@code constant 0.1}. */
    String title() {
        String name = shape.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return shape == PhaseShape.CONSTANT ? name + " " + Literals.ofDouble(end)
                : name + " " + Literals.ofDouble(start) + " -> " + Literals.ofDouble(end);
    }
}
