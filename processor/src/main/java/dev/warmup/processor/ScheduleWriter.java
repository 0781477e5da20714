package dev.warmup.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.warmup.Boundary;
import dev.warmup.Framework;
import dev.warmup.LrRange;
import dev.warmup.StepLr;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/** Writes a {@link ScheduleModel} as the source of a final class implementing {@link StepLr}. */
final class ScheduleWriter {

    private ScheduleWriter() {}

    /**
     * @param target the generated class
     * @param source the annotated type's qualified name, for documentation
     * @param origin the annotated type, the originating element of the file
     * @param generated {@code javax.annotation.processing.Generated}, where the compilation has it
     * @param shadowing the simple names of the target's package, its own included, that are also names of
     *     {@code java.lang} types: JavaPoet writes those qualified (every type of the generated code is a {@code $T})
     * @param frameworks the frameworks of {@code @Adapters} whose interfaces the class also implements
     * @param quantities the quantities beside the rate, each a method: the schedule's own, then the
     *     {@code @Quantity} annotations'
     * @param runEnd the run's length in updates ({@code @RunLength}), or {@code Long.MAX_VALUE}: the boundaries of a
     *     part that repeats are listed up to it
     * @param twin the PyTorch twin ({@link PyTorchTwin}), shown in the class Javadoc, if there is one
     */
    static JavaFile write(ScheduleModel schedule, ClassName target, String source, Element origin,
            Optional<ClassName> generated, Set<String> shadowing, Set<Framework> frameworks,
            List<QuantityModel> quantities, long runEnd, Optional<String> twin) {
        Code code = new Code();
        MethodSpec lr = lr(schedule.body(code));
        List<MethodSpec> quantityMethods = quantities.stream().map(q -> quantity(q, q.series().body(code))).toList();
        CodeBlock warmupSteps = schedule.warmupStepsExpression(code);
        List<MethodSpec> rangeMethods = schedule instanceof LrRangeModel range ? range.rangeMethods(code) : List.of();
        List<NamedConstant> constants = code.constants();
        // Each literal once: the shortest digits that round-trip take a few BigDecimal roundings to find.
        List<String> literals = constants.stream().map(NamedConstant::literal).toList();
        TypeSpec.Builder type = qualifying(TypeSpec.classBuilder(target), shadowing)
                .addOriginatingElement(origin)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(schedule instanceof LrRangeModel ? LrRange.class : StepLr.class)
                .addJavadoc("$L", classJavadoc(schedule, quantities, constants, literals, source)
                        + twinJavadoc(twin, target));
        generated.ifPresent(annotation -> type.addAnnotation(generatedAnnotation(annotation,
                schedule.annotationText(), source)));

        type.addField(FieldSpec.builder(target, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The schedule; it has no state, so one instance serves every thread.\n")
                .initializer("new $T()", target)
                .build());
        String settings = schedule.settingsText() + quantities.stream()
                .map(QuantityModel::settings).filter(s -> !s.isEmpty()).map(s -> " " + s)
                .collect(java.util.stream.Collectors.joining());
        type.addField(fingerprintField(Fingerprint.of(settings)));
        type.addField(boundariesField(schedule, runEnd));
        for (int i = 0; i < constants.size(); i++) {
            type.addField(constantField(constants.get(i), literals.get(i)));
        }
        type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        type.addMethod(lr);
        type.addMethods(quantityMethods);
        type.addMethods(code.methods());
        type.addMethods(rangeMethods);
        type.addMethod(MethodSpec.methodBuilder("warmupSteps")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.LONG)
                .addStatement("return $L", warmupSteps)
                .build());
        type.addMethod(MethodSpec.methodBuilder("peakLr")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.DOUBLE)
                .addStatement("return $L", Literals.ofDouble(schedule.peakLr()))
                .build());
        type.addMethod(fingerprintMethod());
        type.addMethod(MethodSpec.methodBuilder("boundaries")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(List.class, Boundary.class))
                .addStatement("return BOUNDARIES")
                .build());
        type.addMethod(MethodSpec.methodBuilder("toString")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement("return $S", target.simpleName() + " " + schedule.effectiveText())
                .build());
        FrameworkAdapters.addTo(type, target, frameworks, quantities, schedule instanceof EpochModel);

        return JavaFile.builder(target.packageName(), type.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    /**
     * The type, told to write qualified each type whose simple name is in {@code names}. One name a call: JavaPoet
     * 0.22's {@code alwaysQualify(String...)} formats the whole array into its null-check message for every entry,
     * quadratic in the number of names.
     */
    static TypeSpec.Builder qualifying(TypeSpec.Builder type, Set<String> names) {
        for (String name : names) {
            type.alwaysQualify(name);
        }
        return type;
    }

    /** The constant {@code FINGERPRINT}: {@link Fingerprint} of the schedule's settings. */
    static FieldSpec fingerprintField(String fingerprint) {
        return FieldSpec.builder(String.class, "FINGERPRINT", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The fingerprint of the schedule's settings, the first 16 hexadecimal digits of the SHA-256 of"
                        + " every\nattribute of its annotations, defaults included (the name left out): the same in"
                        + " every build, and\nanother for any other setting.\n")
                .initializer("$S", fingerprint)
                .build();
    }

    /** The most boundaries a generated class lists: 21 bytes of its static initialiser each. */
    static final int MAX_BOUNDARIES = 1000;

    /**
     * The constant {@code BOUNDARIES}: where each part of the schedule starts ({@link ScheduleModel#landmarks}), those
     * at one step merged, with the rate there.
     */
    static FieldSpec boundariesField(ScheduleModel schedule, long runEnd) {
        List<Landmark> landmarks = new ArrayList<>(schedule.landmarks(runEnd));
        landmarks.sort(Comparator.comparingLong(Landmark::step));
        // at most MAX_BOUNDARIES, so that the static initialiser stays far below the JVM's 64 KB a method
        long steps = landmarks.stream().mapToLong(Landmark::step).distinct().count();
        if (steps > MAX_BOUNDARIES) {
            long last = landmarks.stream().mapToLong(Landmark::step).distinct().skip(MAX_BOUNDARIES - 1).findFirst()
                    .getAsLong();
            landmarks.removeIf(l -> l.step() > last);
        }
        CodeBlock.Builder list = CodeBlock.builder().add("$T.of(", List.class).indent();
        for (int i = 0; i < landmarks.size(); i++) {
            long step = landmarks.get(i).step();
            StringBuilder what = new StringBuilder(landmarks.get(i).what());
            while (i + 1 < landmarks.size() && landmarks.get(i + 1).step() == step) {
                what.append("; ").append(landmarks.get(++i).what());
            }
            list.add("\nnew $T($L, $S, $L)$L", Boundary.class, Literals.ofLong(step), what,
                    Literals.ofDouble(schedule.at(step)), i + 1 < landmarks.size() ? "," : "");
        }
        return FieldSpec.builder(ParameterizedTypeName.get(List.class, Boundary.class), "BOUNDARIES", Modifier.PUBLIC,
                        Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Where each part of the schedule starts, from step 0, with the rate there: what"
                        + " {@code part(step)}\nsearches, for a training loop that logs each change of regime once.\n")
                .initializer(list.unindent().add(")").build())
                .build();
    }

    /** {@code fingerprint()}, which returns {@code FINGERPRINT}. */
    static MethodSpec fingerprintMethod() {
        return MethodSpec.methodBuilder("fingerprint")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement("return FINGERPRINT")
                .build();
    }

    /** {@code @Generated} by this processor, from {@code annotationText} on {@code source}. */
    static AnnotationSpec generatedAnnotation(ClassName generated, String annotationText, String source) {
        return AnnotationSpec.builder(generated)
                .addMember("value", "$S", WarmupProcessor.class.getName())
                .addMember("comments", "$S", "from " + annotationText + " on " + source)
                .build();
    }

    /** The {@code private static final} field of a constant; the class Javadoc's table says how it was computed. */
    static FieldSpec constantField(NamedConstant constant, String literal) {
        return FieldSpec.builder(constant.type(), constant.name(), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(initializer(constant, literal))
                .build();
    }

    /** The constant's literal; an array's elements with a line break where the line would pass 100 columns. */
    private static CodeBlock initializer(NamedConstant constant, String literal) {
        List<String> elements = constant.elements();
        if (elements == null) {
            return CodeBlock.of("$L", literal);
        }
        return CodeBlock.of("{" + String.join(",$W", Collections.nCopies(elements.size(), "$L")) + "}",
                elements.toArray());
    }

    /** The method of a quantity beside the rate: {@code momentum(step)}. */
    private static MethodSpec quantity(QuantityModel quantity, CodeBlock body) {
        return MethodSpec.methodBuilder(quantity.method())
                .addJavadoc("Returns the {@code $L} of the update that follows {@code step} earlier updates, the one\n"
                        + "that uses {@code lr(step)}: $L.\n\n@param step the number of updates before this one, "
                        + "from 0\n@return the {@code $L}\n@throws IllegalArgumentException if {@code step} is "
                        + "negative\n", quantity.method(), quantity.summary(), quantity.method())
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.DOUBLE)
                .addParameter(TypeName.LONG, "step")
                .addCode(CodeBlock.builder()
                        .beginControlFlow("if (step < 0)")
                        .addStatement("throw new $T($S + step)", IllegalArgumentException.class,
                                "step must be >= 0, was ")
                        .endControlFlow()
                        .add(body)
                        .build())
                .build();
    }

    private static MethodSpec lr(CodeBlock lrBody) {
        CodeBlock body = CodeBlock.builder()
                .beginControlFlow("if (step < 0)")
                .addStatement("throw new $T($S + step)", IllegalArgumentException.class, "step must be >= 0, was ")
                .endControlFlow()
                .add(lrBody)
                .build();
        return MethodSpec.methodBuilder("lr")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.DOUBLE)
                .addParameter(TypeName.LONG, "step")
                .addCode(body)
                .build();
    }

    private static String classJavadoc(ScheduleModel schedule, List<QuantityModel> quantities,
            List<NamedConstant> constants, List<String> literals, String source) {
        StringBuilder doc = new StringBuilder()
                .append("Learning-rate schedule of {@code ").append(source).append("}, generated from\n")
                .append("{@code ").append(wrapNested(schedule.effectiveText())).append("}:\n")
                .append(schedule.summary()).append(".\n\n");

        Table formulas = new Table("step t", "lr(t)", "computed as");
        for (ScheduleModel.FormulaRow row : schedule.formulaRows()) {
            formulas.row(row.steps(), row.formula(), row.computation());
        }
        doc.append("<pre>{@code\n").append(formulas).append("}</pre>\n\n");
        for (QuantityModel quantity : quantities) {
            Table rows = new Table("step t", quantity.method() + "(t)", "computed as");
            for (ScheduleModel.FormulaRow row : quantity.series().formulaRows()) {
                rows.row(row.steps(), row.formula(), row.computation());
            }
            doc.append("<p>{@code ").append(quantity.method()).append("(t)}: ").append(quantity.summary())
                    .append(":\n<pre>{@code\n").append(rows).append("}</pre>\n\n");
        }

        Table constantTable = new Table("constant", "value", "from");
        for (int i = 0; i < constants.size(); i++) {
            String value = literals.get(i);
            constantTable.row(constants.get(i).name(), shortened(value), constants.get(i).doc());
        }
        doc.append("<p>Constants:\n<pre>{@code\n").append(constantTable).append("}</pre>\n\n");

        List<String> header = new java.util.ArrayList<>(List.of("step", "lr"));
        quantities.forEach(q -> header.add(q.method()));
        Table values = new Table(header.toArray(String[]::new));
        for (long step : schedule.keySteps()) {
            List<String> row = new java.util.ArrayList<>(List.of(Long.toString(step),
                    Literals.ofDouble(schedule.at(step))));
            quantities.forEach(q -> row.add(Literals.ofDouble(q.series().at(step))));
            values.row(row.toArray(String[]::new));
        }
        doc.append("<p>Values at key steps:\n<pre>{@code\n").append(values).append("}</pre>\n");
        return doc.toString();
    }

    /**
     * The class Javadoc's last section: the PyTorch twin, in a block of code that shows its text as it is; "" without
     * one, or for one that such a block cannot hold (a brace, or the end of a comment: the twins {@link PyTorchTwin}
     * writes have none).
     */
    static String twinJavadoc(Optional<String> twin, ClassName target) {
        if (twin.isEmpty() || twin.get().contains("{") || twin.get().contains("}") || twin.get().contains("*/")) {
            return "";
        }
        return "\n<p>The same schedule in PyTorch, also the resource {@code " + target.simpleName()
                + ".py} beside this class:\n<pre>{@code\n" + twin.get() + "}</pre>\n";
    }

    /**
     * A long annotation text over several lines: with nested annotations, one nested annotation a line; without,
     * attributes filling lines of up to 100 characters.
     */
    static String wrapNested(String annotation) {
        if (annotation.length() <= 100) {
            return annotation;
        }
        if (annotation.contains("{@")) {
            return annotation.replace("{@", "{\n        @").replace(", @", ",\n        @");
        }
        StringBuilder text = new StringBuilder();
        int lineStart = 0;
        for (String part : annotation.split(", ")) {
            if (text.length() > 0) {
                text.append(',');
                if (text.length() - lineStart + part.length() + 1 > 100) {
                    text.append("\n        ");
                    lineStart = text.length() - 8;
                } else {
                    text.append(' ');
                }
            }
            text.append(part);
        }
        return text.toString();
    }

    /** Left-aligned columns of plain text, for {@code <pre>} blocks. */
    static final class Table {
        private final List<String[]> rows = new java.util.ArrayList<>();

        Table(String... header) {
            rows.add(header);
        }

        void row(String... cells) {
            rows.add(cells);
        }

        @Override
        public String toString() {
            int columns = rows.get(0).length;
            int[] widths = new int[columns];
            for (String[] row : rows) {
                for (int c = 0; c < columns; c++) {
                    widths[c] = Math.max(widths[c], row[c].length());
                }
            }
            StringBuilder text = new StringBuilder();
            for (String[] row : rows) {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < columns; c++) {
                    line.append(row[c]);
                    if (c < columns - 1) {
                        line.append(" ".repeat(widths[c] + 2 - row[c].length()));
                    }
                }
                text.append(line.toString().stripTrailing()).append('\n');
            }
            return text.toString();
        }
    }

    /**
     * A constant's value as its Javadoc table shows it: at most 40 characters, an array cut short keeping its closing
     * braces, which the {@code {@code ...}} block around the table counts.
     */
    static String shortened(String value) {
        if (value.length() <= 40) {
            return value;
        }
        String head = value.substring(0, 36);
        long open = head.chars().filter(c -> c == '{').count() - head.chars().filter(c -> c == '}').count();
        return head + " ..." + "}".repeat((int) Math.max(0, open));
    }
}
