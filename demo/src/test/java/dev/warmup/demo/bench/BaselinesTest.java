package dev.warmup.demo.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The benchmarks compare like with like only if every variant computes the schedule it claims to: each is held to
 * PyTorch's values for the same schedule (the reference cases in src/main/resources/refs, at the cases' tolerance
 * for double arithmetic, at float precision for DJL).
 */
class BaselinesTest {

    @Test
    void handInlineBaselinesAreTheSchedulesPyTorchComputes() {
        assertTrue(PeerAccuracy.worst("card_linear_exp", HandInline::cardExp) <= 1e-12);
        assertTrue(PeerAccuracy.worst("nanogpt_cosine", HandInline::nanoGptCosine) <= 1e-10);
        assertTrue(PeerAccuracy.worst("resnet110_constant", HandInline::resNetMultiStep) <= 1e-12);
    }

    @Test
    void generatedSchedulesAreTheSchedulesPyTorchComputes() {
        assertTrue(PeerAccuracy.worst("card_linear_exp", BenchSchedules_CardExpStepLr.INSTANCE::lr) <= 1e-12);
        assertTrue(PeerAccuracy.worst("nanogpt_cosine", BenchSchedules_NanoGptCosineStepLr.INSTANCE::lr) <= 1e-10);
        assertTrue(PeerAccuracy.worst("resnet110_constant", BenchSchedules_ResNetMultiStepStepLr.INSTANCE::lr)
                <= 1e-12);
    }

    @Test
    void djlIsConfiguredToTheSameSchedulesWithinFloatPrecision() {
        var card = Peers.djlCardExp();
        assertTrue(PeerAccuracy.worst("card_linear_exp", step -> card.getNewValue((int) step)) <= 1e-3);
        var nano = Peers.djlNanoGptCosine();
        assertTrue(PeerAccuracy.worst("nanogpt_cosine", step -> nano.getNewValue((int) step)) <= 1e-6);
        var resnet = Peers.djlResNetMultiStep();
        assertTrue(PeerAccuracy.worst("resnet110_constant", step -> resnet.getNewValue((int) step)) <= 1e-6);
    }

    @Test
    void nd4jMapSchedulesAreExactAndItsRampIsNot() {
        var resnet = Peers.nd4jResNetMultiStep();
        assertEquals(0.0, PeerAccuracy.worst("resnet110_constant", step -> resnet.valueAt((int) step, 0)), 3e-16);
        // RampSchedule multiplies by (i + 1) / W and runs the exponential through warmup: far off at the start.
        var card = Peers.nd4jCardExp();
        assertTrue(PeerAccuracy.worst("card_linear_exp", step -> card.valueAt((int) step, 0)) > 0.5);
    }
}
