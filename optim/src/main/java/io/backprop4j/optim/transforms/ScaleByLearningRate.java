package io.backprop4j.optim.transforms;

import io.backprop4j.core.Parameter;
import io.backprop4j.optim.schedules.LearningRateSchedule;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The learning rate as a chain's last transform, optax's {@code scale_by_learning_rate}: {@code u ← η(t)·u} at the
 * parameter's step t (from 0), with η from a schedule of the epoch {@code t / stepsPerEpoch} and the step; the chain
 * then applies {@code w ← w − u}. Its state is the step count, which a checkpoint saves, so a resumed run goes on
 * with the schedule where it stopped, and two runs of one optimizer on two models each follow their own steps.
 *
 * @param schedule      η by epoch and step; {@link LearningRateSchedule#constant} for a fixed rate
 * @param stepsPerEpoch the batches of an epoch, which turn a step into its epoch for a per-epoch schedule
 */
public record ScaleByLearningRate(LearningRateSchedule schedule, int stepsPerEpoch)
        implements Transform<ScaleByLearningRate.State> {

    /** The step count t. */
    public record State(StepCount t) implements CountedState {
        @Override
        public Map<String, INDArray> arrays() {
            return Map.of();
        }
    }

    public ScaleByLearningRate {
        if (stepsPerEpoch < 1) {
            throw new IllegalArgumentException("ScaleByLearningRate: an epoch has at least one step, got "
                    + stepsPerEpoch);
        }
    }

    /** A fixed rate η, positive and finite. */
    public static ScaleByLearningRate constant(double rate) {
        Ranges.positive("ScaleByLearningRate", "the learning rate", rate);
        return new ScaleByLearningRate(LearningRateSchedule.constant(rate), 1);
    }

    /** η at step t (from 0). */
    public double rate(long step) {
        return schedule.rate((int) (step / stepsPerEpoch), step);
    }

    @Override
    public State init(Parameter parameter) {
        return new State(new StepCount());
    }

    @Override
    public INDArray update(INDArray updates, Parameter parameter, State state) {
        return updates.muli(rate(state.t().next() - 1));
    }

    /** The schedule is a run's, not part of what the optimizer computes: a checkpoint resumes under another one. */
    @Override
    public String toString() {
        return "ScaleByLearningRate";
    }
}
