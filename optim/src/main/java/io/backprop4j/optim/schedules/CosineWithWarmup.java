package io.backprop4j.optim.schedules;

/**
 * Linear warm-up over {@code warmupSteps} batches to {@code peakRate}, then cosine annealing to
 * {@code minimumRate} at step {@code totalSteps} (constant after): for t &lt; w, η = peak · (t + 1) / w; else
 * η = min + ½ (peak − min)(1 + cos(π (t − w) / (T − w))), as in the transformers library's
 * {@code get_cosine_schedule_with_warmup}.
 */
public record CosineWithWarmup(double peakRate, double minimumRate, long warmupSteps, long totalSteps,
        int stepsPerEpoch) implements LearningRateSchedule {

    public CosineWithWarmup {
        Steps.require("CosineWithWarmup", peakRate, warmupSteps, stepsPerEpoch);
        if (totalSteps <= warmupSteps || minimumRate < 0 || minimumRate > peakRate) {
            throw new IllegalArgumentException("CosineWithWarmup: needs total steps beyond the warm-up and a minimum"
                    + " rate in [0, peak], got total " + totalSteps + ", warm-up " + warmupSteps + ", minimum "
                    + minimumRate);
        }
    }

    @Override
    public double rate(int epoch) {
        return rate(epoch, (long) epoch * stepsPerEpoch);
    }

    @Override
    public double rate(int epoch, long step) {
        if (step < warmupSteps) {
            return peakRate * (step + 1.0) / warmupSteps;
        }
        double progress = Math.min(1.0, (double) (step - warmupSteps) / (totalSteps - warmupSteps));
        return minimumRate + 0.5 * (peakRate - minimumRate) * (1 + Math.cos(Math.PI * progress));
    }
}
