package io.backprop4j.optim.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A figure computed over an epoch's batches, as Keras's metrics: {@link #update} with each batch's outputs and
 * labels, {@link #result} for the epoch, {@link #reset} before the next one. {@link Metrics#named} builds the
 * library's by name.
 */
public interface Metric {

    /** The name an epoch's record gives the figure, e.g. {@code accuracy}; {@code val_} is put before it for validation. */
    String name();

    /** Adds a batch: the model's outputs {@code [n, K]} and the labels (class indices {@code [n]} or {@code [n, 1]}, one-hot rows, or targets). */
    void update(INDArray output, INDArray labels);

    /** The figure over every batch since the last {@link #reset}. */
    double result();

    void reset();
}
