package io.backprop4j.layers.conv;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import io.backprop4j.core.Buffers;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The patch array of a convolution ("im2col") and its adjoint ("col2im"). For a (padded) input
 * {@code P: [N, C, H, W]}, kernel k and stride s:
 * <pre>  cols[u, v, c, n, i, j] = P[n, c, s·i + u, s·j + v]     (u, v &lt; k; i &lt; oH; j &lt; oW)</pre>
 * Read as a matrix {@code [k·k·C, N·oH·oW]}, a whole batch's convolution is the single GEMM {@code W·cols}
 * with the weights ordered {@code [O, k, k, C]}.
 *
 * <p>Each kernel offset (u, v) is one strided copy of a window of P into the contiguous block
 * {@code cols[u, v]}, for every example and channel at once: k² native copies in all, faster than ND4J's
 * {@code im2col} op (docs/performance.md, kernel figures).
 */
final class Im2col {

    private INDArray window;

    /** {@code cols ← patches(padded)}, with {@code cols: [k, k, C, N, oH, oW]} row-major. */
    void patches(INDArray padded, int kernel, int stride, INDArray cols) {
        INDArray channelsFirst = padded.permute(1, 0, 2, 3);
        for (int u = 0; u < kernel; u++) {
            for (int v = 0; v < kernel; v++) {
                cols.get(point(u), point(v)).assign(window(channelsFirst, u, v, stride, cols));
            }
        }
    }

    /**
     * {@code padded += patchesᵀ(cols)}: every patch entry is added back to the pixel it was copied from, the
     * adjoint of {@link #patches} (overlapping windows sum, as the chain rule requires). Each window is
     * copied out, added to and copied back: ND4J adds into a strided window about 6× slower than that.
     */
    void accumulate(INDArray cols, int kernel, int stride, INDArray padded) {
        INDArray channelsFirst = padded.permute(1, 0, 2, 3);
        for (int u = 0; u < kernel; u++) {
            for (int v = 0; v < kernel; v++) {
                INDArray pixels = window(channelsFirst, u, v, stride, cols);
                window = Buffers.reuse(window, cols.dataType(), 'c', pixels.shape());
                pixels.assign(window.assign(pixels).addi(cols.get(point(u), point(v))));
            }
        }
    }

    /** The pixels {@code [C, N, oH, oW]} that kernel offset (u, v) sees: rows u, u + s, …; columns v, v + s, …. */
    private static INDArray window(INDArray channelsFirst, int u, int v, int stride, INDArray cols) {
        long outHeight = cols.size(4);
        long outWidth = cols.size(5);
        return channelsFirst.get(all(), all(), interval(u, stride, u + stride * (outHeight - 1) + 1),
                interval(v, stride, v + stride * (outWidth - 1) + 1));
    }
}
