package io.backprop4j.optim;

import io.backprop4j.core.Parameter;
import io.backprop4j.optim.transforms.Transform;
import io.backprop4j.optim.transforms.TransformState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The states of a chain's transforms, per parameter in chain order, created on a parameter's first step (safely from
 * several threads, each stepping parameters of its own model); a
 * checkpoint holds them named {@code "parameterName/INDEX.arrayName"}, and they are restored after every saved
 * array has been checked against the shape it replaces.
 */
final class ChainState {

    private final List<Transform<?>> transforms;
    private final Map<Parameter, List<TransformState>> states = new ConcurrentHashMap<>();

    ChainState(List<Transform<?>> transforms) {
        this.transforms = transforms;
    }

    List<String> description() {
        return transforms.stream().map(Object::toString).toList();
    }

    /** The transforms' states for {@code parameter}, created zero at its first step. */
    List<TransformState> of(Parameter parameter) {
        List<TransformState> state = states.get(parameter);
        return state != null ? state : states.computeIfAbsent(parameter, this::initialState);
    }

    /** The states for {@code parameter}, or null before its first step. */
    List<TransformState> get(Parameter parameter) {
        return states.get(parameter);
    }

    private List<TransformState> initialState(Parameter parameter) {
        List<TransformState> state = new ArrayList<>(transforms.size());
        transforms.forEach(transform -> state.add(transform.init(parameter)));
        return List.copyOf(state);
    }

    Map<String, INDArray> arrays(List<Parameter> parameters) {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            List<TransformState> state = states.get(p);
            for (int i = 0; state != null && i < state.size(); i++) {
                String prefix = p.name() + "/" + i + ".";
                state.get(i).arrays().forEach((name, array) -> arrays.put(prefix + name, array));
            }
        }
        return arrays;
    }

    /** The largest update count among each parameter's transforms (Adam's t). */
    Map<String, Long> steps(List<Parameter> parameters) {
        Map<String, Long> steps = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            List<TransformState> state = states.get(p);
            if (state != null) {
                steps.put(p.name(), state.stream().mapToLong(TransformState::steps).max().orElse(0));
            }
        }
        return steps;
    }

    /** Replaces every state by those of the parameters that have an entry in {@code steps} (stepped before). */
    void restore(List<Parameter> parameters, Map<String, INDArray> arrays,
            Map<String, Long> steps) {
        Map<Parameter, List<TransformState>> restored = new IdentityHashMap<>();
        for (Parameter p : parameters) {
            if (!steps.containsKey(p.name())) {
                continue;
            }
            List<TransformState> state = initialState(p);
            for (int i = 0; i < state.size(); i++) {
                for (Map.Entry<String, INDArray> entry : state.get(i).arrays().entrySet()) {
                    String key = p.name() + "/" + i + "." + entry.getKey();
                    INDArray saved = arrays.get(key);
                    if (saved == null || !Arrays.equals(saved.shape(), entry.getValue().shape())) {
                        throw new IllegalArgumentException("optimizer state " + key + " should be "
                                + Arrays.toString(entry.getValue().shape()) + ", found "
                                + (saved == null ? "nothing" : Arrays.toString(saved.shape())));
                    }
                    entry.getValue().assign(saved);
                }
                state.get(i).restoreSteps(steps.get(p.name()));
            }
            restored.put(p, state);
        }
        for (Parameter p : parameters) {
            states.remove(p);
        }
        states.putAll(restored);
    }
}
