package dev.warmup.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.warmup.Framework;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * What {@code @Adapters} adds to a generated class: the schedule interface of each framework asked for, answered by
 * {@code lr}. Referred to by name: nothing of a framework is on the processor's class path, and the user's compile
 * class path has it only when it was asked for (the processor checks).
 */
final class FrameworkAdapters {

    static final ClassName DJL_TRACKER = ClassName.get("ai.djl.training.tracker", "Tracker");
    static final ClassName ND4J_SCHEDULE = ClassName.get("org.nd4j.linalg.schedule", "ISchedule");

    private FrameworkAdapters() {}

    /** The interface a framework's adapter implements. */
    static ClassName interfaceOf(Framework framework) {
        return framework == Framework.DJL ? DJL_TRACKER : ND4J_SCHEDULE;
    }

    /** The Maven coordinates that bring a framework's interface, for messages. */
    static String artifactOf(Framework framework) {
        return framework == Framework.DJL ? "ai.djl:api" : "org.nd4j:nd4j-api";
    }

    static void addTo(TypeSpec.Builder type, ClassName target, Set<Framework> frameworks) {
        if (frameworks.contains(Framework.DJL)) {
            type.addSuperinterface(DJL_TRACKER);
            type.addMethod(MethodSpec.methodBuilder("getNewValue")
                    .addJavadoc("DJL's learning rate after {@code numUpdate} updates: {@code lr(numUpdate)}, in float.\n")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(TypeName.FLOAT)
                    .addParameter(TypeName.INT, "numUpdate")
                    .addStatement("return (float) lr(numUpdate)")
                    .build());
        }
        if (frameworks.contains(Framework.ND4J)) {
            type.addSuperinterface(ND4J_SCHEDULE);
            type.addField(FieldSpec.builder(TypeName.LONG, "serialVersionUID", Modifier.PRIVATE, Modifier.STATIC,
                    Modifier.FINAL).initializer("1L").build());
            type.addMethod(MethodSpec.methodBuilder("valueAt")
                    .addJavadoc("ND4J's rate at an iteration (the schedule counts iterations, not epochs): "
                            + "{@code lr(iteration)}.\n")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(TypeName.DOUBLE)
                    .addParameter(TypeName.INT, "iteration")
                    .addParameter(TypeName.INT, "epoch")
                    .addStatement("return lr(iteration)")
                    .build());
            type.addMethod(MethodSpec.methodBuilder("clone")
                    .addJavadoc("The schedule has no state: it is its own copy.\n")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(ND4J_SCHEDULE)
                    .addStatement("return this")
                    .build());
            type.addMethod(MethodSpec.methodBuilder("readResolve")
                    .addJavadoc("Deserialises to the one instance (DL4J serialises its updaters' schedules).\n")
                    .addModifiers(Modifier.PRIVATE)
                    .returns(Object.class)
                    .addStatement("return INSTANCE")
                    .build());
        }
    }
}
