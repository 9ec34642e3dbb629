package io.backprop4j.optim;

import io.backprop4j.core.Elementwise;
import io.backprop4j.core.Parameter;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Adagrad (Duchi et al. 2011): {@code s ← s + g²}; {@code w ← w − η·g / (√s + ε)}, ε = 1e-10 as in
 * PyTorch.
 */
public final class Adagrad extends StatefulOptimizer<Adagrad.State> {

    /** The running sum of squared gradients. */
    public record State(INDArray sumOfSquares, INDArray scratch) implements OptimizerState {
        @Override
        public Map<String, INDArray> arrays() {
            return Map.of("sumOfSquares", sumOfSquares);
        }
    }

    private final double epsilon;

    public Adagrad(double learningRate) {
        this(learningRate, 1e-10);
    }

    public Adagrad(double learningRate, double epsilon) {
        super(learningRate);
        this.epsilon = inRange("epsilon", epsilon, 0, Double.POSITIVE_INFINITY, false);
    }

    @Override
    protected State initialState(Parameter p) {
        return new State(p.value().ulike().assign(0), p.value().ulike());
    }

    @Override
    protected void update(Parameter p, State state) {
        INDArray g = p.gradient();
        INDArray s = state.sumOfSquares().addi(state.scratch().assign(g).muli(g));
        INDArray denominator = Elementwise.sqrt(s, state.scratch()).addi(epsilon);
        Elementwise.axpy(-learningRate(), g.divi(denominator), p.value());
    }
}
