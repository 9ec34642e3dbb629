package io.backprop4j.optim;

import io.backprop4j.core.Parameter;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The bookkeeping shared by every optimizer: the learning rate, optional weight decay, and a state object
 * per parameter, created on first sight. Subclasses write only the update rule, {@link #update}.
 *
 * @param <S> the per-parameter state, e.g. Adam's moment estimates
 */
public abstract class StatefulOptimizer<S extends OptimizerState> implements Optimizer {

    private final Map<Parameter, S> states = new IdentityHashMap<>();
    private double learningRate;

    protected StatefulOptimizer(double learningRate) {
        if (!(learningRate > 0 && learningRate < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": learning rate must be positive and "
                    + "finite, got " + learningRate);
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
        if (!(learningRate >= 0 && learningRate < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": a learning rate must be finite and not "
                    + "negative, got " + learningRate);
        }
        this.learningRate = learningRate;
    }

    /**
     * {@code value} if it lies in [{@code low}, {@code high}] ({@code high} itself only when {@code highIncluded}),
     * as PyTorch checks its optimizers' hyper-parameters; otherwise a message naming the optimizer and the value.
     */
    protected final double inRange(String name, double value, double low, double high, boolean highIncluded) {
        if (!(value >= low && (value < high || highIncluded && value == high))) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": " + name + " must lie in [" + low + ", "
                    + high + (highIncluded ? "]" : ")") + ", got " + value);
        }
        return value;
    }

    /** The state kept for {@code parameter}, or null before its first step. */
    public S state(Parameter parameter) {
        return states.get(parameter);
    }

    /** The state arrays of each stepped parameter, keyed {@code "parameterName/arrayName"} (live arrays). */
    @Override
    public Map<String, INDArray> stateArrays(List<Parameter> parameters) {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            S state = states.get(p);
            if (state != null) {
                state.arrays().forEach((name, array) -> arrays.put(p.name() + "/" + name, array));
            }
        }
        return arrays;
    }

    /** The update count of each stepped parameter, by parameter name. */
    @Override
    public Map<String, Long> stepCounts(List<Parameter> parameters) {
        Map<String, Long> steps = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            S state = states.get(p);
            if (state != null) {
                steps.put(p.name(), state.steps());
            }
        }
        return steps;
    }

    /**
     * Replaces the state of each of {@code parameters} that has an entry in {@code steps} (those stepped
     * before the checkpoint) with arrays from {@code arrays}, keyed {@code "parameterName/arrayName"}.
     * Everything is checked before anything changes.
     */
    @Override
    public void restoreState(List<Parameter> parameters, Map<String, INDArray> arrays, Map<String, Long> steps) {
        Map<Parameter, S> restored = new IdentityHashMap<>();
        for (Parameter p : parameters) {
            if (!steps.containsKey(p.name())) {
                continue;
            }
            S state = initialState(p);
            for (Map.Entry<String, INDArray> entry : state.arrays().entrySet()) {
                String key = p.name() + "/" + entry.getKey();
                INDArray saved = arrays.get(key);
                if (saved == null || !Arrays.equals(saved.shape(), entry.getValue().shape())) {
                    throw new IllegalArgumentException(getClass().getSimpleName() + ": optimizer state " + key
                            + " should be " + Arrays.toString(entry.getValue().shape()) + ", found "
                            + (saved == null ? "nothing" : Arrays.toString(saved.shape())));
                }
                entry.getValue().assign(saved);
            }
            state.restoreSteps(steps.get(p.name()));
            restored.put(p, state);
        }
        states.clear();
        states.putAll(restored);
    }
}
