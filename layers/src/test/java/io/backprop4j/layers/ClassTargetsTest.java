package io.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.layers.losses.Loss;
import io.backprop4j.layers.losses.MeanSquaredError;
import io.backprop4j.layers.losses.NegativeLogLikelihood;
import io.backprop4j.layers.losses.SigmoidBinaryCrossEntropy;
import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Classification losses take class indices as PyTorch's CrossEntropyLoss does, and every loss names its layouts. */
class ClassTargetsTest {

    private static final INDArray LOGITS = Nd4j.createFromArray(new double[][] {{2, -1, 0.5}, {0, 0, 3}});
    private static final INDArray ONE_HOT = Nd4j.createFromArray(new double[][] {{0, 1, 0}, {0, 0, 1}});

    @Test
    void softmaxCrossEntropyTakesClassIndicesAsVectorOrColumn() {
        for (INDArray indices : new INDArray[] {Nd4j.createFromArray(1.0, 2.0),
                Nd4j.createFromArray(new double[][] {{1}, {2}})}) {
            assertEquals(new SoftmaxCrossEntropy().value(LOGITS, ONE_HOT),
                    new SoftmaxCrossEntropy().value(LOGITS, indices), 1e-15);
            assertEquals(new SoftmaxCrossEntropy().gradient(LOGITS, ONE_HOT),
                    new SoftmaxCrossEntropy().gradient(LOGITS, indices));
        }
        double exact = (Math.log(Math.exp(2) + Math.exp(-1) + Math.exp(0.5)) + 1
                + Math.log(2 + Math.exp(3)) - 3) / 2;
        assertEquals(exact, new SoftmaxCrossEntropy().value(LOGITS, Nd4j.createFromArray(1.0, 2.0)), 1e-12);
    }

    @Test
    void indicesThatAreNoClassesAreRefusedWithTheLayoutsTaken() {
        assertMessage(new SoftmaxCrossEntropy(), LOGITS, Nd4j.createFromArray(1.0, 3.5),
                "class indices must lie in [0, 3), found 3.5");
        assertMessage(new NegativeLogLikelihood(), LOGITS, Nd4j.createFromArray(1.0, 1.5),
                "class indices must be whole numbers in [0, 3), found 1.5");
        assertMessage(new NegativeLogLikelihood(), LOGITS, Nd4j.createFromArray(Double.NaN, 1.0),
                "found NaN");
        assertMessage(new SoftmaxCrossEntropy(), LOGITS, Nd4j.zeros(2, 2),
                "it takes class distributions (one-hot or soft) [2, 3], or class indices [2] or [2, 1]");
        assertMessage(new MeanSquaredError(), LOGITS, Nd4j.zeros(2, 1),
                "target has shape [2, 1] for prediction of shape [2, 3]; it takes regression targets");
        assertMessage(new SigmoidBinaryCrossEntropy(), LOGITS, Nd4j.zeros(3), "it takes 0/1 labels");
    }

    private static void assertMessage(Loss loss, INDArray prediction, INDArray target, String expected) {
        String message = assertThrows(IllegalArgumentException.class, () -> loss.value(prediction, target))
                .getMessage();
        assertTrue(message.startsWith(loss.name() + ": ") && message.contains(expected), message);
    }
}
