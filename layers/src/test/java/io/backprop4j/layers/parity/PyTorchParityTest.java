package io.backprop4j.layers.parity;

import io.backprop4j.core.Parameter;
import io.backprop4j.core.WeightInit;
import io.backprop4j.layers.BatchNorm;
import io.backprop4j.layers.Dense;
import io.backprop4j.layers.Layer;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.ELU;
import io.backprop4j.layers.activations.GELU;
import io.backprop4j.layers.activations.HardSigmoid;
import io.backprop4j.layers.activations.HardTanh;
import io.backprop4j.layers.activations.LeakyReLU;
import io.backprop4j.layers.activations.LogSoftmax;
import io.backprop4j.layers.activations.Mish;
import io.backprop4j.layers.activations.PReLU;
import io.backprop4j.layers.activations.ReLU;
import io.backprop4j.layers.activations.SELU;
import io.backprop4j.layers.activations.SiLU;
import io.backprop4j.layers.activations.Sigmoid;
import io.backprop4j.layers.activations.Softmax;
import io.backprop4j.layers.activations.Softplus;
import io.backprop4j.layers.activations.Softsign;
import io.backprop4j.layers.activations.Tanh;
import io.backprop4j.layers.conv.AvgPool2d;
import io.backprop4j.layers.conv.Conv2d;
import io.backprop4j.layers.conv.MaxPool2d;
import io.backprop4j.layers.losses.KLDivergence;
import io.backprop4j.layers.losses.Loss;
import io.backprop4j.layers.losses.MeanSquaredError;
import io.backprop4j.layers.losses.NegativeLogLikelihood;
import io.backprop4j.layers.losses.Reduction;
import io.backprop4j.layers.losses.SigmoidBinaryCrossEntropy;
import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Every activation, layer and loss against PyTorch 1.13, forward and backward, in float32 and float64, from the
 * fixtures of {@code docs/tools/pytorch_parity.py}; tolerances in {@link Parity}.
 */
class PyTorchParityTest {

    private static final Map<String, Function<DataType, Layer>> ACTIVATIONS = Map.ofEntries(
            Map.entry("relu", t -> new ReLU()),
            Map.entry("leaky-relu", t -> new LeakyReLU(0.01)),
            Map.entry("elu", t -> new ELU()),
            Map.entry("selu", t -> new SELU()),
            Map.entry("gelu", t -> new GELU()),
            Map.entry("gelu-tanh", t -> new GELU(true)),
            Map.entry("silu", t -> new SiLU()),
            Map.entry("mish", t -> new Mish()),
            Map.entry("softplus", t -> new Softplus()),
            Map.entry("softplus-beta2", t -> new Softplus(2, 5)),
            Map.entry("sigmoid", t -> new Sigmoid()),
            Map.entry("tanh", t -> new Tanh()),
            Map.entry("softsign", t -> new Softsign()),
            Map.entry("hardtanh", t -> new HardTanh()),
            Map.entry("hardsigmoid", t -> new HardSigmoid()),
            Map.entry("prelu", t -> new PReLU(0, t)),
            Map.entry("softmax", t -> new Softmax()),
            Map.entry("log-softmax", t -> new LogSoftmax()));

    private static final List<String> PRECISIONS = List.of("f32", "f64");

    private static DataType type(String precision) {
        return precision.equals("f32") ? DataType.FLOAT : DataType.DOUBLE;
    }

    @TestFactory
    List<DynamicTest> activations() throws Exception {
        Map<String, INDArray> f = Parity.fixtures(getClass(), "activations.npz");
        return ACTIVATIONS.keySet().stream().sorted().flatMap(name -> List.of("wide", "tiny", "kinks").stream()
                .flatMap(kind -> PRECISIONS.stream().map(precision -> DynamicTest.dynamicTest(
                        name + " " + kind + " " + precision, () -> {
                            String key = name + "." + kind + "." + precision;
                            DataType type = type(precision);
                            Layer layer = ACTIVATIONS.get(name).apply(type);
                            INDArray y = layer.forward(f.get(key + ".x").castTo(type), true).dup();
                            INDArray dx = layer.backward(f.get(key + ".g").castTo(type)).dup();
                            boolean rows = name.contains("softmax");
                            check(rows, key + " forward", y, f.get(key + ".y64"), f.get(key + ".y"), null, type);
                            check(rows, key + " backward", dx, f.get(key + ".dx64"), f.get(key + ".dx"),
                                    f.get(key + ".g"), type);
                        })))).toList();
    }

    private static void check(boolean rows, String what, INDArray ours, INDArray exact, INDArray torch,
            INDArray upstream, DataType type) {
        if (rows) {
            for (int r = 0; r < exact.rows(); r++) {
                Parity.array(what + " row " + r, ours.getRow(r), exact.getRow(r), torch.getRow(r), type);
            }
        } else {
            Parity.elementwise(what, ours, exact, torch, upstream, type);
        }
    }

    @TestFactory
    List<DynamicTest> layers() throws Exception {
        Map<String, INDArray> f = Parity.fixtures(getClass(), "layers.npz");
        return List.of("dense", "conv2d", "maxpool2d", "avgpool2d", "batchnorm1d", "batchnorm2d").stream()
                .flatMap(name -> PRECISIONS.stream().map(precision -> DynamicTest.dynamicTest(name + " " + precision,
                        () -> {
                            String key = name + "." + precision;
                            DataType type = type(precision);
                            Layer layer = layer(name, type);
                            List<Parameter> parameters = layer.parameters();
                            for (int i = 0; i < parameters.size(); i++) {
                                INDArray value = f.get(key + ".in" + (i + 1)).castTo(type);
                                parameters.get(i).value().assign(value.reshape(parameters.get(i).value().shape()));
                            }
                            Sequential model = Sequential.of(layer);
                            INDArray y = model.forward(f.get(key + ".in0").castTo(type), true).dup();
                            model.zeroGradients();
                            INDArray dx = model.backward(f.get(key + ".g").castTo(type)).dup();
                            Parity.array(key + " forward", y, f.get(key + ".out0.64"), f.get(key + ".out0"), type);
                            Parity.array(key + " ∂J/∂x", dx, f.get(key + ".out1.64"), f.get(key + ".out1"), type);
                            for (int i = 0; i < parameters.size(); i++) {
                                Parity.array(key + " ∂J/∂" + parameters.get(i).name(),
                                        parameters.get(i).gradient(), f.get(key + ".out" + (i + 2) + ".64"),
                                        f.get(key + ".out" + (i + 2)), type);
                            }
                        }))).toList();
    }

    private static Layer layer(String name, DataType type) {
        return switch (name) {
            case "dense" -> new Dense(5, 4, WeightInit.XAVIER_UNIFORM, type);
            case "conv2d" -> new Conv2d(3, 4, 3, 2, 1, true, WeightInit.LECUN_UNIFORM, type);
            case "maxpool2d" -> new MaxPool2d(2);
            case "avgpool2d" -> new AvgPool2d(3, 1, 1);
            case "batchnorm1d" -> new BatchNorm(5, 1e-5, 0.1, type);
            case "batchnorm2d" -> new BatchNorm(3, 1e-5, 0.1, type);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static Loss loss(String name, Reduction reduction) {
        return switch (name) {
            case "softmax-cross-entropy" -> new SoftmaxCrossEntropy(reduction);
            case "negative-log-likelihood" -> new NegativeLogLikelihood(reduction);
            case "mean-squared-error" -> new MeanSquaredError(reduction);
            case "sigmoid-bce" -> new SigmoidBinaryCrossEntropy(reduction);
            case "kl-divergence" -> new KLDivergence(KLDivergence.Input.LOG_PROBABILITIES, reduction);
            default -> throw new IllegalArgumentException(name);
        };
    }

    @TestFactory
    List<DynamicTest> losses() throws Exception {
        Map<String, INDArray> f = Parity.fixtures(getClass(), "losses.npz");
        List<String> names = List.of("softmax-cross-entropy", "negative-log-likelihood", "mean-squared-error",
                "sigmoid-bce", "kl-divergence");
        return names.stream().flatMap(name -> Stream.of(Reduction.values())
                .filter(r -> r != Reduction.BATCHMEAN || name.equals("kl-divergence"))
                .flatMap(reduction -> PRECISIONS.stream().map(precision -> DynamicTest.dynamicTest(
                        name + " " + reduction + " " + precision, () -> {
                            String key = name + "." + reduction.name().toLowerCase(Locale.ROOT) + "." + precision;
                            DataType type = type(precision);
                            Loss loss = loss(name, reduction);
                            INDArray x = f.get(key + ".x").castTo(type);
                            INDArray target = f.get(key + ".target").castTo(type);
                            INDArray value = Nd4j.scalar(loss.value(x, target));
                            Parity.array(key + " J", value, f.get(key + ".value.64"), f.get(key + ".value"), type);
                            Parity.array(key + " ∂J/∂x", loss.gradient(x, target), f.get(key + ".grad.64"),
                                    f.get(key + ".grad"), type);
                            Loss.Result evaluated = loss.evaluate(x, target);
                            Parity.array(key + " evaluate J", Nd4j.scalar(evaluated.value()),
                                    f.get(key + ".value.64"), f.get(key + ".value"), type);
                            Parity.array(key + " evaluate ∂J/∂x", evaluated.gradient(), f.get(key + ".grad.64"),
                                    f.get(key + ".grad"), type);
                            if (reduction == Reduction.NONE) {
                                Parity.array(key + " terms", loss.terms(x, target), f.get(key + ".terms.64"),
                                        f.get(key + ".terms"), type);
                            }
                        })))).toList();
    }
}
