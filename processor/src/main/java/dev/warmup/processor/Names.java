package dev.warmup.processor;

import java.util.function.UnaryOperator;

/**
 * What a {@link Shape} is called where it is used: the names of its constants (by role, such as {@code SLOPE} or
 * {@code START_LR}) and the words of its formula. A warmup's slope is {@code WARMUP_SLOPE}, "(initLr - startLr) / W";
 * the third phase's is {@code PHASE_3_SLOPE}, "(0.001 - 0.0) / 2000 of phase 3".
 *
 * @param naming a role's constant name
 * @param label what the shape is in documentation ({@code phase 3}), or "" where the words say it
 * @param a the start rate in the formula's words ({@code startLr}, {@code 0.001})
 * @param b the end rate in the formula's words
 * @param u the steps done in the formula's words ({@code t}, {@code (t - W)})
 * @param length the span's length in the formula's words ({@code W}, {@code (T - W)}, {@code 2000})
 * @param noun what the shape's values are, in documentation: {@code rate}, {@code momentum}
 */
record Names(UnaryOperator<String> naming, String label, String a, String b, String u, String length, String noun) {

    /** Names of a shape of the rate. */
    Names(UnaryOperator<String> naming, String label, String a, String b, String u, String length) {
        this(naming, label, a, b, u, length, "rate");
    }

    /**
     * Names of a shape of another quantity, its constants named {@code PREFIX_ROLE} with the rate's {@code _LR} left
     * out of the role: {@code MOMENTUM_START}, {@code PHASE_1_MOMENTUM_AMPLITUDE}.
     */
    static Names ofQuantity(String prefix, String noun, String label, String a, String b, String u, String length) {
        return new Names(role -> prefix + "_" + (role.equals("LR") ? "VALUE" : role.replace("_LR", "")), label, a, b,
                u, length, noun);
    }

    /** Constants named {@code PREFIX_ROLE}, a rate held throughout named {@code PREFIX_LR}. */
    static Names prefixed(String prefix, String label, String a, String b, String u, String length) {
        return new Names(role -> prefix + "_" + role, label, a, b, u, length);
    }

    String name(String role) {
        return naming.apply(role);
    }

    /**
     * The doc of a derived constant: its formula in the words of this use ({@code (initLr - startLr) / W}), or, for a
     * labelled shape, in a, b and L, and whose it is ({@code |b - a| / L of phase 2}).
     */
    String doc(String template) {
        return doc(template, "");
    }

    /** As {@link #doc(String)}, then {@code tail}. */
    String doc(String template, String tail) {
        if (label.isEmpty()) {
            return words(template) + tail;
        }
        String symbolic = template.replace("({b} - {a})", "|b - a|").replace("({a} - {b})", "|b - a|")
                .replace("{b} - {a}", "|b - a|").replace("{a} - {b}", "|b - a|")
                .replace("{a}", "a").replace("{b}", "b").replace("{u}", "u").replace("{L}", "L");
        return symbolic + " of " + label + tail;
    }

    /** The doc of the start rate's constant. */
    String startDoc() {
        return label.isEmpty() ? a : "a, the " + noun + " " + label + " starts at";
    }

    /** The doc of the end rate's constant. */
    String endDoc() {
        return label.isEmpty() ? b : "b, the " + noun + " " + label + " ends at";
    }

    /**
     * A template with {@code {a}}, {@code {b}}, {@code {u}} and {@code {L}} in the words of this use; a difference with
     * a rate written {@code 0} is that of the other rate.
     */
    String words(String template) {
        if (a.equals("0")) {
            template = template.replace("({b} - {a})", "{b}");
        }
        if (b.equals("0")) {
            template = template.replace("({a} - {b})", "{a}");
        }
        return template.replace("{a}", a).replace("{b}", b).replace("{u}", u).replace("{L}", length);
    }
}
