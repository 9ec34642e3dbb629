package io.backprop4j.optim;

import io.backprop4j.core.Parameter;
import io.backprop4j.core.kernels.Kernels;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adadelta (Zeiler 2012) in PyTorch's form: {@code v ← ρv + (1 − ρ)g²};
 * {@code Δ = √(u + ε)/√(v + ε)·g}; {@code u ← ρu + (1 − ρ)Δ²}; {@code w ← w − η·Δ}, with PyTorch's
 * defaults η = 1.0, ρ = 0.9, ε = 1e-6 (the PyTorch MNIST example's optimizer).
 *
 * <p>The first three formulas are one call of libnd4j's {@code ada_delta_updater} op, which computes exactly
 * these (checked against them in OptimizerStepsTest): one pass over memory instead of the dozen element-wise
 * operations they take one by one (docs/performance.md, kernel figures). Δ overwrites the gradient, which is
 * scratch after backward.
 */
public final class Adadelta extends StatefulOptimizer<Adadelta.State> {

    /** The running averages of squared gradients v and of squared updates u. */
    public record State(INDArray squaredGradients, INDArray squaredUpdates) implements OptimizerState {
        @Override
        public Map<String, INDArray> arrays() {
            return Map.of("squaredGradients", squaredGradients, "squaredUpdates", squaredUpdates);
        }
    }

    private final double rho;
    private final double epsilon;

    public Adadelta() {
        this(1.0);
    }

    public Adadelta(double learningRate) {
        this(learningRate, 0.9, 1e-6);
    }

    public Adadelta(double learningRate, double rho, double epsilon) {
        super(learningRate);
        this.rho = inRange("rho", rho, 0, 1, true);
        this.epsilon = inRange("epsilon", epsilon, 0, Double.POSITIVE_INFINITY, false);
    }

    @Override
    protected State initialState(Parameter p) {
        return new State(p.value().ulike().assign(0), p.value().ulike().assign(0));
    }

    @Override
    protected void update(Parameter p, State state) {
        INDArray g = p.gradient();
        Nd4j.exec(DynamicCustomOp.builder("ada_delta_updater")
                .addInputs(g, state.squaredGradients(), state.squaredUpdates())
                .addOutputs(g, state.squaredGradients(), state.squaredUpdates())
                .addFloatingPointArguments(rho, epsilon).build());
        Kernels.axpy(-learningRate(), g, p.value());
    }
}
