package io.backprop4j.optim;

import io.backprop4j.core.Parameter;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Updates parameters from their gradients, in place: {@code w ← w − η·u(∂J/∂w, state)}. The optimizers are
 * chains of transforms built by {@link Optimizers}; the state per parameter is created lazily the first time a
 * parameter is stepped. The learning rate η can be changed between steps (by a schedule). A step may use the
 * gradient arrays as scratch space: read gradients before calling it (callbacks get them in
 * {@code afterBackward}).
 */
public interface Optimizer {

    void step(List<Parameter> parameters);

    double learningRate();

    void setLearningRate(double learningRate);

    /**
     * What the optimizer computes, apart from its learning rate: each transform with its hyper-parameters, in
     * order, e.g. {@code [ScaleByAdam[beta1=0.9, beta2=0.999, epsilon=1.0E-8, amsgrad=false]]}. A checkpoint stores
     * it, and its state resumes only into an optimizer with the same description. An optimizer of one's own is
     * described by its class name.
     */
    default List<String> description() {
        return List.of(getClass().getName());
    }

    /**
     * The state arrays of each stepped parameter, keyed {@code "parameterName/INDEX.arrayName"} (live arrays),
     * which a checkpoint saves; none for an optimizer without state.
     */
    default Map<String, INDArray> stateArrays(List<Parameter> parameters) {
        return Map.of();
    }

    /** The update count of each stepped parameter, by parameter name; none for an optimizer without state. */
    default Map<String, Long> stepCounts(List<Parameter> parameters) {
        return Map.of();
    }

    /**
     * Puts a checkpoint's state back ({@link #stateArrays} and {@link #stepCounts} as saved). Everything is
     * checked before anything changes.
     */
    default void restoreState(List<Parameter> parameters, Map<String, INDArray> arrays, Map<String, Long> steps) {
        if (!arrays.isEmpty()) {
            throw new IllegalArgumentException(description() + " keeps no state, but the checkpoint holds "
                    + arrays.keySet());
        }
    }
}
