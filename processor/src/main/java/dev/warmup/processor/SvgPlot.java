package dev.warmup.processor;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongToDoubleFunction;

/**
 * A learning-rate curve as a small, self-contained SVG: axes with ticks and labels, the curve, dashed markers at the
 * steps where the schedule changes shape, and a title. Written by hand because the processor must stay light (no
 * plotting library on every user's processor path), and deterministic: same schedule, same bytes. A jump of the
 * rate between two flat stretches (a constant warmup's end, a step decay, a plateau's reduction) is drawn vertical at
 * the step that takes the new rate.
 */
final class SvgPlot {

    /** A vertical marker: a step and what happens there. */
    record Marker(long step, String label) {}

    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;
    private static final int LEFT = 78;
    private static final int RIGHT = 24;
    /** The top of the plot under a title of one line, and of two. */
    private static final int TOP = 44;
    private static final int TOP_UNDER_SUBTITLE = 60;
    /** The widest a title line may be: the chart's width less 12 px a side. */
    private static final int TITLE_WIDTH = WIDTH - 24;
    /** At most this many jumps are drawn between two samples; more are under a pixel apart. */
    private static final int JUMPS_BETWEEN_SAMPLES = 8;
    private static final int BOTTOM = 52;
    /** The height of each panel under the rate's. */
    private static final int PANEL_HEIGHT = 200;
    private static final int SAMPLES = 600;

    private SvgPlot() {}

    /**
     * @param title the chart's title: the generated class's name, then optionally {@code ": "} and a subtitle, which
     *     goes on a second line
     * @param lastStep the right end of the x axis
     * @param lr the schedule
     * @param markers steps to mark, within [0, lastStep]
     */
    static String render(String title, long lastStep, LongToDoubleFunction lr, List<Marker> markers) {
        return render(title, lastStep, List.of(new Panel("learning rate", lr)), markers);
    }

    /** A curve of its own, under the rate's: a quantity scheduled beside it, such as the momentum. */
    record Panel(String label, LongToDoubleFunction values) {}

    /**
     * The rate's chart, with a panel under it for each further quantity, on the same steps.
     *
     * @param panels the rate first, then each quantity
     */
    static String render(String title, long lastStep, List<Panel> panels, List<Marker> markers) {
        int colon = title.indexOf(": ");
        String heading = colon < 0 ? title : title.substring(0, colon);
        String subtitle = colon < 0 ? "" : title.substring(colon + 2);
        int height = HEIGHT + (panels.size() - 1) * PANEL_HEIGHT;

        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        // The whole title, as viewers name the image.
        svg.append("<title>").append(escape(title)).append("</title>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(text(WIDTH / 2.0, 24, "middle", "font-size=\"15\" font-weight=\"bold\"" + fit(heading, 15, 0.7),
                escape(heading)));
        if (!subtitle.isEmpty()) {
            svg.append(text(WIDTH / 2.0, 42, "middle", "fill=\"#333\"" + fit(subtitle, 12, 0.62), escape(subtitle)));
        }
        for (int i = 0; i < panels.size(); i++) {
            Frame frame = i == 0 ? new Frame(subtitle.isEmpty() ? TOP : TOP_UNDER_SUBTITLE, HEIGHT - BOTTOM, lastStep)
                    : new Frame(HEIGHT + (i - 1) * PANEL_HEIGHT + 12, HEIGHT + i * PANEL_HEIGHT - BOTTOM, lastStep);
            panel(svg, frame, lastStep, panels.get(i), markers, i == 0);
        }
        return svg.append("</svg>\n").toString();
    }

    /**
     * One panel: grid, ticks, axes, markers and the curve; the rate's axis starts at 0, another quantity's at a round
     * value under its lowest (a momentum between 0.85 and 0.95 fills its panel).
     */
    private static void panel(StringBuilder svg, Frame frame, long lastStep, Panel panel, List<Marker> markers,
            boolean fromZero) {
        Curve curve = curve(samples(lastStep, markers), panel.values());
        double top = 0;
        double bottom = Double.POSITIVE_INFINITY;
        for (double rate : curve.rates()) {
            top = Math.max(top, rate);
            bottom = Math.min(bottom, rate);
        }
        double[] yTicks;
        double spread = Math.min(1.1 * (top - bottom), Double.MAX_VALUE);
        if (fromZero || !(top > bottom) || niceTicks(spread).length < 3) {
            // A tenth of headroom above the curve, for the markers' labels.
            yTicks = niceTicks(top > 0 ? Math.min(1.1 * top, Double.MAX_VALUE) : 1);
        } else {
            double spacing = niceTicks(spread)[1];
            double low = Math.floor(bottom / spacing + 1e-9) * spacing;
            int count = Math.max(1, (int) Math.ceil((top - low) / spacing - 1e-9));
            yTicks = new double[count + 1];
            for (int i = 0; i <= count; i++) {
                yTicks[i] = low + i * spacing;
            }
        }
        double yMin = yTicks[0];
        double yMax = yTicks[yTicks.length - 1];
        double[] xTicks = niceTicks(lastStep);

        // Grid and ticks.
        for (double tick : yTicks) {
            double y = frame.y(tick, yMin, yMax);
            svg.append(line(LEFT, y, WIDTH - RIGHT, y, "#e4e4e4", ""));
            svg.append(text(LEFT - 6, y + 4, "end", "", label(tick, yTicks)));
        }
        for (double tick : xTicks) {
            if (tick > lastStep) {
                continue;
            }
            double x = frame.x(tick);
            svg.append(line(x, frame.top(), x, frame.bottom(), "#e4e4e4", ""));
            svg.append(text(x, frame.bottom() + 16, "middle", "", label(tick, xTicks)));
        }
        // Axes and their labels.
        svg.append(line(LEFT, frame.bottom(), WIDTH - RIGHT, frame.bottom(), "black", ""));
        svg.append(line(LEFT, frame.top(), LEFT, frame.bottom(), "black", ""));
        svg.append(text((LEFT + WIDTH - RIGHT) / 2.0, frame.bottom() + 40, "middle", "", "step"));
        double middle = (frame.top() + frame.bottom()) / 2.0;
        svg.append(text(18, middle, "middle", "transform=\"rotate(-90 18 " + format(middle) + ")\"",
                escape(panel.label())));

        // Markers.
        int row = 0;
        for (Marker marker : markers) {
            if (marker.step() > lastStep) {
                continue;
            }
            double x = frame.x(marker.step());
            svg.append(line(x, frame.top(), x, frame.bottom(), "#c0392b", " stroke-dasharray=\"5 4\""));
            if (!fromZero) {
                continue; // labelled once, on the rate's panel
            }
            // Right of the line, or left of it where the label would run off the chart (about 7 px a character).
            boolean fitsRight = x + 4 + 7 * marker.label().length() <= WIDTH - RIGHT;
            svg.append(text(fitsRight ? x + 4 : x - 4, frame.top() + 12 + 14 * (row++ % 2),
                    fitsRight ? "start" : "end", "fill=\"#c0392b\"", escape(marker.label())));
        }

        // The curve.
        svg.append("<polyline fill=\"none\" stroke=\"").append(fromZero ? "#1f5fbf" : "#2e8b57")
                .append("\" stroke-width=\"2\" points=\"");
        for (int i = 0; i < curve.steps().length; i++) {
            if (i > 0) {
                svg.append(' ');
            }
            appendTenths(svg, frame.x(curve.steps()[i]));
            svg.append(',');
            appendTenths(svg, frame.y(curve.rates()[i], yMin, yMax));
        }
        svg.append("\"/>\n");
    }

    /**
     * The steps to sample, ascending and distinct: {@value #SAMPLES} + 1 evenly spaced, and both sides of every change
     * of shape.
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

    /** The curve's points, steps never decreasing (two points at a jump's step: the old rate, then the new). */
    private record Curve(long[] steps, double[] rates) {}

    /**
     * The samples, and between two samples whose rates differ, each jump of the rate found to its step: the first
     * step that leaves the rate of the sample before (found by bisection, which for a rate that changes at every step
     * stops at once), counted a jump when the rate is flat on both sides of it.
     */
    private static Curve curve(long[] samples, LongToDoubleFunction lr) {
        long[] steps = new long[3 * samples.length];
        double[] rates = new double[steps.length];
        int count = 0;
        double previous = lr.applyAsDouble(samples[0]);
        steps[count] = samples[0];
        rates[count++] = previous;
        for (int i = 1; i < samples.length; i++) {
            long b = samples[i];
            double rateB = lr.applyAsDouble(b);
            long a = samples[i - 1];
            double rateA = previous;
            if (count + 2 * JUMPS_BETWEEN_SAMPLES + 1 > steps.length) {
                steps = Arrays.copyOf(steps, 2 * steps.length);
                rates = Arrays.copyOf(rates, steps.length);
            }
            for (int jumps = 0; jumps < JUMPS_BETWEEN_SAMPLES && rateA != rateB; jumps++) {
                long change = firstChange(lr, a, rateA, b);
                double after = lr.applyAsDouble(change);
                boolean flatBefore = change - 1 == 0 || lr.applyAsDouble(change - 2) == rateA;
                boolean flatAfter = change == Long.MAX_VALUE || lr.applyAsDouble(change + 1) == after;
                if (!flatBefore || !flatAfter) {
                    break; // a slope, not a jump: drawn straight to the next sample
                }
                steps[count] = change;
                rates[count++] = rateA;
                steps[count] = change;
                rates[count++] = after;
                a = change;
                rateA = after;
            }
            steps[count] = b;
            rates[count++] = rateB;
            previous = rateB;
        }
        return new Curve(Arrays.copyOf(steps, count), Arrays.copyOf(rates, count));
    }

    /** The first step in (a, b] whose rate is not {@code rateA}, where the rates between take {@code rateA} first. */
    private static long firstChange(LongToDoubleFunction lr, long a, double rateA, long b) {
        long low = a;
        long high = b;
        while (high - low > 1) {
            long middle = low + (high - low) / 2;
            if (lr.applyAsDouble(middle) == rateA) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return high;
    }

    /** A panel's plot area: from {@code top} to {@code bottom}, from {@code LEFT} to {@code WIDTH - RIGHT}. */
    private record Frame(int top, int bottom, double xMax) {

        double x(double step) {
            return LEFT + (WIDTH - LEFT - RIGHT) * step / xMax;
        }

        double y(double value, double yMin, double yMax) {
            return bottom - (bottom - top) * (value - yMin) / (yMax - yMin);
        }
    }

    /**
     * A title line's width attributes: none where it fits at about {@code em} of its font size a character (sans-serif
     * runs narrower), otherwise {@code textLength}, which makes any renderer fit it to the title's width.
     */
    private static String fit(String text, double size, double em) {
        return text.length() * size * em <= TITLE_WIDTH ? ""
                : " textLength=\"" + TITLE_WIDTH + "\" lengthAdjust=\"spacingAndGlyphs\"";
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
        double spacing = ticks[1] - ticks[0];
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
