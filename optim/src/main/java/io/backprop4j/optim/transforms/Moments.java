package io.backprop4j.optim.transforms;

import io.backprop4j.core.Parameter;
import io.backprop4j.optim.OptimizerState;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Named moment arrays of one parameter, zeros at first, and an update count t: the state of momentum (v),
 * Adam (m, v), RMSProp and Adagrad (a sum of squares), Adadelta (two sums).
 */
public final class Moments implements OptimizerState {

    private final Map<String, INDArray> arrays = new LinkedHashMap<>();
    private final INDArray scratch;
    private long count;

    /** Zero arrays shaped like {@code parameter}'s value, one per name. */
    public Moments(Parameter parameter, String... names) {
        for (String name : names) {
            arrays.put(name, parameter.value().ulike().assign(0));
        }
        scratch = parameter.value().ulike();
    }

    /** A work array shaped like the parameter, not part of the state (not saved), so a step allocates nothing. */
    INDArray scratch() {
        return scratch;
    }

    public INDArray get(String name) {
        return arrays.get(name);
    }

    /** Counts one more update and returns the count t (from 1). */
    long nextStep() {
        return ++count;
    }

    @Override
    public Map<String, INDArray> arrays() {
        return arrays;
    }

    @Override
    public long steps() {
        return count;
    }

    @Override
    public void restoreSteps(long steps) {
        count = steps;
    }
}
