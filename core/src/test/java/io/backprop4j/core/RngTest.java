package io.backprop4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RngTest {

    @Test
    void drawsExactlyWhatJavaUtilRandomDraws() {
        for (long seed : new long[] {0, 1, 42, -7, Long.MAX_VALUE}) {
            Rng rng = new Rng(seed);
            Random reference = new Random(seed);
            for (int i = 0; i < 1000; i++) {
                switch (i % 5) {
                    case 0 -> assertEquals(reference.nextDouble(), rng.nextDouble());
                    case 1 -> assertEquals(reference.nextGaussian(), rng.nextGaussian());
                    case 2 -> assertEquals(reference.nextInt(1000), rng.nextInt(1000));
                    case 3 -> assertEquals(reference.nextLong(), rng.nextLong());
                    default -> assertEquals(reference.nextInt(64), rng.nextInt(64));
                }
            }
        }
    }

    @Test
    void restoredStateContinuesTheSameSequenceIncludingASpareGaussian() {
        Rng rng = new Rng(9);
        rng.nextGaussian();
        Rng.State saved = rng.state();
        double[] expected = {rng.nextGaussian(), rng.nextDouble(), rng.nextInt(17), rng.nextGaussian()};

        Rng other = new Rng(123);
        other.restore(saved);
        double[] actual = {other.nextGaussian(), other.nextDouble(), other.nextInt(17), other.nextGaussian()};
        assertEquals(Arrays.toString(expected), Arrays.toString(actual));
    }
}
