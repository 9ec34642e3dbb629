package io.backprop4j.optim;

import io.backprop4j.core.Parameter;
import io.backprop4j.optim.schedules.LearningRateSchedule;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Updates parameters from their gradients, in place: {@code w ← w − η(t)·u(∂J/∂w, state)}. The optimizers are
 * chains of transforms built by {@link Optimizers}, the learning rate η the last of them, with its schedule and
 * each parameter's step count t in its state; the state per parameter is created lazily the first time a
 * parameter is stepped, and parameters of different models never share it, so one optimizer may step two models
 * from two threads. A step may use the gradient arrays as scratch space: read gradients before calling it
 * (callbacks get them in {@code afterBackward}).
 */
public interface Optimizer {

    void step(List<Parameter> parameters);

    /** η at a parameter's step {@code step} (from 0). */
    double learningRate(long step);

    /** η at the first step. */
    default double learningRate() {
        return learningRate(0);
    }

    /**
     * The same optimizer, sharing its state, with the learning rate following {@code schedule} (by epoch, an epoch
     * being {@code stepsPerEpoch} steps): how the Trainer applies its schedule to a run without changing the
     * optimizer it was given. An optimizer of one's own that has no schedule refuses.
     */
    default Optimizer withSchedule(LearningRateSchedule schedule, int stepsPerEpoch) {
        throw new UnsupportedOperationException(getClass().getName() + " takes no learning-rate schedule; build "
                + "it from Optimizers, or train without Trainer.schedule");
    }

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
