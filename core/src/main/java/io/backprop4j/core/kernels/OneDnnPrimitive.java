package io.backprop4j.core.kernels;

import static io.backprop4j.core.kernels.OneDnn.check;

import java.util.Arrays;
import org.bytedeco.dnnl.const_dnnl_op_desc_t;
import org.bytedeco.dnnl.dnnl_exec_arg_t;
import org.bytedeco.dnnl.dnnl_memory;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_attr;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.dnnl.dnnl_stream;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.javacpp.Pointer;

/**
 * One created oneDNN primitive with a memory object per argument, each of a fixed memory layout, and its argument
 * list: creating a primitive takes tens of microseconds or more, running it again on other arrays of the same
 * layouts only re-points its memory objects. Not thread-safe; {@link OneDnnKernels} keeps one per thread.
 */
final class OneDnnPrimitive {

    private final dnnl_primitive_desc descriptor = new dnnl_primitive_desc();
    private final dnnl_primitive primitive = new dnnl_primitive();
    private final dnnl_memory[] memories;
    private final dnnl_exec_arg_t arguments;

    /**
     * @param operation a oneDNN operation descriptor (eltwise, softmax) initialized by its {@code _desc_init}
     * @param hint      the forward primitive's descriptor for a backward one, else null
     * @param layout    the memory layout of every argument
     * @param argumentIds the arguments in the order {@link #execute} takes arrays, e.g. {@code DNNL_ARG_SRC}
     */
    OneDnnPrimitive(Pointer operation, dnnl_primitive_desc hint, dnnl_memory_desc_t layout, int... argumentIds) {
        this(operation, null, hint, sameLayout(layout, argumentIds.length), argumentIds);
    }

    /**
     * @param attributes the primitive's attributes (post-ops), or null
     * @param layouts    the memory layout of each argument
     */
    OneDnnPrimitive(Pointer operation, dnnl_primitive_attr attributes, dnnl_primitive_desc hint,
            dnnl_memory_desc_t[] layouts, int... argumentIds) {
        check(dnnl.dnnl_primitive_desc_create(descriptor, new const_dnnl_op_desc_t(operation), attributes,
                OneDnn.engine(), hint), "creating a primitive descriptor");
        check(dnnl.dnnl_primitive_create(primitive, descriptor), "creating a primitive");
        memories = new dnnl_memory[argumentIds.length];
        arguments = new dnnl_exec_arg_t(argumentIds.length);
        for (int i = 0; i < argumentIds.length; i++) {
            memories[i] = new dnnl_memory();
            check(dnnl.dnnl_memory_create(memories[i], layouts[i], OneDnn.engine(), null),
                    "creating a memory object");
            arguments.position(i).arg(argumentIds[i]).memory(memories[i]);
        }
        arguments.position(0);
    }

    private static dnnl_memory_desc_t[] sameLayout(dnnl_memory_desc_t layout, int arguments) {
        dnnl_memory_desc_t[] layouts = new dnnl_memory_desc_t[arguments];
        Arrays.fill(layouts, layout);
        return layouts;
    }

    dnnl_primitive_desc descriptor() {
        return descriptor;
    }

    /** Runs the primitive on two blocks of memory, in the order of its argument ids. */
    void execute(dnnl_stream stream, Pointer first, Pointer second) {
        point(0, first);
        point(1, second);
        run(stream);
    }

    /** Runs the primitive on three blocks of memory, in the order of its argument ids. */
    void execute(dnnl_stream stream, Pointer first, Pointer second, Pointer third) {
        point(0, first);
        point(1, second);
        point(2, third);
        run(stream);
    }

    /** Runs the primitive on four blocks of memory, in the order of its argument ids. */
    void execute(dnnl_stream stream, Pointer first, Pointer second, Pointer third, Pointer fourth) {
        point(0, first);
        point(1, second);
        point(2, third);
        point(3, fourth);
        run(stream);
    }

    void destroy() {
        for (dnnl_memory memory : memories) {
            dnnl.dnnl_memory_destroy(memory);
        }
        dnnl.dnnl_primitive_destroy(primitive);
        dnnl.dnnl_primitive_desc_destroy(descriptor);
        arguments.close();
    }

    /** Points argument number {@code argument}, in the order of the argument ids, at {@code address}. */
    void point(int argument, Pointer address) {
        check(dnnl.dnnl_memory_set_data_handle(memories[argument], address), "setting a data handle");
    }

    /** Runs the primitive on the memory its arguments point at, and waits for it. */
    void run(dnnl_stream stream) {
        check(dnnl.dnnl_primitive_execute(primitive, stream, memories.length, arguments), "executing a primitive");
        check(dnnl.dnnl_stream_wait(stream), "waiting for a stream");
    }
}
