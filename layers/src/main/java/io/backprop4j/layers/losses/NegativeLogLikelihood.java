package io.backprop4j.layers.losses;

import io.backprop4j.core.Buffers;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.shape.OneHot;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Negative log-likelihood on integer class labels, PyTorch's {@code nll_loss}: given log-probabilities
 * {@code [B, K]} (from {@code LogSoftmax}) and labels y ∈ {0 … K−1} of shape {@code [B]} or
 * {@code [B, 1]}, J = −(1/B) Σ_b logp[b, y_b] and ∂J/∂logp = −onehot(y)/B. Targets of shape {@code [B, K]}
 * are taken as one-hot (or any class distribution t): J = −(1/B) Σ t ⊙ logp, ∂J/∂logp = −t/B.
 */
public final class NegativeLogLikelihood implements Loss {

    private INDArray gradient;
    private INDArray scratch;

    @Override
    public double value(INDArray logProbabilities, INDArray labels) {
        scratch = Buffers.like(scratch, logProbabilities).assign(oneHot(logProbabilities, labels));
        return -scratch.muli(logProbabilities).sumNumber().doubleValue() / logProbabilities.size(0);
    }

    @Override
    public INDArray gradient(INDArray logProbabilities, INDArray labels) {
        gradient = Buffers.like(gradient, logProbabilities);
        return gradient.assign(oneHot(logProbabilities, labels)).divi(-logProbabilities.size(0));
    }

    private INDArray oneHot(INDArray logProbabilities, INDArray labels) {
        long batch = logProbabilities.size(0);
        long classes = logProbabilities.size(1);
        if (Arrays.equals(labels.shape(), logProbabilities.shape()) && classes > 1) {
            return labels;
        }
        if (labels.length() != batch || (labels.rank() == 2 && labels.size(1) != 1) || labels.rank() > 2) {
            throw new IllegalArgumentException(name() + ": labels have shape " + Arrays.toString(labels.shape())
                    + ", expected [" + batch + "] or [" + batch + ", 1]: one class index per row of the "
                    + Arrays.toString(logProbabilities.shape()) + " log-probabilities.");
        }
        double lowest = labels.minNumber().doubleValue();
        double highest = labels.maxNumber().doubleValue();
        if (lowest < 0 || highest >= classes) {
            throw new IllegalArgumentException(name() + ": class labels must lie in [0, " + classes + "), found "
                    + (lowest < 0 ? lowest : highest) + ".");
        }
        return Nd4j.exec(new OneHot(labels.reshape(batch), (int) classes, -1, 1.0, 0.0,
                logProbabilities.dataType()))[0];
    }
}
