package io.backprop4j.core.kernels;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMin;
import org.nd4j.linalg.api.ops.impl.transforms.floating.Sqrt;
import org.nd4j.linalg.api.ops.impl.transforms.same.Abs;
import org.nd4j.linalg.api.ops.impl.transforms.same.Sign;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Erf;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Log;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Native element-wise kernels, written into a given output array ({@code z} may be {@code x}). One native
 * call each, no temporaries: oneDNN's kernels ({@link OneDnnKernels}) for the ReLU, its gradient, eˣ and tanh
 * where they apply, ND4J's operations otherwise.
 */
final class Elementwise {

    private Elementwise() {
    }

    /** z = σ(x) = 1 / (1 + e^−x). */
    public static INDArray sigmoid(INDArray x, INDArray z) {
        return Nd4j.exec(new Sigmoid(x, z));
    }

    /**
     * z = tanh(x), within a few ulps relative to the result however small |x| is: oneDNN's kernel in float32
     * (on z, after a copy, where x is laid out differently); otherwise Java's {@link Math#tanh} per element (float64
     * is for checks), because ND4J's tanh loses the relative precision near 0 (tanh(1e-30) = 0 in both precisions,
     * float32 tanh(0.0037) 3e-6 off).
     */
    public static INDArray tanh(INDArray x, INDArray z) {
        boolean floats = x.dataType() == DataType.FLOAT && z.dataType() == DataType.FLOAT;
        if (OneDnnKernels.tanh(x, z) || floats && OneDnnKernels.tanh(z.assign(x), z)) {
            return z;
        }
        return tanhElementByElement(x, z);
    }

    /** z = tanh(x) by {@link Math#tanh}, element by element on a copy: any type and backend, slowly. */
    static INDArray tanhElementByElement(INDArray x, INDArray z) {
        double[] values = x.dup('c').reshape(x.length()).toDoubleVector();
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.tanh(values[i]);
        }
        return z.assign(Nd4j.createFromArray(values).reshape('c', x.shape()));
    }

    /** z = e^x. */
    public static INDArray exp(INDArray x, INDArray z) {
        return OneDnnKernels.exp(x, z) ? z : Nd4j.exec(new Exp(x, z));
    }

    /** z = log x. */
    public static INDArray log(INDArray x, INDArray z) {
        return Nd4j.exec(new Log(x, z));
    }

    /** z = erf(x). */
    public static INDArray erf(INDArray x, INDArray z) {
        return Nd4j.exec(new Erf(x, z));
    }

    /** z ← √x (z may be x). */
    public static INDArray sqrt(INDArray x, INDArray z) {
        return Nd4j.exec(new Sqrt(x, z));
    }

    /** z = max(x, 0). */
    public static INDArray relu(INDArray x, INDArray z) {
        return OneDnnKernels.relu(x, z) ? z : Nd4j.exec(new RectifiedLinear(x, z, 0.0));
    }

    /**
     * z = max(x, 0) with NaN kept as NaN, as PyTorch's and NumPy's ReLU (ND4J's kernel). {@link #relu} maps NaN to 0
     * on oneDNN's float32 kernel; this one is for the activations built from ReLUs and for inference.
     */
    public static INDArray reluKeepingNaN(INDArray x, INDArray z) {
        return Nd4j.exec(new RectifiedLinear(x, z, 0.0));
    }

    /** gradIn = gradOut ⊙ [f &gt; 0], the ReLU's chain rule read off its output f = max(s, 0). */
    public static INDArray reluGradient(INDArray f, INDArray gradOut, INDArray gradIn) {
        return OneDnnKernels.reluGradient(f, gradOut, gradIn) ? gradIn : sign(f, gradIn).muli(gradOut);
    }

    /** z = min(x, 0). */
    public static INDArray negativePart(INDArray x, INDArray z) {
        return Nd4j.exec(new ScalarMin(x, null, z, 0.0));
    }

    /** z = |x|. */
    public static INDArray abs(INDArray x, INDArray z) {
        return Nd4j.exec(new Abs(x, z));
    }

    /** z = sign(x) ∈ {−1, 0, 1}; on a non-negative x, the indicator of x &gt; 0. */
    public static INDArray sign(INDArray x, INDArray z) {
        return Nd4j.exec(new Sign(x, z));
    }

}
