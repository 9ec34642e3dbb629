package io.backprop4j.optim.callbacks;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.Parameter;
import io.backprop4j.core.data.Batches;
import io.backprop4j.core.kernels.Kernels;
import io.backprop4j.layers.Layer;
import io.backprop4j.layers.losses.Loss;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The loss J and its gradient norm ‖∇J(w)‖ over a whole data set, in inference mode (so that they change no
 * BatchNorm statistics and draw no Dropout mask), computed in batches: J as the example-weighted mean of batch
 * losses, ∇J as the batch gradients weighted by batch size / n.
 */
public final class FullBatch {

    private FullBatch() {
    }

    /** J over all of {@code data}. */
    public static double meanLoss(Layer model, Loss loss, DataSet data, int batchSize) {
        double total = 0;
        for (DataSet batch : Batches.inOrder(data, batchSize)) {
            total += loss.value(model.forward(batch.features(), false), batch.labels()) * batch.size();
        }
        return total / data.size();
    }

    /** ‖∇J(w)‖ for J the mean loss over all of {@code data}; leaves the parameters' gradients at zero. */
    public static double gradientNorm(Layer model, Loss loss, DataSet data, int batchSize) {
        List<Parameter> parameters = model.parameters();
        List<INDArray> sum = new ArrayList<>();
        parameters.forEach(p -> sum.add(p.gradient().ulike().assign(0)));
        for (DataSet batch : Batches.inOrder(data, batchSize)) {
            INDArray prediction = model.forward(batch.features(), false);
            model.zeroGradients();
            model.backwardParameters(loss.gradient(prediction, batch.labels()));
            double weight = (double) batch.size() / data.size();
            for (int i = 0; i < parameters.size(); i++) {
                Kernels.axpy(weight, parameters.get(i).gradient(), sum.get(i));
            }
        }
        model.zeroGradients();
        double squares = 0;
        for (INDArray g : sum) {
            double norm = g.norm2Number().doubleValue();
            squares += norm * norm;
        }
        return Math.sqrt(squares);
    }
}
