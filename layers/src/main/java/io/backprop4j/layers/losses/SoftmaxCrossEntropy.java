package io.backprop4j.layers.losses;

import io.backprop4j.core.Buffers;
import io.backprop4j.core.Elementwise;
import io.backprop4j.core.Gemm;
import io.backprop4j.core.Level1;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.same.Max;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Softmax and cross-entropy fused, on the logits s: J = −r Σ_b Σ_k t_k·log softmax(s)_k with the
 * log-softmax by log-sum-exp, and ∂J/∂s = r·(softmax(s) − t), r = 1/B by default (PyTorch's {@code mean} over
 * the examples; a {@link Reduction} sets it). Targets are distributions {@code [B, K]}
 * (one-hot or soft), each row summing to 1, or class indices {@code [B]} or {@code [B, 1]}, as PyTorch's
 * {@code CrossEntropyLoss} takes them (turned into one-hot rows).
 *
 * <p>With L = log softmax(s): J = −r·⟨t, L⟩ and ∂J/∂s = r·(e^L − t), the inner product and the update
 * BLAS level 1 ({@link Level1}). L is one double-precision pass on float32 row-major logits
 * ({@link Elementwise#logSoftmaxOfRowMajorFloats}); otherwise, with m the column [B, 1] of row maxima and 1 the
 * row [1, K] of ones, L = s − m·1 − log(e^{s − m·1}·1ᵀ)·1, its broadcasts and row sums rank-1 and matrix-vector
 * products ({@link Gemm}): four ND4J operations in all, as each costs about 10 µs on these small arrays.
 */
public final class SoftmaxCrossEntropy implements Loss {

    private final Reduction reduction;

    private INDArray logProbabilities;
    private INDArray exponentials;
    private INDArray rowMaxima;
    private INDArray rowSums;
    private INDArray ones;
    private INDArray gradient;

    /** The mean over the batch, PyTorch's default. */
    public SoftmaxCrossEntropy() {
        this(Reduction.MEAN);
    }

    public SoftmaxCrossEntropy(Reduction reduction) {
        this.reduction = reduction;
    }

    @Override
    public double value(INDArray logits, INDArray target) {
        INDArray t = ClassTargets.rows(name(), "logits", logits, target);
        return -Level1.dot(t, logSoftmax(logits)) * factor(logits);
    }

    /** −Σ_k t_k·log softmax(s)_k per example, {@code [B]}. */
    @Override
    public INDArray terms(INDArray logits, INDArray target) {
        INDArray t = ClassTargets.rows(name(), "logits", logits, target);
        return logSoftmax(logits).mul(t).sum(1).negi();
    }

    private double factor(INDArray logits) {
        return reduction.factor(logits.size(0), logits.size(0));
    }

    @Override
    public INDArray gradient(INDArray logits, INDArray target) {
        INDArray t = ClassTargets.rows(name(), "logits", logits, target);
        gradient = Buffers.like(gradient, logits);
        Elementwise.exp(logSoftmax(logits), gradient);
        Level1.axpy(-1, t, gradient);
        return Level1.scale(factor(logits), gradient);
    }

    /** L = log softmax(s), row-wise, into a reused buffer. */
    private INDArray logSoftmax(INDArray s) {
        logProbabilities = Buffers.like(logProbabilities, s);
        if (Elementwise.logSoftmaxOfRowMajorFloats(s, logProbabilities)) {
            return logProbabilities;
        }
        exponentials = Buffers.like(exponentials, s);
        rowMaxima = Buffers.reuse(rowMaxima, s.dataType(), 'c', s.rows(), 1);
        rowSums = Buffers.reuse(rowSums, s.dataType(), 'c', s.rows(), 1);
        INDArray row = Buffers.reuse(ones, s.dataType(), 'c', 1, s.columns());
        if (row != ones) {
            ones = row.assign(1);
        }
        INDArray shifted = Level1.copy(s, logProbabilities);
        Nd4j.exec(new Max(s, rowMaxima, true, 1));
        Gemm.gemm(rowMaxima, ones, shifted, false, false, -1.0, 1.0);
        Gemm.gemm(Elementwise.exp(shifted, exponentials), ones, rowSums, false, true, 1.0, 0.0);
        return Gemm.gemm(Elementwise.log(rowSums, rowSums), ones, shifted, false, false, -1.0, 1.0);
    }
}
