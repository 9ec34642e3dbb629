package io.backprop4j.layers.losses;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.shape.OneHot;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The targets of a classification loss over K classes, as PyTorch's {@code CrossEntropyLoss} and Keras's
 * sparse losses take them: rows of a class distribution {@code [B, K]} (one-hot or soft), or class indices
 * {@code [B]} or {@code [B, 1]}, whole numbers in {0 … K−1}, which become one-hot rows.
 */
final class ClassTargets {

    private ClassTargets() {
    }

    /** {@code targets} as rows {@code [B, K]} like {@code scores}; {@code who} and {@code scoresName} for errors. */
    static INDArray rows(String who, String scoresName, INDArray scores, INDArray targets) {
        long batch = scores.size(0);
        long classes = scores.size(1);
        if (Arrays.equals(targets.shape(), scores.shape()) && classes > 1) {
            return targets;
        }
        if (targets.length() != batch || targets.rank() > 2 || targets.rank() == 2 && targets.size(1) != 1) {
            throw new IllegalArgumentException(who + ": target has shape " + Arrays.toString(targets.shape())
                    + " for " + scoresName + " of shape " + Arrays.toString(scores.shape()) + "; it takes class "
                    + "distributions (one-hot or soft) [" + batch + ", " + classes + "], or class indices ["
                    + batch + "] or [" + batch + ", 1].");
        }
        double lowest = targets.minNumber().doubleValue();
        double highest = targets.maxNumber().doubleValue();
        if (!(lowest >= 0 && highest < classes)) {
            throw new IllegalArgumentException(who + ": class indices must lie in [0, " + classes + "), found "
                    + (lowest >= 0 ? highest : lowest) + ".");
        }
        if (targets.dataType().isFPType() && Transforms.floor(targets, true).neq(targets).any()) {
            throw new IllegalArgumentException(who + ": class indices must be whole numbers in [0, " + classes
                    + "), found " + firstFraction(targets) + ".");
        }
        return Nd4j.exec(new OneHot(targets.reshape(batch), (int) classes, -1, 1.0, 0.0, scores.dataType()))[0];
    }

    private static double firstFraction(INDArray targets) {
        for (double value : targets.reshape(targets.length()).toDoubleVector()) {
            if (value != Math.floor(value)) {
                return value;
            }
        }
        return Double.NaN;
    }
}
