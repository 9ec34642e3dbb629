package io.backprop4j.layers.losses;

import io.backprop4j.core.Buffers;
import io.backprop4j.core.Shapes;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.LogSoftMax;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.factory.Nd4j;

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
        Nd4j.exec(new LogSoftMax(logits, scratch));
        return -scratch.muli(target).sumNumber().doubleValue() / logits.size(0);
    }

    @Override
    public INDArray gradient(INDArray logits, INDArray target) {
        Shapes.requireSameShape(name(), "logits", logits, "target", target);
        gradient = Buffers.like(gradient, logits);
        Nd4j.exec(new SoftMax(logits, gradient, -1));
        return gradient.subi(target).divi(logits.size(0));
    }
}
