package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import java.util.List;
import java.util.Map;

/**
 * The members generated for a schedule, as {@link ScheduleWriter} writes them: the bodies of {@code lr} and
 * {@code fill}, the methods {@code fill} calls, the expression {@code warmupSteps()} returns, and in {@code code} the
 * constants, tables and helpers they use.
 */
record GeneratedMembers(Code code, CodeBlock lrBody, CodeBlock fillBody, List<MethodSpec> fillMethods,
        CodeBlock warmupSteps) {

    /**
     * What {@link #generate} last gave on this thread, and for which schedule: validation generates a schedule's
     * members to check its constants ({@link Checks#constantsFinite}), and the writer takes them over rather than
     * generating them a second time (3 to 6 % of {@code process()}'s time in two profiles).
     */
    private static final ThreadLocal<Map.Entry<ScheduleModel, GeneratedMembers>> KEPT = new ThreadLocal<>();

    /**
     * The members of {@code schedule}, kept for {@link #take}; throws {@link NamedConstant.NotFinite} if a constant
     * would not be finite.
     */
    static GeneratedMembers generate(ScheduleModel schedule) {
        KEPT.remove();
        GeneratedMembers members = create(schedule);
        KEPT.set(Map.entry(schedule, members));
        return members;
    }

    /**
     * The members of {@code schedule}: those kept by the last {@link #generate} if it was for an equal schedule (the
     * models are records), otherwise generated now; nothing is kept afterwards.
     */
    static GeneratedMembers take(ScheduleModel schedule) {
        Map.Entry<ScheduleModel, GeneratedMembers> kept = KEPT.get();
        KEPT.remove();
        return kept != null && kept.getKey().equals(schedule) ? kept.getValue() : create(schedule);
    }

    private static GeneratedMembers create(ScheduleModel schedule) {
        Code code = new Code();
        return new GeneratedMembers(code, schedule.lrBody(code), schedule.fillBody(code), schedule.fillMethods(code),
                schedule.warmupStepsExpression(code));
    }
}
