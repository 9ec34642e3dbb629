package io.backprop4j.core.data.augment;

import io.backprop4j.core.Rng;

/** With probability p, the image mirrored left to right: {@code x'[c, y, x] = x[c, y, W − 1 − x]}. */
public record RandomHorizontalFlip(double p) implements ImageTransform {

    public RandomHorizontalFlip {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("RandomHorizontalFlip: p must lie in [0, 1], got " + p);
        }
    }

    /** Torchvision's default, p = 0.5. */
    public RandomHorizontalFlip() {
        this(0.5);
    }

    @Override
    public void apply(float[] image, int channels, int height, int width, Rng rng) {
        if (rng.nextDouble() >= p) {
            return;
        }
        for (int row = 0; row < channels * height; row++) {
            for (int left = row * width, right = left + width - 1; left < right; left++, right--) {
                float swap = image[left];
                image[left] = image[right];
                image[right] = swap;
            }
        }
    }
}
