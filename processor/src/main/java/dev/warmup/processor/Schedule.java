package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.warmup.Decay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import javax.lang.model.element.Modifier;

/**
 * A validated {@code @WarmupSchedule}: W warmup steps of one {@link Shape}, then a decay shape from step W on; a
 * decay that reaches minLr at T holds it from T on. {@link #at(long)} is the reference evaluator; the generated
 * {@code lr(step)} computes the same bits.
 *
 * @param warmup the warmup over {@code [0, W)}, null when W = 0
 * @param decay the decay from W on, up to T if {@code totalSteps} is set
 * @param totalSteps T, for a decay that reaches minLr there; null for one without end
 */
record Schedule(long warmupSteps, Shape warmup, Shape decay, NamedConstant totalSteps, double minLr,
        Settings settings) implements ScheduleModel {

    /** The constant W. */
    static NamedConstant warmupStepsConstant(long warmupSteps) {
        return NamedConstant.ofLong("WARMUP_STEPS", warmupSteps, "steps: the warmup length W");
    }

    /** Warmup constants: {@code START_LR}, {@code WARMUP_SLOPE}; its end rate is {@code INIT_LR}. */
    static final UnaryOperator<String> WARMUP_NAMES = role -> switch (role) {
        case "START_LR", "LR" -> "START_LR";
        case "END_LR" -> "INIT_LR";
        case "FACTORS" -> "WARMUP_GROWTH";
        default -> "WARMUP_" + role;
    };

    /** Decay constants: {@code INIT_LR}, {@code MIN_LR}, {@code DECAY_SLOPE}, {@code DECAY_LOG_GAMMA}, .... */
    static final UnaryOperator<String> DECAY_NAMES = role -> {
        if (role.startsWith("MILESTONE") || role.startsWith("LR_AFTER_MILESTONE") || role.equals("RATES")
                || role.equals("STEP_SIZE")) {
            return role;
        }
        return switch (role) {
            case "START_LR", "LR" -> "INIT_LR";
            case "END_LR" -> "MIN_LR";
            case "LOG_START_LR" -> "LOG_INIT_LR";
            case "LOG_RATE" -> "DECAY_LOG_GAMMA";
            case "FACTORS" -> "DECAY_GAMMA_POWERS";
            default -> "DECAY_" + role;
        };
    };

    static final Names WARMUP = new Names(WARMUP_NAMES, "", "startLr", "initLr", "t", "W");
    static final Names DECAY = new Names(DECAY_NAMES, "", "initLr", "minLr", "(t - W)", "(T - W)");

    /** The learning rate at {@code step}, exactly as the generated class computes it. */
    @Override
    public double at(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        if (step < warmupSteps) {
            return warmup.at(step);
        }
        return totalSteps != null && step >= (Long) totalSteps.value() ? minLr : decay.at(step);
    }

    private NamedConstant minLrConstant() {
        return NamedConstant.ofDouble("MIN_LR", minLr, "minLr");
    }

    @Override
    public String annotationText() {
        return settings.annotationText();
    }

    @Override
    public CodeBlock warmupStepsExpression(Code code) {
        return CodeBlock.of("$N", code.use(warmupStepsConstant(warmupSteps)));
    }

    private String warmupTitle() {
        return warmup.kind() + " warmup";
    }

    private String decayTitle() {
        return settings.decay() == Decay.NONE ? "no decay" : decay.kind() + " decay";
    }

    @Override
    public CodeBlock lrBody(Code code) {
        CodeBlock.Builder body = CodeBlock.builder();
        if (warmup != null) {
            body.beginControlFlow("if (step < $N)", code.use(warmupStepsConstant(warmupSteps)))
                    .add("// $L: $L\n", warmupTitle(), warmup.formula())
                    .add(warmup.code(code))
                    .endControlFlow();
        }
        body.add("// $L: $L\n", decayTitle(), decay.formula());
        if (totalSteps != null) {
            body.beginControlFlow("if (step >= $N)", code.use(totalSteps))
                    .addStatement("return $N", code.use(minLrConstant()))
                    .endControlFlow();
        }
        return body.add(decay.code(code)).build();
    }

    @Override
    public CodeBlock fillBody(Code code) {
        CodeBlock.Builder body = CodeBlock.builder();
        String decayFrom = "0";
        String decayFirstStep = "fromStep";
        if (warmup != null) {
            body.addStatement("int warmupEnd = fromStep >= $N ? 0 : (int) $T.min(n, $N - fromStep)",
                            code.use(warmupStepsConstant(warmupSteps)), Math.class,
                            code.use(warmupStepsConstant(warmupSteps)))
                    .addStatement("fillWarmup(out, 0, warmupEnd, fromStep)");
            decayFrom = "warmupEnd";
            decayFirstStep = "fromStep + warmupEnd";
        }
        if (totalSteps == null) {
            return body.addStatement("fillDecay(out, $L, n, $L)", decayFrom, decayFirstStep).build();
        }
        String t = code.use(totalSteps);
        return body.addStatement("int decayEnd = fromStep >= $N ? 0 : (int) $T.min(n, $N - fromStep)", t, Math.class,
                        t)
                .addStatement("fillDecay(out, $L, decayEnd, $L)", decayFrom, decayFirstStep)
                .addStatement("$T.fill(out, decayEnd, n, $N)", Arrays.class, code.use(minLrConstant()))
                .build();
    }

    @Override
    public List<MethodSpec> fillMethods(Code code) {
        List<MethodSpec> methods = new ArrayList<>();
        if (warmup != null) {
            methods.add(fillPart("fillWarmup", warmup.fill(code)));
        }
        methods.add(fillPart("fillDecay", decay.fill(code)));
        return methods;
    }

    /** {@code out[from, to)} gets the rates of steps {@code firstStep, firstStep + 1, ...} of one part. */
    private static MethodSpec fillPart(String name, CodeBlock code) {
        return MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE)
                .addParameter(double[].class, "out")
                .addParameter(TypeName.INT, "from")
                .addParameter(TypeName.INT, "to")
                .addParameter(TypeName.LONG, "firstStep")
                .addCode(code)
                .build();
    }

    @Override
    public String fillJavadoc() {
        int ulps = shapes().stream().mapToInt(Shape::fillUlps).max().orElse(0);
        return "Fills {@code out} with {@code lr(fromStep + i)}, faster than calling {@code lr}: closed forms without a\n"
                + "transcendental call, runs of equal values, and, for exponential and cosine shapes, one anchor per\n"
                + "{@code FILL_BLOCK} steps computed as {@code lr} computes it, times tabulated factors. "
                + (ulps == 0 ? "Every value is\n{@code lr(fromStep + i)}, bit for bit.\n"
                        : "Every value is\nwithin " + ulps + " ulps of {@code lr(fromStep + i)}.\n");
    }

    @Override
    public List<Shape> shapes() {
        return warmup == null ? List.of(decay) : List.of(warmup, decay);
    }

    @Override
    public String summary() {
        String scaled = settings.isScaled() ? " (initLr scaled by the linear scaling rule: "
                + settings.scalingText() + ")" : "";
        return (warmup != null ? warmupTitle() + " over " + warmupSteps + " steps, then " : "") + decayTitle()
                + scaled;
    }

    @Override
    public List<FormulaRow> formulaRows() {
        List<FormulaRow> rows = new ArrayList<>();
        if (warmup != null) {
            rows.add(new FormulaRow("0 <= t < " + warmupSteps, warmup.formula(), warmup.computation()));
        }
        rows.add(new FormulaRow("t >= " + warmupSteps, decay.formula(), decay.computation()));
        return rows;
    }

    /** The end of warmup, and where the decay changes: T, or the milestones (the first four). */
    @Override
    public List<SvgPlot.Marker> markers() {
        List<SvgPlot.Marker> markers = new ArrayList<>(ScheduleModel.super.markers());
        if (totalSteps != null) {
            markers.add(new SvgPlot.Marker((Long) totalSteps.value(), "T = " + totalSteps.value()));
        } else if (decay instanceof MultiStepShape m) {
            for (long milestone : m.milestones().subList(0, Math.min(4, m.milestones().size()))) {
                markers.add(new SvgPlot.Marker(milestone, "milestone " + milestone));
            }
        }
        return markers;
    }

    /** Steps worth showing in the Javadoc: the start, around the end of warmup, and the decay's landmarks. */
    @Override
    public List<Long> keySteps() {
        TreeSet<Long> steps = ScheduleModel.warmupKeySteps(warmupSteps);
        steps.addAll(decayKeySteps());
        return List.copyOf(steps);
    }

    private List<Long> decayKeySteps() {
        long w = warmupSteps;
        if (totalSteps != null) {
            long t = (Long) totalSteps.value();
            return List.of(w, w + (t - w) / 2, t - 1, t);
        }
        return switch (settings.decay()) {
            case EXP -> {
                double logGamma = Math.log(settings.isSet("gamma") ? settings.gamma() : 0.9999);
                // Where the rate has halved, and where it has fallen to a tenth.
                yield logGamma == 0 ? after(w, 0)
                        : after(w, 0, 1, Math.round(Math.log(0.5) / logGamma), Math.round(Math.log(0.1) / logGamma));
            }
            case STEP -> after(w, 0, settings.stepSize() - 1, settings.stepSize(), 2 * settings.stepSize());
            case MULTISTEP -> {
                List<Long> steps = new ArrayList<>();
                for (long milestone : Arrays.stream(settings.milestones()).limit(4).toArray()) {
                    if (milestone > 0) {
                        steps.add(milestone - 1);
                    }
                    steps.add(milestone);
                }
                yield steps;
            }
            case INV_SQRT -> after(w, 0, 3 * w, 99 * w);
            case REPEATED_POWER -> after(w, 0, 1, 1000, 10000);
            default -> after(w, 0);
        };
    }

    private static List<Long> after(long warmupSteps, long... offsets) {
        List<Long> steps = new ArrayList<>();
        for (long offset : offsets) {
            if (offset >= 0 && warmupSteps <= Long.MAX_VALUE - offset) {
                steps.add(warmupSteps + offset);
            }
        }
        return steps;
    }
}
