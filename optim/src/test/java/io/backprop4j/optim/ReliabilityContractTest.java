package io.backprop4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.FileFormatException;
import io.backprop4j.core.Rng;
import io.backprop4j.core.data.Idx;
import io.backprop4j.core.kernels.Threads;
import io.backprop4j.layers.Dense;
import io.backprop4j.layers.Layer;
import io.backprop4j.layers.Model;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.ELU;
import io.backprop4j.layers.activations.HardSigmoid;
import io.backprop4j.layers.activations.HardTanh;
import io.backprop4j.layers.activations.LeakyReLU;
import io.backprop4j.layers.activations.ReLU;
import io.backprop4j.layers.activations.SELU;
import io.backprop4j.layers.activations.Sign;
import io.backprop4j.layers.activations.Softplus;
import io.backprop4j.layers.io.ModelFile;
import io.backprop4j.layers.losses.NegativeLogLikelihood;
import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import io.backprop4j.optim.schedules.CosineAnnealing;
import io.backprop4j.optim.schedules.StepDecay;
import io.backprop4j.optim.transforms.ScaleByAdam;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The library's side of the reliability contract, one test per case found by an outside red-team run: no silent
 * NaN, no crash on absurd sizes, and every bad value refused when it is given, with a message.
 */
class ReliabilityContractTest {

    @TempDir
    Path directory;

    private static Sequential mlp() {
        return Sequential.of(new Dense(4, 8), new ReLU(), new Dense(8, 3)).initialize(1);
    }

    @Test
    void aModelFileWithNaNOrInfinityIsRefusedNamingTheFileAndTheParameter() throws Exception {
        Sequential model = mlp();
        model.parameters().get(2).value().putScalar(1, 2, Double.POSITIVE_INFINITY);
        Path file = directory.resolve("broken.zip");
        ModelFile.save(model, file);
        String message = assertThrows(FileFormatException.class, () -> ModelFile.load(file)).getMessage();
        assertTrue(message.contains("broken.zip") && message.contains("parameter 2.weights")
                && message.contains("Infinity at row 1, column 2"), message);
    }

    @Test
    void everyActivationKeepsNaNAsPyTorchDoesInTrainingAndInference() {
        for (Supplier<Layer> activation : new Supplier[] {ReLU::new, LeakyReLU::new, ELU::new, SELU::new,
                HardTanh::new, HardSigmoid::new, Softplus::new, Sign::new}) {
            for (boolean training : new boolean[] {true, false}) {
                INDArray x = Nd4j.createFromArray(new float[][] {{Float.NaN, -1, 0.5f, 2}});
                INDArray y = activation.get().forward(x, training);
                assertTrue(Double.isNaN(y.getDouble(0, 0)), activation.get().name() + " gave " + y);
                assertTrue(Double.isFinite(y.getDouble(0, 2)), activation.get().name() + " gave " + y);
            }
        }
        INDArray large = Nd4j.rand(DataType.FLOAT, 128, 256).subi(0.5);
        large.putScalar(77, 200, Float.NaN);
        assertTrue(Double.isNaN(new ReLU().forward(large, true).getDouble(77, 200)), "oneDNN's kernel, split");
    }

    @Test
    void trainingStopsWhenAWeightBecomesNaNBehindAReLU() {
        Sequential model = mlp();
        DataSet data = new DataSet(Nd4j.rand(32, 4), Nd4j.createFromArray(new float[32]).reshape(32, 1));
        Trainer trainer = new Trainer(model, new SoftmaxCrossEntropy(), Optimizers.sgd(0.1));
        trainer.fit(data, Fit.epochs(1));
        model.parameters().get(0).value().putScalar(0, 0, Double.NaN);
        String refused = assertThrows(IllegalArgumentException.class, () -> trainer.fit(data, Fit.epochs(1)))
                .getMessage();
        assertTrue(refused.contains("non-finite values in parameter 0.weights"), refused);
    }

    @Test
    void hyperParametersOutsideTheirRangesAreRefusedAtConstruction() {
        assertMessage(() -> Optimizers.adam(0.001, 1.5, 0.999, 1e-8), "ScaleByAdam: β₁ must lie in [0.0, 1.0), got 1.5");
        assertMessage(() -> Optimizers.adam(0.001, 0.9, 0.999, -1),
                "ScaleByAdam: ε must be finite and not negative, got -1.0");
        assertMessage(() -> Optimizers.momentum(0.1, -0.5), "TraceMomentum: μ must lie in [0.0, 1.0), got -0.5");
        assertMessage(() -> Optimizers.rmsprop(0.1, 2, 1e-8, 0, false), "ScaleByRms: ρ must lie in [0.0, 1.0), got 2.0");
        assertMessage(() -> Optimizers.adadelta(1, 0.9, -1e-6), "ScaleByAdadelta: ε must be positive and finite, got -1.0E-6");
        assertMessage(() -> Optimizers.adagrad(Double.NaN), "ScaleByLearningRate: the learning rate must be positive and finite, got NaN");
        assertMessage(() -> Optimizers.adamw(0.001, -0.01),
                "AddDecayedWeights: λ must be finite and not negative, got -0.01");
        assertMessage(() -> Threads.setKernelThreads(10_000), "a kernel thread count must lie in 0");
        assertMessage(() -> new CosineAnnealing(0.1, 0, 0), "CosineAnnealing: needs a positive rate");
        assertMessage(() -> new StepDecay(0.1, 1, 1.5), "StepDecay: needs a positive rate and step size and γ");
        assertMessage(() -> new ELU(-1), "ELU: α must be finite and not negative, got -1.0");
        Trainer trainer = new Trainer(mlp(), new SoftmaxCrossEntropy(), Optimizers.sgd(0.1));
        assertMessage(() -> trainer.earlyStopping(new DataSet(Nd4j.rand(4, 4), Nd4j.zeros(4, 1)), 0),
                "EarlyStopping: patience must be positive, got 0");
        assertMessage(() -> trainer.stopWhenGradientNormBelow(-1), "GradientNormStop: θ must be positive");
    }

    @Test
    void emptyDataEmptyBatchesAndLabelsThatAreNoClassesAreRefused() {
        Sequential model = mlp();
        DataSet empty = new DataSet(Nd4j.zeros(0, 4), Nd4j.zeros(0, 1));
        assertMessage(() -> new Trainer(model, new SoftmaxCrossEntropy(), Optimizers.sgd(0.1)).fit(empty, Fit.epochs(1)),
                "the training set is empty");
        assertMessage(() -> Evaluation.of(model, empty), "the data set is empty");
        assertMessage(() -> Model.of(model).predict(Nd4j.zeros(0, 4)), "an empty batch");
        INDArray logProbabilities = Nd4j.createFromArray(new double[][] {{-1, -2}, {-2, -1}});
        assertMessage(() -> new NegativeLogLikelihood().value(logProbabilities, Nd4j.createFromArray(0.0, 3.5)),
                "class indices must lie in [0, 2), found 3.5");
    }

    @Test
    void aGradientOfTheWrongBatchSizeIsNamedAtTheLayer() {
        Dense dense = new Dense(4, 3);
        dense.forward(Nd4j.rand(5, 4).castTo(dense.parameters().get(0).value().dataType()), true);
        assertMessage(() -> dense.backward(Nd4j.rand(7, 3).castTo(dense.parameters().get(0).value().dataType())),
                "Dense(4→3): gradient ∂J/∂Z has shape [7, 3] but the last forward pass had 5 examples");
    }

    @Test
    void sizesNoMachineCouldHoldAreRefusedBeforeAllocating() {
        assertMessage(() -> new Dense(784, 100_000_000), "Dense(784→100000000): its weights and their gradients need");
    }

    @Test
    void aGzipOrZipThatInflatesBeyondItsHeaderIsRefused() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(new byte[] {0, 0, 8, 1, 0, 0, 0, 4, 1, 2, 3, 4});
            gzip.write(new byte[1 << 20]);
        }
        Path file = Files.write(directory.resolve("bomb-labels-idx1-ubyte.gz"), bytes.toByteArray());
        String message = assertThrows(FileFormatException.class, () -> Idx.read(file))
                .getMessage();
        assertTrue(message.contains("inflates beyond the 4 bytes its header declares"), message);
        ByteArrayOutputStream huge = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(huge)) {
            gzip.write(new byte[] {0, 0, 8, 3, 0x7f, 0, 0, 0, 0, 0, 0x7f, 0, 0, 0, 0x7f, 0});
        }
        Path declared = Files.write(directory.resolve("huge-images-idx3-ubyte.gz"), huge.toByteArray());
        message = assertThrows(FileFormatException.class, () -> Idx.read(declared))
                .getMessage();
        assertTrue(message.contains("more than this JVM can hold"), message);
    }

    @Test
    void aCheckpointWhoseOptimizerStateHoldsNaNIsRefused() throws Exception {
        Sequential model = mlp();
        Chain adam = Optimizers.adam(0.01);
        DataSet data = new DataSet(Nd4j.rand(16, 4), Nd4j.createFromArray(new float[16]).reshape(16, 1));
        Path file = directory.resolve("checkpoint.zip");
        new Trainer(model, new SoftmaxCrossEntropy(), adam).checkpointEachEpoch(file, Map.of())
                .fit(data, Fit.epochs(1).batchSize(16));
        ((ScaleByAdam.State) adam.state(model.parameters().get(0)).get(0)).m().putScalar(0, 0, Double.NaN);
        Checkpoint.save(file, model, adam, 1, new Rng(1).state(), Map.of());
        String message = assertThrows(FileFormatException.class, () -> Checkpoint.load(file)).getMessage();
        assertTrue(message.contains("optimizer state") && message.contains("NaN"), message);
    }

    private static void assertMessage(Runnable call, String expected) {
        RuntimeException error = assertThrows(RuntimeException.class, call::run);
        assertTrue(error.getMessage() != null && error.getMessage().contains(expected), error.getMessage());
        assertEquals(IllegalArgumentException.class, error.getClass(), error.getMessage());
    }
}
