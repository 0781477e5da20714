package dev.warmup.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each peer computes its shape's schedule, within the tolerance it declares (DJL computes in float). */
class PeersTest {

    @ParameterizedTest
    @EnumSource(Peer.class)
    void peerIsConfiguredToItsShape(Peer peer) {
        if (Double.isNaN(peer.tolerance)) {
            return; // declared a different schedule (CARD_EXP_ND4J; BaselinesTest shows how far)
        }
        Shape shape = peer.shape;
        double worst = ShapesTest.largestDifference(shape.span, shape.generated::lr, peer.factory.get());
        double peak = ShapesTest.peak(shape);
        assertTrue(worst <= peer.tolerance * peak, () -> peer + ": differs by " + worst / peak + " of the peak");
    }
}
