package io.backprop4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.DataSet;
import io.backprop4j.layers.io.ModelFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The estimators as Spark users use them: in a {@code Pipeline} beside {@code VectorAssembler} and
 * {@code StandardScaler}, on a Parquet file, evaluated by Spark's evaluators, saved and loaded as a
 * {@code PipelineModel}, the saved network readable by {@code ModelFile.load}.
 */
class PipelineTest {

    @Test
    void aPipelineFitsTransformsSavesLoadsAndEvaluatesOnParquet(@TempDir Path directory) throws IOException {
        SparkSession spark = LocalSpark.session();
        String parquet = directory.resolve("blobs.parquet").toString();
        columns(spark, LocalSpark.blobs(600, 4, 4, 23, DataType.FLOAT)).write().parquet(parquet);
        Dataset<Row>[] split = spark.read().parquet(parquet).randomSplit(new double[] {0.8, 0.2}, 1);

        NeuralNetworkClassifier classifier = new NeuralNetworkClassifier();
        classifier.setFeaturesCol("scaled").setHiddenLayers(16).setEpochs(15).setBatchSize(32).setSeed(2);
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
            new VectorAssembler().setInputCols(new String[] {"x0", "x1", "x2", "x3"}).setOutputCol("features"),
            new StandardScaler().setInputCol("features").setOutputCol("scaled"),
            classifier});
        PipelineModel fitted = pipeline.fit(split[0]);
        Dataset<Row> predicted = fitted.transform(split[1]);
        MulticlassClassificationEvaluator accuracy = new MulticlassClassificationEvaluator().setMetricName("accuracy");
        double measured = accuracy.evaluate(predicted);
        assertTrue(measured > 0.9, "accuracy " + measured);
        assertEquals(4, ((org.apache.spark.ml.linalg.Vector) predicted.first().getAs("probability")).size());

        String saved = directory.resolve("pipeline").toString();
        fitted.write().overwrite().save(saved);
        PipelineModel loaded = PipelineModel.load(saved);
        assertEquals(predictions(predicted), predictions(loaded.transform(split[1])));
        assertEquals(measured, accuracy.evaluate(loaded.transform(split[1])), 0);

        try (Stream<Path> files = Files.walk(Path.of(saved))) {
            Path modelFile = files.filter(f -> f.endsWith("model.zip")).findFirst().orElseThrow();
            assertEquals(3, ModelFile.load(modelFile).model().layers().size());
        }
    }

    @Test
    void aRegressorLearnsALinearFunction() {
        SparkSession spark = LocalSpark.session();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            double a = (i % 20) / 10.0 - 1;
            double b = (i / 20) / 10.0 - 1;
            rows.add(RowFactory.create(new double[] {a, b}, 3 * a - 2 * b + 0.5));
        }
        StructType schema = new StructType().add("features", DataTypes.createArrayType(DataTypes.DoubleType))
                .add("label", DataTypes.DoubleType);
        Dataset<Row> data = spark.createDataFrame(rows, schema);
        NeuralNetworkRegressionModel model = new NeuralNetworkRegressor()
                .setHiddenLayers(16).setEpochs(30).setBatchSize(40).setLearningRate(0.02).setSeed(3).fit(data);
        double rmse = new RegressionEvaluator().setMetricName("rmse").evaluate(model.transform(data));
        assertTrue(rmse < 0.15, "rmse " + rmse + " on targets of spread 2.9");
    }

    @Test
    void badColumnsAreRefusedWithWhatCame() {
        SparkSession spark = LocalSpark.session();
        Dataset<Row> data = SparkData.of(spark, LocalSpark.blobs(20, 2, 2, 1, DataType.FLOAT), 1);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> new NeuralNetworkClassifier().setFeaturesCol("pixels").fit(data));
        assertTrue(missing.getMessage().contains("'pixels' is not in the data"), missing.getMessage());
        Dataset<Row> fractions = data.withColumn("label", data.col("label").plus(0.5));
        IllegalArgumentException continuous = assertThrows(IllegalArgumentException.class,
                () -> new NeuralNetworkClassifier().setEpochs(1).fit(fractions));
        assertTrue(continuous.getMessage().contains("NeuralNetworkRegressor"), continuous.getMessage());
    }

    private static Dataset<Row> columns(SparkSession spark, DataSet data) {
        double[][] x = data.features().castTo(DataType.DOUBLE).toDoubleMatrix();
        int[] y = data.classIndices();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            rows.add(RowFactory.create(x[i][0], x[i][1], x[i][2], x[i][3], (double) y[i]));
        }
        StructType schema = new StructType().add("x0", DataTypes.DoubleType).add("x1", DataTypes.DoubleType)
                .add("x2", DataTypes.DoubleType).add("x3", DataTypes.DoubleType).add("label", DataTypes.DoubleType);
        return spark.createDataFrame(rows, schema);
    }

    private static List<Double> predictions(Dataset<Row> predicted) {
        return predicted.select("prediction").collectAsList().stream().map(r -> r.getDouble(0)).toList();
    }
}
