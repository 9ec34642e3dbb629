package io.backprop4j.layers.losses;

import io.backprop4j.core.Buffers;
import io.backprop4j.core.Shapes;
import io.backprop4j.core.kernels.Kernels;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Sigmoid and binary cross-entropy fused, on the logits s, for targets t ∈ [0, 1]:
 * J = r·Σ [softplus(s) − s·t] (= −t·log σ(s) − (1 − t)·log(1 − σ(s)), without overflow), and
 * ∂J/∂s = r·(σ(s) − t), r the {@link Reduction}'s factor: 1/B by default (summed over outputs and averaged over
 * the batch), 1/(B·K) with {@link Reduction#MEAN} as PyTorch's {@code BCEWithLogitsLoss}.
 */
public final class SigmoidBinaryCrossEntropy implements Loss {

    private final Reduction reduction;
    private INDArray gradient;
    private INDArray scratch;
    private INDArray softplus;

    /** Averaged over the batch ({@link Reduction#BATCHMEAN}). */
    public SigmoidBinaryCrossEntropy() {
        this(Reduction.BATCHMEAN);
    }

    public SigmoidBinaryCrossEntropy(Reduction reduction) {
        this.reduction = reduction;
    }

    @Override
    public double value(INDArray logits, INDArray target) {
        Shapes.requireTargetShape(name(), "logits", logits, target,
                "0/1 labels (or probabilities) of the logits' shape, one column per binary output");
        scratch = Buffers.like(scratch, logits);
        softplus = Buffers.like(softplus, logits);
        Kernels.softplus(logits, softplus, scratch);
        softplus.subi(logits.mul(target, scratch));
        return softplus.sumNumber().doubleValue() * reduction.factor(logits);
    }

    /** softplus(s) − s·t per element. */
    @Override
    public INDArray terms(INDArray logits, INDArray target) {
        value(logits, target);
        return softplus.dup();
    }

    @Override
    public INDArray gradient(INDArray logits, INDArray target) {
        Shapes.requireTargetShape(name(), "logits", logits, target,
                "0/1 labels (or probabilities) of the logits' shape, one column per binary output");
        gradient = Buffers.like(gradient, logits);
        return Kernels.sigmoid(logits, gradient).subi(target).muli(reduction.factor(logits));
    }
}
