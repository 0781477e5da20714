package dev.warmup.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.warmup.Framework;
import dev.warmup.StepLr;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
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
     * @param shadowed the {@link #JAVA_LANG_NAMES} that a type of the target's package shadows there, to be
     *     qualified (JavaPoet qualifies the types it writes; {@link #qualifyShadowed} the rest)
     * @param frameworks the frameworks of {@code @Adapters} whose interfaces the class also implements
     */
    static JavaFile write(ScheduleModel schedule, ClassName target, String source, Element origin,
            Optional<ClassName> generated, Set<String> shadowed, Set<Framework> frameworks) {
        List<NamedConstant> constants = usedConstants(schedule);
        TypeSpec.Builder type = TypeSpec.classBuilder(target)
                .alwaysQualify(shadowed.toArray(String[]::new))
                .addOriginatingElement(origin)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(StepLr.class)
                .addJavadoc("$L", classJavadoc(schedule, constants, source));
        generated.ifPresent(annotation -> type.addAnnotation(AnnotationSpec.builder(annotation)
                .addMember("value", "$S", WarmupProcessor.class.getName())
                .addMember("comments", "$S", "from " + schedule.annotationText() + " on " + source)
                .build()));

        type.addField(FieldSpec.builder(target, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The schedule; it has no state, so one instance serves every thread.\n")
                .initializer("new $T()", target)
                .build());
        for (NamedConstant constant : constants) {
            type.addField(FieldSpec.builder(constant.type(), constant.name(), Modifier.PRIVATE, Modifier.STATIC,
                            Modifier.FINAL)
                    .addJavadoc("$L.\n", constant.doc())
                    .initializer("$L", constant.literal())
                    .build());
        }
        List<FillCode.Table> tables = schedule.tables();
        if (!tables.isEmpty()) {
            type.addField(FieldSpec.builder(TypeName.INT, "FILL_BLOCK", Modifier.PRIVATE, Modifier.STATIC,
                            Modifier.FINAL)
                    .addJavadoc("Steps that {@code fill} computes from one anchor; the length of the tables.\n")
                    .initializer("$L", FillCode.BLOCK)
                    .build());
            CodeBlock.Builder init = CodeBlock.builder().beginControlFlow("for (int k = 0; k < FILL_BLOCK; k++)");
            for (FillCode.Table table : tables) {
                type.addField(FieldSpec.builder(double[].class, table.name(), Modifier.PRIVATE, Modifier.STATIC,
                                Modifier.FINAL)
                        .addJavadoc("For {@code fill}: {@code $L[k] = $L}.\n", table.name(), table.doc())
                        .initializer("new double[FILL_BLOCK]")
                        .build());
                init.addStatement("$L[k] = $L", table.name(), table.valueOfK());
            }
            type.addStaticBlock(init.endControlFlow().build());
        }
        type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        type.addMethod(lr(schedule));
        type.addMethod(fill(schedule));
        type.addMethods(schedule.fillMethods());
        type.addMethod(MethodSpec.methodBuilder("warmupSteps")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.LONG)
                .addStatement("return $L", schedule.warmupStepsExpression())
                .build());
        type.addMethod(MethodSpec.methodBuilder("toString")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement("return $S", target.simpleName() + " " + schedule.annotationText())
                .build());
        FrameworkAdapters.addTo(type, target, frameworks);

        return JavaFile.builder(target.packageName(), type.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    /**
     * The model's constants that the generated code reads: a model may define one that its code, for some settings,
     * does not need, and an unused private field is a warning in IDEs (ECJ's "value of the field is not used").
     */
    static List<NamedConstant> usedConstants(ScheduleModel schedule) {
        StringBuilder code = new StringBuilder(schedule.lrBody().toString())
                .append('\n').append(schedule.fillBody()).append('\n').append(schedule.warmupStepsExpression());
        schedule.fillMethods().forEach(method -> code.append('\n').append(method));
        schedule.tables().forEach(table -> code.append('\n').append(table.valueOfK()));
        String text = code.toString();
        return schedule.constants().stream()
                .filter(constant -> Pattern.compile("\\b" + constant.name() + "\\b").matcher(text).find())
                .toList();
    }

    /** The {@code java.lang} types generated code names: a type of the same simple name in its package hides them. */
    static final List<String> JAVA_LANG_NAMES = List.of("ArithmeticException", "Double", "IllegalArgumentException",
            "Integer", "Long", "Math", "Object", "Override", "String");

    /** The generated code's own uses of {@code Math.}, {@code Long.}, ... as text: qualified where shadowed. */
    static String qualifyShadowed(String source, Set<String> shadowed) {
        String qualified = source;
        for (String name : shadowed) {
            qualified = qualified.replaceAll("(?<![\\w.$])" + name + "\\.", "java.lang." + name + ".");
        }
        return qualified;
    }

    private static MethodSpec lr(ScheduleModel schedule) {
        CodeBlock body = CodeBlock.builder()
                .beginControlFlow("if (step < 0)")
                .addStatement("throw new $T($S + step)", IllegalArgumentException.class, "step must be >= 0, was ")
                .endControlFlow()
                .add(schedule.lrBody())
                .build();
        return MethodSpec.methodBuilder("lr")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.DOUBLE)
                .addParameter(TypeName.LONG, "step")
                .addCode(body)
                .build();
    }

    private static MethodSpec fill(ScheduleModel schedule) {
        CodeBlock body = CodeBlock.builder()
                .beginControlFlow("if (fromStep < 0)")
                .addStatement("throw new $T($S + fromStep)", IllegalArgumentException.class,
                        "fromStep must be >= 0, was ")
                .endControlFlow()
                .addStatement("int n = out.length")
                .beginControlFlow("if (n == 0)")
                .addStatement("return")
                .endControlFlow()
                .addStatement("$T.addExact(fromStep, n - 1)", Math.class)
                .add(schedule.fillBody())
                .build();
        return MethodSpec.methodBuilder("fill")
                .addJavadoc("$L", schedule.fillJavadoc())
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(double[].class, "out")
                .addParameter(TypeName.LONG, "fromStep")
                .addCode(body)
                .build();
    }

    private static String classJavadoc(ScheduleModel schedule, List<NamedConstant> constants, String source) {
        StringBuilder doc = new StringBuilder()
                .append("Learning-rate schedule of {@code ").append(source).append("}, generated from\n")
                .append("{@code ").append(wrapNested(schedule.annotationText())).append("}:\n")
                .append(schedule.summary()).append(".\n\n");

        Table formulas = new Table("step t", "lr(t)", "computed as");
        for (ScheduleModel.FormulaRow row : schedule.formulaRows()) {
            formulas.row(row.steps(), row.formula(), row.computation());
        }
        doc.append("<pre>{@code\n").append(formulas).append("}</pre>\n\n");

        Table constantTable = new Table("constant", "value", "from");
        for (NamedConstant constant : constants) {
            String value = constant.literal();
            constantTable.row(constant.name(), value.length() > 40 ? value.substring(0, 36) + " ..." : value,
                    constant.doc());
        }
        doc.append("<p>Constants:\n<pre>{@code\n").append(constantTable).append("}</pre>\n\n");

        Table values = new Table("step", "lr");
        for (long step : schedule.keySteps()) {
            values.row(Long.toString(step), Literals.ofDouble(schedule.at(step)));
        }
        doc.append("<p>Values at key steps:\n<pre>{@code\n").append(values).append("}</pre>\n");
        return doc.toString();
    }

    /** A long annotation text with nested annotations, one nested annotation a line. */
    private static String wrapNested(String annotation) {
        return annotation.length() <= 100 ? annotation
                : annotation.replace("{@", "{\n        @").replace(", @", ",\n        @");
    }

    /** Left-aligned columns of plain text, for {@code <pre>} blocks. */
    private static final class Table {
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
                    line.append(c == columns - 1 ? row[c] : String.format("%-" + (widths[c] + 2) + "s", row[c]));
                }
                text.append(line.toString().stripTrailing()).append('\n');
            }
            return text.toString();
        }
    }
}
