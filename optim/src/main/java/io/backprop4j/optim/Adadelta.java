package io.backprop4j.optim;

import io.backprop4j.core.Elementwise;
import io.backprop4j.core.Parameter;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Adadelta (Zeiler 2012) in PyTorch's form: {@code v ← ρv + (1 − ρ)g²};
 * {@code Δ = √(u + ε)/√(v + ε)·g}; {@code u ← ρu + (1 − ρ)Δ²}; {@code w ← w − η·Δ}, with PyTorch's
 * defaults η = 1.0, ρ = 0.9, ε = 1e-6 (the PyTorch MNIST example's optimizer).
 */
public final class Adadelta extends StatefulOptimizer<Adadelta.State> {

    /** The running averages of squared gradients v and of squared updates u. */
    public record State(INDArray squaredGradients, INDArray squaredUpdates, INDArray scratch)
            implements OptimizerState {
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
        this.rho = rho;
        this.epsilon = epsilon;
    }

    @Override
    protected State initialState(Parameter p) {
        return new State(p.value().ulike().assign(0), p.value().ulike().assign(0), p.value().ulike());
    }

    @Override
    protected void update(Parameter p, State state) {
        INDArray g = p.gradient();
        INDArray s = state.scratch();
        INDArray v = Elementwise.axpy(1 - rho, s.assign(g).muli(g), state.squaredGradients().muli(rho));
        INDArray delta = g.muli(Elementwise.sqrt(s.assign(state.squaredUpdates()).addi(epsilon), s))
                .divi(Elementwise.sqrt(s.assign(v).addi(epsilon), s));
        Elementwise.axpy(1 - rho, s.assign(delta).muli(delta), state.squaredUpdates().muli(rho));
        Elementwise.axpy(-learningRate(), delta, p.value());
    }
}
