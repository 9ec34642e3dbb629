package io.backprop4j.optim;

import io.backprop4j.core.Parameter;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Updates parameters from their gradients, in place: {@code w ← w − update(∂J/∂w, state)}. Each
 * optimizer keeps its own per-parameter state, created lazily the first time it sees a parameter. The
 * learning rate can be changed between steps (by a schedule). A step may use the gradient arrays as
 * scratch space: read gradients before calling it (listeners get them in {@code afterBackward}).
 */
public interface Optimizer {

    void step(List<Parameter> parameters);

    double learningRate();

    void setLearningRate(double learningRate);

    /**
     * The state arrays of each stepped parameter, keyed {@code "parameterName/arrayName"} (live arrays), which a
     * checkpoint saves; none for an optimizer without state.
     */
    default Map<String, INDArray> stateArrays(List<Parameter> parameters) {
        return Map.of();
    }

    /** The update count of each stepped parameter, by parameter name; none for an optimizer without state. */
    default Map<String, Long> stepCounts(List<Parameter> parameters) {
        return Map.of();
    }

    /** Puts a checkpoint's state back ({@link #stateArrays} and {@link #stepCounts} as saved). */
    default void restoreState(List<Parameter> parameters, Map<String, INDArray> arrays, Map<String, Long> steps) {
        if (!arrays.isEmpty()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " keeps no state, but the checkpoint holds "
                    + arrays.keySet());
        }
    }
}
