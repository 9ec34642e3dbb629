package io.backprop4j.spark;

import io.backprop4j.core.Parameter;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.losses.Loss;
import io.backprop4j.optim.Optimizer;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One partition's part of an averaging round: from the round's weights θ and optimizer state, one optimizer step
 * per global batch of the round on this partition's rows of it (their mean loss), k steps at most. Returns the
 * weights and state it ends with, multiplied by the number of rows n_p it trained on, so that their sum over the
 * partitions divided by Σn_p is the average weighted by each partition's share of the rows.
 */
record LocalSteps(Broadcast<Map<String, byte[]>> model, Broadcast<Start> start, int[][] batches, Settings settings,
        int stepsPerEpoch) implements Function<Block, LocalSteps.Weighted> {

    /** The round's starting point: θ, each optimizer state array and each parameter's step count. */
    record Start(double[] weights, HashMap<String, INDArray> state, HashMap<String, Long> steps)
            implements Serializable {
    }

    /**
     * A partition's end point times its row count n_p: {@code n_p·θ_p}, {@code n_p·s_p}, the step counts (the
     * largest when summed), the sum of its batches' weighted losses and its compute time.
     */
    record Weighted(double rows, double[] weights, HashMap<String, INDArray> state, HashMap<String, Long> steps,
            double loss, long nanos) implements Serializable {

        /** The sum of two partitions' results (into this one). */
        Weighted plus(Weighted other) {
            if (other.rows == 0) {
                return this;
            }
            if (rows == 0) {
                return other;
            }
            AllReduce.addInto(weights, other.weights);
            state.forEach((key, array) -> array.addi(other.state.get(key)));
            other.steps.forEach((key, count) -> steps.merge(key, count, Math::max));
            return new Weighted(rows + other.rows, weights, state, steps, loss + other.loss, nanos + other.nanos);
        }
    }

    @Override
    public Weighted call(Block block) {
        long begin = System.nanoTime();
        Sequential copy = ModelCopies.borrow(model);
        try {
            List<Parameter> parameters = copy.parameters();
            ParameterVector.setValues(parameters, start.value().weights());
            Optimizer optimizer = settings.newOptimizer(stepsPerEpoch);
            if (!start.value().state().isEmpty()) {
                optimizer.restoreState(parameters, copies(start.value().state()), start.value().steps());
            }
            DataType type = parameters.get(0).value().dataType();
            double rows = 0;
            double loss = 0;
            for (int[] batch : batches) {
                int[] local = block.localRows(batch);
                if (local.length == 0) {
                    continue;
                }
                Loss.Result evaluated = settings.loss().get().evaluate(copy.forward(block.features(local, type), true),
                        block.labels(local, type, settings.classes()));
                copy.zeroGradients();
                copy.backwardParameters(evaluated.gradient());
                optimizer.step(parameters);
                rows += local.length;
                loss += evaluated.value() * local.length;
            }
            return weighted(rows, parameters, optimizer, loss, System.nanoTime() - begin);
        } finally {
            ModelCopies.giveBack(model, copy);
        }
    }

    private static Weighted weighted(double rows, List<Parameter> parameters, Optimizer optimizer, double loss,
            long nanos) {
        double[] weights = ParameterVector.values(parameters);
        for (int i = 0; i < weights.length; i++) {
            weights[i] *= rows;
        }
        HashMap<String, INDArray> state = new HashMap<>();
        optimizer.stateArrays(parameters).forEach((key, array) -> state.put(key, array.mul(rows)));
        return new Weighted(rows, weights, state, new HashMap<>(optimizer.stepCounts(parameters)), loss, nanos);
    }

    private static Map<String, INDArray> copies(Map<String, INDArray> state) {
        Map<String, INDArray> copies = new HashMap<>();
        state.forEach((key, array) -> copies.put(key, array.dup()));
        return copies;
    }
}
