package io.backprop4j.optim.callbacks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One SLF4J line per epoch: loss, validation figures (when there is validation data), learning rate, throughput. */
public final class EpochLogger implements Callback {

    private static final Logger LOG = LoggerFactory.getLogger(EpochLogger.class);

    @Override
    public void onEpochEnd(EpochEvent e) {
        String validation = (Double.isNaN(e.validationLoss()) ? ""
                : String.format(", validation loss %.5f", e.validationLoss()))
                + (Double.isNaN(e.validationAccuracy()) ? ""
                : String.format(", validation accuracy %.2f%%", 100 * e.validationAccuracy()));
        LOG.info("epoch {}: train loss {}{}, learning rate {}, {} examples/s", e.epoch(),
                String.format("%.5f", e.trainLoss()), validation, String.format("%.3g", e.learningRate()),
                String.format("%.0f", e.examplesPerSecond()));
    }
}
