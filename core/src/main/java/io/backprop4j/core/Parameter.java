package io.backprop4j.core;

import io.backprop4j.core.kernels.Kernels;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trainable array and the gradient of the loss with respect to it: {@code gradient = ∂J/∂value},
 * always of the same shape and data type. Layers write {@code gradient} in their backward pass,
 * optimizers read it and update {@code value} in place. Gradients accumulate (at a branch, gradients
 * add) until they are zeroed explicitly, as in PyTorch.
 *
 * <p>{@link #zeroGradient()} clears the gradient at once, so a layer may keep its gradient array and add to
 * it. A layer that writes every element of a gradient in its backward pass can instead make its parameters
 * with {@link #lazilyZeroed}: zeroing then only marks the gradient, in the spirit of PyTorch's
 * {@code zero_grad(set_to_none=True)}, and that layer must write every element of the gradient in each backward
 * pass through {@link #addProduct} (which overwrites right after a zeroing) rather than the array of {@link #gradient()},
 * which clears the memory first for any other reader. Either way the values seen are those of an explicit
 * zeroing; the lazy way saves a pass over the array per step (Dense's weights).
 */
public final class Parameter {

    private final String name;
    private final INDArray value;
    private final Gradient gradient;

    /** The gradient's array and whether it is zero without its memory cleared yet; shared by renamed copies. */
    private static final class Gradient {

        private final INDArray array;
        private final boolean lazy;
        private boolean zeroPending;

        private Gradient(INDArray array, boolean lazy) {
            this.array = array;
            this.lazy = lazy;
        }
    }

    /** Pairs {@code value} with the array its gradient is accumulated in; identity, not contents, makes it equal. */
    public Parameter(String name, INDArray value, INDArray gradient) {
        this(name, value, new Gradient(gradient, false));
        if (!Arrays.equals(value.shape(), gradient.shape()) || value.dataType() != gradient.dataType()) {
            throw new IllegalArgumentException("Parameter " + name + ": gradient " + Shapes.describe(gradient)
                    + " must have the shape and type of the value " + Shapes.describe(value));
        }
    }

    private Parameter(String name, INDArray value, Gradient gradient) {
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

    /** ∂J/∂value, accumulated by backward passes until {@link #zeroGradient()}; zeros right after it. */
    public INDArray gradient() {
        if (gradient.zeroPending) {
            Kernels.zero(gradient.array);
            gradient.zeroPending = false;
        }
        return gradient.array;
    }

    /**
     * {@code ∂J/∂value += op(a)·op(b)} in one GEMM into the gradient's array, the way backward passes add a
     * parameter's gradient ({@code dW += Xᵀ·δ}): right after a lazy zeroing the product overwrites the stale memory
     * instead (β = 0), which saves the pass over the array that zeroing it would cost.
     */
    public void addProduct(INDArray a, INDArray b, boolean transposeA, boolean transposeB) {
        double beta = gradient.zeroPending ? 0 : 1;
        gradient.zeroPending = false;
        Kernels.gemm(a, b, gradient.array, transposeA, transposeB, 1.0, beta);
    }

    /** The same arrays under a qualified name, e.g. {@code "0.weights"} inside a model; zeroing one zeroes both. */
    public Parameter renamed(String qualifiedName) {
        return new Parameter(qualifiedName, value, gradient);
    }

    /** A parameter holding {@code value} with a zero gradient of the same shape, zeroed at once when asked. */
    public static Parameter of(String name, INDArray value) {
        return new Parameter(name, value, value.ulike().assign(0));
    }

    /**
     * As {@link #of}, for a layer that writes every element of the gradient through {@link #addProduct} in each
     * backward pass: zeroing only marks it (see the class comment).
     */
    public static Parameter lazilyZeroed(String name, INDArray value) {
        return new Parameter(name, value, new Gradient(value.ulike().assign(0), true));
    }

    /** Sets ∂J/∂value to zero, before gradients of a new batch accumulate: at once, or lazily (class comment). */
    public void zeroGradient() {
        if (gradient.lazy) {
            gradient.zeroPending = true;
        } else {
            Kernels.zero(gradient.array);
        }
    }

    /** The number of scalar weights in this parameter. */
    public long size() {
        return value.length();
    }
}
