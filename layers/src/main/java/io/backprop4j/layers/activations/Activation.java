package io.backprop4j.layers.activations;

import io.backprop4j.core.Buffers;
import io.backprop4j.core.Shapes;
import io.backprop4j.layers.Layer;
import io.backprop4j.layers.OnnxBuilder;
import io.backprop4j.layers.OnnxExportable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An activation {@code f = f(s)} as a layer. For element-wise ones backward is the chain rule with a
 * diagonal Jacobian, {@code ∂J/∂s = ∂J/∂f ⊙ f'(s)}, where subclasses compute {@code f'} from the cached
 * input {@code s} or, where cheaper, from the cached output {@code f} (σ' = f(1 − f), tanh' = 1 − f²);
 * row-wise ones ({@link Softmax}, {@link LogSoftmax}) apply their Jacobian to {@code ∂J/∂f} the same way.
 */
public abstract class Activation implements Layer, OnnxExportable {

    private INDArray input;
    private INDArray output;
    private INDArray gradInput;
    private final INDArray[] scratch = new INDArray[2];

    @Override
    public final INDArray forward(INDArray x, boolean training) {
        input = x;
        output = Buffers.like(output, x);
        apply(x, output);
        return output;
    }

    @Override
    public final INDArray backward(INDArray gradOut) {
        if (input == null) {
            throw new IllegalStateException(name() + ": backward called before forward");
        }
        Shapes.requireSameShape(name(), "gradient ∂J/∂f", gradOut, "its output", output);
        gradInput = Buffers.like(gradInput, gradOut);
        gradient(input, output, gradOut, gradInput);
        return gradInput;
    }

    /** f = f(s), written into {@code f}. */
    protected abstract void apply(INDArray s, INDArray f);

    /** gradIn = gradOut ⊙ f'(s), with {@code s} and {@code f} from the last forward pass. */
    protected abstract void gradient(INDArray s, INDArray f, INDArray gradOut, INDArray gradIn);

    /** A work array shaped like {@code like}, kept across calls; {@code k} is 0 or 1. */
    protected final INDArray scratch(int k, INDArray like) {
        scratch[k] = Buffers.like(scratch[k], like);
        return scratch[k];
    }

    /**
     * The ONNX operator that is this activation by itself (ReLU's {@code Relu}), or null for an activation that
     * takes several nodes (and overrides {@link #toOnnx}) or has none.
     */
    protected String onnxOperator() {
        return null;
    }

    @Override
    public String toOnnx(OnnxBuilder onnx, String x) {
        String operator = onnxOperator();
        if (operator == null) {
            throw new IllegalArgumentException("ONNX export: " + name() + " has no ONNX operator; export a model "
                    + "without it, or save it with ModelFile.save");
        }
        return onnx.node(operator, x);
    }
}
