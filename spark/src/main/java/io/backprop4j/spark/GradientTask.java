package io.backprop4j.spark;

import io.backprop4j.core.Parameter;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.losses.Loss;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One partition's share of a synchronous step: with the broadcast weights θ, the gradient of its k_p rows of the
 * global batch of B rows, weighted so that the partitions' shares add up to the batch's mean gradient,
 * {@code g_p = (k_p/B)·∂J_p/∂θ} with J_p the loss averaged over the k_p rows ({@code Σ_p g_p = ∂J/∂θ}).
 * Returns {@code [g_p, k_p·J_p, nanoseconds computing]}, the last two for the epoch's loss and the time split.
 */
record GradientTask(Broadcast<Map<String, byte[]>> model, Broadcast<double[]> weights, int[] batch,
        LossFactory loss, boolean classes) implements Function<Block, double[]> {

    /** Entries after the gradient: the weighted loss and the compute time. */
    static final int EXTRA = 2;

    @Override
    public double[] call(Block block) {
        long start = System.nanoTime();
        int[] local = block.localRows(batch);
        double[] weightsNow = weights.value();
        double[] result = new double[weightsNow.length + EXTRA];
        if (local.length == 0) {
            return result;
        }
        Sequential copy = ModelCopies.borrow(model);
        try {
            List<Parameter> parameters = copy.parameters();
            ParameterVector.setValues(parameters, weightsNow);
            DataType type = parameters.get(0).value().dataType();
            INDArray output = copy.forward(block.features(local, type), true);
            Loss.Result evaluated = loss.get().evaluate(output, block.labels(local, type, classes));
            copy.zeroGradients();
            copy.backwardParameters(evaluated.gradient().mul(local.length / (double) batch.length));
            ParameterVector.gradients(parameters, result);
            result[weightsNow.length] = evaluated.value() * local.length;
        } finally {
            ModelCopies.giveBack(model, copy);
        }
        result[weightsNow.length + 1] = System.nanoTime() - start;
        return result;
    }
}
