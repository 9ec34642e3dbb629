package io.backprop4j.core.kernels;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Where an ND4J array's elements lie in native memory, for the native libraries called directly. */
final class NativeMemory {

    private NativeMemory() {
    }

    /**
     * The address of {@code x}'s first element. A view's data buffer starts at the view's offset and builds a
     * new pointer for it; an array that owns its buffer returns the buffer's own pointer, with no allocation.
     */
    static Pointer address(INDArray x) {
        DataBuffer data = x.data();
        return data.offset() == 0 ? data.pointer() : data.addressPointer();
    }

    static FloatPointer floats(INDArray x) {
        Pointer address = address(x);
        return address instanceof FloatPointer floats ? floats : new FloatPointer(address);
    }

    static DoublePointer doubles(INDArray x) {
        Pointer address = address(x);
        return address instanceof DoublePointer doubles ? doubles : new DoublePointer(address);
    }

    /** The elements of float32 {@code x} as a buffer over its native memory, index 0 its first element. */
    static FloatBuffer floatBuffer(INDArray x) {
        FloatPointer elements = new FloatPointer(address(x));
        return elements.limit(elements.position() + x.length()).asBuffer();
    }

    /** The elements of float64 {@code x} as a buffer over its native memory, index 0 its first element. */
    static DoubleBuffer doubleBuffer(INDArray x) {
        DoublePointer elements = new DoublePointer(address(x));
        return elements.limit(elements.position() + x.length()).asBuffer();
    }

    /**
     * Whether both arrays have one shape and hold their elements contiguously (no gaps) in the same memory
     * order, so that element i of one is element i of the other in memory and a kernel can read both as vectors.
     */
    static boolean sameContiguousLayout(INDArray x, INDArray y) {
        return x.length() > 0 && x.length() <= Integer.MAX_VALUE && contiguous(x) && contiguous(y)
                && (x.length() == 1 || x.ordering() == y.ordering() || x.isVector()) && x.equalShapes(y);
    }

    private static boolean contiguous(INDArray x) {
        return x.length() == 1 || x.elementWiseStride() == 1;
    }
}
