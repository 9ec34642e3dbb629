package io.backprop4j.bench;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Array sizes written as JMH parameters, {@code "128x1024"}. */
final class Sizes {

    private Sizes() {
    }

    static long[] parse(String size) {
        return Arrays.stream(size.split("x")).mapToLong(Long::parseLong).toArray();
    }

    /** A float32 array of standard normal values with the shape {@code size}. */
    static INDArray randn(String size) {
        return Nd4j.randn(DataType.FLOAT, parse(size));
    }

    /** The number of elements of an array of shape {@code size}. */
    static double elements(String size) {
        return Arrays.stream(parse(size)).asDoubleStream().reduce(1, (a, b) -> a * b);
    }
}
