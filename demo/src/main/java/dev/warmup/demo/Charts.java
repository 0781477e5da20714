package dev.warmup.demo;

import dev.warmup.LrFinder;
import dev.warmup.LrRange;
import dev.warmup.StepLr;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the demo's charts with XChart and writes them as one PNG per figure (panels side by side) and one SVG per
 * panel. Each arm keeps its colour in every panel.
 */
final class Charts {

    static {
        // The charts go to files, never to a screen, and CI has no display: AWT must not look for one.
        System.setProperty("java.awt.headless", "true");
    }

    private static final int PANEL_WIDTH = 720;
    private static final int PANEL_HEIGHT = 520;
    /**
     * Line patterns of the learning-rate panels (dash and gap lengths; null for solid), by style like the colours, so
     * that two schedules that run together stay apart: the one drawn later shows the one below through its gaps. The
     * loss panels draw solid lines, which read better for noisy curves; there the widths alone keep lines apart.
     */
    private static final float[][] DASHES = {null, {12f, 6f}, {2f, 5f}, {14f, 5f, 3f, 5f}, {6f, 4f}};
    /**
     * Line widths by the order a panel draws its curves: the first widest, so that a later curve drawn over it
     * leaves its edges in view.
     */
    private static final float[] WIDTHS = {6f, 4f, 2.5f, 2f};
    /** Tableau's ten colours: distinct, and legible for the common colour blindnesses. */
    private static final Color[] PALETTE = {
        new Color(0xD62728), new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0x1F77B4), new Color(0x9467BD),
        new Color(0x8C564B), new Color(0xE377C2), new Color(0x7F7F7F), new Color(0xBCBD22), new Color(0x17BECF),
    };

    /** A schedule to chart that is not an arm of the experiment, drawn from step 0 to {@code lastStep}. */
    record ReferenceSchedule(String name, StepLr schedule, long lastStep) {}

    private final Path directory;
    private final List<Arm> arms;
    private final int trainSize;
    private final double collapseLoss;

    /**
     * @param arms every arm of the experiment; an arm's colour is its position here
     * @param trainSize the number of training examples, to turn steps into epochs
     * @param collapseLoss the final training loss above which a run counts as collapsed, for the legends
     */
    Charts(Path directory, List<Arm> arms, int trainSize, double collapseLoss) {
        this.directory = directory;
        this.arms = List.copyOf(arms);
        this.trainSize = trainSize;
        this.collapseLoss = collapseLoss;
    }

    /**
     * The learning rate of every schedule in the demo: the warmup comparison against step, the linear scaling rule
     * against epoch (where the two batch sizes line up), and the literature's schedules on a log scale.
     *
     * @return the PNG written
     */
    Path learningRates(List<Arm> warmupArms, List<Arm> scalingArms, List<ReferenceSchedule> references)
            throws IOException {
        XYChart byStep = panel("Learning rate: warmup at batch " + warmupArms.get(0).batchSize(), "step",
                "learning rate");
        for (Arm arm : warmupArms) {
            double[] rates = rates(arm.schedule(), arm.steps(), 1);
            addLine(byStep, arm.name(), steps(rates.length, 1), rates, style(arm), true);
        }
        endAxisAtLastStep(byStep, warmupArms);
        XYChart byEpoch = panel("Learning rate: linear scaling rule", "epoch", "learning rate");
        for (Arm arm : scalingArms) {
            double[] rates = rates(arm.schedule(), arm.steps(), 1);
            addLine(byEpoch, arm.name(), epochs(rates.length, 1, arm.batchSize()), rates, style(arm), true);
        }
        for (XYChart linear : List.of(byStep, byEpoch)) {
            linear.getStyler().setYAxisDecimalPattern("0.00#");
        }
        endAxisAtWholeEpoch(byEpoch, scalingArms);
        XYChart literature = panel("Learning rate: the README's example and others", "step", "learning rate (log)");
        // One notation for every tick of a log axis (XChart's default mixes 0.001 with 1E-4).
        literature.getStyler().setYAxisLogarithmic(true).setYAxisDecimalPattern("0E0");
        int style = arms.size();
        for (ReferenceSchedule reference : references) {
            int every = (int) Math.max(1, reference.lastStep() / 2000);
            double[] rates = rates(reference.schedule(), reference.lastStep() + 1, every);
            addLine(literature, reference.name(), steps(rates.length, every), rates, style++, true);
        }
        return write("demo-lr", List.of(byStep, byEpoch, literature), List.of("warmup", "scaling", "literature"));
    }

    /**
     * The mean training loss over seeds: the warmup comparison against step, and the linear scaling rule against
     * epoch with the small batch averaged over as many examples as one large-batch step sees.
     *
     * @return the PNG written
     */
    Path trainingLoss(List<Arm> warmupArms, List<Arm> scalingArms, Map<Arm, RunResult[]> results)
            throws IOException {
        XYChart byStep = panel("Training loss, mean over seeds: batch " + warmupArms.get(0).batchSize(), "step",
                "minibatch loss (log)");
        for (Arm arm : warmupArms) {
            double[] loss = LossCurves.meanOverRuns(results.get(arm));
            addLine(byStep, legend(arm, results.get(arm), collapseLoss), steps(loss.length, 1), loss, style(arm),
                    false);
        }
        endAxisAtLastStep(byStep, warmupArms);
        int examplesPerPoint = scalingArms.stream().mapToInt(Arm::batchSize).max().orElseThrow();
        XYChart byEpoch = panel("Training loss, mean over seeds: linear scaling rule", "epoch",
                "loss per " + examplesPerPoint + " examples (log)");
        for (Arm arm : scalingArms) {
            int stepsPerPoint = examplesPerPoint / arm.batchSize();
            double[] loss = LossCurves.groupMeans(LossCurves.meanOverRuns(results.get(arm)), stepsPerPoint);
            addLine(byEpoch, legend(arm, results.get(arm), collapseLoss),
                    epochs(loss.length, stepsPerPoint, arm.batchSize()), loss, style(arm), false);
        }
        for (XYChart chart : List.of(byStep, byEpoch)) {
            chart.getStyler().setYAxisLogarithmic(true).setYAxisDecimalPattern("0.####");
        }
        endAxisAtWholeEpoch(byEpoch, scalingArms);
        return write("demo-loss", List.of(byStep, byEpoch), List.of("warmup", "scaling"));
    }

    /**
     * The learning-rate range test: its smoothed loss against the rate (log scale), the points fastai's suggestions
     * mark on it ({@code valley}, {@code steep}, and the lowest loss, whose rate is ten times {@code minimum}), and the
     * band of peaks at which the gradual warmup trains well.
     *
     * @return the PNG written
     */
    Path rangeTest(LrFinder finder, double bandLow, double bandHigh) throws IOException {
        XYChart chart = panel("Learning-rate range test on the digits (fastai's lr_find)", "learning rate (log)",
                "smoothed minibatch loss");
        chart.getStyler().setXAxisLogarithmic(true).setXAxisDecimalPattern("0E0").setYAxisDecimalPattern("0.0")
                .setMarkerSize(12);
        double[] rates = new double[finder.recorded()];
        double[] losses = new double[finder.recorded()];
        double lowest = Double.POSITIVE_INFINITY;
        double highest = 0;
        for (int i = 0; i < rates.length; i++) {
            rates[i] = finder.lr(i);
            losses[i] = finder.smoothedLoss(i);
            lowest = Math.min(lowest, losses[i]);
            highest = Math.max(highest, losses[i]);
        }
        addLine(chart, "smoothed loss, " + rates.length + " steps", rates, losses, 3, false);
        addLine(chart, "gradual warmup trains well at peaks\n" + bandLow + " to " + bandHigh,
                new double[] {bandLow, bandLow, bandHigh, bandHigh}, new double[] {highest, lowest, lowest, highest},
                2, true);
        LrFinder.Suggestion suggestion = finder.suggest();
        addPoint(chart, "valley (fastai's default): " + LrRange.literal(suggestion.valley()), suggestion.valley(),
                suggestion.valleyLoss(), 0, SeriesMarkers.CIRCLE);
        addPoint(chart, "steep: " + LrRange.literal(suggestion.steep()), suggestion.steep(), suggestion.steepLoss(), 1,
                SeriesMarkers.DIAMOND);
        addPoint(chart, "lowest loss, 10 x minimum: " + LrRange.literal(10 * suggestion.minimum()),
                10 * suggestion.minimum(), suggestion.minimumLoss(), 4, SeriesMarkers.SQUARE);
        return write("range-test", List.of(chart), List.of("curve"));
    }

    private static void addPoint(XYChart chart, String name, double x, double y, int style, Marker marker) {
        XYSeries point = chart.addSeries(name, new double[] {x}, new double[] {y});
        point.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        point.setMarker(marker);
        point.setMarkerColor(PALETTE[style % PALETTE.length]);
    }

    /**
     * Ends a step axis 1 % past the last step. Off the grid of the steps, this makes XChart place its ticks at round
     * numbers: when the axis ends on a data point it ticks data points only, at strides like 9.
     */
    private static void endAxisAtLastStep(XYChart chart, List<Arm> plotted) {
        int lastStep = plotted.stream().mapToInt(Arm::steps).max().orElseThrow();
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(lastStep * 1.01);
    }

    /** Ends the x axis at a whole epoch, so that XChart places its ticks at round numbers. */
    private void endAxisAtWholeEpoch(XYChart chart, List<Arm> plotted) {
        double lastEpoch = plotted.stream().mapToDouble(arm -> arm.epochs(trainSize)).max().orElseThrow();
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(Math.ceil(lastEpoch));
    }

    /**
     * The arm's name, and how many of its runs diverged or collapsed (they pull the mean curve up). A diverged run
     * leaves the mean from its divergence on, so the legend says from which step the curve averages fewer runs.
     */
    static String legend(Arm arm, RunResult[] runs, double collapseLoss) {
        long diverged = Arrays.stream(runs).filter(RunResult::diverged).count();
        long collapsed = Arrays.stream(runs).filter(run -> run.collapsed(collapseLoss)).count();
        List<String> notes = new ArrayList<>();
        if (diverged > 0) {
            long lastDivergence = Arrays.stream(runs).mapToLong(RunResult::divergedAtStep).max().orElseThrow();
            long left = runs.length - diverged;
            notes.add(diverged + "/" + runs.length + " diverged by step " + lastDivergence
                    + (left == 0 ? "" : ";\nfrom then on, the mean of the " + left + " left"));
        }
        if (collapsed > 0) {
            notes.add(collapsed + "/" + runs.length + " collapsed");
        }
        // On lines of their own: XChart cuts a legend line that is wider than the plot.
        return notes.isEmpty() ? arm.name() : arm.name() + "\n(" + String.join(", ", notes) + ")";
    }

    /** The arm's style: its position among the experiment's arms, the same in every panel. */
    private int style(Arm arm) {
        int index = arms.indexOf(arm);
        if (index < 0) {
            throw new IllegalArgumentException("not an arm of the experiment: " + arm.name());
        }
        return index;
    }

    private static XYChart panel(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        XYStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS); // below the plot: it hides no data
        styler.setLegendBorderColor(Color.WHITE);
        styler.setPlotGridLinesColor(new Color(0xDDDDDD));
        styler.setMarkerSize(0);
        styler.setXAxisDecimalPattern("#,##0.#");
        return chart;
    }

    /**
     * Adds a line through the finite points only (a log axis has no place for 0, a diverged mean is NaN), in the
     * colour of {@code style} (and its pattern, if {@code patterned}), as wide as its place in the panel's drawing
     * order says.
     */
    private static void addLine(XYChart chart, String name, double[] x, double[] y, int style, boolean patterned) {
        List<Double> keptX = new ArrayList<>();
        List<Double> keptY = new ArrayList<>();
        boolean logarithmic = chart.getStyler().isYAxisLogarithmic();
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(y[i]) && (!logarithmic || y[i] > 0)) {
                keptX.add(x[i]);
                keptY.add(y[i]);
            }
        }
        if (keptX.isEmpty()) {
            return;
        }
        int drawn = chart.getSeriesCollection().size();
        XYSeries series = chart.addSeries(name, keptX, keptY);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(PALETTE[style % PALETTE.length]);
        float width = WIDTHS[Math.min(drawn, WIDTHS.length - 1)];
        float[] dash = patterned ? DASHES[style % DASHES.length] : null;
        series.setLineStyle(dash == null
                ? new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
    }

    /** lr at steps 0, every, 2 * every, ... below {@code endStep}. */
    private static double[] rates(StepLr schedule, long endStep, int every) {
        double[] rates = new double[(int) ((endStep + every - 1) / every)];
        for (int i = 0; i < rates.length; i++) {
            rates[i] = schedule.lr((long) i * every);
        }
        return rates;
    }

    private static double[] steps(int count, int every) {
        double[] steps = new double[count];
        for (int i = 0; i < count; i++) {
            steps[i] = (double) i * every;
        }
        return steps;
    }

    private double[] epochs(int count, int stepsPerPoint, int batchSize) {
        double[] epochs = steps(count, stepsPerPoint);
        for (int i = 0; i < count; i++) {
            epochs[i] = epochs[i] * batchSize / trainSize;
        }
        return epochs;
    }

    private Path write(String name, List<XYChart> panels, List<String> panelNames) throws IOException {
        Files.createDirectories(directory);
        Path png = directory.resolve(name + ".png");
        BitmapEncoder.saveBitmap(panels, 1, panels.size(), png.toString(), BitmapEncoder.BitmapFormat.PNG);
        for (int i = 0; i < panels.size(); i++) {
            VectorGraphicsEncoder.saveVectorGraphic(panels.get(i),
                    directory.resolve(name + "-" + panelNames.get(i)).toString(),
                    VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        }
        return png;
    }
}
