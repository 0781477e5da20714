package dev.warmup.processor;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongToDoubleFunction;

/**
 * A learning-rate curve as a small, self-contained SVG: axes with ticks and labels, the curve, dashed markers at the
 * steps where the schedule changes shape, and a title. Written by hand because the processor must stay light (no
 * plotting library on every user's processor path), and deterministic: same schedule, same bytes.
 */
final class SvgPlot {

    /** A vertical marker: a step and what happens there. */
    record Marker(long step, String label) {}

    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;
    private static final int LEFT = 78;
    private static final int RIGHT = 24;
    private static final int TOP = 44;
    private static final int BOTTOM = 52;
    private static final int SAMPLES = 600;

    private SvgPlot() {}

    /**
     * @param title the chart's title (the generated class's name)
     * @param lastStep the right end of the x axis
     * @param lr the schedule
     * @param markers steps to mark, within [0, lastStep]
     */
    static String render(String title, long lastStep, LongToDoubleFunction lr, List<Marker> markers) {
        long[] steps = samples(lastStep, markers);
        double[] rates = new double[steps.length];
        double top = 0;
        for (int i = 0; i < steps.length; i++) {
            rates[i] = lr.applyAsDouble(steps[i]);
            top = Math.max(top, rates[i]);
        }
        // A tenth of headroom above the curve, for the markers' labels.
        double[] yTicks = niceTicks(top > 0 ? Math.min(1.1 * top, Double.MAX_VALUE) : 1);
        double yMax = yTicks[yTicks.length - 1];
        double[] xTicks = niceTicks(lastStep);
        double xMax = lastStep;

        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(text(WIDTH / 2.0, 24, "middle", "font-size=\"15\" font-weight=\"bold\"", escape(title)));

        // Grid and ticks.
        for (double tick : yTicks) {
            double y = y(tick, yMax);
            svg.append(line(LEFT, y, WIDTH - RIGHT, y, "#e4e4e4", ""));
            svg.append(text(LEFT - 6, y + 4, "end", "", label(tick, yTicks)));
        }
        for (double tick : xTicks) {
            if (tick > xMax) {
                continue;
            }
            double x = x(tick, xMax);
            svg.append(line(x, TOP, x, HEIGHT - BOTTOM, "#e4e4e4", ""));
            svg.append(text(x, HEIGHT - BOTTOM + 16, "middle", "", label(tick, xTicks)));
        }
        // Axes and their labels.
        svg.append(line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "black", ""));
        svg.append(line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, "black", ""));
        svg.append(text((LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 12, "middle", "", "step"));
        svg.append(text(18, (TOP + HEIGHT - BOTTOM) / 2.0, "middle",
                "transform=\"rotate(-90 18 " + format((TOP + HEIGHT - BOTTOM) / 2.0) + ")\"", "learning rate"));

        // Markers.
        int row = 0;
        for (Marker marker : markers) {
            if (marker.step() > lastStep) {
                continue;
            }
            double x = x(marker.step(), xMax);
            svg.append(line(x, TOP, x, HEIGHT - BOTTOM, "#c0392b", " stroke-dasharray=\"5 4\""));
            // Right of the line, or left of it where the label would run off the chart (about 7 px a character).
            boolean fitsRight = x + 4 + 7 * marker.label().length() <= WIDTH - RIGHT;
            svg.append(text(fitsRight ? x + 4 : x - 4, TOP + 12 + 14 * (row++ % 2), fitsRight ? "start" : "end",
                    "fill=\"#c0392b\"", escape(marker.label())));
        }

        // The curve.
        svg.append("<polyline fill=\"none\" stroke=\"#1f5fbf\" stroke-width=\"2\" points=\"");
        for (int i = 0; i < steps.length; i++) {
            if (i > 0) {
                svg.append(' ');
            }
            appendTenths(svg, x(steps[i], xMax));
            svg.append(',');
            appendTenths(svg, y(rates[i], yMax));
        }
        svg.append("\"/>\n");
        return svg.append("</svg>\n").toString();
    }

    /**
     * The steps to draw, ascending and distinct: {@value #SAMPLES} + 1 evenly spaced, and both sides of every change
     * of shape, so that a jump (constant warmup) is drawn as a jump.
     */
    private static long[] samples(long lastStep, List<Marker> markers) {
        long[] steps = new long[SAMPLES + 1 + 2 * markers.size()];
        int count = 0;
        for (int i = 0; i <= SAMPLES; i++) {
            steps[count++] = Math.round((double) lastStep * i / SAMPLES);
        }
        for (Marker marker : markers) {
            if (marker.step() <= lastStep) {
                steps[count++] = Math.max(0, marker.step() - 1);
                steps[count++] = marker.step();
            }
        }
        Arrays.sort(steps, 0, count);
        int distinct = 0;
        for (int i = 0; i < count; i++) {
            if (distinct == 0 || steps[i] != steps[distinct - 1]) {
                steps[distinct++] = steps[i];
            }
        }
        return Arrays.copyOf(steps, distinct);
    }

    private static double x(double step, double xMax) {
        return LEFT + (WIDTH - LEFT - RIGHT) * step / xMax;
    }

    private static double y(double value, double yMax) {
        return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * value / yMax;
    }

    /** 0 and 3 to 10 round steps (1, 2 or 5 times a power of ten) up to at least {@code max}. */
    static double[] niceTicks(double max) {
        if (!(max > 1e-300 && max < 1e300)) {
            // Rates no schedule trains with, but which a user may write: 0 and the top, nothing finer.
            return new double[] {0, max > 0 && Double.isFinite(max) ? max : 1};
        }
        double rough = max / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double spacing = rough / magnitude <= 1 ? magnitude : rough / magnitude <= 2 ? 2 * magnitude
                : rough / magnitude <= 5 ? 5 * magnitude : 10 * magnitude;
        int count = Math.max(1, (int) Math.ceil(max / spacing - 1e-9));
        double[] ticks = new double[count + 1];
        for (int i = 0; i <= count; i++) {
            ticks[i] = i * spacing;
        }
        return ticks;
    }

    /** A tick label: plain for moderate numbers, {@code 6e-4} style for small or large ones. */
    static String label(double value, double[] ticks) {
        if (value == 0) {
            return "0";
        }
        double spacing = ticks[1];
        if (spacing >= 1e-3 && ticks[ticks.length - 1] < 1e6) {
            int decimals = Math.max(0, (int) -Math.floor(Math.log10(spacing) + 1e-9));
            return String.format(Locale.ROOT, "%." + decimals + "f", value);
        }
        String text = String.format(Locale.ROOT, "%.1e", value);
        String mantissa = text.substring(0, text.indexOf('e')).replace(".0", "");
        int exponent = Integer.parseInt(text.substring(text.indexOf('e') + 1));
        return mantissa + "e" + exponent;
    }

    private static String line(double x1, double y1, double x2, double y2, String color, String extra) {
        return "<line x1=\"" + format(x1) + "\" y1=\"" + format(y1) + "\" x2=\"" + format(x2) + "\" y2=\"" + format(y2)
                + "\" stroke=\"" + color + "\"" + extra + "/>\n";
    }

    private static String text(double x, double y, String anchor, String extra, String content) {
        return "<text x=\"" + format(x) + "\" y=\"" + format(y) + "\" text-anchor=\"" + anchor + "\""
                + (extra.isEmpty() ? "" : " " + extra) + ">" + content + "</text>\n";
    }

    /** One decimal, as {@code String.format("%.1f")} would write it, without its cost (600 points a chart). */
    private static String format(double value) {
        return appendTenths(new StringBuilder(8), value).toString();
    }

    /** {@link #format}, appended to {@code text} (the curve's 600 points, without a string each). */
    private static StringBuilder appendTenths(StringBuilder text, double value) {
        long tenths = Math.round(value * 10);
        if (tenths < 0) {
            text.append('-');
            tenths = -tenths;
        }
        return text.append(tenths / 10).append('.').append(tenths % 10);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
