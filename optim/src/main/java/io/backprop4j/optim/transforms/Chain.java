package io.backprop4j.optim.transforms;

import io.backprop4j.core.Parameter;
import io.backprop4j.core.kernels.Kernels;
import io.backprop4j.optim.OptimizerState;
import io.backprop4j.optim.StatefulOptimizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An optimizer made of transforms, optax's {@code chain}: each step passes every parameter's gradient through
 * the transforms in order, then applies {@code w ← w − η·u} with the learning rate η (which a schedule sets).
 * For example {@code Chain.of(0.001, new ClipByValue(1), new ScaleByAdam(0.9, 0.999, 1e-8),
 * new AddDecayedWeights(0.01))} is AdamW on clipped gradients. The transforms change the gradient arrays in
 * place. Their states are saved in checkpoints as {@code INDEX.NAME} (e.g. {@code 1.m}), and restored through the
 * chain like any optimizer's.
 */
public class Chain extends StatefulOptimizer<Chain.States> {

    /** Each transform's state for one parameter, in chain order. */
    public record States(List<OptimizerState> states) implements OptimizerState {

        @Override
        public Map<String, INDArray> arrays() {
            Map<String, INDArray> arrays = new LinkedHashMap<>();
            for (int i = 0; i < states.size(); i++) {
                int index = i;
                states.get(i).arrays().forEach((name, array) -> arrays.put(index + "." + name, array));
            }
            return arrays;
        }

        /** The array {@code key} ({@code INDEX.NAME}, e.g. {@code 0.m}) of one transform's state. */
        public INDArray array(String key) {
            return arrays().get(key);
        }

        /** The largest update count among the transforms (Adam's t). */
        @Override
        public long steps() {
            return states.stream().mapToLong(OptimizerState::steps).max().orElse(0);
        }

        @Override
        public void restoreSteps(long steps) {
            states.forEach(state -> state.restoreSteps(steps));
        }
    }

    private final List<Transform<?>> transforms;

    /** The transforms in order, then {@code w ← w − η·u}: for the named optimizers that are chains. */
    protected Chain(double learningRate, Transform<?>... transforms) {
        super(learningRate);
        this.transforms = List.of(transforms);
    }

    /** The transforms in order, then {@code w ← w − η·u}. */
    public static Chain of(double learningRate, Transform<?>... transforms) {
        return new Chain(learningRate, transforms);
    }

    public List<Transform<?>> transforms() {
        return transforms;
    }

    @Override
    protected States initialState(Parameter parameter) {
        List<OptimizerState> states = new ArrayList<>();
        transforms.forEach(transform -> states.add(transform.init(parameter)));
        return new States(states);
    }

    @Override
    protected void update(Parameter parameter, States states) {
        INDArray updates = parameter.gradient();
        for (int i = 0; i < transforms.size(); i++) {
            updates = apply(transforms.get(i), updates, parameter, states.states().get(i));
        }
        Kernels.axpy(-learningRate(), updates, parameter.value());
    }

    @SuppressWarnings("unchecked")
    private static <S extends OptimizerState> INDArray apply(Transform<S> transform, INDArray updates,
            Parameter parameter, OptimizerState state) {
        return transform.update(updates, parameter, (S) state);
    }
}
