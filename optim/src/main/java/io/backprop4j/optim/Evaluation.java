package io.backprop4j.optim;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.data.Batches;
import io.backprop4j.layers.Sequential;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Classification quality: the confusion matrix C (row = true class, column = predicted class, the
 * prediction being the arg-max of the model's output row), accuracy = trace(C)/n, per-class
 * precision_k = C_kk / Σ_i C_ik and recall_k = C_kk / Σ_j C_kj.
 */
public record Evaluation(long[][] confusion) {

    /** The rows the model sees at once, which bounds the memory an evaluation takes. */
    static final int BATCH_SIZE = 1024;

    /**
     * Evaluates {@code model} in inference mode on {@code data}, whose labels are one-hot rows or class
     * indices, in batches of {@value #BATCH_SIZE} rows.
     */
    public static Evaluation of(Sequential model, DataSet data) {
        long[][] confusion = null;
        for (DataSet batch : Batches.inOrder(data, BATCH_SIZE)) {
            INDArray output = model.forward(batch.features(), false);
            int classes = (int) output.columns();
            if (confusion == null) {
                confusion = new long[classes][classes];
            }
            long[] predicted = Nd4j.argMax(output, 1).toLongVector();
            long[] actual = classIndices(batch.labels());
            for (int i = 0; i < predicted.length; i++) {
                confusion[(int) actual[i]][(int) predicted[i]]++;
            }
        }
        return new Evaluation(confusion);
    }

    private static long[] classIndices(INDArray labels) {
        if (labels.rank() == 2 && labels.columns() > 1) {
            return Nd4j.argMax(labels, 1).toLongVector();
        }
        return labels.reshape(labels.length()).toLongVector();
    }

    public long total() {
        long n = 0;
        for (long[] row : confusion) {
            for (long c : row) {
                n += c;
            }
        }
        return n;
    }

    public double accuracy() {
        long correct = 0;
        for (int k = 0; k < confusion.length; k++) {
            correct += confusion[k][k];
        }
        return (double) correct / total();
    }

    public double precision(int k) {
        long predictedK = 0;
        for (long[] row : confusion) {
            predictedK += row[k];
        }
        return predictedK == 0 ? 0 : (double) confusion[k][k] / predictedK;
    }

    public double recall(int k) {
        long actualK = 0;
        for (long c : confusion[k]) {
            actualK += c;
        }
        return actualK == 0 ? 0 : (double) confusion[k][k] / actualK;
    }

    /** The confusion matrix as aligned text, true classes down, predicted across. */
    public String confusionTable() {
        StringBuilder text = new StringBuilder("true\\pred");
        for (int k = 0; k < confusion.length; k++) {
            text.append(String.format("%7d", k));
        }
        for (int k = 0; k < confusion.length; k++) {
            text.append(String.format("%n%9d", k));
            for (long c : confusion[k]) {
                text.append(String.format("%7d", c));
            }
        }
        return text.toString();
    }
}
