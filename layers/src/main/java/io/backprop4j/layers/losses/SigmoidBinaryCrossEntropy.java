package io.backprop4j.layers.losses;

import io.backprop4j.core.Buffers;
import io.backprop4j.core.Elementwise;
import io.backprop4j.core.Shapes;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Sigmoid and binary cross-entropy fused, on the logits s, for targets t ∈ [0, 1]:
 * J = (1/B) Σ [softplus(s) − s·t] (= −t·log σ(s) − (1 − t)·log(1 − σ(s)), without overflow), and
 * ∂J/∂s = (σ(s) − t)/B. Summed over outputs and averaged over the batch, like the other losses
 * (PyTorch's {@code BCEWithLogitsLoss} also divides by the number of outputs).
 */
public final class SigmoidBinaryCrossEntropy implements Loss {

    private INDArray gradient;
    private INDArray scratch;
    private INDArray softplus;

    @Override
    public double value(INDArray logits, INDArray target) {
        Shapes.requireTargetShape(name(), "logits", logits, target,
                "0/1 labels (or probabilities) of the logits' shape, one column per binary output");
        scratch = Buffers.like(scratch, logits);
        softplus = Buffers.like(softplus, logits);
        Elementwise.softplus(logits, softplus, scratch);
        softplus.subi(logits.mul(target, scratch));
        return softplus.sumNumber().doubleValue() / logits.size(0);
    }

    @Override
    public INDArray gradient(INDArray logits, INDArray target) {
        Shapes.requireTargetShape(name(), "logits", logits, target,
                "0/1 labels (or probabilities) of the logits' shape, one column per binary output");
        gradient = Buffers.like(gradient, logits);
        return Elementwise.sigmoid(logits, gradient).subi(target).divi(logits.size(0));
    }
}
