package io.backprop4j.optim.schedules;

/** η(e) = η₀·γ^⌊e / stepSize⌋: multiply by γ every {@code stepSize} epochs (PyTorch's {@code StepLR}). */
public record StepDecay(double initialRate, int stepSize, double gamma) implements LearningRateSchedule {

    @Override
    public double rate(int epoch) {
        return initialRate * Math.pow(gamma, Math.floorDiv(epoch, stepSize));
    }
}
