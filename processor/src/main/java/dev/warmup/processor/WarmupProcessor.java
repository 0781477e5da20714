package dev.warmup.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * The annotation processor: for each type annotated with {@code @WarmupSchedule} it reads the annotation, validates
 * it, and writes a final class implementing {@code StepLr}. Problems are compile errors on the attribute at fault; an
 * unexpected exception becomes one error on the annotated type, never a javac crash.
 */
@AutoService(Processor.class)
public final class WarmupProcessor extends AbstractProcessor {

    static final String ANNOTATION = "dev.warmup.WarmupSchedule";
    private static final String STEP_LR = "dev.warmup.StepLr";
    private static final String GENERATED = "javax.annotation.processing.Generated";

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(ANNOTATION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        TypeElement annotation = processingEnv.getElementUtils().getTypeElement(ANNOTATION);
        if (annotation == null) {
            return false;
        }
        Set<String> writtenThisRound = new HashSet<>();
        for (Element element : round.getElementsAnnotatedWith(annotation)) {
            try {
                processType(element, annotation, writtenThisRound);
            } catch (RuntimeException | LinkageError | AssertionError unexpected) {
                StringWriter trace = new StringWriter();
                unexpected.printStackTrace(new PrintWriter(trace));
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "The warmup processor failed on "
                        + element + ". Please report this as a bug, with this message:\n" + trace, element);
            }
        }
        return false;
    }

    private void processType(Element element, TypeElement annotation, Set<String> writtenThisRound) {
        AnnotationMirror mirror = element.getAnnotationMirrors().stream()
                .filter(m -> m.getAnnotationType().asElement().equals(annotation))
                .findFirst().orElseThrow();
        if (element.getKind() != ElementKind.CLASS && element.getKind() != ElementKind.RECORD) {
            error(element, mirror, null, "@WarmupSchedule is not allowed on " + describe(element.getKind()) + " "
                    + element + ": annotate a class or a record");
            return;
        }
        TypeElement type = (TypeElement) element;
        Optional<Settings> settings = AnnotationReader.read(mirror, processingEnv.getElementUtils());
        if (settings.isEmpty()) {
            return; // a value did not compile; javac has said so
        }
        Map<String, AnnotationValue> values = AnnotationReader.explicitValues(mirror);
        Reporter reporter = new Reporter() {
            @Override
            public void error(String attribute, String message) {
                WarmupProcessor.this.error(element, mirror, values.get(attribute), message);
            }

            @Override
            public void warning(String attribute, String message) {
                processingEnv.getMessager().printMessage(Diagnostic.Kind.WARNING, message, element, mirror,
                        values.get(attribute));
            }
        };
        Optional<Schedule> schedule = ScheduleValidator.validate(settings.get(), reporter);
        if (!ScheduleValidator.isValidName(settings.get().name())) {
            return; // reported by the validator; there is no target name to check
        }
        ClassName target = targetName(type, settings.get().name());
        if (!checkTargetFree(target, writtenThisRound, reporter) || schedule.isEmpty()) {
            return;
        }
        writtenThisRound.add(target.canonicalName());
        TypeElement generated = processingEnv.getElementUtils().getTypeElement(GENERATED);
        JavaFile file = ScheduleWriter.write(schedule.get(), target, type.getQualifiedName().toString(), type,
                Optional.ofNullable(generated).map(ClassName::get));
        try {
            file.writeTo(processingEnv.getFiler());
        } catch (IOException e) {
            reporter.error("name", "Cannot write " + target.canonicalName() + ": " + e.getMessage()
                    + (settings.get().isSet("name") ? "" : "; set name = \"...\" to write it under another name"));
        }
    }

    /** {@code p.Outer.Inner} gives {@code p.Outer_InnerStepLr}, unless {@code name} is set. */
    private static ClassName targetName(TypeElement type, String name) {
        String simpleName = type.getSimpleName().toString();
        Element enclosing = type.getEnclosingElement();
        while (!(enclosing instanceof PackageElement)) {
            simpleName = enclosing.getSimpleName() + "_" + simpleName;
            enclosing = enclosing.getEnclosingElement();
        }
        String packageName = ((PackageElement) enclosing).getQualifiedName().toString();
        return ClassName.get(packageName, name.isEmpty() ? simpleName + "StepLr" : name);
    }

    /**
     * The target name must not be taken by a type of the user's or by another schedule of this round. A type that
     * looks like an earlier output of this processor (final, implements StepLr, has INSTANCE) is taken to be that,
     * left over from a previous build on the class path, and does not count.
     */
    private boolean checkTargetFree(ClassName target, Set<String> writtenThisRound, Reporter reporter) {
        String name = target.canonicalName();
        String clash = null;
        if (writtenThisRound.contains(name)) {
            clash = "Another @WarmupSchedule of this compilation generates " + name + " too";
        } else {
            TypeElement existing = processingEnv.getElementUtils().getTypeElement(name);
            if (existing != null && !looksGenerated(existing)) {
                clash = "The generated class " + name + " would clash with the existing type " + name;
            }
        }
        if (clash != null) {
            reporter.error("name", clash + "; set name = \"...\" to another simple name");
            return false;
        }
        return true;
    }

    private boolean looksGenerated(TypeElement existing) {
        TypeElement stepLr = processingEnv.getElementUtils().getTypeElement(STEP_LR);
        boolean implementsStepLr = stepLr != null && existing.getInterfaces().stream()
                .anyMatch(i -> processingEnv.getTypeUtils().isSameType(i, stepLr.asType()));
        boolean hasInstance = ElementFilter.fieldsIn(existing.getEnclosedElements()).stream()
                .map(VariableElement::getSimpleName).anyMatch(n -> n.contentEquals("INSTANCE"));
        return implementsStepLr && hasInstance && existing.getModifiers().contains(Modifier.FINAL);
    }

    private void error(Element element, AnnotationMirror mirror, AnnotationValue value, String message) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, element, mirror, value);
    }

    private static String describe(ElementKind kind) {
        return switch (kind) {
            case INTERFACE -> "an interface";
            case ENUM -> "an enum";
            case ANNOTATION_TYPE -> "an annotation type";
            default -> kind.toString().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
