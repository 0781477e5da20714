package dev.warmup.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The benchmarks compare like with like only if every variant computes the schedule it claims to. The three
 * PyTorch reference cases are held to PyTorch's own values (the processor's {@code refs/*.csv}, at the cases'
 * tolerance for double arithmetic, at float precision for DJL); {@link ShapesTest} and {@link PeersTest} hold the
 * other shapes to the generated classes.
 */
class BaselinesTest {

    @Test
    void handWrittenBaselinesAreTheSchedulesPyTorchComputes() {
        assertTrue(PeerAccuracy.worst("card_linear_exp", HandInline::cardExp) <= 1e-12);
        assertTrue(PeerAccuracy.worst("nanogpt_cosine", HandInline::nanoGptCosine) <= 1e-10);
        assertTrue(PeerAccuracy.worst("resnet110_constant", HandInline::resNetMultiStep) <= 1e-12);
    }

    @Test
    void generatedSchedulesAreTheSchedulesPyTorchComputes() {
        assertTrue(PeerAccuracy.worst("card_linear_exp", Shape.CARD_EXP.generated::lr) <= 1e-12);
        assertTrue(PeerAccuracy.worst("nanogpt_cosine", Shape.NANO_GPT_COSINE.generated::lr) <= 1e-10);
        assertTrue(PeerAccuracy.worst("resnet110_constant", Shape.RESNET_MULTI_STEP.generated::lr) <= 1e-12);
    }

    @Test
    void djlIsConfiguredToTheSameSchedulesWithinFloatPrecision() {
        assertTrue(PeerAccuracy.worst("card_linear_exp", Peer.CARD_EXP_DJL.factory.get()) <= 1e-3);
        assertTrue(PeerAccuracy.worst("nanogpt_cosine", Peer.NANO_GPT_COSINE_DJL.factory.get()) <= 1e-6);
        assertTrue(PeerAccuracy.worst("resnet110_constant", Peer.RESNET_MULTI_STEP_DJL.factory.get()) <= 1e-6);
    }

    @Test
    void nd4jMapSchedulesAreExactAndItsRampIsNot() {
        assertEquals(0.0, PeerAccuracy.worst("resnet110_constant", Peer.RESNET_MULTI_STEP_ND4J.factory.get()), 3e-16);
        // RampSchedule multiplies by (i + 1) / W and runs the exponential through warmup: far off at the start.
        assertTrue(PeerAccuracy.worst("card_linear_exp", Peer.CARD_EXP_ND4J.factory.get()) > 0.5);
    }
}
