package dev.warmup.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SoftmaxCrossEntropyTest {

    @Test
    void uniformLogitsCostLogOfTheClassCount() {
        double[][] logits = {{3, 3, 3, 3}, {-1, -1, -1, -1}};
        double[][] gradients = new double[2][4];
        double loss = SoftmaxCrossEntropy.loss(logits, new int[] {0, 2}, 0, 2, gradients);
        assertEquals(Math.log(4), loss, 1e-15);
        assertEquals((0.25 - 1) / 2, gradients[0][0], 1e-15);
        assertEquals(0.25 / 2, gradients[0][1], 1e-15);
        assertEquals((0.25 - 1) / 2, gradients[1][2], 1e-15);
    }

    @Test
    void hugeLogitsGiveAFiniteLossAndGradient() {
        double[][] logits = {{1e4, -1e4, 0}};
        double[][] gradients = new double[1][3];
        double loss = SoftmaxCrossEntropy.loss(logits, new int[] {2}, 0, 1, gradients);
        assertEquals(1e4, loss, 1e-9);
        assertEquals(1, gradients[0][0], 1e-15);
        assertEquals(-1, gradients[0][2], 1e-15);
    }

    @Test
    void nanLogitsGiveANanLoss() {
        double loss = SoftmaxCrossEntropy.loss(new double[][] {{Double.NaN, 0}}, new int[] {1}, 0, 1, null);
        assertTrue(Double.isNaN(loss));
    }

    @Test
    void countsArgmaxMatches() {
        double[][] logits = {{0, 2, 1}, {5, 0, 0}, {0, 0, 1}};
        int[] labels = {9, 1, 1, 2}; // from index 1: right, wrong, right
        assertEquals(2, SoftmaxCrossEntropy.countCorrect(logits, labels, 1, 3));
    }
}
