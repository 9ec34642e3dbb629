package io.backprop4j.optim;

import io.backprop4j.core.ResidentMemory;
import io.backprop4j.optim.listeners.EpochEvent;

/**
 * Frees the native memory of arrays the garbage collector has not reclaimed yet, after an epoch in which the
 * process grew by more than {@link ResidentMemory#TRAINING_GROWTH}; every Trainer has one.
 */
public final class MemoryCollection implements Callback {

    @Override
    public void onEpochEnd(EpochEvent event) {
        ResidentMemory.collectIfGrown(ResidentMemory.TRAINING_GROWTH);
    }
}
