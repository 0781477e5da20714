package dev.warmup.processor;

import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/** Sources of the error tests: an annotation with one attribute a line, so that a line names one attribute. */
final class ErrorSources {

    private ErrorSources() {}

    /** {@code @<annotation>} with {@code attributes}, one a line, on {@code final class p.Sched}. */
    static JavaFileObject annotated(String annotation, String... attributes) {
        return source("final class", annotation, attributes);
    }

    static JavaFileObject source(String declaration, String annotation, String... attributes) {
        List<String> lines = new ArrayList<>(List.of("package p;", "", "import dev.warmup.*;", "",
                "@" + annotation + "("));
        for (int i = 0; i < attributes.length; i++) {
            lines.add("        " + attributes[i] + (i < attributes.length - 1 ? "," : ")"));
        }
        lines.add(declaration + " Sched {}");
        return JavaFileObjects.forSourceLines("p.Sched", lines);
    }

    /** {@code @PhasedSchedule} of the given phases (each from {@link #phase}). */
    static JavaFileObject phased(String... phases) {
        return annotated("PhasedSchedule", "phases = {\n" + String.join(",\n", phases) + "}");
    }

    /**
     * {@code final class p.Sched} under {@code annotations}, in order, each a line or several (from
     * {@link #oneAttributeALine}).
     */
    static JavaFileObject sched(String... annotations) {
        List<String> lines = new ArrayList<>(List.of("package p;", "", "import dev.warmup.*;", ""));
        for (String annotation : annotations) {
            lines.addAll(annotation.lines().toList());
        }
        lines.add("final class Sched {}");
        return JavaFileObjects.forSourceLines("p.Sched", lines);
    }

    /** An annotation with one attribute a line, its {@code head} ({@code @Quantity(}) on a line of its own. */
    static String oneAttributeALine(String head, String... attributes) {
        return head + "\n" + Stream.of(attributes).map(a -> "        " + a).collect(Collectors.joining(",\n")) + ")";
    }

    /** A {@code @Phase} with one attribute a line. */
    static String phase(String... attributes) {
        return "                @Phase(\n" + Stream.of(attributes).map(a -> "                        " + a)
                .collect(Collectors.joining(",\n")) + ")";
    }
}
