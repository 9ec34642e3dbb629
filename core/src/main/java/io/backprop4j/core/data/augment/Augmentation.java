package io.backprop4j.core.data.augment;

import io.backprop4j.core.Rng;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Image transforms applied in turn to every training example as its batch is gathered, torchvision's
 * {@code Compose}: the rows of the features are images of {@code channels × height × width} pixels. An
 * example's draws come from its own generator, seeded by the epoch's seed and its position in the epoch, so an
 * epoch is the same whichever thread gathers which batch, and a run resumed from a checkpoint augments as the
 * uninterrupted one does. Evaluation never augments.
 *
 * <pre>{@code
 * Fit.epochs(30).augment(Augmentation.images(1, 28, 28, new RandomCrop(2), new RandomHorizontalFlip()))
 * }</pre>
 */
public record Augmentation(int channels, int height, int width, List<ImageTransform> transforms) {

    public Augmentation {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("Augmentation: an image needs positive channels, height and width, "
                    + "got " + channels + "×" + height + "×" + width);
        }
        transforms = List.copyOf(transforms);
    }

    public static Augmentation images(int channels, int height, int width, ImageTransform... transforms) {
        return new Augmentation(channels, height, width, List.of(transforms));
    }

    /** Pixels per example. */
    public int size() {
        return channels * height * width;
    }

    /**
     * Augments rows {@code [from, to)} of {@code features} (float32, row-major, one example per row) in place;
     * row r is example {@code firstPosition + r − from} of the epoch whose seed is {@code epochSeed}.
     */
    public void apply(INDArray features, int from, int to, long epochSeed, long firstPosition) {
        if (features.dataType() != DataType.FLOAT || features.length() != features.size(0) * (long) size()) {
            throw new IllegalArgumentException("Augmentation: expected float32 rows of " + channels + "×" + height
                    + "×" + width + " = " + size() + " pixels, got " + features.dataType() + " "
                    + Arrays.toString(features.shape()));
        }
        FloatBuffer pixels = features.data().asNioFloat();
        int base = (int) features.offset();
        float[] image = new float[size()];
        Rng rng = new Rng(0);
        for (int row = from; row < to; row++) {
            rng.restore(new Rng.State(mix(epochSeed, firstPosition + row - from), false, 0));
            pixels.get(base + row * size(), image);
            for (ImageTransform transform : transforms) {
                transform.apply(image, channels, height, width, rng);
            }
            pixels.put(base + row * size(), image);
        }
    }

    /** A 48-bit generator state for example {@code position} of an epoch: SplitMix64's finalizer of both. */
    static long mix(long epochSeed, long position) {
        long z = epochSeed + (position + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & ((1L << 48) - 1);
    }
}
