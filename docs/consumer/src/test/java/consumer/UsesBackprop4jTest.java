package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.Rng;
import io.backprop4j.core.WeightInit;
import io.backprop4j.core.kernels.Threads;
import io.backprop4j.layers.Dense;
import io.backprop4j.layers.GradientChecks;
import io.backprop4j.layers.Model;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.ReLU;
import io.backprop4j.layers.activations.Tanh;
import io.backprop4j.layers.io.ModelFile;
import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import io.backprop4j.optim.Evaluation;
import io.backprop4j.optim.Fit;
import io.backprop4j.optim.Optimizers;
import io.backprop4j.optim.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Compiles and runs against the installed backprop4j jars, as a user's project would: no setup call anywhere. */
class UsesBackprop4jTest {

    @Test
    void buildsARunsAndChecksANetwork() {
        Sequential model = Sequential.of(new Dense(4, 8, WeightInit.HE_NORMAL, DataType.DOUBLE), new Tanh(),
                new Dense(8, 3, WeightInit.XAVIER_NORMAL, DataType.DOUBLE));
        INDArray x = GradientChecks.gaussian(new Rng(1), 5, 4);
        assertEquals(3, Model.of(model).predict(x).columns());
        assertTrue(GradientChecks.layer(model, x, 2).maxRelativeError() < 1e-6);
    }

    @Test
    void trainsSavesAndReloadsAClassifierWithTheTunedThreadsByDefault(@TempDir Path dir) throws Exception {
        DataSet rings = rings(600, new Random(7));
        Sequential model = Sequential.of(new Dense(2, 16), new ReLU(), new Dense(16, 2)).initialize(3);
        new Trainer(model, new SoftmaxCrossEntropy(), Optimizers.adam(0.02)).fit(rings, Fit.epochs(60).batchSize(32).seed(1));

        assertEquals(1, Threads.kernelThreads(), "the library's default kernel thread count");
        double accuracy = Evaluation.of(model, rings).accuracy();
        assertTrue(accuracy > 0.95, "training accuracy " + accuracy);

        Path file = dir.resolve("rings.zip");
        ModelFile.save(model, file);
        assertTrue(Files.size(file) > 0);
        Sequential loaded = ModelFile.load(file).model();
        assertEquals(Model.of(model).predict(rings.features()), Model.of(loaded).predict(rings.features()));
    }

    /** Class 0 inside radius 1, class 1 on a ring between radii 1.5 and 2: one-hot labels. */
    private static DataSet rings(int n, Random random) {
        float[][] points = new float[n][2];
        float[][] labels = new float[n][2];
        for (int i = 0; i < n; i++) {
            int label = i % 2;
            double radius = label == 0 ? random.nextDouble() : 1.5 + 0.5 * random.nextDouble();
            double angle = 2 * Math.PI * random.nextDouble();
            points[i][0] = (float) (radius * Math.cos(angle));
            points[i][1] = (float) (radius * Math.sin(angle));
            labels[i][label] = 1;
        }
        return new DataSet(Nd4j.createFromArray(points), Nd4j.createFromArray(labels));
    }
}
