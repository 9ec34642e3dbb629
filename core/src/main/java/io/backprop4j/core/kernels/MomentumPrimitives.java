package io.backprop4j.core.kernels;

import static io.backprop4j.core.kernels.OneDnn.check;

import org.bytedeco.dnnl.dnnl_binary_desc_t;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_post_ops;
import org.bytedeco.dnnl.dnnl_primitive_attr;
import org.bytedeco.dnnl.global.dnnl;

/**
 * oneDNN binary primitives with post-ops for SGD's momentum updates, each one pass over its vectors:
 * <ul>
 *   <li>momentum, {@code v ← μ·v + g}: {@code v·μ}, then {@code + g}, written into v; arguments (v, μ, g, v);
 *   <li>Nesterov's step, {@code w ← w − η·(g + μ·v)}: {@code v·μ}, then {@code + g}, {@code ·(−η)} and
 *       {@code + w} (oneDNN's sum post-op), written into w; arguments (v, μ, g, −η, w).
 * </ul>
 * μ and −η are one-element arrays broadcast over the vector, so a learning rate that changes every step
 * needs no new primitive.
 *
 * <p>Why: BLAS needs four passes for Nesterov's update ({@code v ← μ·v}, {@code v ← v + g},
 * {@code g ← g + μ·v}, {@code w ← w − η·g}), 11 array traversals against these two primitives' 7, and the
 * optimizer is bound by memory bandwidth (docs/performance.md, kernel figures).
 */
final class MomentumPrimitives {

    private MomentumPrimitives() {
    }

    /** The momentum primitive, or Nesterov's step where {@code nesterov}, on vectors of layout {@code vector}. */
    static OneDnnPrimitive create(boolean nesterov, dnnl_memory_desc_t vector) {
        dnnl_memory_desc_t scalar = new dnnl_memory_desc_t();
        check(dnnl.dnnl_memory_desc_init_by_tag(scalar, 1, new long[] {1}, dnnl.dnnl_f32, dnnl.dnnl_a),
                "describing a scalar");
        dnnl_post_ops postOps = new dnnl_post_ops();
        check(dnnl.dnnl_post_ops_create(postOps), "creating post-ops");
        dnnl_primitive_attr attributes = new dnnl_primitive_attr();
        try {
            check(dnnl.dnnl_post_ops_append_binary(postOps, dnnl.dnnl_binary_add, vector), "adding g");
            if (nesterov) {
                check(dnnl.dnnl_post_ops_append_binary(postOps, dnnl.dnnl_binary_mul, scalar), "scaling by −η");
                check(dnnl.dnnl_post_ops_append_sum(postOps, 1f), "adding w");
            }
            check(dnnl.dnnl_primitive_attr_create(attributes), "creating attributes");
            check(dnnl.dnnl_primitive_attr_set_post_ops(attributes, postOps), "setting post-ops");
            dnnl_binary_desc_t operation = new dnnl_binary_desc_t();
            check(dnnl.dnnl_binary_desc_init(operation, dnnl.dnnl_binary_mul, vector, scalar, vector),
                    "describing v·μ");
            int postOp0 = dnnl.DNNL_ARG_ATTR_MULTIPLE_POST_OP_BASE;
            int postOp1 = 2 * dnnl.DNNL_ARG_ATTR_MULTIPLE_POST_OP_BASE;
            return nesterov
                    ? new OneDnnPrimitive(operation, attributes, null,
                            new dnnl_memory_desc_t[] {vector, scalar, vector, scalar, vector}, dnnl.DNNL_ARG_SRC_0,
                            dnnl.DNNL_ARG_SRC_1, postOp0 | dnnl.DNNL_ARG_SRC_1, postOp1 | dnnl.DNNL_ARG_SRC_1,
                            dnnl.DNNL_ARG_DST)
                    : new OneDnnPrimitive(operation, attributes, null,
                            new dnnl_memory_desc_t[] {vector, scalar, vector, vector}, dnnl.DNNL_ARG_SRC_0,
                            dnnl.DNNL_ARG_SRC_1, postOp0 | dnnl.DNNL_ARG_SRC_1, dnnl.DNNL_ARG_DST);
        } finally {
            dnnl.dnnl_primitive_attr_destroy(attributes);
            dnnl.dnnl_post_ops_destroy(postOps);
        }
    }
}
