package io.backprop4j.core.kernels;

import static io.backprop4j.core.kernels.OneDnn.check;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.dnnl.dnnl_eltwise_desc_t;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_stream;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * oneDNN's element-wise primitives run on n float32 elements at given addresses, on the calling thread: the
 * primitives are created on first use per thread, operation and length, and kept (the 32 most recent per thread);
 * they are released when evicted, not when their thread ends, so short-lived threads should leave these kernels to
 * long-lived ones. {@link OneDnnKernels} and {@link TwoCores}'s halves call them.
 */
final class OneDnnVectors {

    private static final int CAPACITY = 32;
    private static final ThreadLocal<Cache> CACHE = ThreadLocal.withInitial(Cache::new);

    private OneDnnVectors() {
    }

    /** The operations, each with its own primitives. */
    enum Kind {
        RELU, RELU_GRADIENT, EXP, TANH, MOMENTUM, NESTEROV_STEP
    }

    /** Runs {@code kind} on n elements at the given addresses, with its scalars μ and η; {@code third} may be null. */
    static void run(Kind kind, long n, Pointer first, Pointer second, Pointer third, float mu, float eta) {
        CACHE.get().execute(kind, n, 1, first, second, third, mu, eta);
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
