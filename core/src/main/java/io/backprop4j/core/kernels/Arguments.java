package io.backprop4j.core.kernels;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The kernels' own argument checks and descriptions, so that the kernels depend on nothing above them. */
final class Arguments {

    private Arguments() {
    }

    /** An array's shape and type, e.g. {@code [128, 10] FLOAT}. */
    static String describe(INDArray array) {
        return Arrays.toString(array.shape()) + " " + array.dataType();
    }

    /** Requires x and y of one shape, naming the kernel. */
    static void requireSameShape(String kernel, INDArray x, INDArray y) {
        if (!Arrays.equals(x.shape(), y.shape())) {
            throw new IllegalArgumentException(kernel + ": x has shape " + Arrays.toString(x.shape())
                    + " but y has shape " + Arrays.toString(y.shape()) + "; they must be equal.");
        }
    }
}
