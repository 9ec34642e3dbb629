package io.backprop4j.layers.losses;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMax;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Logarithms for the losses that take probabilities: the log is taken of max(p, ε), so that
 * 0·log 0 = 0 and a zero prediction gives a large finite loss instead of Inf or NaN.
 */
final class Probabilities {

    /** The floor ε below which a probability counts as ε inside a logarithm or a division. */
    static final double EPSILON = 1e-12;

    private Probabilities() {
    }

    /** z = max(p, ε). */
    static INDArray floor(INDArray p, INDArray z) {
        return Nd4j.exec(new ScalarMax(p, null, z, EPSILON));
    }

    /** z = log(max(p, ε)). */
    static INDArray safeLog(INDArray p, INDArray z) {
        return Transforms.log(floor(p, z), false);
    }

    /** Σ t·log(max(p, ε)) over every entry, computed in {@code scratch}. */
    static double sumTargetTimesLog(INDArray t, INDArray p, INDArray scratch) {
        return safeLog(p, scratch).muli(t).sumNumber().doubleValue();
    }
}
