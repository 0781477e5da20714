package dev.warmup.processor;

import java.util.List;
import java.util.Optional;

/**
 * A schedule with an annotation beside it that changes how it runs ({@code @UntunedWarmup}, {@code @Epochs}): what
 * the generated class says of itself comes from both annotations; its attributes, scale, peak and quantities are the
 * schedule's.
 */
interface BesideModel extends ScheduleModel {

    /** The model of the schedule annotation. */
    ScheduleModel schedule();

    /** The annotation beside it, as read. */
    Attributes beside();

    @Override
    default Attributes attributes() {
        return schedule().attributes();
    }

    @Override
    default String annotationText() {
        return schedule().annotationText() + " " + beside().annotationText();
    }

    @Override
    default String effectiveText() {
        return schedule().effectiveText() + " " + beside().annotationText();
    }

    @Override
    default String settingsText() {
        return schedule().settingsText() + " " + beside().settingsText();
    }

    @Override
    default String scaleAttribute() {
        return schedule().scaleAttribute();
    }

    @Override
    default double peakLr() {
        return schedule().peakLr();
    }

    @Override
    default List<Landmark> landmarks(long runEnd) {
        return schedule().landmarks(runEnd);
    }

    @Override
    default Optional<String> warmupAttribute() {
        return schedule().warmupAttribute();
    }

    @Override
    default Optional<String> decayAttribute() {
        return schedule().decayAttribute();
    }

    @Override
    default List<QuantityModel> quantities() {
        return schedule().quantities();
    }
}
