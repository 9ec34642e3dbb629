package io.backprop4j.spark;

import io.backprop4j.layers.losses.Loss;
import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Softmax cross-entropy that calls {@link #fault} in the task before each evaluation, where a test makes it fail. */
abstract class FaultyLoss implements Loss {

    private final SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();

    /** Runs before each {@link #evaluate}, in the Spark task: throws, exits, or does nothing. */
    abstract void fault();

    @Override
    public double value(INDArray prediction, INDArray target) {
        return loss.value(prediction, target);
    }

    @Override
    public INDArray gradient(INDArray prediction, INDArray target) {
        return loss.gradient(prediction, target);
    }

    @Override
    public Loss.Result evaluate(INDArray prediction, INDArray target) {
        fault();
        return loss.evaluate(prediction, target);
    }
}
