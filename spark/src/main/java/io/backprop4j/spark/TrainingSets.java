package io.backprop4j.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;

/**
 * A fit's data as cached {@link Blocks}: the training rows and, when a validation indicator column is set, the
 * rows it marks true (Spark ML's {@code validationIndicatorCol}, as in {@code GBTClassifier}), each with its
 * {@link DataSummary} computed on the executors.
 */
record TrainingSets(JavaRDD<Block> train, DataSummary trainSummary, JavaRDD<Block> validation,
        DataSummary validationSummary) {

    /** The blocks of {@code data}; {@code indicator} is null, or a boolean column whose null cells mean training. */
    static TrainingSets of(Dataset<?> data, String features, String label, String indicator) {
        if (indicator == null) {
            JavaRDD<Block> train = Blocks.of(data, features, label);
            return new TrainingSets(train, summary(train), null, null);
        }
        Column held = coalesce(col(indicator), lit(false));
        JavaRDD<Block> train = Blocks.of(data.filter(not(held)), features, label);
        JavaRDD<Block> validation = Blocks.of(data.filter(held), features, label);
        DataSummary validationSummary = summary(validation);
        if (validationSummary.rows() == 0) {
            train.unpersist(false);
            validation.unpersist(false);
            throw new IllegalArgumentException("validation indicator column '" + indicator + "' marks no row true; "
                    + "mark the validation rows, or leave the column unset");
        }
        return new TrainingSets(train, summary(train), validation, validationSummary);
    }

    /** Both sets together: the widths and labels the network must take. */
    DataSummary summary() {
        if (trainSummary.rows() == 0) {
            throw new IllegalArgumentException("the training data is empty; it needs at least one row");
        }
        return validation == null ? trainSummary : trainSummary.plus(validationSummary);
    }

    int trainRows() {
        return (int) trainSummary.rows();
    }

    void unpersist() {
        train.unpersist(false);
        if (validation != null) {
            validation.unpersist(false);
        }
    }

    private static DataSummary summary(JavaRDD<Block> blocks) {
        return blocks.map(DataSummary::of).fold(DataSummary.NONE, DataSummary::plus);
    }
}
