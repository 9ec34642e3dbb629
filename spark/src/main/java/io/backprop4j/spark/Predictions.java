package io.backprop4j.spark;

import io.backprop4j.layers.Model;
import io.backprop4j.layers.Sequential;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A partition's predictions, {@value #BATCH} rows per forward pass: each row comes back with the prediction (the
 * most probable class index, or the first output for a regression) and, for classes, the probability vector.
 */
record Predictions(Broadcast<Map<String, byte[]>> model, int featuresIndex, boolean classes)
        implements FlatMapFunction<Iterator<Row>, Row> {

    static final int BATCH = 512;

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        return new Iterator<>() {
            private Iterator<Row> predicted = List.<Row>of().iterator();

            @Override
            public boolean hasNext() {
                if (!predicted.hasNext() && rows.hasNext()) {
                    List<Row> batch = new ArrayList<>(BATCH);
                    while (batch.size() < BATCH && rows.hasNext()) {
                        batch.add(rows.next());
                    }
                    predicted = predict(batch).iterator();
                }
                return predicted.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return predicted.next();
            }
        };
    }

    /** The rows of {@code batch} with their predictions, from one forward pass of a borrowed model copy. */
    private List<Row> predict(List<Row> batch) {
        double[][] features = new double[batch.size()][];
        for (int i = 0; i < features.length; i++) {
            features[i] = Features.of(batch.get(i), featuresIndex);
        }
        double[][] values;
        Sequential copy = ModelCopies.borrow(model);
        try {
            Model network = Model.of(copy);
            INDArray x = Nd4j.createFromArray(features).castTo(copy.parameters().get(0).value().dataType());
            INDArray output = classes ? network.predictProbabilities(x) : network.predict(x);
            values = output.castTo(DataType.DOUBLE).toDoubleMatrix();
        } finally {
            ModelCopies.giveBack(model, copy);
        }
        List<Row> out = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            Row row = batch.get(i);
            Object[] cells = new Object[row.size() + (classes ? 2 : 1)];
            for (int c = 0; c < row.size(); c++) {
                cells[c] = row.get(c);
            }
            cells[row.size()] = classes ? (double) argmax(values[i]) : values[i][0];
            if (classes) {
                cells[row.size() + 1] = Vectors.dense(values[i]);
            }
            out.add(RowFactory.create(cells));
        }
        return out;
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
