package io.backprop4j.optim.schedules;

/**
 * A linear warm-up to {@code rate} over the first {@code warmupSteps} batches, then constant:
 * η(t) = rate · min(1, (t + 1) / warmupSteps) at step t (from 0), as PyTorch's {@code LinearLR} from a start
 * factor of 1/warmupSteps.
 */
public record LinearWarmup(double rate, long warmupSteps, int stepsPerEpoch) implements LearningRateSchedule {

    public LinearWarmup {
        Steps.require("LinearWarmup", rate, warmupSteps, stepsPerEpoch);
    }

    @Override
    public double rate(int epoch) {
        return rate(epoch, (long) epoch * stepsPerEpoch);
    }

    @Override
    public double rate(int epoch, long step) {
        return rate * Math.min(1.0, (step + 1.0) / warmupSteps);
    }
}
