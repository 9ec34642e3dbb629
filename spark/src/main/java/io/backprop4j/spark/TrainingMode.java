package io.backprop4j.spark;

import java.util.Arrays;
import java.util.Locale;

/** How the partitions train together. */
public enum TrainingMode {

    /**
     * Each global batch is split across the partitions, their gradients summed (an all-reduce) and one optimizer
     * step applied on the driver: the single-machine computation with the same global batch.
     */
    SYNCHRONOUS,

    /**
     * Local SGD: each partition takes k steps on its rows of k consecutive global batches from the same weights
     * and optimizer state, then the weights and state are averaged, each partition weighted by its share of rows.
     */
    AVERAGING;

    /** The mode named {@code name}, case-insensitively. */
    public static TrainingMode of(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown training mode '" + name + "'; expected one of "
                    + Arrays.toString(values()).toLowerCase(Locale.ROOT), e);
        }
    }
}
