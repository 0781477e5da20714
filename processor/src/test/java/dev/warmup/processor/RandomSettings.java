package dev.warmup.processor;

import dev.warmup.Decay;
import dev.warmup.Warmup;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

/**
 * The attributes of one random {@code @WarmupSchedule} of the property tests, as the test chose them: every value,
 * the annotation's default where unset, and which were set.
 */
record RandomSettings(long steps, double initLr, Warmup warmup, double startLr, Decay decay, double gamma,
        long stepSize, long[] milestones, long totalSteps, double minLr, double power, double cycles,
        Set<String> explicit) {

    boolean isSet(String attribute) {
        return explicit.contains(attribute);
    }

    /** cycles as written, or its default: 0.5 for COSINE, 1 for COSINE_RESTARTS. */
    double cyclesOrDefault() {
        return isSet("cycles") ? cycles : decay == Decay.COSINE_RESTARTS ? 1 : 0.5;
    }

    /** The explicit values, as the processor would read them. */
    Attributes attributes() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("steps", steps);
        values.put("initLr", initLr);
        values.put("warmup", warmup);
        values.put("startLr", startLr);
        values.put("decay", decay);
        values.put("gamma", gamma);
        values.put("stepSize", stepSize);
        values.put("milestones", LongStream.of(milestones).boxed().toList());
        values.put("totalSteps", totalSteps);
        values.put("minLr", minLr);
        values.put("power", power);
        values.put("cycles", cycles);
        values.keySet().retainAll(explicit);
        return TestAttributes.of(dev.warmup.WarmupSchedule.class, values);
    }
}
