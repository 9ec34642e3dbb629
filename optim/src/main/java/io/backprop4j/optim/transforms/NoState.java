package io.backprop4j.optim.transforms;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The state of a transform that keeps none (weight decay, clipping). */
public record NoState() implements TransformState {

    @Override
    public Map<String, INDArray> arrays() {
        return Map.of();
    }
}
