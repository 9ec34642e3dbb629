package io.backprop4j.core;

import org.nd4j.nativeblas.NativeOpsHolder;

/** What the loaded ND4J native library was built with. */
public final class NativeBuild {

    private static final String INFO = NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo();

    private NativeBuild() {
    }

    /**
     * Whether ND4J's native library carries oneDNN (the {@code -onednn} builds of {@code nd4j-native}), whose
     * convolution and pooling kernels ND4J's ops then use for float32.
     */
    public static boolean hasOneDnn() {
        return INFO.contains("HAVE_ONEDNN");
    }
}
