package io.backprop4j.optim.callbacks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Skips the optimizer step of a batch whose loss or gradient is NaN or infinite, with a warning, instead of
 * stopping; {@code TrainingResult.skippedBatches()} counts them.
 */
public final class SkipNonFiniteBatches implements Callback {

    private static final Logger LOG = LoggerFactory.getLogger(SkipNonFiniteBatches.class);

    @Override
    public boolean skipNonFiniteBatch(int epoch, int batch, String what) {
        LOG.warn("epoch {}, batch {}: {}; batch skipped", epoch, batch, what);
        return true;
    }
}
