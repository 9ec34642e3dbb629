package io.backprop4j.layers;

/**
 * A layer that has an ONNX form, declared beside its {@code forward}: {@code ModelFile.exportOnnx} asks each
 * layer of a model for its nodes. A layer without it (Maxout) is refused by name before anything is written.
 */
public interface OnnxExportable {

    /** Adds this layer's nodes applied to the value {@code x} to {@code onnx}; returns the name of its output. */
    String toOnnx(OnnxBuilder onnx, String x);
}
