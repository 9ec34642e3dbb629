package io.backprop4j.optim;

import io.backprop4j.core.Parameter;
import io.backprop4j.core.kernels.Kernels;
import io.backprop4j.optim.schedules.LearningRateSchedule;
import io.backprop4j.optim.transforms.ScaleByLearningRate;
import io.backprop4j.optim.transforms.Transform;
import io.backprop4j.optim.transforms.TransformState;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An optimizer made of transforms, optax's {@code chain}: each step passes the gradients through the transforms in
 * order, each transform seeing every parameter's updates, then applies {@code w ← w − η(t)·u}: the last transform
 * is the learning rate ({@link ScaleByLearningRate}, its schedule and each parameter's step count t), whose scaling
 * the chain does in that one pass (the updates may be a transform's own state, as momentum's velocity). {@link Optimizers} builds the named ones: {@code Optimizers.adamw(0.001, 0.01)} is
 * the chain {@code ScaleByAdam(0.9, 0.999, 1e-8)}, {@code AddDecayedWeights(0.01)}. The transforms change the
 * gradient arrays in place. Their states are saved in checkpoints as {@code INDEX.NAME} (e.g. {@code 0.m}).
 */
public final class Chain extends StatesOfTransforms {


    Chain(double learningRate, List<Transform<?>> transforms) {
        super(transforms, ScaleByLearningRate.constant(learningRate));
    }

    private Chain(List<Transform<?>> transforms, ChainState states) {
        super(transforms, states);
    }

    @Override
    public Chain withSchedule(LearningRateSchedule schedule, int stepsPerEpoch) {
        return new Chain(scheduled(schedule, stepsPerEpoch), states);
    }

    public List<Transform<?>> transforms() {
        return transforms;
    }

    @Override
    public void step(List<Parameter> parameters) {
        List<INDArray> updates = new ArrayList<>(parameters.size());
        List<List<TransformState>> perParameter = new ArrayList<>(parameters.size());
        for (Parameter p : parameters) {
            updates.add(p.gradient());
            perParameter.add(states.of(p));
        }
        int last = transforms.size() - 1;
        for (int t = 0; t < last; t++) {
            List<TransformState> column = new ArrayList<>(parameters.size());
            for (List<TransformState> row : perParameter) {
                column.add(row.get(t));
            }
            apply(transforms.get(t), updates, parameters, column);
        }
        for (int i = 0; i < parameters.size(); i++) {
            ScaleByLearningRate.State rate = (ScaleByLearningRate.State) perParameter.get(i).get(last);
            Kernels.axpy(-rate().rate(rate.t().next() - 1), updates.get(i), parameters.get(i).value());
        }
    }

    @SuppressWarnings("unchecked")
    private static <S extends TransformState> void apply(Transform<S> transform, List<INDArray> updates,
            List<Parameter> parameters, List<TransformState> states) {
        transform.update(updates, parameters, (List<S>) (List<?>) states);
    }

    /** The state of each transform for {@code parameter}, in chain order, or null before its first step. */
    public List<TransformState> state(Parameter parameter) {
        return states.get(parameter);
    }

    @Override
    public String toString() {
        return "Chain(" + description() + ", η₀ = " + learningRate() + ")";
    }
}
