package io.backprop4j.core.kernels;

import static io.backprop4j.core.kernels.NativeMemory.address;
import static io.backprop4j.core.kernels.NativeMemory.floats;
import static io.backprop4j.core.kernels.OneDnn.check;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.dnnl.dnnl_eltwise_desc_t;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_stream;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * oneDNN's element-wise kernels on float32 arrays: {@code z = max(x, 0)},
 * {@code ∂J/∂s = ∂J/∂f ⊙ [f > 0]} read off the ReLU's output f, {@code z = eˣ}, {@code z = tanh(x)}, and SGD's
 * momentum updates {@code v ← μ·v + g} and {@code w ← w − η·(g + μ·v)} ({@link MomentumPrimitives}). Each
 * returns false, computing nothing, where it does not apply: oneDNN not loaded, not float32, shapes that differ,
 * or memory that is not one contiguous block in one order (the updates also need 2¹⁴ elements); callers then use
 * ND4J or BLAS. (oneDNN's float32 log-softmax is not used: it is off by up to 4e-6, docs/performance.md.)
 *
 * <p>Why: an ND4J operation costs a fixed overhead and kilobytes of Java objects per call before it touches an
 * element; these kernels are one native call with no allocation (docs/performance.md, kernel figures).
 *
 * <p>Element-wise kernels on {@value SplitElementwise#SPLIT_LENGTH} elements or more run on two cores
 * ({@link SplitElementwise}) when the kernels are limited to one thread.
 *
 * <p>The primitives are created on first use per thread, operation and shape, and kept (the 32 most recent
 * per thread); they are released when evicted, not when their thread ends, so short-lived threads should
 * leave these kernels to long-lived ones.
 */
public final class OneDnnKernels {

    private static final int CAPACITY = 32;

    /**
     * The momentum updates take vectors of at least 2¹⁴ elements: on shorter ones oneDNN's call overhead
     * outweighs the passes saved, and BLAS is faster (docs/performance.md, kernel figures).
     */
    private static final long MIN_UPDATE_LENGTH = 1 << 14;
    private static final ThreadLocal<Cache> CACHE = ThreadLocal.withInitial(Cache::new);

    private OneDnnKernels() {
    }

    /** The operations, each with its own primitives. */
    enum Kind {
        RELU, RELU_GRADIENT, EXP, TANH, MOMENTUM, NESTEROV_STEP
    }

    /** z = max(x, 0). */
    public static boolean relu(INDArray x, INDArray z) {
        return elementwise(Kind.RELU, x, z);
    }

    /** gradIn = gradOut ⊙ [f &gt; 0], f = max(s, 0) the ReLU's output. */
    public static boolean reluGradient(INDArray f, INDArray gradOut, INDArray gradIn) {
        if (!elementwiseApplies(f, gradOut) || !elementwiseApplies(f, gradIn)) {
            return false;
        }
        onVectors(Kind.RELU_GRADIENT, f.length(), f, gradOut, gradIn, 0, 0);
        return true;
    }

    /** z = eˣ. */
    public static boolean exp(INDArray x, INDArray z) {
        return elementwise(Kind.EXP, x, z);
    }

    /** z = tanh(x), within a few ulps of the exact value relative to it, near 0 too. */
    public static boolean tanh(INDArray x, INDArray z) {
        return elementwise(Kind.TANH, x, z);
    }

    /** v ← μ·v + g, momentum's velocity, in one pass over both arrays; vectors of 2¹⁴ elements or more. */
    public static boolean momentum(double mu, INDArray g, INDArray v) {
        if (v.length() < MIN_UPDATE_LENGTH || !elementwiseApplies(v, g)) {
            return false;
        }
        onVectors(Kind.MOMENTUM, v.length(), v, g, null, (float) mu, 0);
        return true;
    }

    /**
     * w ← w − η·(g + μ·v), Nesterov's step from the updated velocity v, in one pass over the three arrays;
     * vectors of 2¹⁴ elements or more.
     */
    public static boolean nesterovStep(double eta, double mu, INDArray g, INDArray v, INDArray w) {
        if (v.length() < MIN_UPDATE_LENGTH || !elementwiseApplies(v, g) || !elementwiseApplies(v, w)) {
            return false;
        }
        onVectors(Kind.NESTEROV_STEP, v.length(), v, g, w, (float) mu, (float) eta);
        return true;
    }

    private static boolean elementwise(Kind kind, INDArray x, INDArray z) {
        if (!elementwiseApplies(x, z)) {
            return false;
        }
        onVectors(kind, x.length(), x, z, null, 0, 0);
        return true;
    }

    /**
     * Runs an element-wise kind on arrays read as vectors of n elements, with its scalars (μ and η for the
     * updates), split across two cores when long; {@code third} is null for kinds of two arrays.
     */
    private static void onVectors(Kind kind, long n, INDArray first, INDArray second, INDArray third, float mu,
            float eta) {
        if (SplitElementwise.splits(n)) {
            SplitElementwise.run(kind, n, floats(first), floats(second), third == null ? null : floats(third), mu,
                    eta);
        } else {
            vectors(kind, n, address(first), address(second), third == null ? null : address(third), mu, eta);
        }
    }

    /** Runs an element-wise kind on n elements at the given addresses, on the calling thread's primitive. */
    static void vectors(Kind kind, long n, Pointer first, Pointer second, Pointer third, float mu, float eta) {
        CACHE.get().execute(kind, n, 1, first, second, third, mu, eta);
    }

    /** Element i of x is element i of y in memory, both float32: an element-wise kernel sees two vectors. */
    private static boolean elementwiseApplies(INDArray x, INDArray y) {
        return OneDnn.available() && x.dataType() == DataType.FLOAT && y.dataType() == DataType.FLOAT
                && NativeMemory.sameContiguousLayout(x, y);
    }

    /** One thread's stream, primitives (the most recently created last) and scalar arguments μ and −η. */
    private static final class Cache {

        private final dnnl_stream stream = new dnnl_stream();
        private final List<Entry> entries = new ArrayList<>(CAPACITY);
        private final FloatPointer mu = new FloatPointer(1);
        private final FloatPointer minusEta = new FloatPointer(1);

        Cache() {
            check(dnnl.dnnl_stream_create(stream, OneDnn.engine(), dnnl.dnnl_stream_default_flags),
                    "creating a stream");
        }

        void execute(Kind kind, long rows, long columns, Pointer first, Pointer second, Pointer third, float mu,
                float eta) {
            OneDnnPrimitive primitive = find(kind, rows, columns);
            switch (kind) {
                case MOMENTUM -> {
                    this.mu.put(mu);
                    primitive.execute(stream, first, this.mu, second, first);
                }
                case NESTEROV_STEP -> {
                    this.mu.put(mu);
                    minusEta.put(-eta);
                    primitive.point(0, first);
                    primitive.point(1, this.mu);
                    primitive.point(2, second);
                    primitive.point(3, minusEta);
                    primitive.point(4, third);
                    primitive.run(stream);
                }
                default -> {
                    if (third == null) {
                        primitive.execute(stream, first, second);
                    } else {
                        primitive.execute(stream, first, second, third);
                    }
                }
            }
        }

        private OneDnnPrimitive find(Kind kind, long rows, long columns) {
            for (int i = 0; i < entries.size(); i++) {
                Entry entry = entries.get(i);
                if (entry.kind() == kind && entry.rows() == rows && entry.columns() == columns) {
                    return entry.primitive();
                }
            }
            if (entries.size() == CAPACITY) {
                entries.remove(0).primitive().destroy();
            }
            Entry entry = new Entry(kind, rows, columns, create(kind, rows, columns));
            entries.add(entry);
            return entry.primitive();
        }

        private static OneDnnPrimitive create(Kind kind, long rows, long columns) {
            dnnl_memory_desc_t layout = new dnnl_memory_desc_t();
            check(dnnl.dnnl_memory_desc_init_by_tag(layout, 1, new long[] {rows}, dnnl.dnnl_f32, dnnl.dnnl_a),
                    "describing a vector");
            if (kind == Kind.MOMENTUM || kind == Kind.NESTEROV_STEP) {
                return MomentumPrimitives.create(kind == Kind.NESTEROV_STEP, layout);
            }
            if (kind == Kind.RELU_GRADIENT) {
                OneDnnPrimitive forward = forward(dnnl.dnnl_eltwise_relu_use_dst_for_bwd, layout);
                dnnl_eltwise_desc_t operation = new dnnl_eltwise_desc_t();
                check(dnnl.dnnl_eltwise_backward_desc_init(operation, dnnl.dnnl_eltwise_relu_use_dst_for_bwd,
                        layout, layout, 0f, 0f), "describing a ReLU gradient");
                OneDnnPrimitive backward = new OneDnnPrimitive(operation, forward.descriptor(), layout,
                        dnnl.DNNL_ARG_DST, dnnl.DNNL_ARG_DIFF_DST, dnnl.DNNL_ARG_DIFF_SRC);
                forward.destroy();
                return backward;
            }
            int algorithm = switch (kind) {
                case RELU -> dnnl.dnnl_eltwise_relu;
                case EXP -> dnnl.dnnl_eltwise_exp;
                case TANH -> dnnl.dnnl_eltwise_tanh;
                default -> throw new IllegalArgumentException(kind.name());
            };
            return forward(algorithm, layout);
        }

        private static OneDnnPrimitive forward(int algorithm, dnnl_memory_desc_t layout) {
            dnnl_eltwise_desc_t operation = new dnnl_eltwise_desc_t();
            check(dnnl.dnnl_eltwise_forward_desc_init(operation, dnnl.dnnl_forward_training, algorithm, layout,
                    0f, 0f), "describing an element-wise operation");
            return new OneDnnPrimitive(operation, null, layout, dnnl.DNNL_ARG_SRC, dnnl.DNNL_ARG_DST);
        }
    }

    private record Entry(Kind kind, long rows, long columns, OneDnnPrimitive primitive) {
    }
}
