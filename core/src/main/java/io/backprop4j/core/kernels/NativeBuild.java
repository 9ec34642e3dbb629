package io.backprop4j.core.kernels;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/** What the loaded ND4J native library was built with. */
final class NativeBuild {

    private static final String INFO = buildInfo();

    private NativeBuild() {
    }

    /**
     * Whether ND4J's native library carries oneDNN (the {@code -onednn} builds of {@code nd4j-native}), whose
     * convolution and pooling kernels ND4J's ops then use for float32.
     */
    public static boolean hasOneDnn() {
        return INFO.contains("HAVE_ONEDNN");
    }

    /** ND4J's build description; its backend must be loaded first, or the native holder cannot start. */
    private static String buildInfo() {
        Nd4j.getBackend();
        return NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo();
    }
}
