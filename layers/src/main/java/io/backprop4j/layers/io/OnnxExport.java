package io.backprop4j.layers.io;

import static io.backprop4j.layers.io.OnnxGraph.floatAttribute;
import static io.backprop4j.layers.io.OnnxGraph.intAttribute;
import static io.backprop4j.layers.io.OnnxGraph.intsAttribute;
import static io.backprop4j.layers.io.OnnxGraph.stringAttribute;

import io.backprop4j.core.AtomicFile;
import io.backprop4j.layers.Dense;
import io.backprop4j.layers.Layer;
import io.backprop4j.layers.OnnxBuilder;
import io.backprop4j.layers.OnnxExportable;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.conv.Conv2d;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import onnx.Onnx;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A model in ONNX form (opset {@value #OPSET}) for inference anywhere ONNX runs: each layer adds its own nodes
 * ({@link OnnxExportable}, beside its {@code forward}: Dense → {@code Gemm}, Conv2d → {@code Conv}, BatchNorm →
 * {@code BatchNormalization}, an activation → its operator, ...) through this builder of the graph. The input
 * {@code x} has a symbolic batch size {@code N}; a layer with no ONNX form is refused by name before anything is
 * written.
 */
final class OnnxExport implements OnnxBuilder {

    static final int OPSET = 20;
    static final int IR_VERSION = 9;

    private final OnnxGraph graph;
    private int rank;

    private OnnxExport(OnnxGraph graph) {
        this.graph = graph;
    }

    static void write(Layer model, Path path) throws IOException {
        byte[] bytes = model(model).toByteArray();
        AtomicFile.write(path, out -> out.write(bytes));
    }

    static Onnx.ModelProto model(Layer model) {
        DataType dataType = model.parameters().isEmpty() ? DataType.FLOAT
                : model.parameters().get(0).value().dataType();
        OnnxExport export = new OnnxExport(new OnnxGraph(dataType));
        export.graph.input("x", export.inputShape(model));
        String y = export.layer(model, "x");
        export.graph.output(y);
        return Onnx.ModelProto.newBuilder().setIrVersion(IR_VERSION).setProducerName("backprop4j")
                .addOpsetImport(Onnx.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(export.graph.build()).build();
    }

    /** [N, in] before a Dense, [N, C, H, W] before a Conv2d, else no shape. */
    private Onnx.TensorShapeProto inputShape(Layer model) {
        Layer first = model;
        while (first instanceof Sequential sequential && !sequential.layers().isEmpty()) {
            first = sequential.layers().get(0);
        }
        Onnx.TensorShapeProto.Builder shape = Onnx.TensorShapeProto.newBuilder().addDim(symbol("N"));
        if (first instanceof Dense dense) {
            rank = 2;
            return shape.addDim(Onnx.TensorShapeProto.Dimension.newBuilder()
                    .setDimValue(dense.weights().value().rows())).build();
        }
        if (first instanceof Conv2d conv) {
            rank = 4;
            return shape.addDim(Onnx.TensorShapeProto.Dimension.newBuilder()
                    .setDimValue(conv.weights().value().size(1))).addDim(symbol("H")).addDim(symbol("W")).build();
        }
        rank = 0;
        return null;
    }

    private static Onnx.TensorShapeProto.Dimension symbol(String name) {
        return Onnx.TensorShapeProto.Dimension.newBuilder().setDimParam(name).build();
    }

    @Override
    public String layer(Layer layer, String x) {
        if (!(layer instanceof OnnxExportable exportable)) {
            throw new IllegalArgumentException("ONNX export: " + layer.name() + " has no ONNX operator; export a "
                    + "model without it, or save it with ModelFile.save");
        }
        return exportable.toOnnx(this, x);
    }

    @Override
    public String node(String operator, String... inputs) {
        return graph.node(operator, inputs);
    }

    /** Attributes in the order of their names, so that an export is the same file every time. */
    @Override
    public String node(String operator, Map<String, ?> attributes, String... inputs) {
        List<Onnx.AttributeProto> protos = new ArrayList<>();
        new TreeMap<>(attributes).forEach((name, value) -> protos.add(attribute(name, value)));
        return graph.node(operator, protos.toArray(Onnx.AttributeProto[]::new), inputs);
    }

    /** An int, float, string or ints attribute, by the Java type of {@code value}. */
    private static Onnx.AttributeProto attribute(String name, Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return intAttribute(name, ((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            return floatAttribute(name, ((Number) value).doubleValue());
        }
        if (value instanceof String text) {
            return stringAttribute(name, text);
        }
        if (value instanceof long[] values) {
            return intsAttribute(name, values);
        }
        throw new IllegalArgumentException("ONNX export: attribute " + name + " of unsupported type "
                + value.getClass().getSimpleName());
    }

    @Override
    public String constant(String name, INDArray value) {
        return graph.constant(name, value);
    }

    @Override
    public String longs(String name, long... values) {
        return graph.longs(name, values);
    }

    @Override
    public String scalar(double value) {
        DataType type = graph.elementType() == Onnx.TensorProto.DataType.DOUBLE_VALUE ? DataType.DOUBLE
                : DataType.FLOAT;
        return graph.constant("scalar", Nd4j.scalar(type, value));
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public void rank(int rank) {
        this.rank = rank;
    }
}
