package io.backprop4j.core.kernels;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * A float pointer that can be moved to any element of another without allocating: how {@link TwoCores} points
 * the helper thread at the second half of an array on every call.
 */
final class FloatAddress extends FloatPointer {

    FloatAddress() {
        super((Pointer) null);
    }

    /** Points at element {@code offset} of {@code base}; returns this. */
    FloatAddress at(FloatPointer base, long offset) {
        address = base.address() + (base.position() + offset) * Float.BYTES;
        position = 0;
        limit = 0;
        capacity = 0;
        return this;
    }
}
