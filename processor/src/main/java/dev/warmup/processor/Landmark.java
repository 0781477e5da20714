package dev.warmup.processor;

import java.util.List;
import java.util.function.BiFunction;

/**
 * A step at which a schedule starts a new part, as the processor knows it: what starts there, the attribute that
 * placed it (where a warning about it points), and what kind of part it is. The generated class lists them as
 * {@code dev.warmup.Boundary}s; {@link Lint} checks them against the run's length.
 *
 * @param step the first step of the part
 * @param what what starts there, in words, without its rate
 * @param attribute the attribute that placed the step: {@code milestones[2]}, {@code phases[1].steps}
 * @param kind what the part does
 * @param repeats whether it is one of a part that repeats (a restart, a drop every stepSize), not written one by one
 */
record Landmark(long step, String what, String attribute, Kind kind, boolean repeats) {

    enum Kind {
        /** A part that changes the rate, or holds it, until the next landmark. */
        PART,
        /** A cosine or a cycle: cut before its end, it leaves the rate mid-way. */
        WAVE,
        /** A part that changes over steps ends here (a chained factor): past the run's end, it runs throughout. */
        END,
        /** The rate is constant from here on, to the end of any run. */
        HELD
    }

    static Landmark part(long step, String what, String attribute) {
        return new Landmark(step, what, attribute, Kind.PART, false);
    }

    static Landmark wave(long step, String what, String attribute) {
        return new Landmark(step, what, attribute, Kind.WAVE, false);
    }

    static Landmark end(long step, String what, String attribute) {
        return new Landmark(step, what, attribute, Kind.END, false);
    }

    static Landmark held(long step, String what, String attribute) {
        return new Landmark(step, what, attribute, Kind.HELD, false);
    }

    Landmark repeating() {
        return new Landmark(step, what, attribute, kind, true);
    }

    Landmark at(long newStep, String newWhat) {
        return new Landmark(newStep, newWhat, attribute, kind, repeats);
    }

    /**
     * Adds the parts that start at {@code first + k * period} for {@code k = 1, 2, ...} (below {@code limit} parts in
     * all, up to {@code Long.MAX_VALUE}): those that start before {@code runEnd} and the first at or past it, at most
     * {@link ScheduleModel#repeatsListed} of them from step 0 and then the two around the run's end; each made by
     * {@code of} from its k and its step.
     */
    static void repeated(List<Landmark> to, long first, long period, long runEnd, long limit,
            BiFunction<Long, Long, Landmark> of) {
        if (period <= 0) {
            return;
        }
        long last = Math.min(limit, (Long.MAX_VALUE - first) / period);
        long aroundEnd = runEnd == Long.MAX_VALUE ? 0 : runEnd <= first ? 1 : Math.min(last, (runEnd - first - 1) / period);
        long listed = ScheduleModel.repeatsListed(runEnd);
        for (long k = 1; k <= last; k++) {
            if (k > aroundEnd + 1 && (k > listed || runEnd != Long.MAX_VALUE)) {
                return;
            }
            if (k > listed && k < aroundEnd) {
                k = aroundEnd;
            }
            to.add(of.apply(k, first + k * period).repeating());
        }
    }
}
