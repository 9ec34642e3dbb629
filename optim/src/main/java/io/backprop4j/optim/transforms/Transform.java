package io.backprop4j.optim.transforms;

import io.backprop4j.core.Parameter;
import io.backprop4j.optim.OptimizerState;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One piece of an optimizer, optax's gradient transformation: a per-parameter state made by {@link #init}, and
 * {@link #update} that turns the incoming updates u (the gradient, for the first transform of a {@link Chain})
 * into new updates. The chain then applies {@code w ← w − η·u}.
 *
 * @param <S> the state kept per parameter
 */
public interface Transform<S extends OptimizerState> {

    /** The state of {@code parameter} before its first update (zeros for every moment). */
    S init(Parameter parameter);

    /**
     * The new updates for {@code parameter} from {@code updates}: the same array changed in place, or one of the
     * state's arrays; either way the array the next transform receives.
     */
    INDArray update(INDArray updates, Parameter parameter, S state);
}
