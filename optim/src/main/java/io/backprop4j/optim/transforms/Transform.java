package io.backprop4j.optim.transforms;

import io.backprop4j.core.Parameter;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One piece of an optimizer, optax's gradient transformation: a per-parameter state made by {@link #init}, and
 * {@link #update} that turns the incoming updates u (the gradient, for the first transform of a chain) into new
 * updates. The chain then applies {@code w ← w − η·u}. A transform is a record of its hyper-parameters, so that
 * its {@code toString()} describes it in full (a checkpoint stores it).
 *
 * @param <S> the state kept per parameter
 */
public interface Transform<S extends TransformState> {

    /** The state of {@code parameter} before its first update (zeros for every moment). */
    S init(Parameter parameter);

    /**
     * The new updates for {@code parameter} from {@code updates}: the same array changed in place, or one of the
     * state's arrays; either way the array the next transform receives.
     */
    INDArray update(INDArray updates, Parameter parameter, S state);

    /**
     * The whole step's form: replaces each {@code updates.get(i)} by its new updates. By default each parameter on
     * its own; a transform that needs all of them at once (clipping by the global norm) overrides it.
     */
    default void update(List<INDArray> updates, List<Parameter> parameters, List<S> states) {
        for (int i = 0; i < updates.size(); i++) {
            updates.set(i, update(updates.get(i), parameters.get(i), states.get(i)));
        }
    }
}
