package io.backprop4j.optim.transforms;

/** The range checks of the transforms' hyper-parameters, with the transform and the value in the message. */
final class Ranges {

    private Ranges() {
    }

    static void notNegative(String who, String name, double value) {
        if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(who + ": " + name + " must be finite and not negative, got " + value);
        }
    }

    static void positive(String who, String name, double value) {
        if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(who + ": " + name + " must be positive and finite, got " + value);
        }
    }

    /** [low, high). */
    static void within(String who, String name, double value, double low, double high) {
        if (!(value >= low && value < high)) {
            throw new IllegalArgumentException(who + ": " + name + " must lie in [" + low + ", " + high + "), got "
                    + value);
        }
    }
}
