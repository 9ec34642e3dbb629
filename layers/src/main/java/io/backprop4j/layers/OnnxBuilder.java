package io.backprop4j.layers;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The ONNX graph a model is exported into, as an {@link OnnxExportable} layer sees it: nodes named by their
 * operator, constant tensors, and the rank of the value flowing through (2 for rows of features, 4 for images),
 * which layers that change it set. Every method returns the name of the value it made.
 */
public interface OnnxBuilder {

    /** A node {@code operator(inputs)}. */
    String node(String operator, String... inputs);

    /**
     * A node with attributes by name: an {@code Integer} or {@code Long} is an int, a {@code Double} a float, a
     * {@code String} a string and a {@code long[]} a list of ints.
     */
    String node(String operator, Map<String, ?> attributes, String... inputs);

    /** A constant tensor of {@code value}'s shape and type. */
    String constant(String name, INDArray value);

    /** A constant int64 vector, as Reshape's target shape. */
    String longs(String name, long... values);

    /** A constant scalar of the model's element type. */
    String scalar(double value);

    /** The nodes of a child layer (of a Sequential or Residual) applied to {@code x}. */
    String layer(Layer layer, String x);

    /** The rank of the value flowing through: 2 for {@code [N, features]}, 4 for {@code [N, C, H, W]}. */
    int rank();

    void rank(int rank);
}
