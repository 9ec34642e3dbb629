package io.backprop4j.optim.schedules;

/** The checks every per-step schedule makes of its rate and step counts. */
final class Steps {

    private Steps() {
    }

    static void require(String who, double rate, long steps, int stepsPerEpoch) {
        if (!(rate > 0) || steps <= 0 || stepsPerEpoch <= 0) {
            throw new IllegalArgumentException(who + ": needs a positive rate, step count and steps per epoch, got "
                    + rate + ", " + steps + ", " + stepsPerEpoch);
        }
    }
}
