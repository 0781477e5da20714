package p;

import dev.warmup.StepLr;
import javax.annotation.processing.Generated;

/**
 * Learning-rate schedule of {@code p.Sgdr}, generated from
 * {@code @WarmRestartsSchedule(baseLr = 0.1, t0 = 10, tMult = 3, etaMin = 0.0 (default), warmupSteps = 5,
 *         startLr = 0.01)}:
 * linear warmup over 5 steps, then cosine annealing with warm restarts (SGDR, PyTorch's CosineAnnealingWarmRestarts): cycle i of 10 * 3^i steps.
 *
 * <pre>{@code
 * step t      lr(t)                                                         computed as
 * 0 <= t < 5  startLr + (baseLr - startLr) * t / W                          START_LR + WARMUP_SLOPE * t
 * t >= 5      etaMin + (baseLr - etaMin) * (1 + cos(pi * T_cur / T_i)) / 2  AMPLITUDE * c^2, c = cos(pi / (2 T_i) * T_cur) where T_cur <= T_i - T_cur, else sin(pi / (2 T_i) * (T_i - T_cur)) by its Taylor polynomial
 * }</pre>
 *
 * <p>Constants:
 * <pre>{@code
 * constant                value                                     from
 * WARMUP_STEPS            5L                                        warmupSteps: the warmup length W
 * WARMUP_SLOPE            0.018000000000000002                      (baseLr - startLr) / W
 * START_LR                0.01                                      startLr
 * LAST_CYCLE              38L                                       the last cycle that starts by Long.MAX_VALUE
 * CYCLE_STARTS            {0L, 10L, 40L, 130L, 400L, 1210L, 36 ...  t0 * (tMult^i - 1) / (tMult - 1): the step after warmup at which cycle i starts
 * CYCLE_SCALE             0.2                                       (tMult - 1) / t0
 * INVERSE_LOG_T_MULT      0.9102392266268373                        1 / ln(tMult)
 * CYCLE_LENGTHS           {10.0, 30.0, 90.0, 270.0, 810.0, 243 ...  t0 * tMult^i: the steps of cycle i
 * CYCLE_HALF_OMEGAS       {0.15707963267948966, 0.052359877559 ...  pi / (2 T_i): by cycle
 * CYCLE_HALF_OMEGAS_HIGH  {0.15707962960004807, 0.052359877154 ...  pi / (2 T_i), its top 26 bits: by cycle
 * CYCLE_HALF_OMEGAS_REST  {3.0794415906143513E-9, 4.0559881148 ...  pi / (2 T_i) as a double, less its top 26 bits: by cycle
 * CYCLE_HALF_OMEGAS_LOW   {6.1232339957367656E-18, 4.354042633 ...  pi / (2 T_i) less its double, from pi to 50 digits: by cycle
 * AMPLITUDE               0.1                                       baseLr - etaMin
 * SPLITTER                1.34217729E8                              2^27 + 1: n * SPLITTER - (n * SPLITTER - n) is n to its top 26 bits
 * SIN_3                   -0.16666666666666666                      -1 / 3!, sin's Taylor coefficient of y^3
 * SIN_5                   0.008333333333333333                      1 / 5!, sin's Taylor coefficient of y^5
 * SIN_7                   -1.984126984126984E-4                     -1 / 7!, sin's Taylor coefficient of y^7
 * SIN_9                   2.7557319223985893E-6                     1 / 9!, sin's Taylor coefficient of y^9
 * SIN_11                  -2.505210838544172E-8                     -1 / 11!, sin's Taylor coefficient of y^11
 * SIN_13                  1.6059043836821613E-10                    1 / 13!, sin's Taylor coefficient of y^13
 * SIN_15                  -7.647163731819816E-13                    -1 / 15!, sin's Taylor coefficient of y^15
 * SIN_17                  2.8114572543455206E-15                    1 / 17!, sin's Taylor coefficient of y^17
 * ROTATED_MIN_STEPS       256L                                      the fewest steps of a cycle that fill rotates: it first holds the rotation's two tables of 128 values
 * ROTATED_MAX_CYCLE       9007199254740992L                         2^53: the longest cycle that fill rotates, in which lr computes T_i - T_cur exactly
 * }</pre>
 *
 * <p>Values at key steps:
 * <pre>{@code
 * step  lr
 * 0     0.01
 * 2     0.046000000000000006
 * 4     0.082
 * 5     0.1
 * 10    0.05000000000000002
 * 14    0.0024471741852423214
 * 15    0.1
 * 30    0.05000000000000002
 * 44    2.739052315863332E-4
 * 45    0.1
 * 90    0.05000000000000002
 * 134   3.0458649045213495E-5
 * }</pre>
 */
@Generated(
        value = "dev.warmup.processor.WarmupProcessor",
        comments = "from @WarmRestartsSchedule(baseLr = 0.1, t0 = 10, tMult = 3, warmupSteps = 5, startLr = 0.01) on p.Sgdr"
)
public final class SgdrStepLr implements StepLr {
    /**
     * The schedule; it has no state, so one instance serves every thread.
     */
    public static final SgdrStepLr INSTANCE = new SgdrStepLr();

    /**
     * warmupSteps: the warmup length W.
     */
    private static final long WARMUP_STEPS = 5L;

    /**
     * (baseLr - startLr) / W.
     */
    private static final double WARMUP_SLOPE = 0.018000000000000002;

    /**
     * startLr.
     */
    private static final double START_LR = 0.01;

    /**
     * the last cycle that starts by Long.MAX_VALUE.
     */
    private static final long LAST_CYCLE = 38L;

    /**
     * t0 * (tMult^i - 1) / (tMult - 1): the step after warmup at which cycle i starts.
     */
    private static final long[] CYCLE_STARTS = {0L, 10L, 40L, 130L, 400L, 1210L, 3640L, 10930L,
            32800L, 98410L, 295240L, 885730L, 2657200L, 7971610L, 23914840L, 71744530L, 215233600L,
            645700810L, 1937102440L, 5811307330L, 17433922000L, 52301766010L, 156905298040L,
            470715894130L, 1412147682400L, 4236443047210L, 12709329141640L, 38127987424930L,
            114383962274800L, 343151886824410L, 1029455660473240L, 3088366981419730L,
            9265100944259200L, 27795302832777610L, 83385908498332840L, 250157725494998530L,
            750473176484995600L, 2251419529454986810L, 6754258588364960440L};

    /**
     * (tMult - 1) / t0.
     */
    private static final double CYCLE_SCALE = 0.2;

    /**
     * 1 / ln(tMult).
     */
    private static final double INVERSE_LOG_T_MULT = 0.9102392266268373;

    /**
     * t0 * tMult^i: the steps of cycle i.
     */
    private static final double[] CYCLE_LENGTHS = {10.0, 30.0, 90.0, 270.0, 810.0, 2430.0, 7290.0,
            21870.0, 65610.0, 196830.0, 590490.0, 1771470.0, 5314410.0, 1.594323E7, 4.782969E7,
            1.4348907E8, 4.3046721E8, 1.29140163E9, 3.87420489E9, 1.162261467E10, 3.486784401E10,
            1.0460353203E11, 3.1381059609E11, 9.4143178827E11, 2.82429536481E12, 8.47288609443E12,
            2.541865828329E13, 7.625597484987E13, 2.2876792454961E14, 6.8630377364883E14,
            2.05891132094649E15, 6.17673396283947E15, 1.853020188851841E16, 5.559060566555523E16,
            1.667718169966657E17, 5.0031545098999706E17, 1.5009463529699912E18,
            4.5028390589099735E18, 1.3508517176729922E19};

    /**
     * pi / (2 T_i): by cycle.
     */
    private static final double[] CYCLE_HALF_OMEGAS = {0.15707963267948966, 0.05235987755982988,
            0.017453292519943295, 0.005817764173314432, 0.0019392547244381439, 6.464182414793813E-4,
            2.1547274715979378E-4, 7.182424905326459E-5, 2.3941416351088195E-5,
            7.980472117029398E-6, 2.660157372343133E-6, 8.867191241143777E-7, 2.955730413714592E-7,
            9.852434712381974E-8, 3.2841449041273246E-8, 1.0947149680424415E-8,
            3.649049893474805E-9, 1.2163499644916018E-9, 4.054499881638672E-10,
            1.3514999605462242E-10, 4.5049998684874135E-11, 1.5016666228291378E-11,
            5.00555540943046E-12, 1.6685184698101533E-12, 5.561728232700511E-13,
            1.8539094109001701E-13, 6.179698036333901E-14, 2.0598993454446337E-14,
            6.866331151482112E-15, 2.2887770504940374E-15, 7.629256834980124E-16,
            2.5430856116600416E-16, 8.476952038866805E-17, 2.825650679622268E-17,
            9.418835598740894E-18, 3.139611866246965E-18, 1.0465372887489883E-18,
            3.488457629163294E-19, 1.1628192097210981E-19};

    /**
     * pi / (2 T_i), its top 26 bits: by cycle.
     */
    private static final double[] CYCLE_HALF_OMEGAS_HIGH = {0.15707962960004807,
            0.05235987715423107, 0.01745329238474369, 0.0058177640894427896, 0.0019392546964809299,
            6.464182370109484E-4, 2.1547274445765652E-4, 7.182424815255217E-5,
            2.3941416202433174E-5, 7.9804719916865E-6, 2.660157349509973E-6, 8.867191212402759E-7,
            2.955730380449495E-7, 9.852434601498317E-8, 3.2841448671661055E-8, 1.094714963123522E-8,
            3.6490498400709726E-9, 1.2163499374384656E-9, 4.054499860850491E-10,
            1.3514999536168304E-10, 4.5049998453894347E-11, 1.5016665862177536E-11,
            5.0055553235325845E-12, 1.6685184592475644E-12, 5.5617281071417E-13,
            1.853909380341006E-13, 6.17969793447002E-14, 2.0598993397244383E-14,
            6.866331132414794E-15, 2.2887770441382647E-15, 7.629256725561617E-16,
            2.5430855972453554E-16, 8.476951880527103E-17, 2.8256506268423676E-17,
            9.418835560671328E-18, 3.1396118363241798E-18, 1.0465372787747266E-18,
            3.488457617456917E-19, 1.1628191950483915E-19};

    /**
     * pi / (2 T_i) as a double, less its top 26 bits: by cycle.
     */
    private static final double[] CYCLE_HALF_OMEGAS_REST = {3.0794415906143513E-9,
            4.055988114815001E-10, 1.3519960498364902E-10, 8.387164227019461E-11,
            2.7957214017784726E-11, 4.468432893665886E-12, 2.7021372606909205E-12,
            9.007124202303068E-13, 1.4865502085585972E-13, 1.2534289876636392E-13,
            2.2833160109690795E-14, 2.8741017981629303E-15, 3.3265097185879774E-15,
            1.108836577274289E-15, 3.6961219021894805E-16, 4.918919509797225E-17,
            5.3403832520162634E-17, 2.7053136114195567E-17, 2.0788180996921017E-18,
            6.929393837969633E-19, 2.3097978813663925E-19, 3.6611384204168093E-19,
            8.589787520030802E-20, 1.056258892599373E-20, 1.2555881045719048E-20,
            3.0559164104860993E-21, 1.0186388077026246E-21, 5.720195453458929E-23,
            1.9067317915242794E-23, 6.355772638414265E-24, 1.0941850713834512E-23,
            1.4414686209046992E-24, 1.5833970237056033E-24, 5.277990058475425E-25,
            3.80695660100949E-26, 2.9922785278467695E-26, 9.974261759489232E-27,
            1.170637709207402E-27, 1.4672706670222635E-27};

    /**
     * pi / (2 T_i) less its double, from pi to 50 digits: by cycle.
     */
    private static final double[] CYCLE_HALF_OMEGAS_LOW = {6.1232339957367656E-18,
            4.354042633214665E-18, 2.9486522708701687E-19, 9.828840902900562E-20,
            1.050429478420355E-19, 7.115438836352864E-20, -3.3869248576280613E-21,
            -1.1289749525426871E-21, 1.882429541830572E-21, 6.274765139435239E-22,
            6.798668010545792E-23, 2.2662226701819308E-23, 7.554075567273103E-24,
            -1.893604744525113E-24, 1.5746133852997027E-24, 5.248711284332343E-25,
            1.7495704281107808E-25, -1.0612703442392947E-26, 3.092829104224517E-26,
            -6.92349908077302E-27, 4.154515508646189E-27, 1.3848385028820629E-27,
            1.923483119785823E-28, -3.200026585998911E-30, 3.2591389760763534E-29,
            1.9278312909278637E-29, 2.2188461419141494E-30, -3.121991596566326E-31,
            1.5888724852145974E-31, 5.296241617381991E-32, 5.052334310881546E-32,
            4.0651217750074136E-34, 1.355040591669138E-34, 2.0994932937353563E-33,
            1.2134124164150483E-33, -1.0911051303158014E-34, -3.637017101052671E-35,
            1.9975442069611693E-35, -1.3662274117429181E-36};

    /**
     * baseLr - etaMin.
     */
    private static final double AMPLITUDE = 0.1;

    /**
     * 2^27 + 1: n * SPLITTER - (n * SPLITTER - n) is n to its top 26 bits.
     */
    private static final double SPLITTER = 1.34217729E8;

    /**
     * -1 / 3!, sin's Taylor coefficient of y^3.
     */
    private static final double SIN_3 = -0.16666666666666666;

    /**
     * 1 / 5!, sin's Taylor coefficient of y^5.
     */
    private static final double SIN_5 = 0.008333333333333333;

    /**
     * -1 / 7!, sin's Taylor coefficient of y^7.
     */
    private static final double SIN_7 = -1.984126984126984E-4;

    /**
     * 1 / 9!, sin's Taylor coefficient of y^9.
     */
    private static final double SIN_9 = 2.7557319223985893E-6;

    /**
     * -1 / 11!, sin's Taylor coefficient of y^11.
     */
    private static final double SIN_11 = -2.505210838544172E-8;

    /**
     * 1 / 13!, sin's Taylor coefficient of y^13.
     */
    private static final double SIN_13 = 1.6059043836821613E-10;

    /**
     * -1 / 15!, sin's Taylor coefficient of y^15.
     */
    private static final double SIN_15 = -7.647163731819816E-13;

    /**
     * 1 / 17!, sin's Taylor coefficient of y^17.
     */
    private static final double SIN_17 = 2.8114572543455206E-15;

    /**
     * the fewest steps of a cycle that fill rotates: it first holds the rotation's two tables of 128 values.
     */
    private static final long ROTATED_MIN_STEPS = 256L;

    /**
     * 2^53: the longest cycle that fill rotates, in which lr computes T_i - T_cur exactly.
     */
    private static final long ROTATED_MAX_CYCLE = 9007199254740992L;

    /**
     * Whether this JVM's C2 leaves {@code (double) n} waiting on the last write of its target
     * register (JDK-8318562, before JDK 23): the conversions of steps then take the bits.
     * A constant to C2, which compiles only the branch this JVM takes.
     */
    private static final boolean CVTSI2SD_WAITS = Runtime.version().feature() < 23;

    /**
     * Steps that {@code fill} computes from one anchor; the length of the tables.
     */
    private static final int FILL_BLOCK = 256;

    /**
     * For {@code fill}: {@code FILL_STEPS[k] = k}.
     */
    private static final double[] FILL_STEPS = new double[FILL_BLOCK];

    static {
        for (int k = 0; k < FILL_BLOCK; k++) {
            FILL_STEPS[k] = k;
        }
    }

    private SgdrStepLr() {
    }

    @Override
    public double lr(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        if (step < WARMUP_STEPS) {
            // linear warmup: startLr + (baseLr - startLr) * t / W
            return START_LR + WARMUP_SLOPE * smallToDouble(step);
        }
        long d = step - WARMUP_STEPS;
        // the cycle by its logarithm, corrected by at most one against the cycle starts
        int cycle = (int) Math.min(Math.log(d * CYCLE_SCALE + 1.0) * INVERSE_LOG_T_MULT, LAST_CYCLE);
        if (d < CYCLE_STARTS[cycle]) {
            cycle--;
        } else if (cycle < LAST_CYCLE && d >= CYCLE_STARTS[cycle + 1]) {
            cycle++;
        }
        long sinceRestart = d - CYCLE_STARTS[cycle];
        double left = CYCLE_LENGTHS[cycle] - toDouble(sinceRestart);
        // etaMin + (baseLr - etaMin) * (1 + cos(pi * T_cur / T_i)) / 2 = etaMin + (baseLr - etaMin) * c^2,
        // c = cos(pi / (2 T_i) * T_cur), T_cur = sinceRestart
        if (sinceRestart <= left / 2) {
            // far from the low end, m <= n / 2: cos(w m), m the steps from the high end
            double c = Math.cos(CYCLE_HALF_OMEGAS[cycle] * toDouble(sinceRestart));
            return AMPLITUDE * (c * c);
        }
        // near it: sin(w n), n the steps to the low end, by its Taylor polynomial at w n = y + yLow
        // n = nHigh + nLow, halves of 26 bits (Veltkamp's split), so that HIGH * nHigh is exact
        double split = SPLITTER * left;
        double nHigh = split - (split - left);
        double nLow = left - nHigh;
        double high = CYCLE_HALF_OMEGAS_HIGH[cycle] * nHigh;
        double rest = CYCLE_HALF_OMEGAS_HIGH[cycle] * nLow + CYCLE_HALF_OMEGAS_REST[cycle] * left + CYCLE_HALF_OMEGAS_LOW[cycle] * left;
        double y = high + rest;
        double s = sine(y, rest - (y - high));
        return AMPLITUDE * (s * s);
    }

    /**
     * Fills {@code out} with {@code lr(fromStep + i)}, faster than calling {@code lr}: the warmup by its closed form;
     * the cycle of the first step after it found once, as {@code lr} finds it, then cycle by cycle,
     * each filled by a rotation of its cosine from one anchor per 128 steps ({@code fillCycle}),
     * or, for fewer than 256 steps of a cycle or a cycle of more than 2^53 steps, as {@code lr}
     * computes each step. Every value is within 32 ulps of {@code lr(fromStep + i)}.
     */
    @Override
    public void fill(double[] out, long fromStep) {
        if (fromStep < 0) {
            throw new IllegalArgumentException("fromStep must be >= 0, was " + fromStep);
        }
        int n = out.length;
        if (n == 0) {
            return;
        }
        Math.addExact(fromStep, n - 1);
        // linear warmup
        int warmupEnd = fromStep >= WARMUP_STEPS ? 0 : (int) Math.min(n, WARMUP_STEPS - fromStep);
        fillWarmup(out, 0, warmupEnd, fromStep);
        if (warmupEnd == n) {
            return;
        }
        long d = fromStep + warmupEnd - WARMUP_STEPS;
        // the cycle by its logarithm, corrected by at most one against the cycle starts
        int cycle = (int) Math.min(Math.log(d * CYCLE_SCALE + 1.0) * INVERSE_LOG_T_MULT, LAST_CYCLE);
        if (d < CYCLE_STARTS[cycle]) {
            cycle--;
        } else if (cycle < LAST_CYCLE && d >= CYCLE_STARTS[cycle + 1]) {
            cycle++;
        }
        long sinceRestart = d - CYCLE_STARTS[cycle];
        long cycleLength = cycle < LAST_CYCLE ? CYCLE_STARTS[cycle + 1] - CYCLE_STARTS[cycle] : Long.MAX_VALUE;
        // then cycle by cycle: the next starts where this one ends, 3 times as long
        int i = warmupEnd;
        while (i < n) {
            long left = cycleLength - sinceRestart;
            int end = left >= n - i ? n : i + (int) left;
            if (end - i >= ROTATED_MIN_STEPS && cycleLength <= ROTATED_MAX_CYCLE) {
                fillCycle(out, i, end, CYCLE_HALF_OMEGAS[cycle], left);
            } else {
                // a few steps, or a cycle whose T_i - T_cur lr computes in doubles: each step as lr
                for (int k = i; k < end; k++) {
                    out[k] = restart(cycle, sinceRestart + (k - i));
                }
            }
            i = end;
            cycle++;
            sinceRestart = 0;
            cycleLength = cycle < LAST_CYCLE ? CYCLE_STARTS[cycle + 1] - CYCLE_STARTS[cycle] : Long.MAX_VALUE;
        }
    }

    private void fillWarmup(double[] out, int from, int to, long firstStep) {
        int i = from;
        while (i < to) {
            int length = Math.min(FILL_BLOCK, to - i);
            long step = firstStep + (i - from);
            double firstDone = smallToDouble(step);
            System.arraycopy(FILL_STEPS, 0, out, i, length);
            for (int j = i; j < i + length; j++) {
                double k = out[j];
                out[j] = START_LR + WARMUP_SLOPE * (firstDone + k);
            }
            i += length;
        }
    }

    /**
     * Fills {@code out[from, to)}, at least 256 steps of one cycle, {@code left} steps before its end at
     * {@code from}: {@code ETA_MIN + AMPLITUDE * sin^2(omega n)}, n the steps to the cycle's end,
     * {@code omega = pi / (2 T_i)}, rotated from an anchor per block of 128 steps with tables of
     * {@code cos(j omega), sin(j omega)} held in {@code out} itself until their own steps are filled.
     */
    private static void fillCycle(double[] out, int from, int to, double omega, long left) {
        // cos(j omega) at out[cosAt - j], sin(j omega) at out[sinAt - j], j < 128: each the product of at most
        // log2(128) rotations by 2^b omega, from cos 0 = 1 and sin 0 = 0
        int cosAt = from + 128 - 1;
        int sinAt = cosAt + 128;
        out[cosAt] = 1.0;
        out[sinAt] = 0.0;
        for (int p = 1; p < 128; p *= 2) {
            double cosP = Math.cos(omega * p);
            double sinP = Math.sin(omega * p);
            for (int j = 0; j < p; j++) {
                double c = out[cosAt - j];
                double s = out[sinAt - j];
                out[cosAt - p - j] = cosP * c - sinP * s;
                out[sinAt - p - j] = sinP * c + cosP * s;
            }
        }
        // the steps after the tables, in blocks of 128
        int rest = sinAt + 1;
        int i = rest;
        while (i < to) {
            int length = Math.min(128, to - i);
            int last = length - 1;
            // sin(omega n), n the steps to the cycle's end, from the block's last step
            double angle = omega * (left - (i - from + last));
            double sin = Math.sin(angle);
            double cos = Math.cos(angle);
            for (int k = 0; k < length; k++) {
                double s = sin * out[cosAt - (last - k)] + cos * out[sinAt - (last - k)];
                out[i + k] = AMPLITUDE * (s * s);
            }
            i += length;
        }
        // then the tables' own steps, two blocks of 128 from their last steps: the entries for j = 128 - 1 - k
        // at out[from + k] and out[from + 128 + k], read before they are overwritten
        double angleFirst = omega * (left - (128 - 1));
        double sinFirst = Math.sin(angleFirst);
        double cosFirst = Math.cos(angleFirst);
        double angleSecond = omega * (left - (2 * 128 - 1));
        double sinSecond = Math.sin(angleSecond);
        double cosSecond = Math.cos(angleSecond);
        for (int k = 0; k < 128; k++) {
            double c = out[from + k];
            double s = out[from + 128 + k];
            double first = sinFirst * c + cosFirst * s;
            double second = sinSecond * c + cosSecond * s;
            out[from + k] = AMPLITUDE * (first * first);
            out[from + 128 + k] = AMPLITUDE * (second * second);
        }
    }

    /**
     * The rate {@code sinceRestart} steps into cycle {@code cycle}, as {@code lr} computes it.
     */
    private static double restart(int cycle, long sinceRestart) {
        double left = CYCLE_LENGTHS[cycle] - toDouble(sinceRestart);
        // etaMin + (baseLr - etaMin) * (1 + cos(pi * T_cur / T_i)) / 2 = etaMin + (baseLr - etaMin) * c^2,
        // c = cos(pi / (2 T_i) * T_cur), T_cur = sinceRestart
        if (sinceRestart <= left / 2) {
            // far from the low end, m <= n / 2: cos(w m), m the steps from the high end
            double c = Math.cos(CYCLE_HALF_OMEGAS[cycle] * toDouble(sinceRestart));
            return AMPLITUDE * (c * c);
        }
        // near it: sin(w n), n the steps to the low end, by its Taylor polynomial at w n = y + yLow
        // n = nHigh + nLow, halves of 26 bits (Veltkamp's split), so that HIGH * nHigh is exact
        double split = SPLITTER * left;
        double nHigh = split - (split - left);
        double nLow = left - nHigh;
        double high = CYCLE_HALF_OMEGAS_HIGH[cycle] * nHigh;
        double rest = CYCLE_HALF_OMEGAS_HIGH[cycle] * nLow + CYCLE_HALF_OMEGAS_REST[cycle] * left + CYCLE_HALF_OMEGAS_LOW[cycle] * left;
        double y = high + rest;
        double s = sine(y, rest - (y - high));
        return AMPLITUDE * (s * s);
    }

    /**
     * {@code (double) n}, the same value, for {@code 0 <= n < 2^52} only (a step of a span that
     * ends below 2^52): where {@code cvtsi2sd} waits ({@code CVTSI2SD_WAITS}), from the bits of
     * 2^52 + n, exactly, with no test of the range.
     */
    private static double smallToDouble(long n) {
        return CVTSI2SD_WAITS ? Double.longBitsToDouble(0x4330_0000_0000_0000L | n) - 0x1p52 : n;
    }

    /**
     * {@code (double) n}, the same value; where {@code cvtsi2sd} waits ({@code CVTSI2SD_WAITS}),
     * below 2^52 from the bits of 2^52 + n, exactly.
     */
    private static double toDouble(long n) {
        return CVTSI2SD_WAITS && n >>> 52 == 0 ? Double.longBitsToDouble(0x4330_0000_0000_0000L | n) - 0x1p52 : n;
    }

    /**
     * {@code sin(y + yLow)} for {@code 0 <= y <= pi / 3} and {@code yLow} below an ulp of y:
     * {@code y + yLow + y^3 (SIN_3 + SIN_5 y^2 + ... + SIN_17 y^14)}, the Taylor polynomial
     * of degree 17, in Horner form.
     */
    private static double sine(double y, double yLow) {
        double z = y * y;
        double p = SIN_3 + z * (SIN_5 + z * (SIN_7 + z * (SIN_9
                + z * (SIN_11 + z * (SIN_13 + z * (SIN_15 + z * SIN_17))))));
        return y + (yLow + y * z * p);
    }

    @Override
    public long warmupSteps() {
        return WARMUP_STEPS;
    }

    @Override
    public String toString() {
        return "SgdrStepLr @WarmRestartsSchedule(baseLr = 0.1, t0 = 10, tMult = 3, etaMin = 0.0 (default), warmupSteps = 5, startLr = 0.01)";
    }
}
