package io.backprop4j.core.kernels;

import java.util.concurrent.atomic.AtomicBoolean;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Loads the native libraries ahead of need: ND4J's backend, then oneDNN's bindings and its CPU engine, which take
 * most of a second on two cores before any array can be made (docs/performance.md, start-up). A program that calls
 * {@link #startInBackground} first reads its arguments and data meanwhile; its first operation waits for whatever
 * is not loaded yet.
 */
public final class NativeLoading {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private NativeLoading() {
    }

    /** Starts the loading on a daemon thread and returns at once; calling it again does nothing. */
    public static void startInBackground() {
        if (STARTED.compareAndSet(false, true)) {
            Thread loader = new Thread(NativeLoading::load, "backprop4j-native-loading");
            loader.setDaemon(true);
            loader.start();
        }
    }

    private static void load() {
        try {
            Nd4j.scalar(0f).close();
            if (OneDnn.available()) {
                OneDnn.engine();
            }
        } catch (RuntimeException | LinkageError e) {
            // the caller's first operation loads the library again and reports the failure where it can be handled
        }
    }
}
