package dev.warmup;

import java.util.Locale;

/**
 * Runs a learning-rate range test over an {@link LrRange} as fastai's {@code LRFinder} and {@code lr_find} do
 * (fastai 2.7, {@code fastai/callback/schedule.py}, with {@code AvgSmoothLoss} of {@code fastai/learner.py}): it takes
 * the loss of each step, smooths it, says when to stop, and suggests a peak rate. The caller trains:
 *
 * <pre>{@code
 * LrRange range = DigitsLrRange.INSTANCE;
 * LrFinder finder = new LrFinder(range);
 * for (long step = 0; ; step++) {
 *     double loss = trainOneStep(range.lr(step));    // the loss of the minibatch of this step
 *     if (!finder.record(step, loss)) {
 *         break;
 *     }
 * }
 * System.out.println(finder.suggest());              // valley 0.0631, steep 0.0105, minimum 0.0316
 * System.out.println(finder.annotation());           // @WarmupSchedule(steps = 80, initLr = 0.0631)
 * }</pre>
 *
 * <p>then restores the network it started from: the test trains it with rates that end by blowing it up.
 *
 * <p><b>Smoothing.</b> Of the losses {@code l_0, l_1, ...}: {@code a_i = a_(i-1) - (a_(i-1) - l_i) * (1 - beta)}
 * from {@code a_(-1) = 0} (PyTorch's {@code torch.lerp(l_i, a_(i-1), beta)}, which fastai calls), and the recorded
 * loss {@code s_i = a_i / (1 - beta^(i + 1))}, bias-corrected, with {@code beta = }{@value #BETA}.
 *
 * <p><b>Stopping.</b> {@link #record} returns false once N = {@link LrRange#steps()} steps are recorded, or when the
 * smoothed loss exceeds {@value #DIVERGENCE_FACTOR} times the lowest so far (fastai's {@code stop_div}; an infinite
 * loss does), or is NaN. fastai goes on after a NaN, recording NaN up to N, and then leaves out every point from the
 * first NaN on: the suggestions here are the same, without the steps that train on NaN.
 *
 * <p><b>Suggestions</b> ({@link #suggest()}), from the recorded points left after fastai's trimming: the first
 * {@code N / 10} and the last {@value #SKIP_END} are left out, and every point from the first NaN on:
 * <ul>
 * <li>{@code valley}, fastai's default: the longest run of points along which the loss keeps falling (the longest
 * strictly decreasing subsequence of the smoothed losses, found as fastai's {@code valley} does), and the rate about
 * half-way along it ({@code start + int(L / 3) + int(L / 6)} of its length L);
 * <li>{@code steep}: the rate where the loss falls fastest against the logarithm of the rate, the left point of the
 * steepest of the slopes {@code (s_(i+1) - s_i) / (ln lr_(i+1) - ln lr_i)};
 * <li>{@code minimum}: a tenth of the rate of the lowest smoothed loss.
 * </ul>
 * fastai computes in {@code float} (its tensors' default); this class in {@code double}: the same points but for
 * near-ties, and the rates without {@code float}'s rounding.
 *
 * <p>Every array is allocated by the constructor: {@link #record} allocates nothing. Not thread-safe: one finder a
 * test.
 */
public final class LrFinder {

    /** fastai's {@code AvgSmoothLoss} {@code beta}: the weight of the past in the smoothed loss. */
    public static final double BETA = 0.98;

    /** fastai's {@code stop_div}: the test stops when the smoothed loss exceeds this times the lowest so far. */
    public static final double DIVERGENCE_FACTOR = 4.0;

    /** The recorded points that fastai's {@code lr_find} leaves out at the end before it suggests. */
    public static final int SKIP_END = 5;

    private final LrRange range;
    private final int steps;
    private final double[] lrs;
    private final double[] losses;
    /** fastai's {@code lds}: the length of the longest decreasing run that ends at each point, for {@code valley}. */
    private final int[] valleyLengths;
    private int recorded;
    private double average;
    private double best = Double.POSITIVE_INFINITY;
    private boolean diverged;
    /** The first recorded point whose smoothed loss is NaN, or -1. */
    private int firstNaN = -1;

    /**
     * A finder for one run of {@code range}.
     *
     * @param range the schedule of the test
     * @throws IllegalArgumentException if the range has fewer than 7 steps, too few for fastai's suggestions, or
     *     more than can be kept in arrays
     */
    public LrFinder(LrRange range) {
        long n = range.steps();
        if (n < 7 || n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the range must have 7 to " + (Integer.MAX_VALUE - 8) + " steps, had "
                    + n);
        }
        this.range = range;
        this.steps = (int) n;
        this.lrs = new double[steps];
        this.losses = new double[steps];
        this.valleyLengths = new int[steps];
    }

    /**
     * Records the loss of a step, the minibatch loss of the step trained at {@code range.lr(step)}.
     *
     * @param step the step, from 0: the number of steps recorded before it
     * @param loss the step's loss; NaN or infinite stops the test
     * @return whether to take another step: false once N steps are recorded, or when the loss diverges or is NaN
     * @throws IllegalArgumentException if {@code step} is not the number of steps recorded so far
     * @throws IllegalStateException if the test has stopped
     */
    public boolean record(long step, double loss) {
        if (stopped()) {
            throw new IllegalStateException("the test has stopped after " + recorded + " steps"
                    + (diverged ? ", the loss having diverged" : firstNaN >= 0 ? ", the loss being NaN" : ""));
        }
        if (step != recorded) {
            throw new IllegalArgumentException("the next step to record is " + recorded + ", not " + step);
        }
        // torch.lerp(loss, average, beta), as PyTorch computes it for a weight >= 0.5
        average = average - (average - loss) * (1 - BETA);
        double smoothed = average / (1 - Math.pow(BETA, recorded + 1));
        lrs[recorded] = range.lr(step);
        losses[recorded] = smoothed;
        if (Double.isNaN(smoothed)) {
            firstNaN = recorded;
        }
        recorded++;
        if (smoothed < best) {
            best = smoothed;
        }
        if (smoothed > DIVERGENCE_FACTOR * best) {
            diverged = true;
        }
        return !stopped();
    }

    private boolean stopped() {
        return diverged || firstNaN >= 0 || recorded == steps;
    }

    /**
     * Returns the number of steps recorded.
     *
     * @return the number of points of the curve
     */
    public int recorded() {
        return recorded;
    }

    /**
     * Returns whether the test stopped because the smoothed loss exceeded {@value #DIVERGENCE_FACTOR} times its lowest.
     *
     * @return whether the loss diverged
     */
    public boolean diverged() {
        return diverged;
    }

    /**
     * Returns the rate of a recorded step.
     *
     * @param step a step recorded, from 0
     * @return {@code range.lr(step)}
     * @throws IndexOutOfBoundsException if {@code step} was not recorded
     */
    public double lr(int step) {
        return lrs[java.util.Objects.checkIndex(step, recorded)];
    }

    /**
     * Returns the smoothed loss of a recorded step: the curve of the test is {@code smoothedLoss(i)} against
     * {@code lr(i)}, the rate on a log scale.
     *
     * @param step a step recorded, from 0
     * @return the smoothed loss
     * @throws IndexOutOfBoundsException if {@code step} was not recorded
     */
    public double smoothedLoss(int step) {
        return losses[java.util.Objects.checkIndex(step, recorded)];
    }

    /**
     * Returns the suggestions of fastai's {@code lr_find}, from the points left after its trimming.
     *
     * @return the suggestions
     * @throws IllegalStateException if fewer than 2 points are left: the test stopped too early (start lower, or use
     *     more steps)
     */
    public Suggestion suggest() {
        int from = steps / 10;
        int to = firstNaN >= 0 ? Math.min(firstNaN, steps - SKIP_END) : recorded - SKIP_END;
        if (to - from < 2) {
            throw new IllegalStateException("the test recorded " + recorded + " of " + steps + " steps"
                    + (diverged ? " before the loss diverged" : firstNaN >= 0 ? " before the loss was NaN" : "")
                    + "; the suggestions leave out the first " + from + " (N / 10) and the last " + SKIP_END
                    + " and need 2 points: start the test at a lower rate, or give it more steps");
        }
        int valley = valley(from, to);
        int steep = from;
        double steepest = Double.POSITIVE_INFINITY;
        for (int i = from; i < to - 1; i++) {
            double slope = (losses[i + 1] - losses[i]) / (Math.log(lrs[i + 1]) - Math.log(lrs[i]));
            if (slope < steepest) {
                steepest = slope;
                steep = i;
            }
        }
        int minimum = from;
        for (int i = from + 1; i < to; i++) {
            if (losses[i] < losses[minimum]) {
                minimum = i;
            }
        }
        return new Suggestion(lrs[valley], losses[valley], lrs[steep], losses[steep], lrs[minimum] / 10,
                losses[minimum]);
    }

    /**
     * fastai's {@code valley} over the points {@code [from, to)}: the longest strictly decreasing subsequence of the
     * losses, found by fastai's quadratic loop (whose longest-so-far is updated inside the inner loop, ties to the
     * first), and the point {@code int(L / 3) + int(L / 3 / 2)} after fastai's start of it, its end less its length
     * L (one before its first point where the run is of consecutive points). Where no two points decrease, that is
     * the first point. Where the longest run is the first two points, the index is -1: Python's {@code lrs[-1]}, the
     * last point, as in fastai.
     */
    private int valley(int from, int to) {
        int n = to - from;
        int maxStart = 0;
        int maxEnd = 0;
        for (int i = 0; i < n; i++) {
            valleyLengths[i] = 1;
        }
        for (int i = 1; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (losses[from + i] < losses[from + j] && valleyLengths[i] < valleyLengths[j] + 1) {
                    valleyLengths[i] = valleyLengths[j] + 1;
                }
                if (valleyLengths[maxEnd] < valleyLengths[i]) {
                    maxEnd = i;
                    maxStart = maxEnd - valleyLengths[maxEnd];
                }
            }
        }
        double sections = (maxEnd - maxStart) / 3.0;
        int index = maxStart + (int) sections + (int) (sections / 2);
        return from + (index < 0 ? index + n : index);
    }

    /**
     * Returns the schedule annotation beside {@link LrRangeTest} with its peak set to the valley suggestion:
     * {@link LrRange#annotationFor(double)} of {@link Suggestion#valley()}.
     *
     * @return the annotation to write, or "" if the range test has no schedule annotation beside it
     * @throws IllegalStateException as {@link #suggest()}
     */
    public String annotation() {
        return range.annotationFor(suggest().valley());
    }

    /**
     * The rates fastai's {@code lr_find} suggests, each with the smoothed loss of the point it marks on the curve.
     *
     * @param valley fastai's default: a rate about half-way along the longest run of falling loss
     * @param valleyLoss the smoothed loss at {@code valley}
     * @param steep the rate where the loss falls fastest against the logarithm of the rate
     * @param steepLoss the smoothed loss at {@code steep}
     * @param minimum a tenth of the rate of the lowest smoothed loss (fastai's {@code minimum})
     * @param minimumLoss the lowest smoothed loss, at {@code 10 * minimum}
     */
    public record Suggestion(double valley, double valleyLoss, double steep, double steepLoss, double minimum,
            double minimumLoss) {

        /**
         * Returns the three rates, rounded by {@link LrRange#literal(double)}.
         *
         * @return {@code valley 0.0631, steep 0.0105, minimum 0.0316}
         */
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "valley %s, steep %s, minimum %s", LrRange.literal(valley),
                    LrRange.literal(steep), LrRange.literal(minimum));
        }
    }
}
