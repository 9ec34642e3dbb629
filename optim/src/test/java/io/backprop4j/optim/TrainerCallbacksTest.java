package io.backprop4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.Parameter;
import io.backprop4j.core.Rng;
import io.backprop4j.layers.BatchNorm;
import io.backprop4j.layers.Dense;
import io.backprop4j.layers.Dropout;
import io.backprop4j.layers.GradientChecks;
import io.backprop4j.layers.Residual;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.Tanh;
import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import io.backprop4j.optim.callbacks.Callback;
import io.backprop4j.optim.callbacks.EpochEvent;
import io.backprop4j.optim.callbacks.FullBatch;
import io.backprop4j.optim.callbacks.StopReason;
import io.backprop4j.optim.callbacks.TrainingContext;
import io.backprop4j.optim.schedules.OneCycle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The Trainer's stopping rules, per-step schedules and listeners, with BatchNorm and Dropout in the model. */
class TrainerCallbacksTest {

    /** Two noisy Gaussian classes in 6 dimensions: n examples, class indices [n, 1]. */
    private static DataSet blobs(int n, long seed) {
        INDArray x = GradientChecks.gaussian(new Rng(seed), n, 6).castTo(DataType.FLOAT);
        float[][] labels = new float[n][1];
        for (int i = 0; i < n; i++) {
            labels[i][0] = i % 2;
            x.getRow(i).addi(i % 2 == 0 ? -0.6 : 0.6);
        }
        return new DataSet(x, Nd4j.createFromArray(labels));
    }

    private static Sequential withBatchNormAndDropout() {
        return Sequential.of(new Dense(6, 32), new BatchNorm(32), new Tanh(), new Dropout(0.3), new Dense(32, 2))
                .initialize(7);
    }

    @Test
    void earlyStoppingRestoresTheBestWeightsAndBatchNormStatistics() {
        Sequential model = withBatchNormAndDropout();
        DataSet validation = blobs(64, 2);
        Trainer trainer = new Trainer(model, new SoftmaxCrossEntropy(), Optimizers.adam(0.05)).earlyStopping(validation, 3);
        TrainingResult result = trainer.fit(blobs(96, 1), Fit.epochs(60).batchSize(16).seed(3));
        double best = result.history().stream().mapToDouble(EpochEvent::validationLoss).min().orElseThrow();
        assertEquals(StopReason.EARLY_STOPPING, result.stopReason());
        assertEquals(best, FullBatch.meanLoss(model, new SoftmaxCrossEntropy(), validation, 16), 1e-6,
                "the returned model's validation loss is the best one recorded");
    }

    @Test
    void theGradientNormStopLeavesBatchNormAndDropoutStateUntouched() {
        Sequential model = withBatchNormAndDropout();
        DataSet data = blobs(64, 1);
        Trainer trainer = new Trainer(model, new SoftmaxCrossEntropy(), Optimizers.sgd(0.1));
        trainer.fit(data, Fit.epochs(1).batchSize(16));
        Map<String, INDArray> buffers = new LinkedHashMap<>();
        model.buffers().forEach((name, value) -> buffers.put(name, value.dup()));
        Rng.State dropout = model.generators().get("3.mask").state();
        double norm = FullBatch.gradientNorm(model, new SoftmaxCrossEntropy(), data, 16);
        assertTrue(norm > 0 && Double.isFinite(norm));
        model.buffers().forEach((name, value) -> assertEquals(buffers.get(name), value, name));
        assertEquals(dropout, model.generators().get("3.mask").state());
        assertEquals(norm, FullBatch.gradientNorm(model, new SoftmaxCrossEntropy(), data, 16), 0, "inference mode: the same norm every time");
    }

    @Test
    void aPerStepScheduleSetsTheRateOfEveryStep() {
        Sequential model = withBatchNormAndDropout();
        OneCycle schedule = new OneCycle(0.5, 12, 4);
        List<Double> seen = new ArrayList<>();
        new Trainer(model, new SoftmaxCrossEntropy(), Optimizers.sgd(0.1)).schedule(schedule).addCallback(new Callback() {
            private Parameter bias;
            private double before;
            private double gradient;

            @Override
            public void afterBackward(int epoch, int batch, double loss, List<Parameter> parameters) {
                bias = parameters.get(parameters.size() - 1);
                before = bias.value().getDouble(0);
                gradient = bias.gradient().getDouble(0);
            }

            @Override
            public void onBatchEnd(int epoch, int batch, double loss) {
                seen.add((before - bias.value().getDouble(0)) / gradient);   // w ← w − η·g, so η = Δw / −g
            }
        }).fit(blobs(64, 1), Fit.epochs(3).batchSize(16));
        double[] expected = new double[12];
        for (int step = 0; step < 12; step++) {
            expected[step] = schedule.rate(step / 4, step);
        }
        assertArrayEquals(expected, seen.stream().mapToDouble(Double::doubleValue).toArray(), 1e-4);
    }

    @Test
    void aListenerCanStopTraining() {
        TrainingResult result = new Trainer(withBatchNormAndDropout(), new SoftmaxCrossEntropy(), Optimizers.sgd(0.1))
                .addCallback(new Callback() {
                    private int epochs;

                    @Override
                    public void onEpochEnd(EpochEvent event) {
                        epochs = event.epoch();
                    }

                    @Override
                    public boolean stopRequested() {
                        return epochs == 2;
                    }
                }).fit(blobs(32, 1), Fit.epochs(10).batchSize(16));
        assertEquals(2, result.epochs());
        assertEquals(StopReason.CALLBACK, result.stopReason());
    }

    @Test
    void aCallbackSeesTheRunFromStartToEndAndStopsWithItsOwnReason() {
        Sequential model = withBatchNormAndDropout();
        List<String> calls = new ArrayList<>();
        Callback callback = new Callback() {
            private TrainingContext context;

            @Override
            public void onTrainingStart(TrainingContext context) {
                this.context = context;
                calls.add("start " + context.batchSize() + " " + context.train().size());
            }

            @Override
            public void onEpochEnd(EpochEvent event) {
                calls.add("epoch " + event.epoch() + " " + (context.model() == model));
            }

            @Override
            public boolean stopRequested() {
                return calls.size() == 3;
            }

            @Override
            public StopReason stopReason() {
                return StopReason.GRADIENT_NORM;
            }

            @Override
            public void onTrainingEnd(TrainingContext context) {
                calls.add("end");
            }
        };
        TrainingResult result = new Trainer(model, new SoftmaxCrossEntropy(), Optimizers.sgd(0.1)).addCallback(callback)
                .fit(blobs(32, 1), Fit.epochs(10).batchSize(16));
        assertEquals(List.of("start 16 32", "epoch 1 true", "epoch 2 true", "end"), calls);
        assertEquals(2, result.epochs());
        assertEquals(StopReason.GRADIENT_NORM, result.stopReason());
    }

    @Test
    void theTrainerTakesAnyLayerSuchAsAResidualBlock() {
        Residual block = new Residual(Sequential.of(new Dense(6, 16), new Tanh(), new Dense(16, 6)));
        DataSet data = blobs(128, 4);
        new Trainer(block, new SoftmaxCrossEntropy(), Optimizers.adam(0.02)).fit(data, Fit.epochs(40).batchSize(32).seed(1));
        Sequential wrapped = Sequential.of(block);
        double accuracy = Evaluation.of(wrapped, data).accuracy();
        assertTrue(accuracy > 0.85, "accuracy " + accuracy);
    }

    @Test
    void validationDataReportsLossAndAccuracyEveryEpoch() {
        Sequential model = Sequential.of(new Dense(6, 16), new Tanh(), new Dense(16, 2)).initialize(3);
        DataSet validation = blobs(64, 9).oneHot(2);
        TrainingResult result = new Trainer(model, new SoftmaxCrossEntropy(), Optimizers.adam(0.02)).validateOn(validation)
                .fit(blobs(128, 8), Fit.epochs(3).batchSize(32));
        assertEquals(3, result.epochs(), "validation alone stops nothing");
        for (EpochEvent event : result.history()) {
            assertTrue(event.validationLoss() > 0 && event.validationAccuracy() > 0, event.toString());
        }
        assertEquals(Evaluation.of(model, validation).accuracy(), result.last().validationAccuracy(), 0);
    }

    @Test
    void validationDataInFitReportsEveryEpochOfThatRun() {
        Sequential model = Sequential.of(new Dense(6, 16), new Tanh(), new Dense(16, 2)).initialize(3);
        DataSet validation = blobs(64, 9).oneHot(2);
        Trainer trainer = new Trainer(model, new SoftmaxCrossEntropy(), Optimizers.adam(0.02));
        TrainingResult result = trainer.fit(blobs(128, 8), Fit.epochs(2).batchSize(32).validation(validation));
        assertEquals(FullBatch.meanLoss(model, new SoftmaxCrossEntropy(), validation, 32), result.last().validationLoss(), 1e-6);
        assertEquals(Evaluation.of(model, validation).accuracy(), result.last().validationAccuracy(), 0);
        TrainingResult without = trainer.fit(blobs(128, 8), Fit.epochs(1).batchSize(32));
        assertTrue(Double.isNaN(without.last().validationLoss()), "the validation data belonged to that run only");
    }

    @Test
    void theFitsMetricsAreReportedEveryEpochOnTrainingAndValidationData() {
        DataSet data = blobs(200, 4);
        DataSet validation = blobs(100, 5);
        Sequential model = withBatchNormAndDropout();
        TrainingResult result = new Trainer(model, new SoftmaxCrossEntropy(), Optimizers.adam(0.02))
                .fit(data, Fit.epochs(8).batchSize(32).seed(1).validation(validation).metrics("accuracy", "f1-macro"));
        EpochEvent last = result.last();
        assertEquals(List.of("accuracy", "f1-macro", "val_accuracy", "val_f1-macro", "val_loss"),
                last.metrics().keySet().stream().sorted().toList());
        assertTrue(last.metric("accuracy") > 0.9 && last.metric("val_accuracy") > 0.9, last.metrics().toString());
        assertEquals(last.validationAccuracy(), last.metric("val_accuracy"), 0);
        assertTrue(result.history().get(0).metric("accuracy") < last.metric("accuracy") + 1e-9,
                "training accuracy rises as the blobs are learned");
    }
}
