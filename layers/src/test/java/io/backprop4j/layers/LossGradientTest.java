package io.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.GradientCheck;
import io.backprop4j.core.Rng;
import io.backprop4j.layers.losses.CrossEntropy;
import io.backprop4j.layers.losses.KLDivergence;
import io.backprop4j.layers.losses.Loss;
import io.backprop4j.layers.losses.MeanSquaredError;
import io.backprop4j.layers.losses.NegativeLogLikelihood;
import io.backprop4j.layers.losses.SigmoidBinaryCrossEntropy;
import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import io.backprop4j.layers.losses.SquaredError;
import io.backprop4j.layers.losses.SymmetricCrossEntropy;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Every loss's ∂J/∂prediction against central differences, float64, on two batch shapes. */
class LossGradientTest {

    /** Each loss with the kind of prediction it takes: any real, logits, probabilities or log-probabilities. */
    static Stream<Arguments> losses() {
        return Stream.of(new int[] {3, 4}, new int[] {8, 10}).flatMap(shape -> Stream.of(
                Arguments.of(new SquaredError(), "real", shape[0], shape[1]),
                Arguments.of(new MeanSquaredError(), "real", shape[0], shape[1]),
                Arguments.of(new SoftmaxCrossEntropy(), "logits", shape[0], shape[1]),
                Arguments.of(new SoftmaxCrossEntropy(0.1), "logits", shape[0], shape[1]),
                Arguments.of(new SigmoidBinaryCrossEntropy(), "logits", shape[0], shape[1]),
                Arguments.of(new CrossEntropy(), "probabilities", shape[0], shape[1]),
                Arguments.of(new SymmetricCrossEntropy(), "probabilities", shape[0], shape[1]),
                Arguments.of(new KLDivergence(), "probabilities", shape[0], shape[1]),
                Arguments.of(new NegativeLogLikelihood(), "log-probabilities", shape[0], shape[1])));
    }

    @ParameterizedTest(name = "{0} on {1} [{2}, {3}]")
    @MethodSource("losses")
    void gradientMatchesCentralDifferences(Loss loss, String kind, int batch, int classes) {
        Rng rng = new Rng(batch * 13L + classes);
        INDArray raw = GradientChecks.gaussian(rng, batch, classes);
        INDArray prediction = switch (kind) {
            // probabilities away from 0, where log z has f‴ = 2/z³ and the difference quotient's h² term grows
            case "probabilities" -> Transforms.softmax(raw.mul(0.5), false);
            case "log-probabilities" -> Transforms.log(Transforms.softmax(raw, true), false);
            default -> raw;
        };
        INDArray target = kind.equals("log-probabilities") ? labels(rng, batch, classes) : softTarget(rng, batch, classes);
        GradientCheck.Result result = GradientChecks.loss(loss, prediction, target);
        assertTrue(result.maxRelativeError() < 1e-6, loss.name() + ": " + result);
    }

    /**
     * PyTorch's {@code CrossEntropyLoss(label_smoothing=0.1)} on logits [1, 2, 3] and class 2: the target
     * (0.1/3, 0.1/3, 0.9 + 0.1/3) against log softmax = (−2.40761, −1.40761, −0.40761); J = 0.50761.
     */
    @Test
    void labelSmoothingMixesTheTargetWithTheUniformDistribution() {
        INDArray logits = Nd4j.create(new double[][] {{1, 2, 3}});
        INDArray label = Nd4j.create(new double[] {2}, new long[] {1}, DataType.DOUBLE);
        double logSumExp = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
        double expected = -(0.1 / 3 * (1 - logSumExp) + 0.1 / 3 * (2 - logSumExp) + (0.9 + 0.1 / 3) * (3 - logSumExp));
        assertEquals(expected, new SoftmaxCrossEntropy(0.1).value(logits, label), 1e-12);
        assertEquals(0.50761, new SoftmaxCrossEntropy(0.1).value(logits, label), 1e-5);
        assertEquals(new SoftmaxCrossEntropy().value(logits, label), new SoftmaxCrossEntropy(0).value(logits, label));
        assertThrows(IllegalArgumentException.class, () -> new SoftmaxCrossEntropy(1.0));
    }

    @Test
    void crossEntropyIsEntropyPlusKullbackLeibler() {
        Rng rng = new Rng(5);
        INDArray t = softTarget(rng, 6, 5);
        INDArray z = Transforms.softmax(GradientChecks.gaussian(rng, 6, 5), true);
        double crossEntropy = new CrossEntropy().value(z, t);
        double entropy = new CrossEntropy().value(t, t);
        double divergence = new KLDivergence().value(z, t);
        assertEquals(crossEntropy, entropy + divergence, 1e-12);
        assertTrue(divergence > 0.01, "z differs from t, so KL(t‖z) > 0, got " + divergence);
        assertEquals(0.0, new KLDivergence().value(t, t), 1e-12);
    }

    @Test
    void negativeLogLikelihoodPicksTheLabelledLogProbability() {
        INDArray logp = Nd4j.create(new double[][] {{-0.1, -2.0, -3.0}, {-1.5, -0.5, -2.5}});
        INDArray labels = Nd4j.create(new double[] {2, 1}, new long[] {2}, DataType.DOUBLE);
        assertEquals((3.0 + 0.5) / 2, new NegativeLogLikelihood().value(logp, labels), 1e-12);
        INDArray oneHot = Nd4j.create(new double[][] {{0, 0, 1}, {0, 1, 0}});
        assertEquals((3.0 + 0.5) / 2, new NegativeLogLikelihood().value(logp, oneHot), 1e-12);
        assertEquals(new NegativeLogLikelihood().gradient(logp, labels),
                new NegativeLogLikelihood().gradient(logp, oneHot));
    }

    @Test
    void fusedSoftmaxCrossEntropyEqualsCrossEntropyOfTheSoftmax() {
        Rng rng = new Rng(8);
        INDArray logits = GradientChecks.gaussian(rng, 4, 6);
        INDArray t = softTarget(rng, 4, 6);
        assertEquals(new CrossEntropy().value(Transforms.softmax(logits, true), t),
                new SoftmaxCrossEntropy().value(logits, t), 1e-12);
    }

    /** Random distributions over the classes, one per row. */
    private static INDArray softTarget(Rng rng, int batch, int classes) {
        return Transforms.softmax(GradientChecks.gaussian(rng, batch, classes), false);
    }

    private static INDArray labels(Rng rng, int batch, int classes) {
        double[] labels = new double[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = rng.nextInt(classes);
        }
        return Nd4j.create(labels, new long[] {batch, 1}, DataType.DOUBLE);
    }
}
