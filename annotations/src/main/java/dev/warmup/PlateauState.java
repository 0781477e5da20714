package dev.warmup;

import java.io.Serializable;
import java.util.Objects;

/**
 * The state of a {@link PlateauLr} between two calls: every value PyTorch's {@code ReduceLROnPlateau} changes as it
 * runs. A snapshot, for checkpoints: {@link PlateauLr#state()} takes one, {@link PlateauLr#restore} puts it back, and a
 * restored schedule goes on exactly as the one it was taken from. It is {@link Serializable} (for checkpoints that keep
 * objects, such as DL4J's {@code ModelSerializer.addObjectToFile}) and has a lossless text form, {@link #encode()}
 * (for checkpoints that keep strings, such as DJL's {@code Model.setProperty}).
 *
 * @param fingerprint the {@link PlateauLr#fingerprint()} of the schedule the state was taken from, which
 *     {@link PlateauLr#restore} checks
 * @param lr the current plateau rate
 * @param best the best metric seen so far: {@code Infinity} ({@link PlateauMode#MIN}) or {@code -Infinity}
 *     ({@link PlateauMode#MAX}) before the first observation; never NaN
 * @param badEvaluations the evaluations since the last improvement, PyTorch's {@code num_bad_epochs}
 * @param cooldownLeft the evaluations of cooldown still to come, PyTorch's {@code cooldown_counter}
 * @param evaluations the observations counted so far (those after the warmup), PyTorch's {@code last_epoch}
 * @serial exclude
 */
// "@serial exclude" only keeps the record off javadoc's Serialized Form page: JDK 17's doclint asks there for a
// comment on each component's private field, which the @param tags above already give.
public record PlateauState(String fingerprint, double lr, double best, int badEvaluations, int cooldownLeft,
        long evaluations) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * The state, checked for what no run of any plateau schedule can give (each generated class checks its own
     * bounds when it restores one).
     *
     * @param fingerprint the schedule's fingerprint: not empty, no white space
     * @param lr the current plateau rate
     * @param best the best metric seen so far, never NaN
     * @param badEvaluations the evaluations since the last improvement
     * @param cooldownLeft the evaluations of cooldown still to come
     * @param evaluations the observations counted so far, {@code >= 0}
     * @throws IllegalArgumentException if {@code fingerprint} is empty or has white space, {@code best} is NaN or
     *     {@code evaluations} is negative
     * @throws NullPointerException if {@code fingerprint} is null (a state serialised before states had one)
     */
    public PlateauState {
        Objects.requireNonNull(fingerprint, "fingerprint is null: a state saved before states carried their"
                + " schedule's fingerprint; start the schedule over, or make the state anew with"
                + " new PlateauState(schedule.fingerprint(), ...)");
        if (fingerprint.isEmpty() || fingerprint.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("fingerprint = \"" + fingerprint + "\" is not allowed: the schedule's"
                    + " fingerprint is one word, not empty");
        }
        if (Double.isNaN(best)) {
            throw new IllegalArgumentException("best = NaN is not allowed: the best metric is never NaN (a NaN metric"
                    + " never improves)");
        }
        if (evaluations < 0) {
            throw new IllegalArgumentException("evaluations = " + evaluations + " is not allowed: it counts"
                    + " observations, >= 0");
        }
    }

    /**
     * The state as one line of text that {@link #decode} reads back to an equal state: the fingerprint, the two
     * doubles in {@link Double#toHexString} form (exact), then the three counts, separated by spaces:
     * {@code 5d0c1c9a3e0b2f47 0x1.999999999999ap-4 Infinity 0 0 0}.
     *
     * @return the text form
     */
    public String encode() {
        return fingerprint + " " + Double.toHexString(lr) + " " + Double.toHexString(best) + " " + badEvaluations + " "
                + cooldownLeft + " " + evaluations;
    }

    /**
     * Reads the text form written by {@link #encode()}.
     *
     * @param text six fields separated by single spaces
     * @return the state it encodes
     * @throws IllegalArgumentException if {@code text} is not six such fields
     * @throws NullPointerException if {@code text} is null
     */
    public static PlateauState decode(String text) {
        String[] fields = text.split(" ", -1);
        if (fields.length == 5) {
            throw new IllegalArgumentException("not a PlateauState of this version: \"" + text + "\" has five fields,"
                    + " as states had before they carried their schedule's fingerprint; put schedule.fingerprint()"
                    + " and a space in front of it to restore it into that schedule");
        }
        if (fields.length != 6) {
            throw new IllegalArgumentException("not a PlateauState (six fields separated by spaces): \"" + text
                    + "\"");
        }
        try {
            return new PlateauState(fields[0], Double.parseDouble(fields[1]), Double.parseDouble(fields[2]),
                    Integer.parseInt(fields[3]), Integer.parseInt(fields[4]), Long.parseLong(fields[5]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a PlateauState: \"" + text + "\": " + e.getMessage(), e);
        }
    }
}
