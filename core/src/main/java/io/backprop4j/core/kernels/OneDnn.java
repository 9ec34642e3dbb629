package io.backprop4j.core.kernels;

import org.bytedeco.dnnl.dnnl_engine;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.javacpp.Loader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * oneDNN, called directly on ND4J arrays' memory: whether it is loaded in this process, and its CPU engine.
 * It loads where ND4J's native library carries oneDNN (Linux x86_64, see {@link NativeBuild#hasOneDnn()}) and
 * oneDNN's Java bindings link; elsewhere callers use ND4J.
 */
final class OneDnn {

    private static final Logger LOG = LoggerFactory.getLogger(OneDnn.class);
    private static final boolean AVAILABLE = load();
    private static dnnl_engine engine;

    private OneDnn() {
    }

    static boolean available() {
        return AVAILABLE;
    }

    /** The CPU engine, created on first use and shared by every thread (oneDNN engines are thread-safe). */
    static synchronized dnnl_engine engine() {
        if (engine == null) {
            dnnl_engine created = new dnnl_engine();
            check(dnnl.dnnl_engine_create(created, dnnl.dnnl_cpu, 0), "creating the CPU engine");
            engine = created;
        }
        return engine;
    }

    static void check(int status, String what) {
        if (status != dnnl.dnnl_success) {
            throw new IllegalStateException("oneDNN failed with status " + status + " " + what);
        }
    }

    private static boolean load() {
        if (!NativeBuild.hasOneDnn()) {
            return false;
        }
        try {
            Loader.load(dnnl.class);
            return true;
        } catch (LinkageError e) {
            LOG.info("oneDNN's Java bindings could not load ({}); ND4J's kernels are used instead", e.toString());
            return false;
        }
    }
}
