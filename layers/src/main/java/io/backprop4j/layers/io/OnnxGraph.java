package io.backprop4j.layers.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import onnx.Onnx;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.protobuf.ByteString;

/**
 * A small builder of an ONNX graph on the protobuf classes ND4J ships ({@code onnx.Onnx}): nodes with their
 * attributes, and initializers (constant tensors, stored little-endian in {@code raw_data}). Each value gets a
 * fresh name, {@code PREFIX_k}.
 */
final class OnnxGraph {

    private final Onnx.GraphProto.Builder graph = Onnx.GraphProto.newBuilder().setName("backprop4j");
    private final int elementType;
    private int names;

    OnnxGraph(DataType dataType) {
        this.elementType = elementType(dataType);
    }

    int elementType() {
        return elementType;
    }

    static int elementType(DataType dataType) {
        return switch (dataType) {
            case FLOAT -> Onnx.TensorProto.DataType.FLOAT_VALUE;
            case DOUBLE -> Onnx.TensorProto.DataType.DOUBLE_VALUE;
            default -> throw new IllegalArgumentException("ONNX export: models of float32 or float64 parameters only, "
                    + "got " + dataType);
        };
    }

    String fresh(String prefix) {
        return prefix + "_" + names++;
    }

    /** A node {@code op(inputs) → one new output}; returns the output's name. */
    String node(String op, Onnx.AttributeProto[] attributes, String... inputs) {
        String output = fresh(op.toLowerCase(Locale.ROOT));
        Onnx.NodeProto.Builder node = Onnx.NodeProto.newBuilder().setOpType(op).setName(fresh("node"))
                .addOutput(output);
        for (String input : inputs) {
            node.addInput(input);
        }
        for (Onnx.AttributeProto attribute : attributes) {
            node.addAttribute(attribute);
        }
        graph.addNode(node);
        return output;
    }

    String node(String op, String... inputs) {
        return node(op, new Onnx.AttributeProto[0], inputs);
    }

    /** A constant tensor of {@code value}'s shape and type; returns its name. */
    String constant(String prefix, INDArray value) {
        String name = fresh(prefix);
        INDArray contiguous = value.dup('c');
        Onnx.TensorProto.Builder tensor = Onnx.TensorProto.newBuilder().setName(name)
                .setDataType(elementType(contiguous.dataType()));
        for (long d : contiguous.shape()) {
            tensor.addDims(d);
        }
        ByteBuffer bytes = ByteBuffer.allocate((int) contiguous.length() * contiguous.dataType().width())
                .order(ByteOrder.LITTLE_ENDIAN);
        INDArray flat = contiguous.reshape(contiguous.length());
        if (contiguous.dataType() == DataType.DOUBLE) {
            bytes.asDoubleBuffer().put(flat.toDoubleVector());
        } else {
            bytes.asFloatBuffer().put(flat.toFloatVector());
        }
        graph.addInitializer(tensor.setRawData(ByteString.copyFrom(bytes.array())));
        return name;
    }

    /** A constant int64 vector (shapes for Reshape). */
    String longs(String prefix, long... values) {
        String name = fresh(prefix);
        Onnx.TensorProto.Builder tensor = Onnx.TensorProto.newBuilder().setName(name)
                .setDataType(Onnx.TensorProto.DataType.INT64_VALUE).addDims(values.length);
        for (long v : values) {
            tensor.addInt64Data(v);
        }
        graph.addInitializer(tensor);
        return name;
    }

    void input(String name, Onnx.TensorShapeProto shape) {
        graph.addInput(value(name, shape));
    }

    void output(String name) {
        graph.addOutput(value(name, null));
    }

    private Onnx.ValueInfoProto value(String name, Onnx.TensorShapeProto shape) {
        Onnx.TypeProto.Tensor.Builder tensor = Onnx.TypeProto.Tensor.newBuilder().setElemType(elementType);
        if (shape != null) {
            tensor.setShape(shape);
        }
        return Onnx.ValueInfoProto.newBuilder().setName(name)
                .setType(Onnx.TypeProto.newBuilder().setTensorType(tensor)).build();
    }

    Onnx.GraphProto build() {
        return graph.build();
    }

    static Onnx.AttributeProto floatAttribute(String name, double value) {
        return Onnx.AttributeProto.newBuilder().setName(name).setType(Onnx.AttributeProto.AttributeType.FLOAT)
                .setF((float) value).build();
    }

    static Onnx.AttributeProto intAttribute(String name, long value) {
        return Onnx.AttributeProto.newBuilder().setName(name).setType(Onnx.AttributeProto.AttributeType.INT)
                .setI(value).build();
    }

    static Onnx.AttributeProto intsAttribute(String name, long... values) {
        Onnx.AttributeProto.Builder attribute = Onnx.AttributeProto.newBuilder().setName(name)
                .setType(Onnx.AttributeProto.AttributeType.INTS);
        for (long v : values) {
            attribute.addInts(v);
        }
        return attribute.build();
    }

    static Onnx.AttributeProto stringAttribute(String name, String value) {
        return Onnx.AttributeProto.newBuilder().setName(name).setType(Onnx.AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFrom(value, StandardCharsets.UTF_8)).build();
    }
}
