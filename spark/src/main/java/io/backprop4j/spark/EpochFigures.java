package io.backprop4j.spark;

import java.io.Serializable;

/**
 * One epoch of a Spark fit: the mean training loss of its batches, its wall time, the mean time a partition spent
 * computing (the rest is the all-reduce or averaging and Spark's scheduling), and the number of Spark jobs run.
 */
public record EpochFigures(int epoch, double loss, double seconds, double computeSeconds, int jobs)
        implements Serializable {

    /** Examples per second of wall time, for an epoch over {@code rows} examples. */
    public double samplesPerSecond(long rows) {
        return rows / seconds;
    }
}
