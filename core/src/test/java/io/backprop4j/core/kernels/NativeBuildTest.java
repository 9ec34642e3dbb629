package io.backprop4j.core.kernels;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The natives that core's OS-activated profile resolves are the ones ND4J loads. */
class NativeBuildTest {

    @Test
    @EnabledOnOs(value = OS.LINUX, architectures = "amd64")
    void linuxX8664LoadsNd4jsOneDnnBuildAndOneDnnItself() {
        assertTrue(NativeBuild.hasOneDnn(), "ND4J's native library was not the -onednn build");
        assertTrue(OneDnn.available(), "oneDNN's Java bindings did not load");
    }
}
