package io.backprop4j.core.data.augment;

import io.backprop4j.core.Rng;
import java.util.Arrays;

/**
 * Torchvision's {@code RandomErasing} (cutout): with probability p, a rectangle of a random area, a fraction in
 * [scaleMin, scaleMax] of the image, and a random aspect ratio h/w with log-uniform ratio in [ratioMin, ratioMax],
 * set to 0 in every channel; up to 10 draws are tried for a rectangle that fits, as torchvision does.
 */
public record RandomErasing(double p, double scaleMin, double scaleMax, double ratioMin, double ratioMax)
        implements ImageTransform {

    public RandomErasing {
        if (!(p >= 0 && p <= 1) || !(0 < scaleMin && scaleMin <= scaleMax && scaleMax <= 1)
                || !(0 < ratioMin && ratioMin <= ratioMax)) {
            throw new IllegalArgumentException("RandomErasing: expected p in [0, 1], 0 < scaleMin ≤ scaleMax ≤ 1 "
                    + "and 0 < ratioMin ≤ ratioMax, got p " + p + ", scale [" + scaleMin + ", " + scaleMax
                    + "], ratio [" + ratioMin + ", " + ratioMax + "]");
        }
    }

    /** Torchvision's defaults with probability p: scale [0.02, 0.33], ratio [0.3, 3.3]. */
    public RandomErasing(double p) {
        this(p, 0.02, 0.33, 0.3, 3.3);
    }

    @Override
    public void apply(float[] image, int channels, int height, int width, Rng rng) {
        if (rng.nextDouble() >= p) {
            return;
        }
        double area = (double) height * width;
        for (int attempt = 0; attempt < 10; attempt++) {
            double target = area * (scaleMin + (scaleMax - scaleMin) * rng.nextDouble());
            double logRatio = Math.log(ratioMin) + (Math.log(ratioMax) - Math.log(ratioMin)) * rng.nextDouble();
            int h = (int) Math.round(Math.sqrt(target * Math.exp(logRatio)));
            int w = (int) Math.round(Math.sqrt(target / Math.exp(logRatio)));
            if (h < height && w < width && h > 0 && w > 0) {
                int top = rng.nextInt(height - h + 1);
                int left = rng.nextInt(width - w + 1);
                for (int c = 0; c < channels; c++) {
                    for (int y = top; y < top + h; y++) {
                        int start = c * height * width + y * width + left;
                        Arrays.fill(image, start, start + w, 0f);
                    }
                }
                return;
            }
        }
    }
}
