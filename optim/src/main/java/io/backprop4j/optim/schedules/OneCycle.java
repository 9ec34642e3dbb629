package io.backprop4j.optim.schedules;

/**
 * The one-cycle policy of PyTorch's {@code OneCycleLR} (cosine annealing, two phases): from
 * {@code maxRate / divFactor} up to {@code maxRate} over the first {@code pctStart} of the {@code totalSteps}
 * batches, then down to {@code maxRate / (divFactor · finalDivFactor)}, each phase
 * η = end + ½ (start − end)(1 + cos(π · p)), p the phase's progress; PyTorch's defaults are pctStart 0.3,
 * divFactor 25, finalDivFactor 10⁴.
 */
public record OneCycle(double maxRate, long totalSteps, double pctStart, double divFactor, double finalDivFactor,
        int stepsPerEpoch) implements LearningRateSchedule {

    public OneCycle {
        Steps.require("OneCycle", maxRate, totalSteps, stepsPerEpoch);
        if (!(pctStart > 0 && pctStart < 1) || !(divFactor > 0) || !(finalDivFactor > 0)) {
            throw new IllegalArgumentException("OneCycle: pctStart must lie in (0, 1) and the factors be positive, got "
                    + pctStart + ", " + divFactor + ", " + finalDivFactor);
        }
    }

    /** PyTorch's defaults: pctStart 0.3, divFactor 25, finalDivFactor 10⁴. */
    public OneCycle(double maxRate, long totalSteps, int stepsPerEpoch) {
        this(maxRate, totalSteps, 0.3, 25, 1e4, stepsPerEpoch);
    }

    @Override
    public double rate(int epoch) {
        return rate(epoch, (long) epoch * stepsPerEpoch);
    }

    @Override
    public double rate(int epoch, long step) {
        double initial = maxRate / divFactor;
        double last = initial / finalDivFactor;
        double peakStep = pctStart * totalSteps - 1;
        double t = Math.min(step, totalSteps - 1);
        if (t <= peakStep) {
            return cosine(initial, maxRate, t / peakStep);
        }
        return cosine(maxRate, last, (t - peakStep) / (totalSteps - 1 - peakStep));
    }

    private static double cosine(double start, double end, double progress) {
        return end + 0.5 * (start - end) * (1 + Math.cos(Math.PI * progress));
    }
}
