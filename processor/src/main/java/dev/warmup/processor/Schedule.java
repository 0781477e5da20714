package dev.warmup.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A validated schedule: W warmup steps of one {@link WarmupShape}, then one {@link DecayShape} from step W on.
 * {@link #at(long)} is the reference evaluator; the generated {@code lr(step)} computes the same bits.
 */
record Schedule(long warmupSteps, WarmupShape warmup, DecayShape decay, Settings settings) {

    /** The learning rate at {@code step}, exactly as the generated class computes it. */
    double at(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        return step < warmupSteps ? warmup.at(step) : decay.at(step);
    }

    /** Every constant of the generated class, in declaration order; warmup and decay may share one. */
    List<NamedConstant> constants() {
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

    /** Steps worth showing in the Javadoc: the start, around the end of warmup, and the decay's landmarks. */
    List<Long> keySteps() {
        TreeSet<Long> steps = new TreeSet<>(List.of(0L));
        if (warmupSteps > 1) {
            steps.add(warmupSteps / 2);
            steps.add(warmupSteps - 1);
        }
        steps.addAll(decay.keySteps());
        return List.copyOf(steps);
    }
}
