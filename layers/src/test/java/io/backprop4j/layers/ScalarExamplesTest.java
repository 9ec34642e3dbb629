package io.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.backprop4j.core.WeightInit;
import io.backprop4j.layers.activations.Sigmoid;
import io.backprop4j.layers.losses.SquaredError;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The scalar and vectorized worked examples, built from layers, with their exact numbers. */
class ScalarExamplesTest {

    private static final double EXACT = 1e-12;

    @Test
    void addThenMultiplyGate() {
        // f = (x + y)·z: an add gate (Dense with weights 1, 1) then a multiply gate (Dense with weight z)
        Dense add = dense(new double[][] {{1}, {1}}, 0);
        Dense multiply = dense(new double[][] {{-4}}, 0);
        INDArray xy = row(-2, 5);
        double f = multiply.forward(add.forward(xy, true), true).getDouble(0);
        INDArray dq = multiply.backward(row(1));
        INDArray dxy = add.backward(dq);
        assertEquals(-12, f, EXACT);
        assertArrayEquals(new double[] {-4, -4}, dxy.toDoubleVector(), EXACT, "add distributes ∂f/∂q = z to x and y");
        assertEquals(3, multiply.weights().gradient().getDouble(0), EXACT, "multiply swaps: ∂f/∂z = q = x + y");
    }

    @Test
    void linearNeuron() {
        // f = w·x + b at w = −2, x = 5, b = 3
        Dense neuron = dense(new double[][] {{-2}}, 3);
        assertEquals(-7, neuron.forward(row(5), true).getDouble(0), EXACT);
        assertEquals(-2, neuron.backward(row(1)).getDouble(0), EXACT);
        assertEquals(5, neuron.weights().gradient().getDouble(0), EXACT);
        assertEquals(1, neuron.bias().gradient().getDouble(0), EXACT);
    }

    @Test
    void sigmoidNeuron() {
        // f = σ(w0·x0 + w1·x1 + w2) at w = (2, −3, −3), x = (−1, −2)
        Dense linear = dense(new double[][] {{2}, {-3}}, -3);
        Sigmoid sigma = new Sigmoid();
        double f = sigma.forward(linear.forward(row(-1, -2), true), true).getDouble(0);
        INDArray dx = linear.backward(sigma.backward(row(1)));
        assertEquals(0.7311, f, 1e-4);
        assertArrayEquals(new double[] {-0.1966, -0.3932}, linear.weights().gradient().toDoubleVector(), 1e-4);
        assertEquals(0.1966, linear.bias().gradient().getDouble(0), 1e-4);
        assertArrayEquals(new double[] {0.3932, -0.5898}, dx.toDoubleVector(), 1e-4);
        double s = 1 / (1 + Math.exp(-1.0));
        assertEquals(s * (1 - s), linear.bias().gradient().getDouble(0), EXACT, "σ'(1) = σ(1)(1 − σ(1))");
    }

    @Test
    void squaredNormOfMatrixVectorProduct() {
        // f = ‖W·x‖², ∇W = 2q·xᵀ, ∇x = 2Wᵀq. A row-major batch computes x·Wᵀ, so the Dense layer holds Wᵀ.
        double[][] w = {{0.1, 0.5}, {-0.3, 0.8}};
        Dense product = dense(new double[][] {{w[0][0], w[1][0]}, {w[0][1], w[1][1]}}, 0);
        INDArray q = product.forward(row(0.2, 0.4), true);
        SquaredError halfSquare = new SquaredError();
        double f = 2 * halfSquare.value(q, Nd4j.zeros(DataType.DOUBLE, 1, 2));
        INDArray dx = product.backward(halfSquare.gradient(q, Nd4j.zeros(DataType.DOUBLE, 1, 2)).mul(2));
        assertArrayEquals(new double[] {0.22, 0.26}, q.toDoubleVector(), EXACT);
        assertEquals(0.116, f, EXACT);
        assertArrayEquals(new double[] {-0.112, 0.636}, dx.toDoubleVector(), EXACT);
        INDArray gradW = product.weights().gradient().transpose();
        assertArrayEquals(new double[] {0.088, 0.176}, gradW.getRow(0).toDoubleVector(), EXACT);
        assertArrayEquals(new double[] {0.104, 0.208}, gradW.getRow(1).toDoubleVector(), EXACT);
    }

    private static Dense dense(double[][] weights, double bias) {
        Dense dense = new Dense(weights.length, weights[0].length, WeightInit.ZEROS, DataType.DOUBLE);
        dense.weights().value().assign(Nd4j.create(weights));
        dense.bias().value().assign(bias);
        return dense;
    }

    private static INDArray row(double... values) {
        return Nd4j.create(values, new long[] {1, values.length}, DataType.DOUBLE);
    }
}
