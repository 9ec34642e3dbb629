package io.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.layers.losses.NegativeLogLikelihood;
import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Bad input is answered by a message that names the layer or loss, the expected and the actual shape. */
class ShapeErrorTest {

    @Test
    void denseNamesItselfAndBothShapes() {
        Dense dense = new Dense(784, 256);
        var error = assertThrows(IllegalArgumentException.class, () -> dense.forward(Nd4j.zeros(32, 100), true));
        assertContains(error.getMessage(), "Dense(784→256)", "[32, 100]", "[batch, 784]");
    }

    @Test
    void denseRefusesAnotherDataType() {
        Dense dense = new Dense(3, 2);
        var error = assertThrows(IllegalArgumentException.class,
                () -> dense.forward(Nd4j.zeros(DataType.DOUBLE, 4, 3), true));
        assertContains(error.getMessage(), "DOUBLE", "FLOAT", "castTo");
    }

    @Test
    void lossNamesBothShapes() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> new SoftmaxCrossEntropy().value(Nd4j.zeros(8, 10), Nd4j.zeros(8, 9)));
        assertContains(error.getMessage(), "SoftmaxCrossEntropy", "[8, 10]", "[8, 9]");
    }

    @Test
    void labelsOutsideTheClassesAreRefused() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> new NegativeLogLikelihood().value(Nd4j.zeros(2, 10), Nd4j.createFromArray(3.0, 10.0)));
        assertContains(error.getMessage(), "[0, 10)", "10.0");
    }

    @Test
    void predictionRefusesNonFiniteInputsNamingTheFirst() {
        Sequential model = Sequential.of(new Dense(3, 2));
        INDArray x = Nd4j.zeros(DataType.FLOAT, 4, 3);
        x.putScalar(2, 1, Float.POSITIVE_INFINITY);
        var error = assertThrows(IllegalArgumentException.class, () -> Model.of(model).predict(x));
        assertContains(error.getMessage(), "Sequential(Dense(3→2))", "inputs contain Infinity at row 2, column 1");
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "message lacks '" + part + "': " + message);
        }
    }
}
