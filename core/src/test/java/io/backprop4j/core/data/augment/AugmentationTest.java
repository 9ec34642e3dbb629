package io.backprop4j.core.data.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.Rng;
import io.backprop4j.core.data.Batches;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Each transform does what its formula says, and an augmented epoch depends only on its seed. */
class AugmentationTest {

    /** Pixel (c, y, x) of a C×H×W image holds 1 + c·100 + y·10 + x: every pixel tells where it came from. */
    private static float[] numbered(int channels, int height, int width) {
        float[] image = new float[channels * height * width];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    image[(c * height + y) * width + x] = 1 + c * 100 + y * 10 + x;
                }
            }
        }
        return image;
    }

    @Test
    void aFlipMirrorsEveryRowOfEveryChannel() {
        float[] image = numbered(2, 3, 4);
        new RandomHorizontalFlip(1).apply(image, 2, 3, 4, new Rng(1));
        assertArrayEquals(new float[] {4, 3, 2, 1}, Arrays.copyOfRange(image, 0, 4));
        assertArrayEquals(new float[] {124, 123, 122, 121}, Arrays.copyOfRange(image, 20, 24));
        float[] kept = numbered(1, 3, 4);
        new RandomHorizontalFlip(0).apply(kept, 1, 3, 4, new Rng(1));
        assertArrayEquals(numbered(1, 3, 4), kept);
    }

    @Test
    void aCropShiftsTheImageWithinThePaddingAndFillsZeros() {
        for (long seed = 0; seed < 50; seed++) {
            float[] image = numbered(1, 6, 5);
            new RandomCrop(2).apply(image, 1, 6, 5, new Rng(seed));
            int[] shift = null;
            for (int y = 0; y < 6; y++) {
                for (int x = 0; x < 5; x++) {
                    float v = image[y * 5 + x];
                    if (v != 0) {
                        int dy = ((int) v - 1) / 10 - y;
                        int dx = ((int) v - 1) % 10 - x;
                        assertTrue(Math.abs(dy) <= 2 && Math.abs(dx) <= 2, "shift " + dy + ", " + dx);
                        if (shift == null) {
                            shift = new int[] {dy, dx};
                        }
                        assertArrayEquals(shift, new int[] {dy, dx}, "one shift for the whole image");
                    } else if (shift != null) {
                        int sy = y + shift[0];
                        int sx = x + shift[1];
                        assertFalse(sy >= 0 && sy < 6 && sx >= 0 && sx < 5, "zero only outside the image");
                    }
                }
            }
        }
    }

    /** With p = 1 every image loses one rectangle (its zeros span exactly their bounding box) of 10–20% of its area. */
    @Test
    void erasingZeroesOneRectangleOfTheScaleAsked() {
        for (long seed = 0; seed < 50; seed++) {
            float[] image = numbered(1, 28, 28);
            new RandomErasing(1, 0.1, 0.2, 0.5, 2).apply(image, 1, 28, 28, new Rng(seed));
            int zeros = 0;
            int top = 28;
            int bottom = -1;
            int left = 28;
            int right = -1;
            for (int i = 0; i < image.length; i++) {
                if (image[i] == 0) {
                    zeros++;
                    top = Math.min(top, i / 28);
                    bottom = Math.max(bottom, i / 28);
                    left = Math.min(left, i % 28);
                    right = Math.max(right, i % 28);
                }
            }
            assertEquals((bottom - top + 1) * (right - left + 1), zeros, "one rectangle");
            assertTrue(zeros >= 0.08 * 784 && zeros <= 0.22 * 784, "erased " + zeros + " pixels");
        }
        assertThrows(IllegalArgumentException.class, () -> new RandomErasing(1, 0.5, 0.2, 0.3, 3.3));
    }

    @Test
    void anAugmentedEpochDependsOnlyOnItsSeedAndLeavesTheDataSetAsItWas() {
        float[][] rows = new float[40][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = numbered(1, 4, 4);
            rows[i][0] = i;
        }
        DataSet data = new DataSet(Nd4j.createFromArray(rows), Nd4j.zeros(DataType.FLOAT, 40, 1));
        Augmentation augmentation = Augmentation.images(1, 4, 4, new RandomCrop(1), new RandomHorizontalFlip());
        List<float[]> first = epoch(new Batches(data, 8, augmentation), 3);
        List<float[]> again = epoch(new Batches(data, 8, augmentation), 3);
        for (int b = 0; b < first.size(); b++) {
            assertArrayEquals(first.get(b), again.get(b), "batch " + b);
        }
        List<float[]> plain = epoch(new Batches(data, 8), 3);
        assertFalse(Arrays.equals(first.get(0), plain.get(0)), "augmented batches differ from plain ones");
        assertEquals(data.features(), Nd4j.createFromArray(rows), "the data set itself is never changed");
    }

    private static List<float[]> epoch(Batches batches, long seed) {
        List<float[]> out = new ArrayList<>();
        for (DataSet batch : batches.shuffled(new Rng(seed))) {
            out.add(batch.features().dup().data().asFloat());
        }
        return out;
    }
}
