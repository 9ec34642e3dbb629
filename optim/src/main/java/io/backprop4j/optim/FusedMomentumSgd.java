package io.backprop4j.optim;

import io.backprop4j.core.Parameter;
import io.backprop4j.core.kernels.Kernels;
import io.backprop4j.optim.transforms.TraceMomentum;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The chain {@code TraceMomentum(μ, nesterov)} of {@link Optimizers#momentum} and {@link Optimizers#nesterov},
 * computed in two fused passes per parameter instead of three or four: {@code v ← μv + g} ({@link Kernels#momentum}),
 * then {@code w ← w − η·(g + μv)} with Nesterov ({@link Kernels#nesterovStep}), else {@code w ← w − η·v}. Its
 * description and its saved state are the chain's, so a checkpoint of either resumes into the other.
 */
public final class FusedMomentumSgd extends StatesOfTransforms {

    private final double mu;
    private final boolean nesterov;

    FusedMomentumSgd(double learningRate, double mu, boolean nesterov) {
        super(learningRate, List.of(new TraceMomentum(mu, nesterov)));
        this.mu = mu;
        this.nesterov = nesterov;
    }

    @Override
    public void step(List<Parameter> parameters) {
        double eta = learningRate();
        for (Parameter p : parameters) {
            TraceMomentum.State state = (TraceMomentum.State) states.of(p).get(0);
            state.t().next();
            INDArray v = state.velocity();
            Kernels.momentum(mu, p.gradient(), v);
            if (nesterov) {
                Kernels.nesterovStep(eta, mu, p.gradient(), v, p.value());
            } else {
                Kernels.axpy(-eta, v, p.value());
            }
        }
    }
}
