package io.backprop4j.layers.losses;

import io.backprop4j.core.Buffers;
import io.backprop4j.core.Elementwise;
import io.backprop4j.core.Shapes;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Softmax and cross-entropy fused, on the logits s: J = −(1/B) Σ_b Σ_k t_k·log softmax(s)_k with the
 * log-softmax by log-sum-exp, and ∂J/∂s = (softmax(s) − t)/B. Targets are distributions (one-hot or
 * soft), each row summing to 1.
 */
public final class SoftmaxCrossEntropy implements Loss {

    private INDArray gradient;
    private INDArray scratch;

    @Override
    public double value(INDArray logits, INDArray target) {
        Shapes.requireSameShape(name(), "logits", logits, "target", target);
        scratch = Buffers.like(scratch, logits);
        Elementwise.logSoftmax(logits, scratch);
        return -scratch.muli(target).sumNumber().doubleValue() / logits.size(0);
    }

    @Override
    public INDArray gradient(INDArray logits, INDArray target) {
        Shapes.requireSameShape(name(), "logits", logits, "target", target);
        gradient = Buffers.like(gradient, logits);
        Elementwise.softmax(logits, gradient);
        return gradient.subi(target).divi(logits.size(0));
    }
}
