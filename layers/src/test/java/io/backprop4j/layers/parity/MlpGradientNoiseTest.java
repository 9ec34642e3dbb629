package io.backprop4j.layers.parity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.WeightInit;
import io.backprop4j.layers.Dense;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.ReLU;
import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The gradient noise of a float32 training step: an MLP's float32 gradients within 3e-7 of the float64 gradients
 * (relative to each array's largest entry), as PyTorch's are, and float64 within 1e-12 of PyTorch's float64.
 */
class MlpGradientNoiseTest {

    private static double relativeError(INDArray ours, INDArray exact) {
        INDArray a = ours.castTo(DataType.DOUBLE).reshape(exact.shape());
        return a.sub(exact).amaxNumber().doubleValue() / exact.amaxNumber().doubleValue();
    }

    @Test
    void float32GradientsAreAsCloseToFloat64AsPyTorchs() throws Exception {
        Map<String, INDArray> f = Parity.fixtures(getClass(), "mlp-gradients.npz");
        for (DataType type : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            Dense first = new Dense(20, 16, WeightInit.XAVIER_UNIFORM, type);
            Dense second = new Dense(16, 10, WeightInit.XAVIER_UNIFORM, type);
            first.weights().value().assign(f.get("w1").castTo(type));
            first.bias().value().assign(f.get("b1").castTo(type).reshape(1, 16));
            second.weights().value().assign(f.get("w2").castTo(type));
            second.bias().value().assign(f.get("b2").castTo(type).reshape(1, 10));
            Sequential mlp = Sequential.of(first, new ReLU(), second);
            SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
            INDArray x = f.get("x").castTo(type);
            INDArray y = f.get("y").castTo(type);
            INDArray logits = mlp.forward(x, true);
            mlp.zeroGradients();
            mlp.backward(loss.gradient(logits, y));
            List<INDArray> ours = List.of(first.weights().gradient(), first.bias().gradient(),
                    second.weights().gradient(), second.bias().gradient());
            List<String> names = List.of("w1", "b1", "w2", "b2");
            for (int i = 0; i < names.size(); i++) {
                INDArray exact = f.get("f64.d" + names.get(i));
                double error = relativeError(ours.get(i), exact);
                double pytorch = relativeError(f.get("f32.d" + names.get(i)), exact);
                double bar = type == DataType.FLOAT ? 3e-7 : 1e-12;
                assertTrue(error <= bar, type + " ∂J/∂" + names.get(i) + " is " + error + " from float64 (PyTorch's "
                        + "float32: " + pytorch + ")");
            }
        }
    }
}
