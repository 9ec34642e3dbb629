package io.backprop4j.optim;

import io.backprop4j.core.Elementwise;
import io.backprop4j.core.Parameter;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Adam (Kingma &amp; Ba 2015) in PyTorch's form: {@code m ← β₁m + (1 − β₁)g},
 * {@code v ← β₂v + (1 − β₂)g²}, {@code m̂ = m/(1 − β₁ᵗ)}, {@code v̂ = v/(1 − β₂ᵗ)},
 * {@code w ← w − η·m̂ / (√v̂ + ε)}, ε = 1e-8 added to √v̂. With decoupled weight decay λ (AdamW,
 * Loshchilov &amp; Hutter 2019) each step first applies {@code w ← (1 − ηλ)w}.
 */
public class Adam extends StatefulOptimizer<Adam.State> {

    /** The step count t ({@link #steps()}) and the first and second moment estimates m, v. */
    public static final class State implements OptimizerState {
        private long count;
        private final INDArray m;
        private final INDArray v;

        State(INDArray m, INDArray v) {
            this.m = m;
            this.v = v;
        }

        @Override
        public Map<String, INDArray> arrays() {
            return Map.of("m", m, "v", v);
        }

        @Override
        public long steps() {
            return count;
        }

        @Override
        public void restoreSteps(long steps) {
            count = steps;
        }

        public INDArray m() {
            return m;
        }

        public INDArray v() {
            return v;
        }
    }

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double decoupledWeightDecay;

    public Adam(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-8);
    }

    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        this(learningRate, beta1, beta2, epsilon, 0);
    }

    protected Adam(double learningRate, double beta1, double beta2, double epsilon, double decoupledWeightDecay) {
        super(learningRate);
        this.beta1 = inRange("beta1", beta1, 0, 1, false);
        this.beta2 = inRange("beta2", beta2, 0, 1, false);
        this.epsilon = inRange("epsilon", epsilon, 0, Double.POSITIVE_INFINITY, false);
        this.decoupledWeightDecay = inRange("weight decay", decoupledWeightDecay, 0, Double.POSITIVE_INFINITY, false);
    }

    @Override
    protected State initialState(Parameter p) {
        return new State(p.value().ulike().assign(0), p.value().ulike().assign(0));
    }

    @Override
    protected void update(Parameter p, State state) {
        INDArray w = p.value();
        INDArray g = p.gradient();
        long t = ++state.count;
        if (decoupledWeightDecay != 0) {
            w.muli(1 - learningRate() * decoupledWeightDecay);
        }
        Elementwise.axpy(1 - beta1, g, state.m.muli(beta1));
        Elementwise.axpy(1 - beta2, g.muli(g), state.v.muli(beta2));
        double mCorrection = 1 - Math.pow(beta1, t);
        double vCorrection = 1 - Math.pow(beta2, t);
        INDArray denominator = Elementwise.sqrt(g.assign(state.v).divi(vCorrection), g).addi(epsilon);
        Elementwise.axpy(-learningRate() / mCorrection, denominator.rdivi(state.m), w);
    }
}
