package io.backprop4j.optim.listeners;

/**
 * What an epoch did: its number (from 1), mean training loss over its batches, validation loss and accuracy
 * (NaN without validation data; the accuracy also NaN when its labels are no classes), the learning rate it
 * ended with, its wall time and the examples it trained on.
 */
public record EpochEvent(int epoch, double trainLoss, double validationLoss, double validationAccuracy,
                         double learningRate, double seconds, long examples) {

    public double examplesPerSecond() {
        return examples / seconds;
    }
}
