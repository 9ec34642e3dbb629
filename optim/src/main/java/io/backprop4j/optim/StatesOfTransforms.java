package io.backprop4j.optim;

import io.backprop4j.core.Parameter;
import io.backprop4j.optim.transforms.Transform;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What every optimizer built from transforms shares: the learning rate η, the transforms' per-parameter states,
 * its description for checkpoints (each transform with its hyper-parameters) and their arrays and step counts.
 */
abstract class StatesOfTransforms implements Optimizer {

    final ChainState states;
    private double learningRate;

    StatesOfTransforms(double learningRate, List<Transform<?>> transforms) {
        this.states = new ChainState(transforms);
        setLearningRate(learningRate);
        if (learningRate == 0) {
            throw new IllegalArgumentException("Chain: the learning rate must be positive, got 0.0");
        }
    }

    @Override
    public final double learningRate() {
        return learningRate;
    }

    @Override
    public final void setLearningRate(double learningRate) {
        if (!(learningRate >= 0 && learningRate < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Chain: the learning rate must be finite and not negative, got "
                    + learningRate);
        }
        this.learningRate = learningRate;
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
