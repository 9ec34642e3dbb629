package io.backprop4j.spark;

import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.Parameter;
import io.backprop4j.layers.BatchNorm;
import io.backprop4j.layers.Dense;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import io.backprop4j.optim.Fit;
import io.backprop4j.optim.OptimizerName;
import io.backprop4j.optim.Trainer;
import io.backprop4j.optim.TrainingResult;
import io.backprop4j.optim.callbacks.Callback;
import io.backprop4j.optim.callbacks.EarlyStopping;
import io.backprop4j.optim.callbacks.EpochEvent;
import io.backprop4j.optim.callbacks.TrainingContext;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The library's callbacks run on the driver of a Spark fit as in the {@code Trainer}: the same hooks in the same
 * order with the same losses and gradients; validation rows marked by the indicator column give the Trainer's
 * {@code val_loss} and {@code val_accuracy}; early stopping stops and restores the best epoch's weights.
 */
class CallbacksTest {

    private static final DataSet TRAIN = LocalSpark.blobs(120, 4, 3, 23, DataType.FLOAT);
    private static final DataSet VALIDATION = LocalSpark.blobs(40, 4, 3, 24, DataType.FLOAT);

    @Test
    void theHooksSeeWhatTheyWouldSeeOnOneMachine() {
        Sequential start = SynchronousTrainingTest.network(DataType.FLOAT);
        Recorder single = new Recorder();
        new Trainer(SoftmaxCrossEntropy::new, OptimizerName.of("adam").create(0.01)).addCallback(single)
                .fit(SynchronousTrainingTest.copy(start), TRAIN, Fit.epochs(2).batchSize(25).seed(3));
        Recorder spark = new Recorder();
        classifier(start, 2).setCallbacks(spark).fit(rowsWithIndicator());

        assertEquals(single.hooks, spark.hooks);
        for (int i = 0; i < single.values.size(); i++) {
            assertEquals(single.values.get(i), spark.values.get(i), 2e-5 * Math.max(1, single.values.get(i)),
                    "figure " + i + " of " + single.values);
        }
    }

    @Test
    void validationRowsGiveTheTrainersValidationFigures() {
        Sequential start = SynchronousTrainingTest.network(DataType.FLOAT);
        TrainingResult single = new Trainer(SoftmaxCrossEntropy::new, OptimizerName.of("adam").create(0.01))
                .fit(SynchronousTrainingTest.copy(start), TRAIN,
                        Fit.epochs(3).batchSize(25).seed(3).validation(VALIDATION.oneHot(3)));
        NeuralNetworkClassificationModel model = classifier(start, 3).fit(rowsWithIndicator());

        assertEquals(3, model.history().size());
        for (int e = 0; e < 3; e++) {
            EpochEvent expected = single.history().get(e);
            EpochFigures actual = model.history().get(e);
            assertEquals(expected.validationLoss(), actual.metric(EpochEvent.VALIDATION_LOSS), 2e-5);
            assertEquals(expected.validationAccuracy(), actual.metric(EpochEvent.VALIDATION_ACCURACY), 1e-12);
        }
    }

    @Test
    void earlyStoppingStopsTheFitAndRestoresTheBestEpoch() {
        Sequential start = SynchronousTrainingTest.network(DataType.FLOAT);
        Sequential oneEpoch = SynchronousTrainingTest.copy(start);
        new Trainer(SoftmaxCrossEntropy::new, OptimizerName.of("adam").create(0.01))
                .fit(oneEpoch, TRAIN, Fit.epochs(1).batchSize(25).seed(3));
        // no later epoch improves val_loss by 10, so the second one stops the fit and the first one's weights return
        EarlyStopping stopping = new EarlyStopping(EpochEvent.VALIDATION_LOSS, EarlyStopping.Mode.MIN, 10, 1, true);
        NeuralNetworkClassificationModel model = classifier(start, 5).setCallbacks(stopping).fit(rowsWithIndicator());

        assertEquals(2, model.history().size());
        SynchronousTrainingTest.assertClose(oneEpoch.parameters(), model.network().parameters(), 2e-5);
    }

    @Test
    void badIndicatorsAndBatchNormAreRefusedWithAMessage() {
        Dataset<Row> rows = SparkData.of(LocalSpark.session(), TRAIN, 2);
        String notBoolean = assertThrows(IllegalArgumentException.class, () -> new NeuralNetworkClassifier()
                .setValidationIndicatorCol("label").fit(rows)).getMessage();
        assertTrue(notBoolean.contains("'label' must hold booleans, but it holds double"), notBoolean);
        String none = assertThrows(IllegalArgumentException.class, () -> new NeuralNetworkClassifier()
                .setValidationIndicatorCol("held").setEpochs(1).fit(rows.withColumn("held", lit(false))))
                .getMessage();
        assertTrue(none.contains("marks no row true"), none);
        String batchNorm = assertThrows(IllegalArgumentException.class, () -> new NeuralNetworkClassifier()
                .setNetwork((in, out) -> Sequential.of(new Dense(in, 8), new BatchNorm(8), new Dense(8, out)))
                .setEpochs(1).fit(rows)).getMessage();
        assertTrue(batchNorm.contains("running statistics"), batchNorm);
    }

    /** The training rows (indicator false) followed by the validation rows (true), each in two partitions. */
    private static Dataset<Row> rowsWithIndicator() {
        return SparkData.of(LocalSpark.session(), TRAIN, 2).withColumn("held", lit(false))
                .union(SparkData.of(LocalSpark.session(), VALIDATION, 2).withColumn("held", lit(true)));
    }

    private static NeuralNetworkEstimator<NeuralNetworkClassificationModel> classifier(Sequential start, int epochs) {
        Sequential begin = SynchronousTrainingTest.copy(start);
        return new NeuralNetworkClassifier().setNetwork((in, out) -> begin).setValidationIndicatorCol("held")
                .setOptimizer("adam").setLearningRate(0.01).setEpochs(epochs).setBatchSize(25).setSeed(3);
    }

    /** Writes down every hook called, and the losses and gradient norms it was given. */
    private static final class Recorder implements Callback {

        private final List<String> hooks = new ArrayList<>();
        private final List<Double> values = new ArrayList<>();

        @Override
        public void onTrainingStart(TrainingContext context) {
            hooks.add("start " + context.batchSize());
        }

        @Override
        public void onEpochStart(int epoch) {
            hooks.add("epoch " + epoch);
        }

        @Override
        public void afterBackward(int epoch, int batch, double loss, List<Parameter> parameters) {
            hooks.add("backward " + epoch + "." + batch);
            values.add(parameters.stream().mapToDouble(p -> p.gradient().norm2Number().doubleValue()).sum());
        }

        @Override
        public void onBatchEnd(int epoch, int batch, double loss) {
            hooks.add("batch " + epoch + "." + batch);
            values.add(loss);
        }

        @Override
        public void onEpochEnd(EpochEvent event) {
            hooks.add("end of epoch " + event.epoch() + " with " + event.examples() + " examples");
            values.add(event.trainLoss());
            values.add(event.learningRate());
        }

        @Override
        public void onTrainingEnd(TrainingContext context) {
            hooks.add("end");
        }
    }
}
