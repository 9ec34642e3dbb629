package io.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.GradientCheck;
import io.backprop4j.layers.losses.KLDivergence;
import io.backprop4j.layers.losses.Reduction;
import io.backprop4j.layers.losses.SigmoidBinaryCrossEntropy;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** PyTorch's loss conventions by name: BCE's reduction over elements, KL on log-probabilities. */
class LossConventionsTest {

    private static final INDArray LOGITS = Nd4j.createFromArray(new double[][] {{2, -1, 0.5}, {0, 0.3, -4}});
    private static final INDArray TARGETS = Nd4j.createFromArray(new double[][] {{1, 0, 1}, {0, 1, 0}});

    @Test
    void binaryCrossEntropyReducesAsAsked() {
        double batchMean = new SigmoidBinaryCrossEntropy().value(LOGITS, TARGETS);
        double exact = 0;
        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < 3; k++) {
                double p = 1 / (1 + Math.exp(-LOGITS.getDouble(i, k)));
                double t = TARGETS.getDouble(i, k);
                exact -= t * Math.log(p) + (1 - t) * Math.log(1 - p);
            }
        }
        assertEquals(exact / 2, batchMean, 1e-14);
        assertEquals(exact / 6, new SigmoidBinaryCrossEntropy(Reduction.MEAN).value(LOGITS, TARGETS), 1e-14,
                "PyTorch's BCEWithLogitsLoss default");
        assertEquals(exact, new SigmoidBinaryCrossEntropy(Reduction.SUM).value(LOGITS, TARGETS), 1e-13);
        GradientCheck.Result check = GradientChecks.loss(new SigmoidBinaryCrossEntropy(Reduction.MEAN), LOGITS,
                TARGETS);
        assertTrue(check.maxRelativeError() < 1e-6, check.toString());
    }

    @Test
    void klDivergenceOnLogProbabilitiesAsPyTorchsKlDiv() {
        INDArray target = Nd4j.createFromArray(new double[][] {{0.2, 0.8}, {0.5, 0.5}});
        INDArray prediction = Nd4j.createFromArray(new double[][] {{0.6, 0.4}, {0.1, 0.9}});
        INDArray logPrediction = Transforms.log(prediction, true);
        KLDivergence onLog = new KLDivergence(KLDivergence.Input.LOG_PROBABILITIES);
        assertEquals(new KLDivergence().value(prediction, target), onLog.value(logPrediction, target), 1e-15);
        assertEquals(target.div(-2), onLog.gradient(logPrediction, target));
        GradientCheck.Result check = GradientChecks.loss(onLog, logPrediction, target);
        assertTrue(check.maxRelativeError() < 1e-6, check.toString());
    }
}
