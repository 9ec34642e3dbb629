package io.backprop4j.optim.transforms;

/** The update count t of one parameter's transform state, starting at 0 before the first update. */
public final class StepCount {

    private long count;

    /** Counts one more update and returns the count t (from 1). */
    public long next() {
        return ++count;
    }

    public long value() {
        return count;
    }

    public void set(long steps) {
        count = steps;
    }
}
