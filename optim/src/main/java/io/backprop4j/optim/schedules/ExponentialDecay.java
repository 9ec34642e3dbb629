package io.backprop4j.optim.schedules;

/** η(e) = η₀·γ^e (PyTorch's {@code ExponentialLR}). */
public record ExponentialDecay(double initialRate, double gamma) implements LearningRateSchedule {

    @Override
    public double rate(int epoch) {
        return initialRate * Math.pow(gamma, epoch);
    }
}
