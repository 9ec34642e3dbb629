package io.backprop4j.optim.schedules;

/** η(e) = η₀·γ^⌊e / stepSize⌋: multiply by γ every {@code stepSize} epochs (PyTorch's {@code StepLR}). */
public record StepDecay(double initialRate, int stepSize, double gamma) implements LearningRateSchedule {

    public StepDecay {
        if (!(initialRate > 0) || stepSize <= 0 || !(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException("StepDecay: needs a positive rate and step size and γ in (0, 1], got "
                    + initialRate + ", " + stepSize + ", " + gamma);
        }
    }

    @Override
    public double rate(int epoch) {
        return initialRate * Math.pow(gamma, Math.floorDiv(epoch, stepSize));
    }
}
