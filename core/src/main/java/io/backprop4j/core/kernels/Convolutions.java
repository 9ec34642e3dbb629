package io.backprop4j.core.kernels;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's native convolution and pooling ops on NCHW images (each backend implements them; in a {@code -onednn}
 * build they run on oneDNN's kernels), one op call per pass. Integer arguments: kH, kW, sH, sW, pH, pW,
 * dilation H and W, "same" padding off, then the op's own (convolution: NCHW data and weights [O, C, k, k];
 * pooling: average pooling's divisor mode and NCHW).
 */
final class Convolutions {

    private Convolutions() {
    }

    static INDArray conv2d(INDArray x, INDArray weights, INDArray bias, INDArray out, int k, int s, int p) {
        INDArray[] inputs = bias == null ? new INDArray[] {x, weights}
                : new INDArray[] {x, weights, bias.reshape(bias.length())};
        Nd4j.exec(conv("conv2d", k, s, p).addInputs(inputs).addOutputs(out).build());
        return out;
    }

    static void conv2dBackward(INDArray x, INDArray weights, INDArray bias, INDArray gradOut, INDArray dx,
            INDArray dWeights, INDArray dBias, int k, int s, int p) {
        INDArray[] inputs = bias == null ? new INDArray[] {x, weights, gradOut}
                : new INDArray[] {x, weights, bias.reshape(bias.length()), gradOut};
        INDArray[] outputs = bias == null ? new INDArray[] {dx, dWeights} : new INDArray[] {dx, dWeights, dBias};
        Nd4j.exec(conv("conv2d_bp", k, s, p).addInputs(inputs).addOutputs(outputs).build());
    }

    static INDArray pool2d(String name, INDArray x, INDArray out, int k, int s, int p, int mode) {
        Nd4j.exec(pool(name, k, s, p, mode).addInputs(x).addOutputs(out).build());
        return out;
    }

    static INDArray pool2dBackward(String name, INDArray x, INDArray gradOut, INDArray dx, int k, int s, int p,
            int mode) {
        Nd4j.exec(pool(name + "_bp", k, s, p, mode).addInputs(x, gradOut).addOutputs(dx).build());
        return dx;
    }

    private static DynamicCustomOp.DynamicCustomOpsBuilder conv(String name, int k, int s, int p) {
        return DynamicCustomOp.builder(name).addIntegerArguments(k, k, s, s, p, p, 1, 1, 0, 0, 1);
    }

    private static DynamicCustomOp.DynamicCustomOpsBuilder pool(String name, int k, int s, int p, int mode) {
        return DynamicCustomOp.builder(name).addIntegerArguments(k, k, s, s, p, p, 1, 1, 0, mode, 0);
    }
}
