package io.backprop4j.layers.io;

import static io.backprop4j.layers.io.OnnxGraph.floatAttribute;
import static io.backprop4j.layers.io.OnnxGraph.intAttribute;
import static io.backprop4j.layers.io.OnnxGraph.intsAttribute;
import static io.backprop4j.layers.io.OnnxGraph.stringAttribute;

import io.backprop4j.core.AtomicFile;
import io.backprop4j.layers.BatchNorm;
import io.backprop4j.layers.Dense;
import io.backprop4j.layers.Dropout;
import io.backprop4j.layers.Flatten;
import io.backprop4j.layers.Layer;
import io.backprop4j.layers.Normalization;
import io.backprop4j.layers.Reshape;
import io.backprop4j.layers.Residual;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.ELU;
import io.backprop4j.layers.activations.GELU;
import io.backprop4j.layers.activations.HardSigmoid;
import io.backprop4j.layers.activations.HardTanh;
import io.backprop4j.layers.activations.Identity;
import io.backprop4j.layers.activations.LeakyReLU;
import io.backprop4j.layers.activations.LogSoftmax;
import io.backprop4j.layers.activations.Mish;
import io.backprop4j.layers.activations.PReLU;
import io.backprop4j.layers.activations.ReLU;
import io.backprop4j.layers.activations.SELU;
import io.backprop4j.layers.activations.SiLU;
import io.backprop4j.layers.activations.Sigmoid;
import io.backprop4j.layers.activations.Sign;
import io.backprop4j.layers.activations.Softmax;
import io.backprop4j.layers.activations.Softplus;
import io.backprop4j.layers.activations.Softsign;
import io.backprop4j.layers.activations.Tanh;
import io.backprop4j.layers.conv.AvgPool2d;
import io.backprop4j.layers.conv.Conv2d;
import io.backprop4j.layers.conv.MaxPool2d;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import onnx.Onnx;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A model in ONNX form (opset {@value #OPSET}) for inference anywhere ONNX runs: Dense → {@code Gemm}, Conv2d →
 * {@code Conv}, the pools → {@code MaxPool}/{@code AveragePool}, BatchNorm → {@code BatchNormalization} with its
 * running statistics, Normalization → {@code Sub} and {@code Div}, Flatten/Reshape, Dropout → {@code Identity},
 * Residual → {@code Add}, and each activation to its operator (SiLU as x·σ(x), Softplus with β as
 * softplus(βx)/β). The input {@code x} has a symbolic batch size {@code N}; a layer with no ONNX form is refused
 * by name before anything is written.
 */
final class OnnxExport {

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

    /** The nodes of {@code layer} applied to the value {@code x}; returns the name of its output. */
    private String layer(Layer layer, String x) {
        Map<String, Object> config = layer.config();
        if (layer instanceof Sequential sequential) {
            String y = x;
            for (Layer inner : sequential.layers()) {
                y = layer(inner, y);
            }
            return y;
        }
        if (layer instanceof Residual) {
            int inputRank = rank;
            String body = layer((Layer) config.get("body"), x);
            int outputRank = rank;
            rank = inputRank;
            String shortcut = config.containsKey("projection") ? layer((Layer) config.get("projection"), x) : x;
            rank = outputRank;
            return graph.node("Add", body, shortcut);
        }
        if (layer instanceof Dense dense) {
            String w = graph.constant("weights", dense.weights().value());
            String b = graph.constant("bias", vector(dense.bias().value()));
            rank = 2;
            return graph.node("Gemm", x, w, b);
        }
        if (layer instanceof Conv2d conv) {
            int k = (Integer) config.get("kernel");
            int s = (Integer) config.get("stride");
            int p = (Integer) config.get("padding");
            List<INDArray> parameters = conv.parameters().stream().map(io.backprop4j.core.Parameter::value).toList();
            String w = graph.constant("weights", parameters.get(0));
            Onnx.AttributeProto[] attributes = {intsAttribute("kernel_shape", k, k), intsAttribute("strides", s, s),
                intsAttribute("pads", p, p, p, p)};
            rank = 4;
            return parameters.size() == 1 ? graph.node("Conv", attributes, x, w)
                    : graph.node("Conv", attributes, x, w, graph.constant("bias", vector(parameters.get(1))));
        }
        if (layer instanceof MaxPool2d || layer instanceof AvgPool2d) {
            int k = (Integer) config.get("kernel");
            int s = (Integer) config.get("stride");
            int p = (Integer) config.get("padding");
            Onnx.AttributeProto kernel = intsAttribute("kernel_shape", k, k);
            Onnx.AttributeProto strides = intsAttribute("strides", s, s);
            Onnx.AttributeProto pads = intsAttribute("pads", p, p, p, p);
            return layer instanceof MaxPool2d
                    ? graph.node("MaxPool", new Onnx.AttributeProto[] {kernel, strides, pads}, x)
                    : graph.node("AveragePool", new Onnx.AttributeProto[] {kernel, strides, pads,
                        intAttribute("count_include_pad", 1)}, x);
        }
        if (layer instanceof BatchNorm) {
            Map<String, INDArray> buffers = layer.buffers();
            return graph.node("BatchNormalization",
                    new Onnx.AttributeProto[] {floatAttribute("epsilon", (Double) config.get("epsilon"))}, x,
                    graph.constant("gamma", vector(layer.parameters().get(0).value())),
                    graph.constant("beta", vector(layer.parameters().get(1).value())),
                    graph.constant("mean", vector(buffers.get("runningMean"))),
                    graph.constant("variance", vector(buffers.get("runningVariance"))));
        }
        if (layer instanceof Normalization) {
            Map<String, INDArray> buffers = layer.buffers();
            String centred = graph.node("Sub", x, graph.constant("mean", buffers.get("mean")));
            return graph.node("Div", centred, graph.constant("scale", buffers.get("scale")));
        }
        if (layer instanceof Flatten) {
            rank = 2;
            return graph.node("Flatten", new Onnx.AttributeProto[] {intAttribute("axis", 1)}, x);
        }
        if (layer instanceof Reshape) {
            @SuppressWarnings("unchecked")
            List<Long> shape = (List<Long>) config.get("shape");
            long[] target = new long[shape.size() + 1];
            for (int i = 0; i < shape.size(); i++) {
                target[i + 1] = shape.get(i);
            }
            rank = target.length;
            return graph.node("Reshape", x, graph.longs("shape", target));
        }
        if (layer instanceof Dropout || layer instanceof Identity) {
            return graph.node("Identity", x);
        }
        return activation(layer, x, config);
    }

    private String activation(Layer layer, String x, Map<String, Object> config) {
        if (layer instanceof ReLU) {
            return graph.node("Relu", x);
        }
        if (layer instanceof Sigmoid) {
            return graph.node("Sigmoid", x);
        }
        if (layer instanceof Tanh) {
            return graph.node("Tanh", x);
        }
        if (layer instanceof Softsign) {
            return graph.node("Softsign", x);
        }
        if (layer instanceof Sign) {
            return graph.node("Sign", x);
        }
        if (layer instanceof Mish) {
            return graph.node("Mish", x);
        }
        if (layer instanceof SiLU) {
            return graph.node("Mul", x, graph.node("Sigmoid", x));
        }
        if (layer instanceof Softmax) {
            return graph.node("Softmax", new Onnx.AttributeProto[] {intAttribute("axis", -1)}, x);
        }
        if (layer instanceof LogSoftmax) {
            return graph.node("LogSoftmax", new Onnx.AttributeProto[] {intAttribute("axis", -1)}, x);
        }
        if (layer instanceof LeakyReLU) {
            return graph.node("LeakyRelu", new Onnx.AttributeProto[] {floatAttribute("alpha",
                    (Double) config.get("alpha"))}, x);
        }
        if (layer instanceof SELU) {
            return graph.node("Selu", new Onnx.AttributeProto[] {floatAttribute("alpha", SELU.ALPHA),
                floatAttribute("gamma", SELU.LAMBDA)}, x);
        }
        if (layer instanceof ELU) {
            return graph.node("Elu", new Onnx.AttributeProto[] {floatAttribute("alpha",
                    (Double) config.get("alpha"))}, x);
        }
        if (layer instanceof GELU) {
            return graph.node("Gelu", new Onnx.AttributeProto[] {stringAttribute("approximate",
                    config.isEmpty() ? "none" : "tanh")}, x);
        }
        if (layer instanceof HardTanh) {
            return graph.node("Clip", x, scalar(-1), scalar(1));
        }
        if (layer instanceof HardSigmoid) {
            return graph.node("HardSigmoid", new Onnx.AttributeProto[] {floatAttribute("alpha", 1.0 / 6),
                floatAttribute("beta", 0.5)}, x);
        }
        if (layer instanceof Softplus) {
            double beta = (Double) config.get("beta");
            if (beta == 1) {
                return graph.node("Softplus", x);
            }
            return graph.node("Div", graph.node("Softplus", graph.node("Mul", x, scalar(beta))), scalar(beta));
        }
        if (layer instanceof PReLU) {
            INDArray alpha = layer.parameters().get(0).value();
            INDArray slope = alpha.length() == 1 || rank != 4 ? vector(alpha) : alpha.reshape(alpha.length(), 1, 1);
            return graph.node("PRelu", x, graph.constant("slope", slope));
        }
        throw new IllegalArgumentException("ONNX export: " + layer.name() + " has no ONNX operator; export a model "
                + "without it, or save it with ModelFile.save");
    }

    private String scalar(double value) {
        DataType type = graph.elementType() == Onnx.TensorProto.DataType.DOUBLE_VALUE ? DataType.DOUBLE
                : DataType.FLOAT;
        return graph.constant("scalar", Nd4j.scalar(type, value));
    }

    private static INDArray vector(INDArray row) {
        return row.reshape(row.length());
    }
}
