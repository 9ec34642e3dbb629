package io.backprop4j.optim;

import io.backprop4j.core.Parameter;
import io.backprop4j.optim.schedules.LearningRateSchedule;
import io.backprop4j.optim.transforms.ScaleByLearningRate;
import io.backprop4j.optim.transforms.Transform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What every optimizer built from transforms shares: the transforms, the last of which is the learning rate
 * ({@link ScaleByLearningRate}, carrying its schedule), their per-parameter states, the description for
 * checkpoints (each transform with its hyper-parameters) and the states' arrays and step counts.
 */
abstract class StatesOfTransforms implements Optimizer {

    final List<Transform<?>> transforms;
    final ChainState states;

    /** {@code transforms} then the learning rate, with new states. */
    StatesOfTransforms(List<Transform<?>> transforms, ScaleByLearningRate rate) {
        this(withRate(transforms, rate), new ChainState(withRate(transforms, rate)));
    }

    /** The transforms (the learning rate last) over existing states, shared with another view of one optimizer. */
    StatesOfTransforms(List<Transform<?>> transforms, ChainState states) {
        this.transforms = List.copyOf(transforms);
        this.states = states;
    }

    private static List<Transform<?>> withRate(List<Transform<?>> transforms, ScaleByLearningRate rate) {
        List<Transform<?>> all = new ArrayList<>(transforms);
        all.add(rate);
        return List.copyOf(all);
    }

    /** The learning-rate transform, the last. */
    final ScaleByLearningRate rate() {
        return (ScaleByLearningRate) transforms.get(transforms.size() - 1);
    }

    /** The transforms with the learning rate following {@code schedule} instead. */
    final List<Transform<?>> scheduled(LearningRateSchedule schedule, int stepsPerEpoch) {
        List<Transform<?>> all = new ArrayList<>(transforms.subList(0, transforms.size() - 1));
        all.add(new ScaleByLearningRate(schedule, stepsPerEpoch));
        return all;
    }

    @Override
    public final double learningRate(long step) {
        return rate().rate(step);
    }
    @Override
    public final List<String> description() {
        return states.description();
    }

    @Override
    public final Map<String, INDArray> stateArrays(List<Parameter> parameters) {
        return states.arrays(parameters);
    }

    @Override
    public final Map<String, Long> stepCounts(List<Parameter> parameters) {
        return states.steps(parameters);
    }

    @Override
    public final void restoreState(List<Parameter> parameters, Map<String, INDArray> arrays, Map<String, Long> steps) {
        states.restore(parameters, arrays, steps);
    }
}
