package io.backprop4j.optim.listeners;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One SLF4J line per epoch: loss, validation loss, learning rate, throughput. */
public final class LoggingListener implements TrainingListener {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingListener.class);

    @Override
    public void onEpochEnd(EpochEvent e) {
        LOG.info("epoch {}: train loss {}, validation loss {}, learning rate {}, {} examples/s", e.epoch(),
                String.format("%.5f", e.trainLoss()), String.format("%.5f", e.validationLoss()),
                String.format("%.3g", e.learningRate()), String.format("%.0f", e.examplesPerSecond()));
    }
}
