package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.lang.model.element.Modifier;

/**
 * A validated {@code @WarmupSchedule}: W warmup steps of one {@link WarmupShape}, then one {@link DecayShape} from
 * step W on. {@link #at(long)} is the reference evaluator; the generated {@code lr(step)} computes the same bits.
 */
record Schedule(long warmupSteps, WarmupShape warmup, DecayShape decay, Settings settings) implements ScheduleModel {

    /** The learning rate at {@code step}, exactly as the generated class computes it. */
    @Override
    public double at(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        return step < warmupSteps ? warmup.at(step) : decay.at(step);
    }

    @Override
    public String annotationText() {
        return settings.annotationText();
    }

    @Override
    public String warmupStepsExpression() {
        return "WARMUP_STEPS";
    }

    /** Every constant of the generated class, in declaration order; warmup and decay may share one. */
    @Override
    public List<NamedConstant> constants() {
        Map<String, NamedConstant> byName = new LinkedHashMap<>();
        byName.put("WARMUP_STEPS", NamedConstant.ofLong("WARMUP_STEPS", warmupSteps, "steps: the warmup length W"));
        List<NamedConstant> all = new ArrayList<>(warmup.constants());
        all.addAll(decay.constants());
        for (NamedConstant constant : all) {
            NamedConstant before = byName.putIfAbsent(constant.name(), constant);
            if (before != null && !before.literal().equals(constant.literal())) {
                throw new IllegalStateException(constant.name() + " defined twice: " + before + ", " + constant);
            }
        }
        return List.copyOf(byName.values());
    }

    @Override
    public List<FillCode.Table> tables() {
        List<FillCode.Table> tables = new ArrayList<>(warmup.tables());
        tables.addAll(decay.tables());
        return tables;
    }

    @Override
    public CodeBlock lrBody() {
        CodeBlock.Builder body = CodeBlock.builder();
        if (warmupSteps > 0) {
            body.beginControlFlow("if (step < WARMUP_STEPS)")
                    .add("// $L: $L\n", warmup.title(), warmup.formula())
                    .add(warmup.code())
                    .endControlFlow();
        }
        return body.add("// $L: $L\n", decay.title(), decay.formula()).add(decay.code()).build();
    }

    @Override
    public CodeBlock fillBody() {
        if (warmupSteps == 0) {
            return CodeBlock.builder().addStatement("fillDecay(out, 0, n, fromStep)").build();
        }
        return CodeBlock.builder()
                .addStatement("int warmupEnd = fromStep >= WARMUP_STEPS ? 0 : (int) Math.min(n, WARMUP_STEPS - fromStep)")
                .addStatement("fillWarmup(out, 0, warmupEnd, fromStep)")
                .addStatement("fillDecay(out, warmupEnd, n, fromStep + warmupEnd)")
                .build();
    }

    @Override
    public List<MethodSpec> fillMethods() {
        List<MethodSpec> methods = new ArrayList<>();
        if (warmupSteps > 0) {
            methods.add(fillPart("fillWarmup", warmup.fill()));
        }
        methods.add(fillPart("fillDecay", decay.fill()));
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
        return "Fills {@code out} with {@code lr(fromStep + i)}, faster than calling {@code lr}: "
                + "closed forms without a\ntranscendental call, runs of equal values, and, for exponential "
                + "and cosine shapes, one anchor per\n{@code FILL_BLOCK} steps computed as {@code lr} "
                + "computes it, times tabulated powers or rotations. Every value\nis within a few ulps of "
                + "{@code lr(fromStep + i)}.\n";
    }

    @Override
    public String summary() {
        String scaled = settings.isScaled() ? " (initLr scaled by the linear scaling rule: "
                + settings.scalingText() + ")" : "";
        return (warmupSteps > 0 ? warmup.title() + " over " + warmupSteps + " steps, then " : "") + decay.title()
                + scaled;
    }

    @Override
    public List<FormulaRow> formulaRows() {
        List<FormulaRow> rows = new ArrayList<>();
        if (warmupSteps > 0) {
            rows.add(new FormulaRow("0 <= t < " + warmupSteps, warmup.formula(), warmup.computation()));
        }
        rows.add(new FormulaRow("t >= " + warmupSteps, decay.formula(), decay.computation()));
        return rows;
    }

    /** Steps worth showing in the Javadoc: the start, around the end of warmup, and the decay's landmarks. */
    /** The end of warmup, and where the decay changes: T, or the milestones (the first four). */
    @Override
    public List<SvgPlot.Marker> markers() {
        List<SvgPlot.Marker> markers = new ArrayList<>(ScheduleModel.super.markers());
        if (decay instanceof DecayShape.Cosine c) {
            markers.add(new SvgPlot.Marker(c.totalSteps(), "T = " + c.totalSteps()));
        } else if (decay instanceof DecayShape.Linear l) {
            markers.add(new SvgPlot.Marker(l.totalSteps(), "T = " + l.totalSteps()));
        } else if (decay instanceof DecayShape.Poly p) {
            markers.add(new SvgPlot.Marker(p.totalSteps(), "T = " + p.totalSteps()));
        } else if (decay instanceof DecayShape.MultiStep m) {
            for (long milestone : m.milestones().subList(0, Math.min(4, m.milestones().size()))) {
                markers.add(new SvgPlot.Marker(milestone, "milestone " + milestone));
            }
        }
        return markers;
    }

    @Override
    public List<Long> keySteps() {
        TreeSet<Long> steps = ScheduleModel.warmupKeySteps(warmupSteps);
        steps.addAll(decay.keySteps());
        return List.copyOf(steps);
    }
}
