package io.backprop4j.optim.transforms;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A transform's state for one parameter, as named arrays that a checkpoint saves and restores in place. */
public interface TransformState {

    /** The state's arrays by name, e.g. Adam's {@code m} and {@code v}; restoring assigns into them. */
    Map<String, INDArray> arrays();

    /** The number of updates applied so far (Adam's t); 0 for transforms that do not count them. */
    default long steps() {
        return 0;
    }

    /** Sets the update count when a checkpoint is restored. */
    default void restoreSteps(long steps) {
    }
}
