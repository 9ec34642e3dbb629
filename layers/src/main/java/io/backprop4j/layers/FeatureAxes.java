package io.backprop4j.layers;

import io.backprop4j.core.Shapes;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Where the features of an input lie, for layers with one value per feature: the columns of {@code [N, F]}, or
 * the channels of images {@code [N, F, H, W]}. {@code reduced} are the axes a per-feature statistic sums over
 * (N, or N, H and W), and {@code broadcast} the shape a per-feature row {@code [1, F]} takes to combine with x.
 */
record FeatureAxes(int[] reduced, long[] broadcast) {

    /** The axes of {@code x} for {@code features} features; refuses any other shape, naming {@code layer}. */
    static FeatureAxes of(String layer, INDArray x, int features) {
        if (x.rank() == 4) {
            Shapes.requireImages(layer, "input", x, features);
            return new FeatureAxes(new int[] {0, 2, 3}, new long[] {1, features, 1, 1});
        }
        Shapes.requireMatrix(layer, "input", x, features);
        return new FeatureAxes(new int[] {0}, new long[] {1, features});
    }

    /** The per-feature row {@code [1, F]} shaped to broadcast against the input. */
    INDArray broadcast(INDArray perFeature) {
        return perFeature.reshape(broadcast);
    }
}
