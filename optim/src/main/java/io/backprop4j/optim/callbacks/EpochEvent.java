package io.backprop4j.optim.callbacks;

import java.util.Map;

/**
 * What an epoch did: its number (from 1), mean training loss over its batches, the learning rate it ended with,
 * its wall time, the examples it trained on, and the figures callbacks added by name (Keras's {@code logs}), in
 * the order they were added: {@code val_loss} and {@code val_accuracy} with validation data, and any of one's own.
 */
public record EpochEvent(int epoch, double trainLoss, double learningRate, double seconds, long examples,
                         Map<String, Double> metrics) {

    /** The validation loss, the figure {@code val_loss}. */
    public static final String VALIDATION_LOSS = "val_loss";

    /** The validation accuracy, the figure {@code val_accuracy}. */
    public static final String VALIDATION_ACCURACY = "val_accuracy";

    /** The figure {@code name}: {@code loss} is the training loss; NaN for one nobody added. */
    public double metric(String name) {
        return name.equals("loss") ? trainLoss : metrics.getOrDefault(name, Double.NaN);
    }

    /** Adds the figure {@code name} to this epoch's record. */
    public void put(String name, double value) {
        metrics.put(name, value);
    }

    /** NaN without validation data. */
    public double validationLoss() {
        return metric(VALIDATION_LOSS);
    }

    /** NaN without validation data, or when its labels are no classes. */
    public double validationAccuracy() {
        return metric(VALIDATION_ACCURACY);
    }

    public double examplesPerSecond() {
        return examples / seconds;
    }
}
