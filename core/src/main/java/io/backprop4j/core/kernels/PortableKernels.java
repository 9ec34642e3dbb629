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
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The kernels as plain ND4J operations, with no call to oneDNN, CBLAS or raw native memory: they run on any
 * ND4J backend (a GPU one, for instance), more slowly on the CPU. Chosen with {@code -Dbackprop4j.kernels=portable}
 * or {@code BACKPROP4J_KERNELS=portable}; the whole test suite runs on both kernel sets in CI. tanh keeps its
 * relative precision near 0, as the tuned kernels' does.
 */
final class PortableKernels {

    private PortableKernels() {
    }

    static INDArray gemm(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB, double alpha,
            double beta) {
        Nd4j.gemm(a, b, c, transposeA, transposeB, alpha, beta);
        return c;
    }

    static INDArray axpy(double alpha, INDArray x, INDArray y) {
        return y.addi(x.mul(alpha));
    }

    static INDArray scale(double alpha, INDArray x) {
        return x.muli(alpha);
    }

    static INDArray copy(INDArray x, INDArray y) {
        return y.assign(x);
    }

    static double dot(INDArray x, INDArray y) {
        return x.mul(y).sumNumber().doubleValue();
    }

    static double absoluteSum(INDArray x) {
        return x.ameanNumber().doubleValue() * x.length();
    }

    static INDArray zero(INDArray x) {
        return x.assign(0);
    }

    static INDArray sigmoid(INDArray x, INDArray z) {
        return Nd4j.exec(new Sigmoid(x, z));
    }

    /** ND4J's tanh loses the relative precision near 0, so tanh is Java's, element by element. */
    static INDArray tanh(INDArray x, INDArray z) {
        return Elementwise.tanhElementByElement(x, z);
    }

    static INDArray exp(INDArray x, INDArray z) {
        return Nd4j.exec(new Exp(x, z));
    }

    static INDArray log(INDArray x, INDArray z) {
        return Nd4j.exec(new Log(x, z));
    }

    static INDArray erf(INDArray x, INDArray z) {
        return Nd4j.exec(new Erf(x, z));
    }

    static INDArray sqrt(INDArray x, INDArray z) {
        return Nd4j.exec(new Sqrt(x, z));
    }

    static INDArray relu(INDArray x, INDArray z) {
        return reluKeepingNaN(x, z);
    }

    static INDArray reluKeepingNaN(INDArray x, INDArray z) {
        return Nd4j.exec(new RectifiedLinear(x, z, 0.0));
    }

    static INDArray reluGradient(INDArray f, INDArray gradOut, INDArray gradIn) {
        return sign(f, gradIn).muli(gradOut);
    }

    static INDArray negativePart(INDArray x, INDArray z) {
        return Nd4j.exec(new ScalarMin(x, null, z, 0.0));
    }

    static INDArray abs(INDArray x, INDArray z) {
        return Nd4j.exec(new Abs(x, z));
    }

    static INDArray sign(INDArray x, INDArray z) {
        return Nd4j.exec(new Sign(x, z));
    }

    static int[] argMaxRows(INDArray x) {
        return Nd4j.argMax(x, 1).toIntVector();
    }

    /** libnd4j's adam_updater with η = 1: g ← α_t·m / (√v + ε') after the moment updates, at step t (from 1). */
    static void adam(INDArray g, INDArray m, INDArray v, double beta1, double beta2, double correctedEpsilon,
            long t) {
        Nd4j.exec(new AdamUpdater(g, v, m, 1, beta1, beta2, correctedEpsilon, Math.toIntExact(t - 1)));
    }

    static void momentum(double mu, INDArray g, INDArray v) {
        v.muli(mu).addi(g);
    }

    static void nesterovStep(double eta, double mu, INDArray g, INDArray v, INDArray w) {
        w.subi(g.add(v.mul(mu)).muli(eta));
    }
}
