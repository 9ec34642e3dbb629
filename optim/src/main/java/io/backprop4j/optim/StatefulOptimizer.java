package io.backprop4j.optim;

import io.backprop4j.core.Parameter;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bookkeeping shared by every optimizer: the learning rate, optional weight decay, and a state object
 * per parameter, created on first sight. Subclasses write only the update rule, {@link #update}.
 *
 * @param <S> the per-parameter state, e.g. Adam's moment estimates
 */
public abstract class StatefulOptimizer<S> implements Optimizer {

    private final Map<Parameter, S> states = new IdentityHashMap<>();
    private double learningRate;

    protected StatefulOptimizer(double learningRate) {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": learning rate must be positive, got "
                    + learningRate);
        }
        this.learningRate = learningRate;
    }

    @Override
    public final void step(List<Parameter> parameters) {
        for (Parameter p : parameters) {
            update(p, states.computeIfAbsent(p, this::initialState));
        }
    }

    /** The state of a parameter before its first update (zeros for every moment). */
    protected abstract S initialState(Parameter parameter);

    /** Applies one update to {@code parameter.value()} from {@code parameter.gradient()} and the state. */
    protected abstract void update(Parameter parameter, S state);

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public void setLearningRate(double learningRate) {
        this.learningRate = learningRate;
    }

    /** The state kept for {@code parameter}, or null before its first step (for checkpoints and tests). */
    public S state(Parameter parameter) {
        return states.get(parameter);
    }
}
