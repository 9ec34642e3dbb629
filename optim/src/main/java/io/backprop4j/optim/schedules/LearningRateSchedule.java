package io.backprop4j.optim.schedules;

/**
 * The learning rate for each epoch, counted from 0: {@code η(epoch)}; schedules that change it at every step
 * (warm-up, one-cycle) also give {@code η(epoch, step)}, which the Trainer asks before each batch.
 */
@FunctionalInterface
public interface LearningRateSchedule {

    double rate(int epoch);

    /** The rate for batch {@code step} (from 0, over the whole run) of {@code epoch}; per-epoch schedules ignore it. */
    default double rate(int epoch, long step) {
        return rate(epoch);
    }

    /** η(e) = η₀ for every epoch. */
    static LearningRateSchedule constant(double rate) {
        return epoch -> rate;
    }
}
