package dev.warmup.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.warmup.Framework;
import dev.warmup.QuantityKind;
import java.util.List;
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
    /** In nd4j-api's own dependency {@code org.nd4j:jackson}: wherever {@code ISchedule} compiles, it is there. */
    static final ClassName ND4J_JSON_CREATOR = ClassName.get("org.nd4j.shade.jackson.annotation", "JsonCreator");

    private FrameworkAdapters() {}

    /** The interface a framework's adapter implements. */
    static ClassName interfaceOf(Framework framework) {
        return framework == Framework.DJL ? DJL_TRACKER : ND4J_SCHEDULE;
    }

    /** The Maven coordinates that bring a framework's interface, for messages. */
    static String artifactOf(Framework framework) {
        return framework == Framework.DJL ? "ai.djl:api" : "org.nd4j:nd4j-api";
    }

    /**
     * Adds the adapters of {@code frameworks} to {@code type}; with ND4J, a nested {@code ISchedule} class for each of
     * {@code quantities} too, for the DL4J classes that take a schedule of one: {@code MomentumSchedule.INSTANCE} for
     * {@code Nesterovs}, a weight decay's for {@code WeightDecay}, a dropout's for {@code Dropout}.
     */
    static void addTo(TypeSpec.Builder type, ClassName target, Set<Framework> frameworks,
            List<QuantityModel> quantities, boolean perEpoch) {
        if (frameworks.contains(Framework.DJL)) {
            type.addSuperinterface(DJL_TRACKER);
            type.addMethod(MethodSpec.methodBuilder("getNewValue")
                    .addJavadoc("""
                            DJL's learning rate for its update number {@code numUpdate}: {@code lr(numUpdate - 1)},
                            in float.

                            <p>DJL's optimizers count updates from 1 ({@code Optimizer.updateCount} starts at
                            {@code beginNumUpdate + 1}), so the k-th update asks for {@code getNewValue(k)} and gets
                            {@code lr(k - 1)}, the rate PyTorch gives its k-th {@code optimizer.step()}. After
                            {@code optBeginNumUpdate(n)} the first update uses {@code lr(n)}. {@code numUpdate} 0,
                            which DJL's optimizers never pass, is read as before the first update: {@code lr(0)}.

                            @throws IllegalArgumentException if {@code numUpdate < 0}
                            """)
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(TypeName.FLOAT)
                    .addParameter(TypeName.INT, "numUpdate")
                    .beginControlFlow("if (numUpdate < 0)")
                    .addStatement("throw new $T($S + numUpdate)", IllegalArgumentException.class,
                            "numUpdate must be >= 0, was ")
                    .endControlFlow()
                    .addStatement("return (float) lr(numUpdate == 0 ? 0 : numUpdate - 1)")
                    .build());
        }
        if (frameworks.contains(Framework.ND4J)) {
            type.addSuperinterface(ND4J_SCHEDULE);
            addScheduleMembers(type, target, perEpoch ? CodeBlock.of("$N(epoch)", EpochModel.SCHEDULE)
                    : CodeBlock.of("lr(iteration)"), perEpoch ? """
                    ND4J's rate at an epoch: the schedule's rate for DL4J's epoch count, whatever the
                    iteration (the schedule is stepped once an epoch). DL4J counts epochs from 0 and adds
                    one after each pass over the data, so every update of an epoch uses the epoch's rate,
                    as {@code lr(step)} does with {@code step / STEPS_PER_EPOCH}.
                    """ : """
                    ND4J's rate at an iteration: {@code lr(iteration)}, whatever the epoch (the schedule
                    counts optimizer updates, as PyTorch's per-step schedulers do).

                    <p>DL4J passes the number of updates done before this one (its iteration count starts
                    at 0, and a restored network goes on from the count it saved), so the k-th update
                    uses {@code lr(k - 1)}.
                    """);
            for (QuantityModel quantity : quantities) {
                ClassName nested = target.nestedClass(quantity.scheduleClass());
                boolean dropout = quantity.kind() == QuantityKind.DROPOUT;
                TypeSpec.Builder schedule = TypeSpec.classBuilder(nested)
                        .addJavadoc(dropout ? CodeBlock.of("""
                                {@code 1 - dropout(iteration)} as ND4J's {@code ISchedule}: DL4J's {@code Dropout}
                                takes the probability to <em>retain</em> a unit, {@code new Dropout(INSTANCE)}.
                                """) : CodeBlock.of("{@code $L(iteration)} as ND4J's {@code ISchedule}, for DL4J.\n",
                                quantity.method()))
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addSuperinterface(ND4J_SCHEDULE)
                        .addField(FieldSpec.builder(nested, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC,
                                Modifier.FINAL).addJavadoc("The one instance; it has no state.\n")
                                .initializer("new $T()", nested).build())
                        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
                addScheduleMembers(schedule, nested, dropout
                        ? CodeBlock.of("1.0 - $T.INSTANCE.dropout(iteration)", target)
                        : CodeBlock.of("$T.INSTANCE.$L(iteration)", target, quantity.method()), """
                        The value at an iteration, whatever the epoch: DL4J passes the number of updates done
                        before this one, as to the rate's schedule.
                        """);
                type.addType(schedule.build());
            }
        }
    }

    /** What ND4J's {@code ISchedule} asks of a schedule of {@code value}, stateless and one instance of its class. */
    private static void addScheduleMembers(TypeSpec.Builder type, ClassName target, CodeBlock value,
            String valueAtDoc) {
        type.addField(FieldSpec.builder(TypeName.LONG, "serialVersionUID", Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL).initializer("1L").build());
        type.addMethod(MethodSpec.methodBuilder("valueAt")
                .addJavadoc(valueAtDoc)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.DOUBLE)
                .addParameter(TypeName.INT, "iteration")
                .addParameter(TypeName.INT, "epoch")
                .addStatement("return $L", value)
                .build());
        type.addMethod(MethodSpec.methodBuilder("clone")
                .addJavadoc("The schedule has no state: it is its own copy.\n")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(ND4J_SCHEDULE)
                .addStatement("return this")
                .build());
        type.addMethod(MethodSpec.methodBuilder("readResolve")
                .addJavadoc("Java deserialisation (Spark's default serialiser, for one) gives back the one instance.\n")
                .addModifiers(Modifier.PRIVATE)
                .returns(Object.class)
                .addStatement("return INSTANCE")
                .build());
        type.addMethod(MethodSpec.methodBuilder("jsonCreator")
                .addJavadoc("""
                        ND4J's JSON (its shaded Jackson, which DL4J's configurations and {@code ModelSerializer}
                        use) gives back the one instance too, rather than a new one through the constructor.
                        """)
                .addAnnotation(ND4J_JSON_CREATOR)
                .addModifiers(Modifier.STATIC)
                .returns(target)
                .addStatement("return INSTANCE")
                .build());
        type.addMethod(MethodSpec.methodBuilder("equals")
                .addJavadoc("""
                        Equal to any instance of this class, however made (a deserialiser that bypasses
                        constructors included): the schedule has no state. DL4J compares updaters, schedules
                        included, to group layers into updater blocks, before and after a configuration is
                        restored.
                        """)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.BOOLEAN)
                .addParameter(Object.class, "other")
                .addStatement("return other instanceof $T", target)
                .build());
        type.addMethod(MethodSpec.methodBuilder("hashCode")
                .addJavadoc("The same for every instance, as {@link #equals} asks.\n")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.INT)
                .addStatement("return $T.class.getName().hashCode()", target)
                .build());
    }
}
