package io.backprop4j.optim.schedules;

/**
 * η(e) = η_min + ½(η₀ − η_min)(1 + cos(π·e / T)) for e ≤ T, then η_min (the single cycle of PyTorch's
 * {@code CosineAnnealingLR}).
 */
public record CosineAnnealing(double initialRate, double minimumRate, int period) implements LearningRateSchedule {

    public CosineAnnealing {
        if (!(initialRate > 0) || !(minimumRate >= 0 && minimumRate <= initialRate) || period <= 0) {
            throw new IllegalArgumentException("CosineAnnealing: needs a positive rate, a minimum in [0, rate] and a "
                    + "positive period, got " + initialRate + ", " + minimumRate + ", " + period);
        }
    }

    @Override
    public double rate(int epoch) {
        int e = Math.min(epoch, period);
        return minimumRate + 0.5 * (initialRate - minimumRate) * (1 + Math.cos(Math.PI * e / period));
    }
}
