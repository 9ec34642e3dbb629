package io.backprop4j.core;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trainable array and the gradient of the loss with respect to it: {@code gradient = ∂J/∂value},
 * always of the same shape and data type. Layers write {@code gradient} in their backward pass,
 * optimizers read it and update {@code value} in place. Gradients accumulate (at a branch, gradients
 * add) until they are zeroed explicitly, as in PyTorch.
 */
public final class Parameter {

    private final String name;
    private final INDArray value;
    private final INDArray gradient;

    /** Pairs {@code value} with the array its gradient is accumulated in; identity, not contents, makes it equal. */
    public Parameter(String name, INDArray value, INDArray gradient) {
        if (!Arrays.equals(value.shape(), gradient.shape()) || value.dataType() != gradient.dataType()) {
            throw new IllegalArgumentException("Parameter " + name + ": gradient " + Shapes.describe(gradient)
                    + " must have the shape and type of the value " + Shapes.describe(value));
        }
        this.name = name;
        this.value = value;
        this.gradient = gradient;
    }

    public String name() {
        return name;
    }

    public INDArray value() {
        return value;
    }

    /** ∂J/∂value, accumulated by backward passes until {@link #zeroGradient()}. */
    public INDArray gradient() {
        return gradient;
    }

    /** The same arrays under a qualified name, e.g. {@code "0.weights"} inside a model. */
    public Parameter renamed(String qualifiedName) {
        return new Parameter(qualifiedName, value, gradient);
    }

    /** A parameter holding {@code value} with a zero gradient of the same shape. */
    public static Parameter of(String name, INDArray value) {
        return new Parameter(name, value, value.ulike().assign(0));
    }

    /** Sets ∂J/∂value to zero, before gradients of a new batch accumulate. */
    public void zeroGradient() {
        Level1.zero(gradient);
    }

    /** The number of scalar weights in this parameter. */
    public long size() {
        return value.length();
    }
}
