package io.backprop4j.optim.listeners;

/**
 * What an epoch did: its number (from 1), mean training loss over its batches, validation loss (NaN
 * without validation data), the learning rate it used, its wall time and the examples it trained on.
 */
public record EpochEvent(int epoch, double trainLoss, double validationLoss, double learningRate, double seconds,
                         long examples) {

    public double examplesPerSecond() {
        return examples / seconds;
    }
}
