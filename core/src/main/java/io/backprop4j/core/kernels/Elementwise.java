package io.backprop4j.core.kernels;

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
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Native element-wise kernels, written into a given output array ({@code z} may be {@code x}). One native
 * call each, no temporaries: oneDNN's kernels ({@link OneDnnKernels}) for the ReLU, its gradient, eˣ and tanh
 * where they apply, ND4J's operations otherwise.
 */
public final class Elementwise {

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
        if (OneDnnKernels.tanh(x, z) || x.dataType() == z.dataType() && OneDnnKernels.tanh(z.assign(x), z)) {
            return z;
        }
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

    /**
     * z = log(1 + x), accurate for small x (z may be x): with w = 1 + x rounded, log(1 + x) = log w − δ/w to
     * within an ulp, δ = (w − 1) − x the rounding error, which both subtractions compute exactly. ND4J's own
     * Log1p computes log(1 + x) directly, so its float32 log1p(1e-10) is 0.
     */
    public static INDArray log1p(INDArray x, INDArray z) {
        INDArray w = x.add(1.0);
        INDArray correction = w.sub(1.0).subi(x).divi(w);
        return log(w, z).subi(correction);
    }

    /** z = erf(x). */
    public static INDArray erf(INDArray x, INDArray z) {
        return Nd4j.exec(new Erf(x, z));
    }

    /** y ← y + α·x in place, one native call with no temporary array (see {@link Level1#axpy}). */
    public static INDArray axpy(double alpha, INDArray x, INDArray y) {
        return Level1.axpy(alpha, x, y);
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

    /**
     * Row-wise softmax z_k = e^{x_k − m} / Σ_i e^{x_i − m}, m the row maximum: no exponential overflows and
     * no row underflows to 0/0 (ND4J's own softmax op returns NaN for a row of −1000s).
     */
    public static INDArray softmax(INDArray x, INDArray z) {
        exp(x.subColumnVector(x.max(true, 1)), z);
        return z.diviColumnVector(z.sum(true, 1));
    }

    /**
     * Row-wise log-softmax z_k = (x_k − m) − log Σ_i e^{x_i − m}, by log-sum-exp: {@link LogSoftmaxRows} on
     * float32 row-major matrices, ND4J's operations otherwise.
     */
    public static INDArray logSoftmax(INDArray x, INDArray z) {
        if (LogSoftmaxRows.apply(x, z)) {
            return z;
        }
        INDArray shifted = x.subColumnVector(x.max(true, 1));
        INDArray logSum = Transforms.log(exp(shifted, z).sum(true, 1), false);
        return z.assign(shifted).subiColumnVector(logSum);
    }

    /** z = log(1 + e^x) computed as max(x, 0) + log1p(e^−|x|), finite for every finite x. */
    public static INDArray softplus(INDArray x, INDArray z, INDArray scratch) {
        abs(x, z).negi();
        log1p(exp(z, z), z);
        return z.addi(reluKeepingNaN(x, scratch));
    }
}
