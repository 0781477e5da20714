package dev.warmup.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The schedule lint: settings that compile and run, but are wrong for the run they train, found from the schedule's
 * {@link Landmark}s and rates and the run's length ({@code @RunLength}, or the schedule's own end). Each finding is a
 * warning on the attribute at fault that says what it saw and what to write instead, under a key that
 * {@code @SuppressWarnings} names ({@code "warmup"} for all of them).
 */
final class Lint {

    /** The key of every lint warning, and the prefix of each one's own key. */
    static final String KEY = "warmup";

    /** A rate held at its floor for more than this share of the run. */
    static final double FLOOR_SHARE = 0.2;

    /** A warmup longer than this share of the run. */
    static final double WARMUP_SHARE = 0.25;

    /** A final rate above this share of the peak. */
    static final double FINAL_SHARE = 0.5;

    /** A cosine or a cycle the run leaves before this share of it. */
    static final double WAVE_SHARE = 0.9;

    /** The lint's findings, each with its key. */
    enum Finding {
        PAST_END("past-end"), FLOOR("floor"), LONG_WARMUP("long-warmup"), HIGH_END("high-end"), CUT("cut");

        final String key;

        Finding(String key) {
            this.key = KEY + ":" + key;
        }
    }

    /** Where the lint reports: on an attribute of the schedule's annotation, unless the finding is suppressed. */
    interface Sink {
        void warn(Finding finding, String attribute, String message);
    }

    /**
     * Checks {@code model} against a run of {@code run} steps (its own unit: epochs for a schedule stepped once an
     * epoch), or, for {@code run <= 0}, against the schedule's own end, if it has one.
     *
     * @param perLength the updates of a length as written: stepsPerEpoch with {@code @Epochs(everyUpdate = true)},
     *     whose schedule (and {@code run}) is in updates while its attributes are in epochs; else 1
     * @param unit what a step of the schedule is, for messages: {@code step}, or {@code epoch} for a schedule stepped
     *     once an epoch
     */
    static void check(ScheduleModel model, long run, long perLength, String unit, Sink sink) {
        new Lint(model, perLength, unit).check(run, sink);
    }

    private final ScheduleModel model;
    private final long perLength;
    private final String unit;

    private Lint(ScheduleModel model, long perLength, String unit) {
        this.model = model;
        this.perLength = perLength;
        this.unit = unit;
    }

    /** {@code @RunLength} of a run of {@code steps}, as written: {@code @RunLength(60) = 3000 updates}. */
    private String runLength(long steps) {
        return "@RunLength(" + written(steps) + ")" + (perLength > 1 ? " = " + steps + " updates" : "");
    }

    /** A length as its attribute is written: the steps, or with lengths in epochs, the epochs. */
    private String written(long steps) {
        return steps % perLength == 0 ? Long.toString(steps / perLength) : Literals.show((double) steps / perLength);
    }

    /** A number of steps: {@code 250 steps}, or {@code 5 epochs (250 updates)}. */
    private String count(long steps) {
        return perLength == 1 ? steps + " " + unit + "s" : written(steps) + " epochs (" + steps + " updates)";
    }

    private void check(long run, Sink sink) {
        String runText = runLength(run);
        List<Landmark> landmarks = new ArrayList<>(model.landmarks(run > 0 ? run : Long.MAX_VALUE));
        landmarks.sort(java.util.Comparator.comparingLong(Landmark::step));
        Optional<Landmark> held = landmarks.stream().filter(l -> l.kind() == Landmark.Kind.HELD).findFirst();
        boolean stated = run > 0;
        // the schedule's own end: where it holds a floor below its peak (not a warmup to a rate held for good)
        long end = stated ? run : held.filter(h -> model.at(h.step()) < model.peakLr()).map(Landmark::step)
                .orElse(0L);
        if (end <= 0) {
            return;
        }
        String ofRun = stated ? "the run (" + runText + ")" : "the schedule, which ends at " + unit + " " + end;
        double peak = model.peakLr();
        if (stated) {
            for (Landmark l : landmarks) {
                if ((l.kind() == Landmark.Kind.PART || l.kind() == Landmark.Kind.WAVE) && !l.repeats() && l.step() > 0
                        && l.step() >= run) {
                    sink.warn(Finding.PAST_END, l.attribute(), l.what() + " starts at " + unit + " " + l.step()
                            + ", at or past the end of " + ofRun + ", so it never takes effect; "
                            + (l.attribute().startsWith("milestones") || l.attribute().contains(".milestones")
                                    ? "write milestones below " + written(run) + " (to switch a decay off, leave its "
                                            + "milestones out; with lengths in epochs, state them all in epochs)"
                                    : "move it before " + unit + " " + run + ", or remove it"));
                }
            }
            if (held.isPresent() && held.get().step() < run) {
                long from = held.get().step();
                double rate = model.at(from);
                double share = (double) (run - from) / run;
                if (rate < peak && share > FLOOR_SHARE) {
                    sink.warn(Finding.FLOOR, held.get().attribute(), "the rate reaches its final " + rate(rate)
                            + " at " + unit + " " + from + " and holds it for the last " + (run - from) + " " + unit + "s of "
                            + ofRun + ", " + percent(share) + " of it (more than " + percent(FLOOR_SHARE) + "): "
                            + "stretch the schedule to end at " + unit + " " + run + ", or shorten the run");
                }
            }
        }
        long warmup = model.warmupSteps();
        Optional<String> warmupAttribute = model.warmupAttribute();
        if (warmupAttribute.isPresent() && warmup > WARMUP_SHARE * end) {
            sink.warn(Finding.LONG_WARMUP, warmupAttribute.get(), "the warmup lasts " + count(warmup) + ", "
                    + percent((double) warmup / end) + " of " + ofRun + ": a warmup longer than a quarter of the run"
                    + " leaves little of it at the peak rate; warm up for at most " + count((long) (WARMUP_SHARE * end))
                    + ", or state a longer run");
        }
        boolean cut = false;
        if (stated) {
            Landmark last = null;
            Landmark next = null;
            for (Landmark l : landmarks) {
                if (l.step() <= run - 1) {
                    last = l;
                } else if (next == null && last != null && l.step() > last.step()) {
                    next = l;
                }
            }
            if (last != null && last.kind() == Landmark.Kind.WAVE && next != null && next.step() > run) {
                double done = (double) (run - last.step()) / (next.step() - last.step());
                if (done < WAVE_SHARE) {
                    cut = true;
                    sink.warn(Finding.CUT, last.attribute(), "the run ends " + percent(done) + " into " + last.what()
                            + " (" + unit + "s " + last.step() + " to " + next.step() + "): its last " + unit + ", " + (run - 1)
                            + ", trains at " + rate(model.at(run - 1)) + ", not at the " + rate(model.at(next.step() - 1))
                            + " where it ends; " + endWithRun(last, next, run));
                }
            }
        }
        Optional<String> decayAttribute = model.decayAttribute();
        double lastRate = stated ? model.at(end - 1) : 0;
        if (stated && !cut && decayAttribute.isPresent() && peak > 0 && lastRate > FINAL_SHARE * peak) {
            sink.warn(Finding.HIGH_END, decayAttribute.get(), "the rate at the last " + unit + " of " + ofRun + ", " + unit + " "
                    + (end - 1) + ", is " + rate(lastRate) + ", " + percent(lastRate / peak) + " of the peak "
                    + rate(peak) + ": the run ends before the schedule has decayed (more than half the peak"
                    + " left); decay faster or further, or train longer");
        }
    }

    /** What to write so that the wave ends with the run. */
    private String endWithRun(Landmark wave, Landmark next, long run) {
        String attribute = wave.attribute();
        if (attribute.equals("totalSteps")) {
            return "set totalSteps = " + written(run) + " to end it with the run, or train to " + unit + " " + next.step();
        }
        if (attribute.startsWith("phases[")) {
            return "make the phase " + count(run - wave.step()) + " long (steps = " + written(run - wave.step())
                    + ") to end it with the run, or train to " + unit + " " + next.step();
        }
        return "train to the end of the cycle, " + unit + " " + next.step() + " (" + runLength(next.step()) + "), or to the end of the one before, " + unit + " " + wave.step()
                + ", or choose cycle lengths that end at " + unit + " " + run;
    }

    /** A rate in a message: four significant digits. */
    private static String rate(double value) {
        return Literals.show(new java.math.BigDecimal(value).round(new java.math.MathContext(4)).doubleValue());
    }

    private static String percent(double share) {
        double p = 100 * share;
        return (p == Math.rint(p) || p >= 10 ? String.format(Locale.ROOT, "%.0f", p)
                : String.format(Locale.ROOT, "%.1f", p)) + " %";
    }
}
