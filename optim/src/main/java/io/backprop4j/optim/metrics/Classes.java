package io.backprop4j.optim.metrics;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.kernels.Kernels;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The class a model's output row names, and the class of a label row, as the classification metrics read them. */
final class Classes {

    private Classes() {
    }

    /** The arg-max of each output row, or for a single logit 1 when it is ≥ 0 (σ ≥ 0.5). */
    static int[] predicted(INDArray output) {
        if (output.columns() == 1) {
            double[] logits = output.reshape(output.rows()).toDoubleVector();
            int[] classes = new int[logits.length];
            for (int i = 0; i < logits.length; i++) {
                classes[i] = logits[i] >= 0 ? 1 : 0;
            }
            return classes;
        }
        return Kernels.argMaxRows(output);
    }

    /** The class of each label: the arg-max of a one-hot row, or the class index of {@code [n]} or {@code [n, 1]}. */
    static int[] actual(INDArray labels) {
        return DataSet.classIndices(labels);
    }
}
