package dev.warmup.demo;

import java.util.SplittableRandom;

/** Fisher-Yates shuffle of an {@code int[]} in place: no boxing, no allocation, so the training loop may call it. */
final class Shuffle {

    private Shuffle() {}

    static void inPlace(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swapped = values[i];
            values[i] = values[j];
            values[j] = swapped;
        }
    }
}
