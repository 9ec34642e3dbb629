package io.backprop4j.optim;

import io.backprop4j.core.Parameter;
import java.util.List;

/**
 * Updates parameters from their gradients, in place: {@code w ← w − update(∂J/∂w, state)}. Each
 * optimizer keeps its own per-parameter state, created lazily the first time it sees a parameter. The
 * learning rate can be changed between steps (by a schedule). A step may use the gradient arrays as
 * scratch space: read gradients before calling it (listeners get them in {@code afterBackward}).
 */
public interface Optimizer {

    void step(List<Parameter> parameters);

    double learningRate();

    void setLearningRate(double learningRate);
}
