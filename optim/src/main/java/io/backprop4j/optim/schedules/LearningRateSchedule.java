package io.backprop4j.optim.schedules;

/** The learning rate for each epoch, counted from 0: {@code η(epoch)}. */
@FunctionalInterface
public interface LearningRateSchedule {

    double rate(int epoch);

    /** η(e) = η₀ for every epoch. */
    static LearningRateSchedule constant(double rate) {
        return epoch -> rate;
    }
}
