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

/**
 * The kernels as plain ND4J operations, with no call to oneDNN, CBLAS or raw native memory: they run on any
 * ND4J backend (a GPU one, for instance), more slowly on the CPU. Chosen with {@code -Dbackprop4j.kernels=portable}
 * or {@code BACKPROP4J_KERNELS=portable}; the whole test suite runs on both kernel sets in CI. tanh keeps its
 * relative precision near 0, as the tuned kernels' does.
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

    /** ND4J's tanh loses the relative precision near 0, so tanh is Java's, element by element. */
    @Override
    public INDArray tanh(INDArray x, INDArray z) {
        return Elementwise.tanhElementByElement(x, z);
    }

    @Override
    public INDArray exp(INDArray x, INDArray z) {
        return Nd4j.exec(new Exp(x, z));
    }

    @Override
    public INDArray log(INDArray x, INDArray z) {
        return Nd4j.exec(new Log(x, z));
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
