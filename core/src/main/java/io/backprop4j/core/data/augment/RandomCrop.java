package io.backprop4j.core.data.augment;

import io.backprop4j.core.Rng;
import java.util.Arrays;

/**
 * Torchvision's {@code RandomCrop(size, padding)} at the image's own size: the image padded with {@code padding}
 * zeros on every side and an H×W window cut at a uniformly random place, that is, the image shifted by
 * (dy, dx) ∈ {−padding … padding}², {@code x'[c, y, x] = x[c, y + dy, x + dx]}, zero where that falls outside.
 */
public record RandomCrop(int padding) implements ImageTransform {

    public RandomCrop {
        if (padding < 0) {
            throw new IllegalArgumentException("RandomCrop: padding must be at least 0, got " + padding);
        }
    }

    @Override
    public void apply(float[] image, int channels, int height, int width, Rng rng) {
        int dy = rng.nextInt(2 * padding + 1) - padding;
        int dx = rng.nextInt(2 * padding + 1) - padding;
        if (dy == 0 && dx == 0) {
            return;
        }
        float[] source = image.clone();
        Arrays.fill(image, 0f);
        for (int c = 0; c < channels; c++) {
            for (int y = Math.max(0, -dy); y < Math.min(height, height - dy); y++) {
                int from = c * height * width + (y + dy) * width;
                int to = c * height * width + y * width;
                int x0 = Math.max(0, -dx);
                int x1 = Math.min(width, width - dx);
                System.arraycopy(source, from + x0 + dx, image, to + x0, x1 - x0);
            }
        }
    }
}
