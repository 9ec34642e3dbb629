package io.backprop4j.optim;

import io.backprop4j.core.Parameter;
import io.backprop4j.core.kernels.Kernels;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Stochastic gradient descent with optional momentum, Nesterov momentum and weight decay, in PyTorch's
 * form: {@code g = ∂J/∂w + λw}; {@code v ← μv + g}; {@code w ← w − η·(g + μv)} with Nesterov, else
 * {@code w ← w − η·v}. Without momentum this is {@code w ← (1 − ηλ)w − η·∂J/∂w}. With momentum, float32
 * each formula is one kernel ({@link Kernels#momentum}, {@link Kernels#nesterovStep}: on the tuned kernels one
 * oneDNN pass for parameters of 2¹⁴ elements or more, BLAS level 1 for the others).
 */
public final class Sgd extends StatefulOptimizer<Sgd.Velocity> {

    /** The velocity v of momentum SGD (null without momentum). */
    public record Velocity(INDArray v) implements OptimizerState {
        @Override
        public Map<String, INDArray> arrays() {
            return v == null ? Map.of() : Map.of("velocity", v);
        }
    }

    private final double momentum;
    private final boolean nesterov;
    private final double weightDecay;

    /** Plain gradient descent {@code w ← w − η·∂J/∂w}. */
    public Sgd(double learningRate) {
        this(learningRate, 0, false, 0);
    }

    public Sgd(double learningRate, double momentum, boolean nesterov, double weightDecay) {
        super(learningRate);
        if (nesterov && momentum <= 0) {
            throw new IllegalArgumentException("Sgd: Nesterov needs a momentum > 0, got " + momentum);
        }
        this.momentum = inRange("momentum", momentum, 0, 1, true);
        this.nesterov = nesterov;
        this.weightDecay = inRange("weight decay", weightDecay, 0, Double.POSITIVE_INFINITY, false);
    }

    /** SGD with (heavy-ball) momentum μ: {@code v ← μv + ∂J/∂w}, {@code w ← w − η·v}. */
    public static Sgd momentum(double learningRate, double momentum) {
        return new Sgd(learningRate, momentum, false, 0);
    }

    /** SGD with Nesterov momentum μ: {@code v ← μv + ∂J/∂w}, {@code w ← w − η·(∂J/∂w + μv)}. */
    public static Sgd nesterov(double learningRate, double momentum) {
        return new Sgd(learningRate, momentum, true, 0);
    }

    @Override
    protected Velocity initialState(Parameter p) {
        return new Velocity(momentum == 0 ? null : p.value().ulike().assign(0));
    }

    @Override
    protected void update(Parameter p, Velocity state) {
        INDArray w = p.value();
        INDArray g = p.gradient();
        if (weightDecay != 0) {
            Kernels.axpy(weightDecay, w, g);
        }
        if (state.v() == null) {
            Kernels.axpy(-learningRate(), g, w);
            return;
        }
        INDArray v = state.v();
        Kernels.momentum(momentum, g, v);
        if (nesterov) {
            Kernels.nesterovStep(learningRate(), momentum, g, v, w);
        } else {
            Kernels.axpy(-learningRate(), v, w);
        }
    }
}
