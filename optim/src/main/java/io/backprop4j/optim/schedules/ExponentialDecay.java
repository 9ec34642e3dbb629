package io.backprop4j.optim.schedules;

/** η(e) = η₀·γ^e (PyTorch's {@code ExponentialLR}). */
public record ExponentialDecay(double initialRate, double gamma) implements LearningRateSchedule {

    public ExponentialDecay {
        if (!(initialRate > 0) || !(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException("ExponentialDecay: needs a positive rate and γ in (0, 1], got "
                    + initialRate + ", " + gamma);
        }
    }

    @Override
    public double rate(int epoch) {
        return initialRate * Math.pow(gamma, epoch);
    }
}
