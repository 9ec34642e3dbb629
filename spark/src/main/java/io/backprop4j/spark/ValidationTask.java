package io.backprop4j.spark;

import io.backprop4j.core.Parameter;
import io.backprop4j.core.kernels.Kernels;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.losses.Loss;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One partition's share of the validation figures after an epoch: with the broadcast weights θ, in inference mode,
 * {@code [Σ_i J_i, #correct, n_p]} over its n_p validation rows, where J_i is row i's loss and a row is correct
 * when its largest output is its class (0 for regression targets). Summed over the partitions, the first over the
 * last is {@code val_loss} and the second over the last {@code val_accuracy}.
 */
record ValidationTask(Broadcast<Map<String, byte[]>> model, Broadcast<double[]> weights, LossFactory loss,
        boolean classes) implements Function<Block, double[]> {

    /** Rows per forward pass. */
    private static final int BATCH = 512;

    @Override
    public double[] call(Block block) {
        double[] sums = new double[3];
        Sequential copy = ModelCopies.borrow(model);
        try {
            List<Parameter> parameters = copy.parameters();
            ParameterVector.setValues(parameters, weights.value());
            DataType type = parameters.get(0).value().dataType();
            Loss scoring = loss.get();
            for (int from = 0; from < block.size(); from += BATCH) {
                int[] local = IntStream.range(from, Math.min(from + BATCH, block.size())).toArray();
                INDArray output = copy.forward(block.features(local, type), false);
                INDArray labels = block.labels(local, type, classes);
                sums[0] += scoring.value(output, labels) * local.length;
                if (classes) {
                    int[] predicted = Kernels.argMaxRows(output);
                    for (int i = 0; i < local.length; i++) {
                        sums[1] += predicted[i] == block.labels()[local[i]] ? 1 : 0;
                    }
                }
                sums[2] += local.length;
            }
        } finally {
            ModelCopies.giveBack(model, copy);
        }
        return sums;
    }
}
