package dev.warmup.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SVG chart the processor writes beside each generated source, and its processor option. */
class SvgChartTest {

    private static final JavaFileObject NANO_GPT = JavaFileObjects.forSourceLines("p.NanoGpt",
            "package p;",
            "import dev.warmup.*;",
            "@WarmupSchedule(steps = 2000, initLr = 6e-4, startLr = 6e-7, decay = Decay.COSINE, totalSteps = 20000,",
            "        minLr = 6e-5)",
            "final class NanoGpt {}");

    /** A plateau schedule after a warmup (GeneratedSourceTest's golden one). */
    private static final JavaFileObject WARMUP_PLATEAU = GeneratedSourceTest.WARMUP_PLATEAU;

    @Test
    void chartIsWellFormedSvgWithTheCurveTheAxesAndTheMarkers() throws Exception {
        Compilation compilation = Compiler.compile(NANO_GPT);
        assertThat(compilation).succeededWithoutWarnings();
        Document svg = parse(chart(compilation));
        Element root = svg.getDocumentElement();
        assertEquals("svg", root.getTagName());
        assertEquals("http://www.w3.org/2000/svg", root.getAttribute("xmlns"));
        String text = root.getTextContent();
        assertThat(text).contains("NanoGptStepLr");
        assertThat(text).contains("learning rate");
        assertThat(text).contains("step");
        assertThat(text).contains("W = 2000");
        assertThat(text).contains("T = 20000");

        NodeList curves = svg.getElementsByTagName("polyline");
        assertEquals(1, curves.getLength());
        String[] points = ((Element) curves.item(0)).getAttribute("points").split(" ");
        assertTrue(points.length > 600, "points: " + points.length);
        // The curve rises through warmup to its top at W, then falls: its highest point (smallest y) is at W.
        double[] first = point(points[0]);
        double lowestY = Double.MAX_VALUE;
        double xOfTop = -1;
        for (String p : points) {
            double[] xy = point(p);
            if (xy[1] < lowestY) {
                lowestY = xy[1];
                xOfTop = xy[0];
            }
        }
        double[] last = point(points[points.length - 1]);
        assertTrue(first[1] > lowestY && last[1] > lowestY, "the peak is inside the curve");
        // W = 2000 of an axis to 22000 steps: about 9 % of the plot's width from its left edge.
        double fraction = (xOfTop - first[0]) / (last[0] - first[0]);
        assertEquals(2000.0 / 22000, fraction, 0.01);
        // Dashed markers at W and T, and tick labels on both axes.
        assertEquals(2, svg.getElementsByTagName("line").getLength() - countPlainLines(svg));
        assertThat(text).contains("5000");
        assertThat(text).contains("6e-4");
    }

    @Test
    void sameScheduleSameBytes() throws IOException {
        assertEquals(chart(Compiler.compile(NANO_GPT)), chart(Compiler.compile(NANO_GPT)));
    }

    @Test
    void optionTurnsTheChartOff() {
        Compilation compilation = Compiler.compiler("-Awarmup.plot=false").withProcessors(new WarmupProcessor())
                .compile(NANO_GPT);
        assertThat(compilation).succeededWithoutWarnings();
        assertTrue(compilation.generatedFile(StandardLocation.SOURCE_OUTPUT, "p", "NanoGptStepLr.svg").isEmpty());
        assertThat(compilation).generatedSourceFile("p.NanoGptStepLr");
    }

    @Test
    void ticksAreRoundNumbersCoveringTheRange() {
        assertArrayEquals(new double[] {0, 2e-4, 4e-4, 6e-4}, SvgPlot.niceTicks(6e-4), 1e-18);
        assertArrayEquals(new double[] {0, 5000, 10000, 15000, 20000, 25000}, SvgPlot.niceTicks(22000), 1e-9);
        assertEquals("6e-4", SvgPlot.label(6e-4, SvgPlot.niceTicks(6e-4)));
        assertEquals("0.05", SvgPlot.label(0.05, SvgPlot.niceTicks(0.1)));
        assertEquals("20000", SvgPlot.label(20000, SvgPlot.niceTicks(22000)));
    }

    /** Rates no one trains with but anyone may write (the fuzz tests found these): a chart all the same. */
    @Test
    void extremeRatesStillGiveAChart() {
        for (double top : new double[] {Double.MAX_VALUE, 1e300, 1e-300, Double.MIN_VALUE, 0}) {
            double[] ticks = SvgPlot.niceTicks(top);
            assertTrue(ticks.length >= 2 && ticks[0] == 0 && Double.isFinite(ticks[ticks.length - 1]), "" + top);
            String svg = SvgPlot.render("Extreme", 100, step -> top, List.of(new SvgPlot.Marker(10, "W = 10")));
            assertThat(svg).doesNotContain("NaN");
            assertThat(svg).doesNotContain("Infinity");
        }
    }

    /** The chart of a {@code @PhasedSchedule} marks where each phase ends, as dashed lines labelled with it. */
    @Test
    void phasedChartMarksThePhaseBoundaries() throws Exception {
        Compilation compilation = Compiler.compile(JavaFileObjects.forSourceLines("p.Wsd",
                "package p;",
                "import dev.warmup.*;",
                "@PhasedSchedule(phases = {",
                "        @Phase(steps = 1000, shape = PhaseShape.LINEAR, endLr = 1e-3),",
                "        @Phase(steps = 7000, shape = PhaseShape.CONSTANT, endLr = 1e-3),",
                "        @Phase(steps = 2000, shape = PhaseShape.LINEAR, endLr = 0.0)})",
                "final class Wsd {}"));
        assertThat(compilation).succeededWithoutWarnings();
        Document svg = parse(compilation.generatedFile(StandardLocation.SOURCE_OUTPUT, "p", "WsdStepLr.svg")
                .orElseThrow().getCharContent(false).toString());
        String text = svg.getDocumentElement().getTextContent();
        assertThat(text).contains("phase 1 ends");
        assertThat(text).contains("phase 2 ends");
        assertThat(text).contains("phase 3 ends");
        NodeList lines = svg.getElementsByTagName("line");
        int dashed = 0;
        for (int i = 0; i < lines.getLength(); i++) {
            dashed += ((Element) lines.item(i)).hasAttribute("stroke-dasharray") ? 1 : 0;
        }
        assertEquals(3, dashed, "one dashed line a phase boundary");
    }

    /**
     * A plateau chart's title is the class's name and a subtitle, wider than the chart on one line: the subtitle goes
     * on a line of its own, and each line fits the chart's width (at 0.7 em a character, more than any sans-serif
     * font's average), with room left: neither is squeezed.
     */
    @Test
    void plateauTitleFitsTheChart() throws Exception {
        Compilation compilation = Compiler.compile(WARMUP_PLATEAU);
        assertThat(compilation).succeededWithoutWarnings();
        Document svg = parse(chart(compilation, "WarmupPlateauPlateauLr.svg"));
        List<Element> title = titleLines(svg);
        assertEquals(List.of("WarmupPlateauPlateauLr", "fastest decay (no improvement after the first evaluation)"),
                title.stream().map(Element::getTextContent).toList());
        for (Element line : title) {
            double size = Double.parseDouble(line.getAttribute("font-size").isEmpty() ? "12"
                    : line.getAttribute("font-size"));
            assertTrue(line.getTextContent().length() * size * 0.7 <= 616, line.getTextContent());
            assertEquals("", line.getAttribute("textLength"), line.getTextContent());
        }
    }

    /** A class name too long for the chart's width is fitted to it by the renderer ({@code textLength}), not cut. */
    @Test
    void aLongTitleIsFittedToTheChartsWidth() throws Exception {
        String name = "ValidationLossOfTheImageClassifierWithAVeryLongDescriptiveNameForTestingPlateauLr";
        Document svg = parse(SvgPlot.render(name + ": fastest decay (no improvement after the first evaluation)",
                100, step -> 0.1, List.of()));
        Element heading = titleLines(svg).get(0);
        assertEquals(name, heading.getTextContent());
        assertEquals("616", heading.getAttribute("textLength"));
        assertEquals("spacingAndGlyphs", heading.getAttribute("lengthAdjust"));
        assertEquals("320.0", heading.getAttribute("x"));
        assertEquals("middle", heading.getAttribute("text-anchor"));
    }

    /**
     * A STEP decay between two samples: the drop is found to its step by bisection and drawn as a vertical segment
     * there, from the old rate to the new, not as a slope to the next sample.
     */
    @Test
    void stepDropsBetweenSamplesAreVerticalAtTheirStep() throws Exception {
        // Drops at 3001, 6002 and 9003 of 10000: between samples, which are 16 or 17 steps apart.
        Document svg = parse(SvgPlot.render("StepDecay", 10_000, step -> 0.1 * Math.pow(0.5, step / 3001),
                List.of()));
        List<double[]> points = curve(svg);
        assertOnlyHorizontalAndVertical(points);
        double[] axis = xAxis(svg);
        assertDropsAt(verticalDrops(points, 1), axis[0] + axis[1] * 3001, axis[0] + axis[1] * 6002,
                axis[0] + axis[1] * 9003);
        // Far along a long axis too: the drop at step 2^62 + 12345 of 2^63 - 1.
        long step = (1L << 62) + 12345;
        Document huge = parse(SvgPlot.render("Huge", Long.MAX_VALUE, s -> s < step ? 0.1 : 0.01, List.of()));
        assertOnlyHorizontalAndVertical(curve(huge));
        assertDropsAt(verticalDrops(curve(huge), 1), 78 + 538 * 0.5);
    }

    /** A STEP decay over few steps (every step a sample): each drop is vertical at the step that takes the new rate. */
    @Test
    void stepDecayChartDropsAtTheStep() throws Exception {
        Compilation compilation = Compiler.compile(JavaFileObjects.forSourceLines("p.ShortStep",
                "package p;",
                "import dev.warmup.*;",
                "@WarmupSchedule(steps = 0, initLr = 0.1, decay = Decay.STEP, stepSize = 7, gamma = 0.5)",
                "final class ShortStep {}"));
        assertThat(compilation).succeededWithoutWarnings();
        Document svg = parse(chart(compilation, "ShortStepStepLr.svg"));
        List<double[]> points = curve(svg);
        assertOnlyHorizontalAndVertical(points);
        double[] axis = xAxis(svg);
        assertDropsAt(verticalDrops(points, 1), axis[0] + 7 * axis[1], axis[0] + 14 * axis[1]);
    }

    /**
     * The plateau chart: the rate is cut at one step each time, so the curve is flat and vertical only, and its first
     * drop is at the "first reduction" marker.
     */
    @Test
    void plateauChartDropsAreVertical() throws Exception {
        Compilation compilation = Compiler.compile(JavaFileObjects.forSourceLines("p.ValLoss",
                "package p;",
                "import dev.warmup.*;",
                "@PlateauSchedule(initLr = 0.1, factor = 0.5, patience = 3, cooldown = 2, minLr = 1e-4)",
                "final class ValLoss {}"));
        assertThat(compilation).succeededWithoutWarnings();
        Document svg = parse(chart(compilation, "ValLossPlateauLr.svg"));
        List<double[]> points = curve(svg);
        assertOnlyHorizontalAndVertical(points);
        List<Double> drops = verticalDrops(points, 1);
        assertTrue(drops.size() >= 6, "drops at x " + drops);
        Element marker = dashedLines(svg).get(0);
        assertEquals(Double.parseDouble(marker.getAttribute("x1")), drops.get(0), 0.051);
        // Patience 3, cooldown 2: the first reduction at step 5, then one every 6 steps.
        double[] axis = xAxis(svg);
        for (int k = 0; k < drops.size(); k++) {
            assertEquals(axis[0] + axis[1] * (5 + 6 * k), drops.get(k), 0.051, "drop " + (k + 1));
        }
        // The warmup's line stays a line, and the first reduction after it is vertical.
        Document warmup = parse(chart(Compiler.compile(WARMUP_PLATEAU), "WarmupPlateauPlateauLr.svg"));
        assertEquals(Double.parseDouble(dashedLines(warmup).get(1).getAttribute("x1")),
                verticalDrops(curve(warmup), 1).get(0), 0.051);
    }

    /** Smooth curves have no jump to draw: no vertical segment longer than a pixel. */
    @Test
    void smoothCurvesGetNoVerticalSegments() throws Exception {
        JavaFileObject clr = JavaFileObjects.forSourceLines("p.Clr",
                "package p;",
                "import dev.warmup.*;",
                "@CyclicSchedule(baseLr = 0.001, maxLr = 0.1, stepSizeUp = 500, mode = CyclicMode.TRIANGULAR2)",
                "final class Clr {}");
        JavaFileObject tiny = JavaFileObjects.forSourceLines("p.Tiny",
                "package p;",
                "import dev.warmup.*;",
                "@WarmupSchedule(steps = 10, initLr = 0.1, decay = Decay.COSINE, totalSteps = 40)",
                "final class Tiny {}");
        Compilation compilation = Compiler.compile(NANO_GPT, clr, tiny);
        assertThat(compilation).succeededWithoutWarnings();
        for (String file : List.of("NanoGptStepLr.svg", "ClrStepLr.svg", "TinyStepLr.svg")) {
            assertEquals(List.of(), verticalDrops(curve(parse(chart(compilation, file))), 1), file);
        }
    }

    /**
     * A schedule with quantities beside the rate: a panel each under the rate's, on the same steps, labelled with the
     * method's name; the momentum's curve is lowest where the rate is highest.
     */
    @Test
    void eachQuantityHasAPanelUnderTheRates() throws Exception {
        Compilation compilation = Compiler.compile(JavaFileObjects.forSourceLines("p.Cycle",
                "package p;",
                "import dev.warmup.*;",
                "@OneCycleSchedule(maxLr = 0.1, totalSteps = 1000)",
                "@Quantity(kind = QuantityKind.WEIGHT_DECAY, shape = PhaseShape.COSINE, start = 0.04, end = 0.4,"
                        + " steps = 1000)",
                "final class Cycle {}"));
        assertThat(compilation).succeededWithoutWarnings();
        Document svg = parse(chart(compilation, "CycleStepLr.svg"));
        Element root = svg.getDocumentElement();
        assertEquals("760", root.getAttribute("height"), "the rate's 360 px and two panels of 200");
        String text = root.getTextContent();
        assertThat(text).contains("learning rate");
        assertThat(text).contains("momentum");
        assertThat(text).contains("weightDecay");
        NodeList curves = svg.getElementsByTagName("polyline");
        assertEquals(3, curves.getLength());
        List<double[]> rate = points((Element) curves.item(0));
        List<double[]> momentum = points((Element) curves.item(1));
        // The momentum's panel lies under the rate's; its lowest point (largest y) is at the rate's highest (smallest
        // y): the peak of the one cycle, step 299.
        double rateTopX = rate.stream().min(java.util.Comparator.comparingDouble(p -> p[1])).orElseThrow()[0];
        double momentumBottomX = momentum.stream().max(java.util.Comparator.comparingDouble(p -> p[1]))
                .orElseThrow()[0];
        assertEquals(rateTopX, momentumBottomX, 1.0);
        assertTrue(momentum.stream().allMatch(p -> p[1] > 360 && p[1] < 560), "the momentum's panel is 360 to 560");
        // The momentum's axis starts at a round value under 0.85, not at 0: its curve fills the panel.
        double top = momentum.stream().mapToDouble(p -> p[1]).min().orElseThrow();
        double bottom = momentum.stream().mapToDouble(p -> p[1]).max().orElseThrow();
        assertTrue(bottom - top > 100, "the momentum spans " + (bottom - top) + " px");
    }

    private static List<double[]> points(Element polyline) {
        List<double[]> points = new ArrayList<>();
        for (String p : polyline.getAttribute("points").split(" ")) {
            points.add(point(p));
        }
        return points;
    }

    private static String chart(Compilation compilation, String file) throws IOException {
        return compilation.generatedFile(StandardLocation.SOURCE_OUTPUT, "p", file).orElseThrow()
                .getCharContent(false).toString();
    }

    /** The title's lines: the texts before the first line (the grid, the axes and the plot come after). */
    private static List<Element> titleLines(Document svg) {
        List<Element> lines = new ArrayList<>();
        for (org.w3c.dom.Node node = svg.getDocumentElement().getFirstChild(); node != null;
                node = node.getNextSibling()) {
            if ("line".equals(node.getNodeName())) {
                break;
            }
            if ("text".equals(node.getNodeName())) {
                lines.add((Element) node);
            }
        }
        return lines;
    }

    /** {@code drops} are at {@code xs}, to the tenth of a pixel the chart writes. */
    private static void assertDropsAt(List<Double> drops, double... xs) {
        assertEquals(xs.length, drops.size(), "drops at x " + drops);
        for (int i = 0; i < xs.length; i++) {
            assertEquals(xs[i], drops.get(i), 0.051, "drop " + (i + 1) + " of " + drops);
        }
    }

    /** The curve's points, x and y. */
    private static List<double[]> curve(Document svg) {
        List<double[]> points = new ArrayList<>();
        for (String p : ((Element) svg.getElementsByTagName("polyline").item(0)).getAttribute("points").split(" ")) {
            points.add(point(p));
        }
        return points;
    }

    private static void assertOnlyHorizontalAndVertical(List<double[]> points) {
        for (int i = 1; i < points.size(); i++) {
            double[] a = points.get(i - 1);
            double[] b = points.get(i);
            assertTrue(a[0] == b[0] || a[1] == b[1], "a sloped segment from " + a[0] + "," + a[1] + " to " + b[0]
                    + "," + b[1]);
        }
    }

    /** The x of every vertical segment longer than {@code minLength} px, left to right. */
    private static List<Double> verticalDrops(List<double[]> points, double minLength) {
        List<Double> xs = new ArrayList<>();
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i - 1)[0] == points.get(i)[0]
                    && Math.abs(points.get(i)[1] - points.get(i - 1)[1]) > minLength) {
                xs.add(points.get(i)[0]);
            }
        }
        return xs;
    }

    /** The x axis from its tick labels: {x of step 0, px a step}. */
    private static double[] xAxis(Document svg) {
        NodeList texts = svg.getElementsByTagName("text");
        List<double[]> ticks = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            Element text = (Element) texts.item(i);
            if ("324.0".equals(text.getAttribute("y")) && text.getTextContent().matches("[0-9]+")) {
                ticks.add(new double[] {Double.parseDouble(text.getTextContent()),
                        Double.parseDouble(text.getAttribute("x"))});
            }
        }
        double[] first = ticks.get(0);
        double[] last = ticks.get(ticks.size() - 1);
        double perStep = (last[1] - first[1]) / (last[0] - first[0]);
        return new double[] {first[1] - first[0] * perStep, perStep};
    }

    private static List<Element> dashedLines(Document svg) {
        List<Element> dashed = new ArrayList<>();
        NodeList lines = svg.getElementsByTagName("line");
        for (int i = 0; i < lines.getLength(); i++) {
            if (((Element) lines.item(i)).hasAttribute("stroke-dasharray")) {
                dashed.add((Element) lines.item(i));
            }
        }
        return dashed;
    }

    private static String chart(Compilation compilation) throws IOException {
        return compilation.generatedFile(StandardLocation.SOURCE_OUTPUT, "p", "NanoGptStepLr.svg").orElseThrow()
                .getCharContent(false).toString();
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static double[] point(String point) {
        String[] xy = point.split(",");
        return new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])};
    }

    /** Lines that are not dashed markers: grid lines and axes. */
    private static int countPlainLines(Document svg) {
        NodeList lines = svg.getElementsByTagName("line");
        int plain = 0;
        for (int i = 0; i < lines.getLength(); i++) {
            if (((Element) lines.item(i)).getAttribute("stroke-dasharray").isEmpty()) {
                plain++;
            }
        }
        return plain;
    }
}
