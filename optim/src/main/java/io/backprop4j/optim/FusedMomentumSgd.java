package io.backprop4j.optim;

import io.backprop4j.core.Parameter;
import io.backprop4j.core.kernels.Kernels;
import io.backprop4j.optim.schedules.LearningRateSchedule;
import io.backprop4j.optim.transforms.ScaleByLearningRate;
import io.backprop4j.optim.transforms.TraceMomentum;
import io.backprop4j.optim.transforms.Transform;
import io.backprop4j.optim.transforms.TransformState;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The chain {@code TraceMomentum(μ, nesterov)}, {@code ScaleByLearningRate} of {@link Optimizers#momentum} and
 * {@link Optimizers#nesterov},
 * computed in two fused passes per parameter instead of three or four: {@code v ← μv + g} ({@link Kernels#momentum}),
 * then {@code w ← w − η·(g + μv)} with Nesterov ({@link Kernels#nesterovStep}), else {@code w ← w − η·v}. Its
 * description and its saved state are the chain's, so a checkpoint of either resumes into the other.
 */
public final class FusedMomentumSgd extends StatesOfTransforms {

    private final double mu;
    private final boolean nesterov;

    FusedMomentumSgd(double learningRate, double mu, boolean nesterov) {
        super(List.of(new TraceMomentum(mu, nesterov)), ScaleByLearningRate.constant(learningRate));
        this.mu = mu;
        this.nesterov = nesterov;
    }

    private FusedMomentumSgd(List<Transform<?>> transforms, ChainState states, double mu, boolean nesterov) {
        super(transforms, states);
        this.mu = mu;
        this.nesterov = nesterov;
    }

    @Override
    public FusedMomentumSgd withSchedule(LearningRateSchedule schedule, int stepsPerEpoch) {
        return new FusedMomentumSgd(scheduled(schedule, stepsPerEpoch), states, mu, nesterov);
    }

    @Override
    public void step(List<Parameter> parameters) {
        for (Parameter p : parameters) {
            List<TransformState> state = states.of(p);
            TraceMomentum.State momentum = (TraceMomentum.State) state.get(0);
            momentum.t().next();
            double eta = rate().rate(((ScaleByLearningRate.State) state.get(1)).t().next() - 1);
            INDArray v = momentum.velocity();
            Kernels.momentum(mu, p.gradient(), v);
            if (nesterov) {
                Kernels.nesterovStep(eta, mu, p.gradient(), v, p.value());
            } else {
                Kernels.axpy(-eta, v, p.value());
            }
        }
    }
}
