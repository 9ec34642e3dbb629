package io.backprop4j.spark;

import java.io.Serializable;
import java.util.Map;

/**
 * One epoch of a Spark fit: the mean training loss of its batches, its wall time, the mean time a partition spent
 * computing (the rest is the all-reduce or averaging and Spark's scheduling), the number of Spark jobs run, and the
 * figures of its {@code EpochEvent} by name ({@code val_loss}, {@code val_accuracy} with validation rows, and what
 * callbacks added).
 */
public record EpochFigures(int epoch, double loss, double seconds, double computeSeconds, int jobs,
        Map<String, Double> metrics) implements Serializable {

    /** Examples per second of wall time, for an epoch over {@code rows} examples. */
    public double samplesPerSecond(long rows) {
        return rows / seconds;
    }

    /** The figure {@code name}; NaN for one the epoch does not have. */
    public double metric(String name) {
        return metrics.getOrDefault(name, Double.NaN);
    }
}
