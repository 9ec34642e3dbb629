package io.backprop4j.layers;

import io.backprop4j.core.GradientCheck;
import io.backprop4j.core.Parameter;
import io.backprop4j.core.Rng;
import io.backprop4j.layers.losses.Loss;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Finite-difference checks of layers and losses, in float64 (see {@link GradientCheck}).
 *
 * <p>A layer is checked through the scalar {@code J = Σ y ⊙ R} with a fixed random R, whose upstream
 * gradient is exactly R: one backward pass gives the analytic ∂J/∂x and every ∂J/∂θ, and each is compared
 * with central differences of J.
 */
public final class GradientChecks {

    private GradientChecks() {
    }

    /** Checks ∂J/∂x and every parameter gradient of {@code layer} at input {@code x} (training mode). */
    public static GradientCheck.Result layer(Layer layer, INDArray x, long seed) {
        INDArray output = layer.forward(x, true);
        INDArray weights = gaussian(new Rng(seed), output.shape());
        layer.parameters().forEach(Parameter::zeroGradient);
        INDArray gradInput = layer.backward(weights).dup();
        List<Parameter> checked = new ArrayList<>();
        checked.add(new Parameter("input", x, gradInput));
        checked.addAll(layer.parameters());
        return GradientCheck.check(() -> layer.forward(x, true).mul(weights).sumNumber().doubleValue(), checked);
    }

    /** Checks ∂J/∂prediction of {@code loss} at ({@code prediction}, {@code target}). */
    public static GradientCheck.Result loss(Loss loss, INDArray prediction, INDArray target) {
        INDArray gradient = loss.gradient(prediction, target).dup();
        return GradientCheck.check(() -> loss.value(prediction, target),
                List.of(new Parameter("prediction", prediction, gradient)));
    }

    /** A float64 array of standard normal entries drawn from {@code rng}. */
    public static INDArray gaussian(Rng rng, long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        double[] values = new double[Math.toIntExact(n)];
        for (int i = 0; i < values.length; i++) {
            values[i] = rng.nextGaussian();
        }
        return Nd4j.create(values, shape, DataType.DOUBLE);
    }
}
