package io.backprop4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.WeightInit;
import io.backprop4j.layers.Dense;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.losses.Loss;
import io.backprop4j.layers.losses.SquaredError;
import io.backprop4j.optim.callbacks.TrainingDivergedException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;

/** Non-finite data, losses and gradients: where they are reported, and what is kept. */
class DivergenceTest {

    private static final float MARKER = 1000f;

    @TempDir
    Path directory;

    /** y = 2x + 1 on 32 points of [−1, 1], float32; example {@code marked} gets the target MARKER (−1: none). */
    private static DataSet line(int marked) {
        float[][] x = new float[32][1];
        float[][] y = new float[32][1];
        for (int i = 0; i < 32; i++) {
            x[i][0] = -1 + 2 * i / 31f;
            y[i][0] = i == marked ? MARKER : 2 * x[i][0] + 1;
        }
        return new DataSet(Nd4j.createFromArray(x), Nd4j.createFromArray(y));
    }

    /** Squared error whose value (or gradient) is NaN on any batch that holds the marked example. */
    private record PoisonedLoss(boolean inGradient) implements Loss {
        private static final SquaredError PLAIN = new SquaredError();

        private static boolean poisoned(INDArray target) {
            return target.maxNumber().floatValue() == MARKER;
        }

        @Override
        public double value(INDArray prediction, INDArray target) {
            return !inGradient && poisoned(target) ? Double.NaN : PLAIN.value(prediction, target);
        }

        @Override
        public INDArray gradient(INDArray prediction, INDArray target) {
            INDArray gradient = PLAIN.gradient(prediction, target);
            return inGradient && poisoned(target) ? gradient.assign(Double.NaN) : gradient;
        }
    }

    private static Sequential linear() {
        return Sequential.of(new Dense(1, 1, WeightInit.ZEROS));
    }

    @Test
    void nonFiniteTrainingDataIsRefusedBeforeTrainingWithItsPosition() {
        DataSet data = line(-1);
        data.features().putScalar(17, 0, Float.NaN);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(linear(), new SquaredError(), Optimizers.sgd(0.1)).fit(data,
                        Fit.epochs(1).batchSize(8).seed(1)));
        assertTrue(error.getMessage().contains("training features contain NaN at row 17, column 0"), error.getMessage());
        DataSet infinite = line(-1);
        infinite.labels().putScalar(3, 0, Float.NEGATIVE_INFINITY);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Trainer(linear(), new SquaredError(),
                Optimizers.sgd(0.1)).fit(infinite, Fit.epochs(1).batchSize(8).seed(1))).getMessage().contains("training labels contain -Infinity at row 3"));
    }

    @Test
    void divergenceStopsAtItsBatchAndLeavesTheLastGoodCheckpoint() throws IOException {
        Path file = directory.resolve("checkpoint.zip");
        Sequential model = linear();
        Trainer trainer = new Trainer(model, new SquaredError(), Optimizers.sgd(20)).checkpointEachEpoch(file, Map.of());
        TrainingDivergedException error = assertThrows(TrainingDivergedException.class,
                () -> trainer.fit(line(-1), Fit.epochs(1000).batchSize(8).seed(1)));
        assertTrue(error.epoch() >= 2, "diverges after a few epochs, not at once: epoch " + error.epoch());
        assertTrue(error.getMessage().contains("at epoch " + error.epoch() + ", batch " + error.batch())
                && error.getMessage().contains("last finite loss"), error.getMessage());

        Checkpoint last = Checkpoint.load(file);
        assertEquals(error.epoch() - 1, last.epoch());
        last.model().parameters().forEach(p -> assertTrue(!BooleanIndexing.or(p.value(), Conditions.notFinite()),
                p.name() + " is finite in the checkpoint"));
    }

    @Test
    void aNonFiniteGradientIsCaughtEvenWhenTheLossIsFinite() {
        TrainingDivergedException error = assertThrows(TrainingDivergedException.class,
                () -> new Trainer(linear(), new PoisonedLoss(true), Optimizers.sgd(0.1)).fit(line(5),
                        Fit.epochs(3).batchSize(8).seed(1)));
        assertTrue(error.getMessage().contains("non-finite gradient of 0.weights at epoch 1"), error.getMessage());
    }

    @Test
    void skippingLeavesOutOnlyThePoisonedBatches() {
        for (boolean inGradient : new boolean[] {false, true}) {
            Sequential model = linear();
            TrainingResult result = new Trainer(model, new PoisonedLoss(inGradient), Optimizers.sgd(0.3))
                    .skipNonFiniteBatches().fit(line(5), Fit.epochs(40).batchSize(8).seed(1));
            assertEquals(40, result.skippedBatches(), "one poisoned batch per epoch");
            assertEquals(2, model.parameters().get(0).value().getDouble(0), 0.05, "the slope is still learned");
            assertEquals(1, model.parameters().get(1).value().getDouble(0), 0.05, "the intercept is still learned");
        }
    }
}
