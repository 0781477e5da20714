package dev.warmup.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.warmup.Framework;
import dev.warmup.PlateauLr;
import dev.warmup.PlateauMode;
import dev.warmup.PlateauState;
import dev.warmup.ThresholdMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes a {@link PlateauModel} as the source of a final class implementing {@link PlateauLr}: the rule's settings as
 * constants, the five changing values of {@link PlateauState} as fields (its fingerprint a constant), and {@code observe} as PyTorch's
 * {@code ReduceLROnPlateau.step} in its order of operations, with no allocation. The warmup's code is the
 * {@link LinearShape}'s, as in every other generated class.
 */
final class PlateauWriter {

    private PlateauWriter() {}

    /** A constant of the rule: its type, name, value as source, and how it was computed. */
    private record RuleConstant(TypeName type, String name, String literal, String doc) {}

    /** As {@link ScheduleWriter#write}, for a plateau schedule; {@code frameworks} is empty or DJL. */
    static JavaFile write(PlateauModel model, ClassName target, String source, Element origin,
            Optional<ClassName> generated, Set<String> shadowing, Set<Framework> frameworks, Optional<String> twin) {
        Code code = new Code();
        MethodSpec lrOfStep = lrOfStep(model, code);
        List<RuleConstant> rule = ruleConstants(model);
        List<NamedConstant> warmupConstants = code.constants();
        String annotation = model.attributes().annotationText(model.defaultsUsed());

        TypeSpec.Builder type = ScheduleWriter.qualifying(TypeSpec.classBuilder(target), shadowing)
                .addOriginatingElement(origin)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(PlateauLr.class)
                .addJavadoc("$L", classJavadoc(model, rule, warmupConstants, source, annotation)
                        + ScheduleWriter.twinJavadoc(twin, target));
        generated.ifPresent(a -> type.addAnnotation(ScheduleWriter.generatedAnnotation(a,
                model.attributes().annotationText(), source)));

        type.addField(ScheduleWriter.fingerprintField(Fingerprint.of(model.attributes().settingsText())));
        type.addField(FieldSpec.builder(PlateauState.class, "INITIAL_STATE", Modifier.PUBLIC, Modifier.STATIC,
                        Modifier.FINAL)
                .addJavadoc("The state of a new instance: {@code restore(INITIAL_STATE)} starts the run over.\n")
                .initializer("new $T(FINGERPRINT, $L, $L, 0, 0, 0L)", PlateauState.class,
                        Literals.ofDouble(model.initLr()), bestLiteral(model))
                .build());
        for (RuleConstant constant : rule) {
            type.addField(FieldSpec.builder(constant.type(), constant.name(), Modifier.PRIVATE, Modifier.STATIC,
                            Modifier.FINAL)
                    .initializer("$L", constant.literal())
                    .build());
        }
        for (NamedConstant constant : warmupConstants) {
            type.addField(ScheduleWriter.constantField(constant, constant.literal()));
        }
        type.addField(FieldSpec.builder(TypeName.DOUBLE, "lr", Modifier.PRIVATE).initializer("INIT_LR").build());
        type.addField(FieldSpec.builder(TypeName.DOUBLE, "best", Modifier.PRIVATE)
                .initializer("$L", bestLiteral(model))
                .build());
        type.addField(FieldSpec.builder(TypeName.INT, "badEvaluations", Modifier.PRIVATE).build());
        type.addField(FieldSpec.builder(TypeName.INT, "cooldownLeft", Modifier.PRIVATE).build());
        type.addField(FieldSpec.builder(TypeName.LONG, "evaluations", Modifier.PRIVATE).build());

        type.addMethod(MethodSpec.constructorBuilder()
                .addJavadoc("A new run of the schedule, in {@link #INITIAL_STATE}.\n")
                .addModifiers(Modifier.PUBLIC)
                .build());
        type.addMethod(lrOfStep);
        type.addMethod(MethodSpec.methodBuilder("lr")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.DOUBLE)
                .addStatement("return lr")
                .build());
        type.addMethod(observe(model, code));
        type.addMethod(MethodSpec.methodBuilder("state")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(PlateauState.class)
                .addStatement("return new $T(FINGERPRINT, lr, best, badEvaluations, cooldownLeft, evaluations)",
                        PlateauState.class)
                .build());
        type.addMethod(restore(model));
        type.addMethod(ScheduleWriter.fingerprintMethod());
        type.addMethod(MethodSpec.methodBuilder("warmupSteps")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.LONG)
                .addStatement("return $L", model.warmupSteps() > 0 ? "WARMUP_STEPS" : Literals.ofLong(0))
                .build());
        type.addMethod(MethodSpec.methodBuilder("peakLr")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.DOUBLE)
                .addStatement("return INIT_LR")
                .build());
        type.addMethod(MethodSpec.methodBuilder("toString")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement("return $S + state()", target.simpleName() + " " + annotation + " ")
                .build());
        type.addMethods(code.methods());
        FrameworkAdapters.addTo(type, target, frameworks, List.of(), false);

        return JavaFile.builder(target.packageName(), type.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    private static CodeBlock bestLiteral(PlateauModel model) {
        return CodeBlock.of(model.mode() == PlateauMode.MIN ? "$T.POSITIVE_INFINITY" : "$T.NEGATIVE_INFINITY",
                Double.class);
    }

    /** The rule's constants, in the order of PyTorch's arguments; only those {@code observe} uses. */
    private static List<RuleConstant> ruleConstants(PlateauModel model) {
        List<RuleConstant> constants = new ArrayList<>();
        constants.add(new RuleConstant(TypeName.DOUBLE, "INIT_LR", Literals.ofDouble(model.initLr()),
                "initLr: the rate before the first reduction"));
        constants.add(new RuleConstant(TypeName.DOUBLE, "FACTOR", Literals.ofDouble(model.factor()),
                "factor: what each reduction multiplies the rate by"));
        constants.add(new RuleConstant(TypeName.INT, "PATIENCE", Integer.toString(model.patience()),
                "patience: the rate drops at the next bad evaluation after this many in a row"));
        if (model.thresholdMode() == ThresholdMode.REL) {
            constants.add(new RuleConstant(TypeName.DOUBLE, "REL_EPSILON", Literals.ofDouble(model.relEpsilon()),
                    (model.mode() == PlateauMode.MIN ? "1 - threshold" : "threshold + 1")
                            + ", as PyTorch rounds its rel_epsilon"));
        } else {
            constants.add(new RuleConstant(TypeName.DOUBLE, "THRESHOLD", Literals.ofDouble(model.threshold()),
                    "threshold: how much an improvement must beat the best metric by"));
        }
        constants.add(new RuleConstant(TypeName.INT, "COOLDOWN", Integer.toString(model.cooldown()),
                "cooldown: evaluations after a reduction that do not count as bad"));
        constants.add(new RuleConstant(TypeName.DOUBLE, "MIN_LR", Literals.ofDouble(model.minLr()),
                "minLr: no reduction goes below it"));
        constants.add(new RuleConstant(TypeName.DOUBLE, "EPS", Literals.ofDouble(model.eps()),
                "eps: a reduction that lowers the rate by this or less is skipped"));
        return constants;
    }

    private static MethodSpec lrOfStep(PlateauModel model, Code code) {
        CodeBlock.Builder body = CodeBlock.builder()
                .beginControlFlow("if (step < 0)")
                .addStatement("throw new $T($S + step)", IllegalArgumentException.class, "step must be >= 0, was ")
                .endControlFlow();
        if (model.warmupSteps() > 0) {
            Shape warmup = model.warmup();
            body.beginControlFlow("if (step < $N)", code.use(model.warmupStepsConstant()))
                    .add("// linear warmup: $L\n", warmup.formula())
                    .add(warmup.code(code))
                    .endControlFlow();
        }
        body.addStatement("return lr");
        return MethodSpec.methodBuilder("lr")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.DOUBLE)
                .addParameter(TypeName.LONG, "step")
                .addCode(body.build())
                .build();
    }

    private static String improvementCode(PlateauModel model) {
        boolean min = model.mode() == PlateauMode.MIN;
        return model.thresholdMode() == ThresholdMode.REL
                ? (min ? "metric < best * REL_EPSILON" : "metric > best * REL_EPSILON")
                : (min ? "metric < best - THRESHOLD" : "metric > best + THRESHOLD");
    }

    private static MethodSpec observe(PlateauModel model, Code code) {
        CodeBlock.Builder body = CodeBlock.builder()
                .beginControlFlow("if (step < 0)")
                .addStatement("throw new $T($S + step)", IllegalArgumentException.class, "step must be >= 0, was ")
                .endControlFlow();
        if (model.warmupSteps() > 0) {
            body.beginControlFlow("if (step < $N)", code.use(model.warmupStepsConstant()))
                    .add("// the warmup sets the rate; the rule starts with the metric after step W\n")
                    .addStatement("return false")
                    .endControlFlow();
        }
        body.addStatement("evaluations++")
                .add("// 1. improvement ($L); NaN never improves\n", model.improvementText())
                .beginControlFlow("if ($L)", improvementCode(model))
                .addStatement("best = metric")
                .addStatement("badEvaluations = 0")
                .nextControlFlow("else")
                .addStatement("badEvaluations++")
                .endControlFlow()
                .add("// 2. cooldown: bad evaluations in cooldown do not count\n")
                .beginControlFlow("if (cooldownLeft > 0)")
                .addStatement("cooldownLeft--")
                .addStatement("badEvaluations = 0")
                .endControlFlow()
                .add("// 3. patience, then 4. the reduction; PyTorch starts the cooldown even when eps skips it\n")
                .beginControlFlow("if (badEvaluations > PATIENCE)")
                .addStatement("cooldownLeft = COOLDOWN")
                .addStatement("badEvaluations = 0")
                .addStatement("double reduced = $T.max(lr * FACTOR, MIN_LR)", Math.class)
                .beginControlFlow("if (lr - reduced > EPS)")
                .addStatement("lr = reduced")
                .addStatement("return true")
                .endControlFlow()
                .endControlFlow()
                .addStatement("return false");
        return MethodSpec.methodBuilder("observe")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.BOOLEAN)
                .addParameter(TypeName.LONG, "step")
                .addParameter(TypeName.DOUBLE, "metric")
                .addCode(body.build())
                .build();
    }

    private static MethodSpec restore(PlateauModel model) {
        String lrRange = "[" + Literals.ofDouble(model.minLr()) + ", " + Literals.ofDouble(model.initLr()) + "]";
        CodeBlock body = CodeBlock.builder()
                .addStatement("$T.requireNonNull(state, $S)", Objects.class, "state")
                .beginControlFlow("if (!state.fingerprint().equals(FINGERPRINT))")
                .addStatement("throw new $T($S + state.fingerprint() + $S + FINGERPRINT + $S + this + $S)",
                        IllegalArgumentException.class, "this state was taken from the schedule of fingerprint ",
                        ", not from this one, of fingerprint ", " (", "): restore it into a schedule of the settings it"
                                + " was saved with")
                .endControlFlow()
                .beginControlFlow("if (!(state.lr() >= MIN_LR && state.lr() <= INIT_LR))")
                .addStatement("throw new $T($S + state.lr() + $S)", IllegalArgumentException.class, "lr = ",
                        " is not allowed: a rate of this schedule is in [minLr, initLr] = " + lrRange)
                .endControlFlow()
                .beginControlFlow("if (state.badEvaluations() < 0 || state.badEvaluations() > PATIENCE)")
                .addStatement("throw new $T($S + state.badEvaluations() + $S)", IllegalArgumentException.class,
                        "badEvaluations = ", " is not allowed: after an observation it is in [0, patience] = [0, "
                                + model.patience() + "]")
                .endControlFlow()
                .beginControlFlow("if (state.cooldownLeft() < 0 || state.cooldownLeft() > COOLDOWN)")
                .addStatement("throw new $T($S + state.cooldownLeft() + $S)", IllegalArgumentException.class,
                        "cooldownLeft = ", " is not allowed: it is in [0, cooldown] = [0, " + model.cooldown() + "]")
                .endControlFlow()
                .addStatement("lr = state.lr()")
                .addStatement("best = state.best()")
                .addStatement("badEvaluations = state.badEvaluations()")
                .addStatement("cooldownLeft = state.cooldownLeft()")
                .addStatement("evaluations = state.evaluations()")
                .build();
        return MethodSpec.methodBuilder("restore")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(PlateauState.class, "state")
                .addCode(body)
                .build();
    }

    private static String classJavadoc(PlateauModel model, List<RuleConstant> rule, List<NamedConstant> warmup,
            String source, String annotation) {
        StringBuilder doc = new StringBuilder()
                .append("Learning rate of {@code ").append(source).append("}, generated from\n")
                .append("{@code ").append(ScheduleWriter.wrapNested(annotation)).append("}:\n")
                .append(model.summary()).append(".\n")
                .append("As PyTorch's {@code ").append(model.pyTorchText()).append("}")
                .append(model.warmupSteps() > 0 ? ", after the warmup" : "").append(".\n")
                .append("One instance per training run; not thread-safe. No method allocates, except {@code state()}")
                .append(" and {@code toString()}; its state is a {@link PlateauState}.\n\n");

        if (model.warmupSteps() > 0) {
            ScheduleWriter.Table formulas = new ScheduleWriter.Table("step t", "lr(t)", "computed as");
            formulas.row("0 <= t < " + model.warmupSteps(), model.warmup().formula(), model.warmup().computation());
            formulas.row("t >= " + model.warmupSteps(), "the plateau rate lr()", "lr");
            doc.append("<pre>{@code\n").append(formulas).append("}</pre>\n\n");
        }

        ScheduleWriter.Table constants = new ScheduleWriter.Table("constant", "value", "from");
        for (RuleConstant constant : rule) {
            constants.row(constant.name(), constant.literal(), constant.doc());
        }
        for (NamedConstant constant : warmup) {
            constants.row(constant.name(), constant.literal(), constant.doc());
        }
        doc.append("<p>Constants:\n<pre>{@code\n").append(constants).append("}</pre>\n\n");

        ScheduleWriter.Table fastest = new ScheduleWriter.Table("from step", "lr");
        List<Double> rates = model.fastestDecayRates(6);
        if (model.warmupSteps() > 0) {
            fastest.row("0", Literals.ofDouble(model.warmupAt(0)));
        }
        fastest.row(Long.toString(model.warmupSteps()), Literals.ofDouble(rates.get(0)));
        for (int k = 1; k < rates.size(); k++) {
            double step = model.fastestReductionStep(k);
            fastest.row(step < 0x1p63 ? Long.toString((long) step) : "(beyond Long.MAX_VALUE)",
                    Literals.ofDouble(rates.get(k)));
        }
        doc.append("<p>The fastest decay the rule allows, observed after every step with a metric that improves at")
                .append(" the first\nobservation and never again (the reductions until the rate stops changing, at")
                .append(" most six):\n<pre>{@code\n").append(fastest)
                .append("}</pre>\n");
        return doc.toString();
    }
}
