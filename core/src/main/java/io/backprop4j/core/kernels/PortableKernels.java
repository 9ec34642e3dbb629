package io.backprop4j.core.kernels;

import java.util.function.Supplier;
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
 * The kernels as plain ND4J operations, with no call to oneDNN, CBLAS or raw native memory: they run on any
 * ND4J backend (a GPU one, for instance), more slowly on the CPU. Chosen with {@code -Dbackprop4j.kernels=portable}
 * or {@code BACKPROP4J_KERNELS=portable}; the whole test suite runs on both kernel sets in CI. tanh, log1p and
 * the log-softmax are computed so as to keep their relative precision, as the tuned kernels do.
 */
final class PortableKernels implements KernelSet {

    @Override
    public String name() {
        return "portable";
    }

    @Override
    public INDArray gemm(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB, double alpha,
            double beta) {
        Nd4j.gemm(a, b, c, transposeA, transposeB, alpha, beta);
        return c;
    }

    @Override
    public INDArray axpy(double alpha, INDArray x, INDArray y) {
        return y.addi(x.mul(alpha));
    }

    @Override
    public INDArray scale(double alpha, INDArray x) {
        return x.muli(alpha);
    }

    @Override
    public INDArray copy(INDArray x, INDArray y) {
        return y.assign(x);
    }

    @Override
    public double dot(INDArray x, INDArray y) {
        return x.mul(y).sumNumber().doubleValue();
    }

    @Override
    public double absoluteSum(INDArray x) {
        return x.ameanNumber().doubleValue() * x.length();
    }

    @Override
    public INDArray zero(INDArray x) {
        return x.assign(0);
    }

    @Override
    public INDArray sigmoid(INDArray x, INDArray z) {
        return Nd4j.exec(new Sigmoid(x, z));
    }

    /** ND4J's tanh loses the relative precision near 0, so tanh is Java's, element by element, on a copy. */
    @Override
    public INDArray tanh(INDArray x, INDArray z) {
        double[] values = x.dup('c').reshape(x.length()).toDoubleVector();
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.tanh(values[i]);
        }
        return z.assign(Nd4j.createFromArray(values).reshape('c', x.shape()));
    }

    @Override
    public INDArray exp(INDArray x, INDArray z) {
        return Nd4j.exec(new Exp(x, z));
    }

    @Override
    public INDArray log(INDArray x, INDArray z) {
        return Nd4j.exec(new Log(x, z));
    }

    /** log1p x = log w − ((w − 1) − x)/w with w = 1 + x rounded: the correction restores what the rounding lost. */
    @Override
    public INDArray log1p(INDArray x, INDArray z) {
        INDArray w = x.add(1.0);
        INDArray lost = w.sub(1.0).subi(x).divi(w);
        return log(w, z).subi(lost);
    }

    @Override
    public INDArray erf(INDArray x, INDArray z) {
        return Nd4j.exec(new Erf(x, z));
    }

    @Override
    public INDArray sqrt(INDArray x, INDArray z) {
        return Nd4j.exec(new Sqrt(x, z));
    }

    @Override
    public INDArray relu(INDArray x, INDArray z) {
        return reluKeepingNaN(x, z);
    }

    @Override
    public INDArray reluKeepingNaN(INDArray x, INDArray z) {
        return Nd4j.exec(new RectifiedLinear(x, z, 0.0));
    }

    @Override
    public INDArray reluGradient(INDArray f, INDArray gradOut, INDArray gradIn) {
        return sign(f, gradIn).muli(gradOut);
    }

    @Override
    public INDArray negativePart(INDArray x, INDArray z) {
        return Nd4j.exec(new ScalarMin(x, null, z, 0.0));
    }

    @Override
    public INDArray abs(INDArray x, INDArray z) {
        return Nd4j.exec(new Abs(x, z));
    }

    @Override
    public INDArray sign(INDArray x, INDArray z) {
        return Nd4j.exec(new Sign(x, z));
    }

    @Override
    public INDArray softmax(INDArray x, INDArray z) {
        exp(x.subColumnVector(x.max(true, 1)), z);
        return z.diviColumnVector(z.sum(true, 1));
    }

    @Override
    public INDArray logSoftmax(INDArray x, INDArray z) {
        INDArray shifted = x.subColumnVector(x.max(true, 1));
        INDArray logSum = Transforms.log(exp(shifted, z).sum(true, 1), false);
        return z.assign(shifted).subiColumnVector(logSum);
    }

    @Override
    public INDArray softplus(INDArray x, INDArray z, INDArray scratch) {
        abs(x, z).negi();
        log1p(exp(z, z), z);
        return z.addi(reluKeepingNaN(x, scratch));
    }

    @Override
    public void momentum(double mu, INDArray g, INDArray v) {
        v.muli(mu).addi(g);
    }

    @Override
    public void nesterovStep(double eta, double mu, INDArray g, INDArray v, INDArray w) {
        w.subi(g.add(v.mul(mu)).muli(eta));
    }

    @Override
    public <T> T runWide(Supplier<T> operation) {
        return operation.get();
    }

    @Override
    public void configureThisThread() {
    }

    /** ND4J's conv2d op, which every backend implements. */
    @Override
    public boolean nativeConvolution() {
        return true;
    }
}
