package io.backprop4j.spark;

import io.backprop4j.core.FileFormatException;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.io.ModelFile;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A trained network as a Spark ML {@code Transformer}: {@code transform} adds the prediction column (and the
 * probability column, for classes), running one model copy per executor task slot from one broadcast of the
 * model file, {@value Predictions#BATCH} rows per forward pass. It saves with Spark ML's writer
 * ({@code model.write().save(path)}, or inside a {@code PipelineModel}); the directory holds the library's
 * ordinary model file, {@code data/model.zip}, which {@code ModelFile.load} reads on one machine.
 *
 * @param <M> the concrete model
 */
public abstract class NeuralNetworkModel<M extends NeuralNetworkModel<M>> extends Model<M> implements MLWritable {

    /** The model file's metadata key for the number of outputs. */
    static final String OUTPUTS = "outputs";

    private final String uid;
    private final Map<String, byte[]> file;
    private final int outputs;
    private final Param<String> featuresCol;
    private final Param<String> predictionCol;
    private List<EpochFigures> history = List.of();
    private transient Broadcast<Map<String, byte[]>> broadcast;

    /** A model of {@code file}, a model file's entries ({@link ModelFile#entries}), with {@code outputs} outputs. */
    protected NeuralNetworkModel(String uid, Map<String, byte[]> file, int outputs) {
        this.uid = uid;
        this.file = Map.copyOf(file);
        this.outputs = outputs;
        featuresCol = new Param<>(uid, "featuresCol", "features column: vectors or arrays of numbers");
        predictionCol = new Param<>(uid, "predictionCol", "prediction column this model adds");
        setDefault(featuresCol, "features");
        setDefault(predictionCol, "prediction");
    }

    @Override
    public String uid() {
        return uid;
    }

    public Param<String> featuresCol() {
        return featuresCol;
    }

    public Param<String> predictionCol() {
        return predictionCol;
    }

    @SuppressWarnings("unchecked")
    public M setFeaturesCol(String column) {
        set(featuresCol, column);
        return (M) this;
    }

    @SuppressWarnings("unchecked")
    public M setPredictionCol(String column) {
        set(predictionCol, column);
        return (M) this;
    }

    /** The network's outputs: the number of classes, or 1 for a regression. */
    public int outputs() {
        return outputs;
    }

    /** A copy of the trained network, to run or save on one machine. */
    public Sequential network() {
        try {
            return ModelFile.fromEntries(file, "the fitted model").model();
        } catch (FileFormatException e) {
            throw new IllegalStateException("the fitted model cannot be read back: " + e.getMessage(), e);
        }
    }

    /** The epochs of the fit that made this model (none for a loaded one). */
    public List<EpochFigures> history() {
        return history;
    }

    void setHistory(List<EpochFigures> history) {
        this.history = List.copyOf(history);
    }

    /** The probability column this model adds, or null. */
    protected String probabilityColumn() {
        return null;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> data) {
        StructType schema = transformSchema(data.schema(), true);
        int index = data.schema().fieldIndex(getOrDefault(featuresCol));
        JavaRDD<Row> rows = data.toDF().javaRDD().mapPartitions(
                new Predictions(broadcast(data), index, probabilityColumn() != null));
        return data.sparkSession().createDataFrame(rows, schema);
    }

    /** The model file broadcast once to the executors, at the first transform. */
    private synchronized Broadcast<Map<String, byte[]>> broadcast(Dataset<?> data) {
        if (broadcast == null) {
            broadcast = JavaSparkContext.fromSparkContext(data.sparkSession().sparkContext()).broadcast(file);
        }
        return broadcast;
    }

    @Override
    public StructType transformSchema(StructType schema) {
        Features.requireColumn(schema, getOrDefault(featuresCol));
        return withPredictionColumns(schema, getOrDefault(predictionCol), probabilityColumn());
    }

    /** {@code schema} with a double prediction column and, unless null, a vector probability column. */
    static StructType withPredictionColumns(StructType schema, String prediction, String probability) {
        for (String column : probability == null ? List.of(prediction) : List.of(prediction, probability)) {
            if (List.of(schema.fieldNames()).contains(column)) {
                throw new IllegalArgumentException("the data already has a column '" + column + "'; choose another "
                        + "name for the model's output");
            }
        }
        StructType out = schema.add(prediction, DataTypes.DoubleType, false);
        return probability == null ? out : out.add(probability, SQLDataTypes.VectorType(), false);
    }

    /** The entries of the model file of {@code network} with {@code outputs} outputs. */
    static Map<String, byte[]> file(Sequential network, int outputs) {
        return ModelFile.entries(network, Map.of(OUTPUTS, outputs));
    }

    /** The model file's entries. */
    Map<String, byte[]> file() {
        return file;
    }

    @Override
    public MLWriter write() {
        return new NeuralNetworkModelWriter(this);
    }
}
