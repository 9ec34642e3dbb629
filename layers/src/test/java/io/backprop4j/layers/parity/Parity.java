package io.backprop4j.layers.parity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.data.NumpyData;
import java.nio.file.Path;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The tolerances of the PyTorch parity tests, which PyTorch itself meets. Against the exact result e of the
 * same inputs (40-digit mpmath for the element-wise activations, PyTorch's float64 otherwise), with t PyTorch's
 * own result in the tested precision:
 * <ul>
 * <li>element-wise (activations): |a − e| ≤ max(4 ulps of e, 2·|t − e|) per element, relative however small e is
 * (float64: also 1e-12·|e|); a backward pass f'(x)·g may also be off by 8 ulps of g, an absolute error of
 * 8 ulps in a derivative f' of order 1 (computed as a difference of such terms: 1 − tanh² near saturation,
 * GELU's and Mish's sums);</li>
 * <li>whole arrays (sums: layers, losses, row-wise softmax, optimizers): max |a − e| ≤ max(8 ulps of max |e|,
 * 2·max |t − e|) (float64: 1e-12·max |e|).</li>
 * </ul>
 */
public final class Parity {

    private Parity() {
    }

    public static Map<String, INDArray> fixtures(Class<?> test, String name) throws Exception {
        return NumpyData.readNpz(Path.of(test.getResource("/parity/" + name).toURI()));
    }

    private static double ulp(double value, DataType type) {
        return type == DataType.FLOAT ? Math.ulp((float) value) : Math.ulp(value);
    }

    private static double[] values(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').reshape(a.length()).toDoubleVector();
    }

    /** Per element, relative: for element-wise functions; {@code upstream} is g for a backward pass, else null. */
    public static void elementwise(String what, INDArray ours, INDArray exact, INDArray torch, INDArray upstream,
            DataType type) {
        double[] a = values(ours);
        double[] e = values(exact);
        double[] t = values(torch);
        double[] g = upstream == null ? new double[a.length] : values(upstream);
        assertTrue(a.length == e.length, what + ": " + a.length + " values, expected " + e.length);
        for (int i = 0; i < a.length; i++) {
            double allowed = Math.max(4 * ulp(e[i], type), 2 * Math.abs(t[i] - e[i]));
            allowed = Math.max(allowed, type == DataType.DOUBLE ? 1e-12 * Math.abs(e[i]) : 0);
            allowed = Math.max(allowed, upstream == null ? 0 : 8 * ulp(g[i], type));
            double error = Math.abs(a[i] - e[i]);
            assertTrue(error <= allowed || Double.isNaN(a[i]) && Double.isNaN(e[i]), what + "[" + i + "] = " + a[i]
                    + ", exact " + e[i] + ", PyTorch " + t[i] + ": error " + error + " > " + allowed);
        }
    }

    /** Whole array, relative to its largest entry: for sums (layers, losses, softmax rows, optimizer steps). */
    public static void array(String what, INDArray ours, INDArray exact, INDArray torch, DataType type) {
        double[] a = values(ours);
        double[] e = values(exact);
        double[] t = values(torch);
        assertTrue(a.length == e.length, what + ": " + a.length + " values, expected " + e.length);
        double largest = 0;
        double torchError = 0;
        double error = 0;
        for (int i = 0; i < a.length; i++) {
            largest = Math.max(largest, Math.abs(e[i]));
            torchError = Math.max(torchError, Math.abs(t[i] - e[i]));
            error = Math.max(error, Math.abs(a[i] - e[i]));
        }
        double allowed = type == DataType.DOUBLE ? Math.max(1e-12 * largest, 8 * ulp(largest, type))
                : Math.max(8 * ulp(largest, type), 2 * torchError);
        assertTrue(error <= allowed, what + ": largest error " + error + " > " + allowed + " (PyTorch's "
                + torchError + ", largest entry " + largest + ")");
    }
}
