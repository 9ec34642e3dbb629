package io.backprop4j.core.data.augment;

import io.backprop4j.core.Rng;

/**
 * One random change of one training image, in place: its pixels {@code x[c·H·W + y·W + x]} (channels first, as
 * a row of the data set holds them), drawing what it needs from {@code rng}. Torchvision's transforms of the same
 * names are the model.
 */
public interface ImageTransform {

    void apply(float[] image, int channels, int height, int width, Rng rng);
}
