package io.backprop4j.optim;

import io.backprop4j.core.Elementwise;
import io.backprop4j.core.Parameter;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * RMSProp (Hinton 2012): {@code s ← ρs + (1 − ρ)g²}; {@code w ← w − η·g / (√s + ε)}, with PyTorch's
 * defaults ρ = 0.99, ε = 1e-8.
 */
public final class RmsProp extends StatefulOptimizer<RmsProp.State> {

    /** The running average of squared gradients. */
    public record State(INDArray meanSquare, INDArray scratch) implements OptimizerState {
        @Override
        public Map<String, INDArray> arrays() {
            return Map.of("meanSquare", meanSquare);
        }
    }

    private final double rho;
    private final double epsilon;

    public RmsProp(double learningRate) {
        this(learningRate, 0.99, 1e-8);
    }

    public RmsProp(double learningRate, double rho, double epsilon) {
        super(learningRate);
        this.rho = inRange("rho", rho, 0, 1, true);
        this.epsilon = inRange("epsilon", epsilon, 0, Double.POSITIVE_INFINITY, false);
    }

    @Override
    protected State initialState(Parameter p) {
        return new State(p.value().ulike().assign(0), p.value().ulike());
    }

    @Override
    protected void update(Parameter p, State state) {
        INDArray g = p.gradient();
        INDArray s = Elementwise.axpy(1 - rho, state.scratch().assign(g).muli(g), state.meanSquare().muli(rho));
        INDArray denominator = Elementwise.sqrt(s, state.scratch()).addi(epsilon);
        Elementwise.axpy(-learningRate(), g.divi(denominator), p.value());
    }
}
