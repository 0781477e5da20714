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
