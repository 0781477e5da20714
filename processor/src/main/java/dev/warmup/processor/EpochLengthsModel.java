package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import java.util.List;

/**
 * A schedule with {@code @Epochs(everyUpdate = true)} beside it: its lengths were stated in epochs and converted to
 * updates before it was validated ({@link EpochModel#inUpdates}), so it runs as written in updates; what it adds is
 * how the generated class describes itself, in both units (the attributes read {@code 5 epochs (250 updates)}, the
 * chart's markers name their epoch).
 *
 * @param schedule the model of the schedule annotation beside it, its lengths in updates
 * @param stepsPerEpoch the updates of an epoch
 * @param beside {@code @Epochs} as read
 */
record EpochLengthsModel(ScheduleModel schedule, long stepsPerEpoch, Attributes beside) implements BesideModel {

    @Override
    public double at(long step) {
        return schedule.at(step);
    }

    @Override
    public CodeBlock body(Code code) {
        return schedule.body(code);
    }

    @Override
    public CodeBlock warmupStepsExpression(Code code) {
        return schedule.warmupStepsExpression(code);
    }

    @Override
    public long warmupSteps() {
        return schedule.warmupSteps();
    }

    @Override
    public String summary() {
        return schedule.summary() + ", its lengths stated in epochs of " + stepsPerEpoch + " updates";
    }

    @Override
    public List<FormulaRow> formulaRows() {
        return schedule.formulaRows();
    }

    @Override
    public List<Long> keySteps() {
        return schedule.keySteps();
    }

    /** The schedule's landmarks, each with its epoch: {@code milestone 1500 (epoch 30)}. */
    @Override
    public List<Landmark> landmarks(long runEnd) {
        return schedule.landmarks(runEnd).stream().map(l -> l.at(l.step(), l.what() + " (epoch " + epoch(l.step())
                + ")")).toList();
    }

    private String epoch(long step) {
        return step % stepsPerEpoch == 0 ? Long.toString(step / stepsPerEpoch)
                : Literals.show((double) step / stepsPerEpoch);
    }

    /** The schedule's markers, each with its epoch: {@code W = 250 (epoch 5)}. */
    @Override
    public List<SvgPlot.Marker> markers() {
        return schedule.markers().stream().map(m -> new SvgPlot.Marker(m.step(), m.label() + " (epoch "
                + epoch(m.step()) + ")")).toList();
    }

    @Override
    public long plotEnd() {
        return schedule.plotEnd();
    }
}
